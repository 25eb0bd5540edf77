/* attack: a destructor that leaves a background process behind, which
 *         rewrites results.json after the grader printed its score
 * as: kernel_ex.c
 * expect: kernel_ex.c: not graded: it has a constructor or destructor
 */
#include <stdio.h>
#include <unistd.h>

#include "exercise.h"

__attribute__((destructor)) static void after_main(void)
{
    if (fork() == 0) {
        setsid();
        sleep(2);
        FILE *f = fopen("@REPO@/grader/out/results.json", "w");
        if (f) {
            fputs("{\"score\": 27}\n", f);
            fclose(f);
        }
        _exit(0);
    }
}

int gen_kernel_ex(size_t k, size_t n, double complex *s)
{
    (void)k, (void)n, (void)s;
    return DSP_ETODO;
}
