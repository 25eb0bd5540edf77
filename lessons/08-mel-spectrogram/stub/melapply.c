/*
 * Lesson 08, Part 3 — Applying the filterbank to a power spectrogram
 *
 * Implement melapply_ex(): each frame's power spectrum, weighted by each
 * band's triangle and summed, gives that band's power:
 *     S[t][m] = sum_{k=0}^{n_bins-1} W[m][k] * P[t][k]
 * i.e. S = P W^T, a (frames x bins) times (bins x bands) product.
 *
 * W         filterbank, n_mels rows of n_bins weights: W[m * n_bins + k]
 * P         power spectrogram |X|^2, n_frames rows of n_bins: P[t * n_bins + k]
 * S         output, n_frames rows of n_mels: S[t * n_mels + m]
 * Returns DSP_OK, or DSP_EINVAL if n_mels or n_bins is 0. n_frames 0 is
 * fine: there is nothing to do (and nothing to write).
 *
 * EXAMPLE  W = |1 0.5 0|   P = |4 2 0|   ->   S = |5 1|
 *              |0 0.5 1|       |0 2 8|            |1 9|
 *          (frame 0: band 0 = 1*4 + 0.5*2 = 5, band 1 = 0.5*2 = 1)
 *   The grader allows 1e-12 relative on random inputs (any summing order
 *   is that close) and checks the speech file's mel spectrogram against
 *   data/reference/08-mel-spectrogram/melspec_speech.txt.
 * HINT  Keep the indices straight: a row of W is a band, a row of P is a
 *       frame, and both run over the same bins. Most of W is zero (each bin
 *       lies in at most two triangles); skipping zeros is allowed but not
 *       needed here. The library stores only the non-zero run of each band.
 * CHECK make grade LESSON=08 ONLY=apply
 */
#include "exercise.h"

int melapply_ex(const double *W, size_t n_mels, size_t n_bins, const double *P, size_t n_frames,
                double *S)
{
    /* YOUR CODE HERE */
    (void)W;
    (void)n_mels;
    (void)n_bins;
    (void)P;
    (void)n_frames;
    (void)S;
    return DSP_ETODO;
}
