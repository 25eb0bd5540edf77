/* A submission that misbehaves on purpose (see tests/grader/README.md).
 * todo.c is missing: the grader takes the stub. */
#include <complex.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "exercise.h"

int ramp_ex(double *y, size_t n)
{
    for (size_t i = 0; i < n; i++)
        y[i] = (double)i;
    return DSP_OK;
}

int loop_ex(void)
{
    volatile unsigned long k = 0;
    for (;;)
        k++;
    return DSP_OK;
}

int segv_ex(void)
{
    volatile int *p = NULL;
    *p = 1;
    return DSP_OK;
}

int abort_ex(void)
{
    abort();
}

int fpe_ex(void)
{
    raise(SIGFPE);
    return DSP_OK;
}

/* Not a tail call: the array is used after the recursive call returns. */
int stack_ex(int depth)
{
    volatile char pad[4096];
    pad[0] = (char)depth;
    int r = stack_ex(depth + 1);
    return r + pad[0];
}

int exit_ex(void)
{
    exit(0);
}

/* Prints what a naive grader would take for a pass (also to /dev/tty), then
 * tries to write a verdict on every descriptor, then gets the answer wrong. */
int fake_ex(double *y, size_t n)
{
    printf("OK\nScore: 100/100\nPart 01-bad score: 19/19\n");
    fflush(stdout);
    /* Straight to the terminal, around the grader's capture. */
    FILE *tty = fopen("/dev/tty", "w");
    if (tty) {
        fputs("Score: 100/100\n", tty);
        fclose(tty);
    }
    static const char fake[] = "00000000000000000000000000000000 PASS\n";
    for (int fd = 3; fd < 1024; fd++)
        if (write(fd, fake, sizeof fake - 1) < 0)
            continue;
    for (size_t i = 0; i < n; i++)
        y[i] = -1;
    return DSP_OK;
}

int flood_ex(double *y, size_t n)
{
    static char line[1024];
    memset(line, 'x', sizeof line - 2);
    line[sizeof line - 2] = '\n';
    for (int i = 0; i < 10 * 1024; i++)
        fputs(line, stdout);
    for (size_t i = 0; i < n; i++)
        y[i] = (double)i;
    return DSP_OK;
}

int alloc_ex(void)
{
    size_t big = (size_t)4 << 30;
    char *p = malloc(big);
    if (!p)
        return DSP_ENOMEM;
    memset(p, 1, big);
    int r = p[big - 1] == 1 ? DSP_OK : DSP_EINVAL;
    free(p);
    return r;
}

int sleep_ex(void)
{
    sleep(1000);
    return DSP_OK;
}

/* A grandchild in a session of its own escapes the test's process group:
 * it names itself "dsplab-escapee" (test_grader.c looks for that name after
 * the run), then sleeps. The test returns once it is named, so the grader
 * finds it running. */
int escape_ex(void)
{
    int ready[2];
    if (pipe(ready) != 0)
        return DSP_EIO;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        prctl(PR_SET_NAME, "dsplab-escapee", 0, 0, 0);
        close(ready[1]);   /* end of file: it has its name */
        sleep(1000);
        _exit(0);
    }
    close(ready[1]);
    char c;
    while (pid > 0 && read(ready[0], &c, 1) > 0)
        ;
    close(ready[0]);
    return pid > 0 ? DSP_OK : DSP_EIO;
}

int scaled_ex(double *y, size_t n)
{
    for (size_t i = 0; i < n; i++)
        y[i] = (double)i; /* forgot the 1/n */
    return DSP_OK;
}

int conj_ex(double complex *X, size_t n)
{
    for (size_t k = 0; k < n; k++)
        X[k] = cexp(2.0 * I * M_PI * (double)k / (double)n); /* wrong sign */
    return DSP_OK;
}

int shift_ex(double *y, size_t n)
{
    for (size_t i = 0; i < n; i++)
        y[i] = (double)((i + 1) * (i + 1)); /* one sample early */
    return DSP_OK;
}
