/* attack: an indirect function, whose resolver runs while the program is
 *         being loaded, before any test
 * as: idft_ex.c
 * expect: idft_ex.c: not graded:
 */
#include "exercise.h"

static int fake_idft(const double complex *X, size_t n, double complex *x)
{
    (void)X, (void)n, (void)x;
    return DSP_OK;
}

static void *resolve(void)
{
    return (void *)fake_idft;
}

int idft_ex(const double complex *X, size_t n, double complex *x)
    __attribute__((ifunc("resolve")));
