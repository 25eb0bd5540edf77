/* Lesson 01, Part 5 — reference solution. */
#include "exercise.h"

int block_energy_ex(const double *x, size_t n, size_t size, size_t hop, double *e,
                    size_t *nblocks)
{
    if (size == 0 || hop == 0 || nblocks == NULL || (n > 0 && x == NULL))
        return DSP_EINVAL;
    size_t nb = n >= size ? (n - size) / hop + 1 : 0;
    if (nb > 0 && e == NULL)
        return DSP_EINVAL;
    for (size_t b = 0; b < nb; b++) {
        const double *block = x + b * hop;
        double sum = 0.0;
        for (size_t i = 0; i < size; i++)
            sum += block[i] * block[i];
        e[b] = sum;
    }
    *nblocks = nb;
    return DSP_OK;
}
