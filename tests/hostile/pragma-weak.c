/* attack: #pragma weak makes the exercise name an alias for the library's
 *         version, without a call the symbol table would show
 * as: dft_ex.c
 * expect: dft_ex.c: not graded:
 */
#include "exercise.h"

#pragma weak dft_ex = dsp_dft_real
