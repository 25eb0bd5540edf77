/* Lesson 08, Part 6 — reference solution. */
#include <complex.h>
#include <math.h>
#include <stdlib.h>

#include <dsplab/fft.h>

#include "exercise.h"

/* vggish_params.py at 16 kHz */
#define WIN 400      /* round(0.025 s * 16000) */
#define HOP 160      /* round(0.010 s * 16000) */
#define NFFT 512     /* next power of two >= WIN */
#define NBINS (NFFT / 2 + 1)
#define NMELS 64
#define FMIN 125.0
#define FMAX 7500.0
#define LOG_OFFSET 0.01
#define FS 16000.0

int vggish_frames_ex(size_t len, size_t *n_frames)
{
    *n_frames = len < WIN ? 0 : 1 + (len - WIN) / HOP;
    return DSP_OK;
}

static double mel_ln(double f)
{
    return 1127.0 * log(1.0 + f / 700.0);
}

/* mel_features.spectrogram_to_mel_matrix, stored band by band:
 * W[m * NBINS + k]. The bins' frequencies are linspace(0, FS/2, NBINS),
 * converted to mel; the triangles are straight lines in mel. */
static void vggish_bank(double *W)
{
    double lo = mel_ln(FMIN), hi = mel_ln(FMAX);
    double step = (hi - lo) / (NMELS + 1);
    double edges[NMELS + 2];
    for (int i = 0; i < NMELS + 2; i++)
        edges[i] = i == NMELS + 1 ? hi : lo + i * step;
    for (int m = 0; m < NMELS; m++) {
        double l = edges[m], c = edges[m + 1], u = edges[m + 2];
        for (int k = 0; k < NBINS; k++) {
            double b = mel_ln(k * ((FS / 2.0) / (NBINS - 1)));
            double w = fmin((b - l) / (c - l), (u - b) / (u - c));
            W[m * NBINS + k] = (k == 0 || w < 0.0) ? 0.0 : w;   /* DC weighs nothing */
        }
    }
}

int vggish_ex(const double *x, size_t len, double *logmel, size_t n_frames)
{
    size_t want;
    vggish_frames_ex(len, &want);
    if (n_frames != want)
        return DSP_EINVAL;
    if (n_frames == 0)
        return DSP_OK;

    const double pi = acos(-1.0);
    double *W = malloc(NMELS * NBINS * sizeof *W);
    double *frame = malloc(NFFT * sizeof *frame), *mag = malloc(NBINS * sizeof *mag);
    double complex *X = malloc(NBINS * sizeof *X);
    double win[WIN];
    struct dsp_fft *fft = dsp_fft_new(NFFT);
    int status = DSP_ENOMEM;
    if (!W || !frame || !mag || !X || !fft)
        goto done;
    vggish_bank(W);
    for (int i = 0; i < WIN; i++)   /* periodic Hann: period WIN, not WIN - 1 */
        win[i] = 0.5 - 0.5 * cos(2.0 * pi * i / WIN);

    for (size_t t = 0; t < n_frames; t++) {
        const double *s = x + t * HOP;
        for (int i = 0; i < WIN; i++)
            frame[i] = win[i] * s[i];
        for (int i = WIN; i < NFFT; i++)
            frame[i] = 0.0;   /* zero-padded to the FFT size */
        dsp_fft_forward_real(fft, frame, X);
        for (int k = 0; k < NBINS; k++)
            mag[k] = cabs(X[k]);   /* magnitude, not power */
        for (int m = 0; m < NMELS; m++) {
            double acc = 0.0;
            for (int k = 0; k < NBINS; k++)
                acc += W[m * NBINS + k] * mag[k];
            logmel[t * NMELS + m] = log(acc + LOG_OFFSET);
        }
    }
    status = DSP_OK;
done:
    dsp_fft_free(fft);
    free(W);
    free(frame);
    free(mag);
    free(X);
    return status;
}
