/*
 * Lesson 04, Part 3 — The inverse STFT by weighted overlap-add
 *
 * Implement istft_ex(): dsp_dftmodel_synthesize turns row k of (mX, pX)
 * back into the windowed frame x_k * wn (wn = w / sum(w), m samples).
 * Multiply by wn once more, add it in at samples t = k*hop - h + i
 * (h = floor(m/2); drop samples outside 0 .. len-1), and add up the
 * weights wn[i]^2 at the same places. Then
 *     y[t] = sum_k wn * (x_k wn)  /  sum_k wn^2          (every t)
 * which is x[t] exactly, whatever the window and hop — as long as some
 * frame covers t with a non-zero weight. It is the least-squares inverse
 * of the STFT (Griffin and Lim, 1984).
 *
 * mX, pX   input, n_frames rows of n_fft/2+1 values (as stft_ex writes)
 * n_frames must equal len/hop + 1
 * w, m, n_fft, hop  the same as for the analysis
 * y        output, len samples, allocated by the caller
 * Returns DSP_OK, DSP_EINVAL (bad sizes, n_frames != len/hop + 1, or a
 * sample whose sum_k wn^2 is <= 1e-16 * max_i wn[i]^2, the library's
 * threshold), DSP_ENOMEM.
 *
 * EXAMPLE  white noise, periodic Hann m = n_fft = 512, hop 128: y equals x
 *          with an SNR of about 290 dB (rounding only).
 *          periodic Hann m = 64, hop 64: w[0] = 0, so sample 32 is covered
 *          only by frame 1's zero weight -> DSP_EINVAL.
 *   The grader compares y with the library's synthesis (1e-9) and with the
 *   original signal (SNR > 100 dB).
 * HINT  dsp_dftmodel_window() gives wn. Check the weights before dividing,
 *       and use calloc for the sums.
 * CHECK make grade LESSON=04 ONLY=istft
 */
#include <stdlib.h>
#include <string.h>

#include <dsplab/dftmodel.h>

#include "exercise.h"

int istft_ex(const double *mX, const double *pX, size_t n_frames, const double *w, size_t m,
             size_t n_fft, size_t hop, double *y, size_t len)
{
    /* YOUR CODE HERE */
    (void)mX;
    (void)pX;
    (void)n_frames;
    (void)w;
    (void)m;
    (void)n_fft;
    (void)hop;
    (void)y;
    (void)len;
    return DSP_ETODO;
}
