/* Lesson 01, Part 6 — reference solution. */
#include <math.h>
#include <stdlib.h>

#include "exercise.h"

int write_tone_ex(const char *path, double amp, double freq, double seconds, double fs)
{
    if (path == NULL || !(fs > 0) || !(seconds > 0) || !isfinite(seconds * fs) ||
        !(fabs(amp) <= 1) || !isfinite(freq))
        return DSP_EINVAL;
    size_t n = (size_t)llround(seconds * fs);
    if (n == 0)
        return DSP_EINVAL;
    double *x = malloc(n * sizeof *x);
    if (x == NULL)
        return DSP_ENOMEM;
    const double pi = acos(-1.0);
    for (size_t i = 0; i < n; i++)
        x[i] = amp * cos(2.0 * pi * freq * (double)i / fs);
    int status = dsp_audio_write_wav(path, x, n, 1, fs, DSP_WAV_PCM16);
    free(x);
    return status;
}
