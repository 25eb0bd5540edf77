/* attack: calls the library's own DFT instead of writing one
 * as: dft_ex.c
 * expect: dft_ex.c: not graded: it calls dsp_dft_real
 */
#include <dsplab/dft.h>

#include "exercise.h"

int dft_ex(const double *x, size_t n, double complex *X)
{
    return dsp_dft_real(x, n, X);
}
