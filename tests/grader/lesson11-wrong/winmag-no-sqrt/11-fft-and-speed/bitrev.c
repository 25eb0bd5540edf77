/* Lesson 11, Part 1 — reference solution. */
#include "exercise.h"

int bitrev_ex(size_t n, size_t *rev)
{
    if (n == 0 || (n & (n - 1)) != 0 || rev == NULL)
        return dsp_fail(DSP_EINVAL, "bitrev_ex: n = %zu is not a power of two", n);
    size_t bits = 0;
    while (((size_t)1 << bits) < n)
        bits++;
    for (size_t i = 0; i < n; i++) {
        size_t r = 0;
        for (size_t b = 0; b < bits; b++)
            r |= ((i >> b) & 1u) << (bits - 1 - b);   /* bit b moves to bit bits-1-b */
        rev[i] = r;
    }
    return DSP_OK;
}
