/*
 * dftmodel.h — the DFT model of one frame, in the convention of the course
 * "Audio Signal Processing for Music Applications" and its toolkit:
 *
 *   1. the analysis window w (M samples) is normalised to unit sum, so a
 *      sinusoid of amplitude A at a bin centre peaks at 20*log10(A/2) dB;
 *   2. zero-phase windowing: the windowed frame x*w is rotated into an
 *      N-sample buffer (N >= M, zero-padded) so that its middle sample,
 *      index floor(M/2), sits at time 0 — buffer[0 .. (M+1)/2 - 1] holds
 *      samples floor(M/2) .. M-1 and buffer[N - floor(M/2) .. N-1] holds
 *      samples 0 .. floor(M/2) - 1;
 *   3. the real FFT of the buffer gives N/2+1 bins (0 .. fs/2);
 *   4. magnitude mX = 20*log10|X| in dB (floored, see spectrum.h), phase
 *      pX = unwrap(arg X) along frequency, where a real or imaginary part
 *      below 1e-14 in magnitude is first set to 0 (rounding noise has no
 *      meaningful phase; the course toolkit does the same, part by part).
 *
 * Synthesis inverts this: (mX, pX) -> spectrum -> inverse FFT -> undo the
 * rotation -> the M-sample windowed frame x*w (with w normalised), to 1e-9.
 *
 *     double w[1001];
 *     dsp_window_fill(DSP_WIN_HAMMING, 0, DSP_WINDOW_PERIODIC, w, 1001);
 *     struct dsp_dftmodel *dm = dsp_dftmodel_new(w, 1001, 1024);
 *     dsp_dftmodel_analyze(dm, x, mX, pX);           // mX, pX: 513 values
 *     dsp_dftmodel_synthesize(dm, mX, pX, y);        // y: 1001 values
 *     dsp_dftmodel_free(dm);
 */
#ifndef DSPLAB_DFTMODEL_H
#define DSPLAB_DFTMODEL_H

#include <complex.h>
#include <stddef.h>

struct dsp_dftmodel;

/* window: m values (copied, then normalised to unit sum; its sum must be
 * non-zero). n_fft >= m. NULL with dsp_last_error() set on a bad size. */
struct dsp_dftmodel *dsp_dftmodel_new(const double *window, size_t m, size_t n_fft);
void dsp_dftmodel_free(struct dsp_dftmodel *dm);   /* NULL is a no-op */

size_t dsp_dftmodel_window_size(const struct dsp_dftmodel *dm);  /* M */
size_t dsp_dftmodel_fft_size(const struct dsp_dftmodel *dm);     /* N */
/* The normalised window, M values. */
const double *dsp_dftmodel_window(const struct dsp_dftmodel *dm);

/* Steps 1-3: x (M samples) -> X (N/2+1 bins). */
int dsp_dftmodel_spectrum(struct dsp_dftmodel *dm, const double *x, double complex *X);

/* Steps 1-3 then |X| (N/2+1 linear magnitudes): the fast path, no
 * logarithm, no phase, no copy of the spectrum. */
int dsp_dftmodel_magnitude(struct dsp_dftmodel *dm, const double *x, double *mag);

/* Like the magnitude, but |X|^2 with the window AS GIVEN to dsp_dftmodel_new
 * (not normalised): the power spectrum of librosa's stft (window as given,
 * no scaling). The zero-phase rotation does not change magnitudes, so with
 * M == N this equals |librosa.stft|^2 of the same frame. N/2+1 values. */
int dsp_dftmodel_power(struct dsp_dftmodel *dm, const double *x, double *power);

/* Steps 1-4: x (M samples) -> mX (dB), pX (radians, unwrapped), N/2+1 each.
 * pX may be NULL when only the magnitude is wanted. */
int dsp_dftmodel_analyze(struct dsp_dftmodel *dm, const double *x, double *mX, double *pX);

/* (mX, pX), N/2+1 each -> y, the M-sample windowed frame. */
int dsp_dftmodel_synthesize(struct dsp_dftmodel *dm, const double *mX, const double *pX,
                            double *y);

#endif
