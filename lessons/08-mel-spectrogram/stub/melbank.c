/*
 * Lesson 08, Part 2 — The triangular mel filterbank
 *
 * Implement melbank_ex(): librosa's filterbank (librosa.filters.mel) as a
 * dense matrix of n_mels rows (bands) by n_bins = n_fft/2 + 1 columns (FFT
 * bins 0 .. Nyquist).
 *   1. n_mels + 2 edges equally spaced in mel from mel(f_min) to mel(f_max):
 *        e_i = mel(f_min) + i * (mel(f_max) - mel(f_min)) / (n_mels + 1),
 *      converted back to Hz: f_i = hz(e_i), i = 0 .. n_mels + 1.
 *   2. Band m is a triangle in Hz: 0 at f_m, 1 at f_{m+1}, 0 at f_{m+2}.
 *      For bin k at F_k = k * sample_rate / n_fft Hz:
 *        W[m][k] = max(0, min((F_k - f_m) / (f_{m+1} - f_m),
 *                             (f_{m+2} - F_k) / (f_{m+2} - f_{m+1})))
 *   3. DSP_MEL_NORM_SLANEY: multiply row m by 2 / (f_{m+2} - f_m), which
 *      gives every triangle the same area; DSP_MEL_NORM_NONE: peaks of 1.
 * A band narrower than the bin spacing may catch no bin: its row is all
 * zeros (librosa warns; that is not an error).
 *
 * sample_rate  Hz, > 0              n_fft  FFT size, >= 2
 * n_mels       bands, >= 1          f_min, f_max  Hz, 0 <= f_min < f_max <= sample_rate/2
 * scale, norm  as in exercise.h
 * W            output, n_mels * n_bins values, row-major: W[m * n_bins + k].
 *              Write every element, zeros included.
 * Returns DSP_OK, DSP_EINVAL for a bad argument, DSP_ENOMEM.
 *
 * EXAMPLE  sample_rate 2000, n_fft 20 (11 bins, 100 Hz apart), n_mels 4,
 *          0 .. 1000 Hz, DSP_MEL_SLANEY (linear up to 1000 Hz): edges
 *          0, 3, 6, 9, 12, 15 mel = 0, 200, 400, 600, 800, 1000 Hz, so
 *            row 0 = {0, 0.5, 1, 0.5, 0, 0,   0, 0,   0, 0,   0}
 *            row 1 = {0, 0,   0, 0.5, 1, 0.5, 0, 0,   0, 0,   0}
 *            row 3 = {0, 0,   0, 0,   0, 0,   0, 0.5, 1, 0.5, 0}
 *          With DSP_MEL_NORM_SLANEY every row is divided by 200
 *          (2 / 400): peaks of 0.005.
 *   0.49999999999999994 instead of 0.5 is rounding noise; the grader allows
 *   1e-9. It also checks librosa's default bank (22050 Hz, n_fft 2048,
 *   128 bands) and HTK banks against the library's dsp_melbank_dense().
 * HINT  Compute the n_mels + 2 edges once, then fill row by row. You may
 *       call your hz_to_mel_ex / mel_to_hz_ex, or the library's
 *       dsp_hz_to_mel / dsp_mel_to_hz (mel.h): Part 1 was about those.
 *       On the EXAMPLE, print your edges first: 0, 200, 400, .., 1000 Hz.
 *       Six edges for four bands: the step in mel divides by n_mels + 1.
 * CHECK make grade LESSON=08 ONLY=melbank
 */
#include <math.h>
#include <stdlib.h>

#include "exercise.h"

int melbank_ex(double sample_rate, size_t n_fft, size_t n_mels, double f_min, double f_max,
               enum dsp_mel_scale scale, enum dsp_mel_norm norm, double *W)
{
    /* YOUR CODE HERE */
    (void)sample_rate;
    (void)n_fft;
    (void)n_mels;
    (void)f_min;
    (void)f_max;
    (void)scale;
    (void)norm;
    (void)W;
    return DSP_ETODO;
}
