/* Lesson 12, Part 4 — a streaming log-mel front end (reference solution). */
#include "exercise.h"

#include <dsplab/fft.h>

#include <complex.h>
#include <math.h>
#include <stdlib.h>

static const double pi = 3.14159265358979323846;

int stream_mel_ex(double *ring, size_t cap, size_t pushed, const double *x, size_t n,
                  size_t win, size_t hop, size_t n_fft, const double *bank, size_t n_mels,
                  double *logmel, size_t max_frames, size_t *n_frames)
{
    if (!ring || (!x && n > 0) || !bank || !logmel || !n_frames || win == 0 || hop == 0 ||
        cap < win || n_fft < win || n_mels == 0)
        return DSP_EINVAL;
    size_t nb = n_fft / 2 + 1;
    struct dsp_fft *fft = dsp_fft_new(n_fft);
    double *buf = calloc(n_fft, sizeof *buf);
    double complex *X = malloc(nb * sizeof *X);
    int status = fft && buf && X ? DSP_OK : DSP_ENOMEM;
    *n_frames = 0;
    for (size_t i = 0; i < n && status == DSP_OK; i++) {
        size_t t = pushed + i;
        ring[t % cap] = x[i];
        if (t + 1 < win || (t + 1 - win) % hop != 0)
            continue;
        if (*n_frames == max_frames) {
            status = DSP_EINVAL;
            break;
        }
        /* the frame times the periodic Hann window; zeros to n_fft */
        size_t start = t + 1 - win;
        for (size_t j = 0; j < win; j++)
            buf[j] = ring[(start + j) % cap] * (0.5 - 0.5 * cos(2.0 * pi * (double)j / (double)win));
        for (size_t j = win; j < n_fft; j++)
            buf[j] = 0.0;
        dsp_fft_forward_real(fft, buf, X);
        double *out = logmel + *n_frames * n_mels;
        for (size_t m = 0; m < n_mels; m++) {
            double acc = 0.0;
            for (size_t b = 0; b < nb; b++)
                acc += bank[m * nb + b] * cabs(X[b]);
            out[m] = log(acc + 0.01);
        }
        (*n_frames)++;
    }
    dsp_fft_free(fft);
    free(buf);
    free(X);
    return status;
}
