/* attack: inline assembly that compiles (it could define symbols, sections
 *         or system calls the object's tables would not show plainly)
 * as: idft_ex.c
 * expect: idft_ex.c: not graded: inline assembly is not allowed (line
 */
#include "exercise.h"

#define SNEAKY __asm__ volatile("nop")

int idft_ex(const double complex *X, size_t n, double complex *x)
{
    (void)X, (void)n, (void)x;
    SNEAKY;
    return DSP_ETODO;
}
