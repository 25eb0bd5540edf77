/*
 * Lesson 08, Part 6 — The VGGish front end, rebuilt
 *
 * Implement vggish_frames_ex() and vggish_ex(): the log-mel features that
 * Google's VGGish model is trained on (and Core ML's
 * SoundAnalysisPreprocessing computes), from a signal already at 16000 Hz
 * (mel_features.log_mel_spectrogram with vggish_params.py):
 *   1. frames of 400 samples (25 ms) every 160 (10 ms), only whole ones:
 *        n_frames = 1 + (len - 400) / 160, or 0 when len < 400;
 *      frame t is x[160 t .. 160 t + 399];
 *   2. times a PERIODIC Hann window w[i] = 0.5 - 0.5 cos(2 pi i / 400),
 *      zero-padded to 512, real FFT, magnitude |X[k]| (not squared),
 *      k = 0 .. 256 (bin k at 31.25 k Hz);
 *   3. 64 mel bands from 125 to 7500 Hz on mel(f) = 1127 ln(1 + f/700),
 *      triangles drawn IN MEL: with the 66 edges e_i equally spaced in mel
 *      and b_k = mel(31.25 k),
 *        W[m][k] = max(0, min((b_k - e_m) / (e_{m+1} - e_m),
 *                             (e_{m+2} - b_k) / (e_{m+2} - e_{m+1}))),
 *      W[m][0] = 0 for every band, no normalisation;
 *      mel[t][m] = sum_k W[m][k] |X_t[k]|;
 *   4. logmel[t][m] = ln(mel[t][m] + 0.01).
 *
 * x        input, len samples at 16000 Hz
 * logmel   output, n_frames rows of 64: logmel[t * 64 + m]
 * n_frames must equal vggish_frames_ex(len); 0 frames is DSP_OK.
 * Returns DSP_OK, DSP_EINVAL (wrong n_frames), DSP_ENOMEM.
 *
 * EXAMPLE  len 15600 (0.975 s) -> 96 frames: one 96 x 64 example, the input
 *          VGGish and Core ML expect. len 399 -> 0, 400 -> 1, 560 -> 2.
 *          15600 zeros -> every value ln(0.01) = -4.6051702.
 *          The first edges are 125, 154.67, 185.40, 217.25 Hz; the last
 *          band peaks at 7215.35 Hz and ends at 7500 Hz.
 *   The grader compares with the library's dsp_vggish_log_mel() to 1e-4;
 *   any correct computation in double agrees to ~1e-12. Compute in double:
 *   float rounding in the FFT, magnified by the log in quiet bands, can
 *   reach 1e-3.
 * HINT  The FFT is not the point here: use the library's (fft.h:
 *       dsp_fft_new(512), dsp_fft_forward_real, cabs). Build the 64 x 257
 *       matrix once per call, like Part 2 but in mel, and do not let the
 *       window become symmetric (cos(2 pi i / 399) is a classic slip).
 * CHECK make grade LESSON=08 ONLY=vggish
 */
#include <complex.h>
#include <math.h>
#include <stdlib.h>

#include <dsplab/fft.h>

#include "exercise.h"

int vggish_frames_ex(size_t len, size_t *n_frames)
{
    /* YOUR CODE HERE */
    (void)len;
    (void)n_frames;
    return DSP_ETODO;
}

int vggish_ex(const double *x, size_t len, double *logmel, size_t n_frames)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)len;
    (void)logmel;
    (void)n_frames;
    return DSP_ETODO;
}
