/* attack: writes a well-formed reply of its own to the judge (status OK,
 *         outputs of the right size, made-up values), then exits
 * as: dft_ex.c
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exercise.h"

int dft_ex(const double *x, size_t n, double complex *X)
{
    (void)x;
    int32_t status = 0;
    uint32_t msg = 0;
    uint64_t bytes = n * sizeof *X;
    for (size_t k = 0; k < n; k++)
        X[k] = (double)n;
    for (int fd = 3; fd < 64; fd++) {
        if (write(fd, "RET1", 4) != 4)
            continue;
        (void)!write(fd, &status, sizeof status);
        (void)!write(fd, &msg, sizeof msg);
        (void)!write(fd, &bytes, sizeof bytes);
        (void)!write(fd, X, (size_t)bytes);
    }
    _exit(0);
}
