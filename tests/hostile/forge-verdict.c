/* attack: writes a passing verdict on every descriptor it can find, after
 *         scanning its stack for anything that looks like a 32-digit nonce
 * as: dft_ex.c
 */
#include <ctype.h>
#include <string.h>
#include <unistd.h>

#include "exercise.h"

int dft_ex(const double *x, size_t n, double complex *X)
{
    (void)x;
    char here;
    const char *p = &here;
    char nonce[33] = "00000000000000000000000000000000";
    for (int i = 0; i < 65536; i++) {
        int run = 0;
        while (run < 32 && isxdigit((unsigned char)p[i + run]))
            run++;
        if (run == 32) {
            memcpy(nonce, p + i, 32);
            break;
        }
    }
    for (int fd = 3; fd < 1024; fd++) {
        (void)!write(fd, nonce, 32);
        (void)!write(fd, " P 0\n", 5);
        (void)!write(fd, " PASS\n", 6);
    }
    for (size_t k = 0; k < n; k++)
        X[k] = 1;
    return DSP_OK;
}
