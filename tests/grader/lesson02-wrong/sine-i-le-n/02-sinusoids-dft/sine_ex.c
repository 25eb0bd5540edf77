/* Lesson 02, Part 1 — a write one past the end. */
#include <math.h>

#include "exercise.h"

int gen_sine_ex(double amp, double freq, double phase, double fs, double *x, size_t n)
{
    if (!(fs > 0) || !isfinite(fs) || !isfinite(amp) || !isfinite(freq) || !isfinite(phase) ||
        (n > 0 && x == NULL))
        return DSP_EINVAL;
    const double pi = acos(-1.0);
    for (size_t i = 0; i <= n; i++) /* MISTAKE: one past the end */
        x[i] = amp * cos(2.0 * pi * freq * (double)i / fs + phase);
    return DSP_OK;
}
