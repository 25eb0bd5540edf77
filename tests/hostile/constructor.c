/* attack: a constructor that runs before the tests: it would empty the test
 *         table and register an exit handler that rewrites the results
 * as: sine_ex.c
 * expect: sine_ex.c: not graded: it has a constructor or destructor
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exercise.h"

static void rewrite(void)
{
    FILE *f = fopen("@REPO@/grader/out/points.tsv", "w");
    if (f) {
        fputs("02-sinusoids-dft\t27\t27\n", f);
        fclose(f);
    }
}

__attribute__((constructor)) static void before_main(void)
{
    atexit(rewrite);
}

int gen_sine_ex(double amp, double freq, double phase, double fs, double *x, size_t n)
{
    (void)amp, (void)freq, (void)phase, (void)fs, (void)x, (void)n;
    return DSP_ETODO;
}
