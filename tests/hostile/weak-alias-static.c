/* attack: #pragma weak to publish a second name for a helper, so that the
 *         object defines more than its exercise
 * as: kernel_ex.c
 * expect: kernel_ex.c: not graded: #pragma weak renames symbols
 */
#include "exercise.h"

int gen_kernel_ex(size_t k, size_t n, double complex *s)
{
    (void)k, (void)n, (void)s;
    return DSP_ETODO;
}

#pragma weak grade_status = gen_kernel_ex
