/* attack: a main() of its own that writes a full-marks result file (and
 *         1000 points per test) where the grader keeps its results
 * as: dft_ex.c
 * expect: dft_ex.c: not graded: it defines the global symbol main
 */
#include <stdio.h>

#include "exercise.h"

int dft_ex(const double *x, size_t n, double complex *X)
{
    (void)x, (void)n, (void)X;
    return DSP_ETODO;
}

int main(void)
{
    FILE *f = fopen("@REPO@/build/grade/02-sinusoids-dft/result.txt", "w");
    if (f) {
        fprintf(f, "lesson\t02-sinusoids-dft\t1\n");
        for (int i = 0; i < 21; i++)
            fprintf(f, "test\tdft: t%d\t1000\t1000\tOK\t0\t\n", i);
        fclose(f);
    }
    puts("Score: 27/27");
    return 0;
}
