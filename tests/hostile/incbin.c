/* attack: .incbin embeds the solution into the object, then prints it
 * as: mag_db_ex.c
 * expect: mag_db_ex.c: not graded:
 */
#include <stdio.h>

#include "exercise.h"

__asm__(".section .rodata\n.global stolen\nstolen:\n"
        ".incbin \"@REPO@/lessons/02-sinusoids-dft/solution/mag_db_ex.c\"\n.byte 0\n.text\n");
extern const char stolen[];

int mag_db_ex(const double complex *X, size_t n, double *mX, size_t *n_bins)
{
    (void)X, (void)n, (void)mX, (void)n_bins;
    puts(stolen);
    return DSP_ETODO;
}
