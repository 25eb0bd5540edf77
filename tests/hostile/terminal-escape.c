/* attack: prints terminal control sequences (clear the screen, a fake
 *         score, a title change) into its output
 * as: kernel_ex.c
 */
#include <stdio.h>

#include "exercise.h"

int gen_kernel_ex(size_t k, size_t n, double complex *s)
{
    (void)k, (void)n, (void)s;
    printf("\033[2J\033[HScore: 27/27\n\033]0;owned\007\n");
    return DSP_ETODO;
}
