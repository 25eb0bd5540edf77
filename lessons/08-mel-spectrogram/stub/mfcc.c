/*
 * Lesson 08, Part 5 — MFCCs: the DCT of the dB mel spectrum
 *
 * Implement mfcc_ex(): for every frame (a row of M = n_mels values in dB),
 * the first n_mfcc coefficients of the orthonormal DCT-II (scipy's
 * dct(type=2, norm='ortho'), as librosa.feature.mfcc uses):
 *     C[t][q] = s_q * sum_{m=0}^{M-1} db[t][m] * cos(pi * q * (2m + 1) / (2M))
 *     s_0 = sqrt(1/M),  s_q = sqrt(2/M) for q >= 1
 * c0 is the frame's average level (times sqrt(M)); c1 its tilt (more low
 * than high); higher q, finer ripples across the bands: the envelope of the
 * spectrum, in a few decorrelated numbers.
 *
 * db      input, n_frames rows of n_mels dB values: db[t * n_mels + m]
 * C       output, n_frames rows of n_mfcc values: C[t * n_mfcc + q]
 * Returns DSP_OK, or DSP_EINVAL unless 1 <= n_mfcc <= n_mels.
 *
 * EXAMPLE  a flat frame, 40 bands all -20 dB, n_mfcc 13:
 *            C = {-20 sqrt(40) = -126.4911, 0, 0, .., 0}
 *          db[m] = 3 cos(pi * 5 * (2m + 1) / 64), M = 32 (a basis vector):
 *            C[5] = 3 sqrt(32/2) = 12, every other coefficient 0.
 *   Zeros come out as 1e-15 or so: the grader allows 1e-9 (plus 1e-9
 *   relative). With n_mfcc = n_mels the transform keeps the energy:
 *   sum C^2 = sum db^2, and the grader checks that too.
 * HINT  pi = acos(-1.0). Convert q and m to double before multiplying
 *       (2 * m + 1 with size_t is fine, but keep the division in double).
 * CHECK make grade LESSON=08 ONLY=mfcc
 */
#include <math.h>

#include "exercise.h"

int mfcc_ex(const double *db, size_t n_frames, size_t n_mels, size_t n_mfcc, double *C)
{
    /* YOUR CODE HERE */
    (void)db;
    (void)n_frames;
    (void)n_mels;
    (void)n_mfcc;
    (void)C;
    return DSP_ETODO;
}
