/*
 * Lesson 02, Part 5 — The magnitude spectrum in dB
 *
 * For a real signal X[n-k] is the conjugate of X[k], so bins 0 .. n/2 say
 * everything: from 0 Hz up to fs/2. Implement mag_db_ex(): for those bins
 *     mX[k] = 20 * log10( max(|X[k]|, DBL_MIN) ),   k = 0 .. n/2
 * and report their number, *n_bins = n/2 + 1 (integer division: n = 8 gives
 * 5 bins, n = 7 gives 4).
 * |X[k]| is an AMPLITUDE, hence 20*log10. The floor DBL_MIN (<float.h>,
 * 2.2e-308) keeps log10(0) = -inf out: a zero bin gives
 * 20*log10(DBL_MIN) = -6153.05 dB (DSP_DB_FLOOR in <dsplab/spectrum.h>).
 *
 * X       input, n complex DFT values (n > 0)
 * mX      output, room for n/2 + 1 values (dB), allocated by the caller
 * n_bins  output, n/2 + 1
 * Returns DSP_OK, or DSP_EINVAL when n == 0.
 *
 * EXAMPLE  X = {10, -2+2j, -2, -2-2j}  ->  n_bins 3,
 *          mX = {20, 9.030899869919436, 6.020599913279624}
 *   (|-2+2j| = 2*sqrt(2); 20*log10(2) = 6.0206 dB.) The grader allows 1e-9 dB.
 * HINT  cabs() gives |X[k]|. 20*log10(|X|^2) (dB of a power, taken as an
 *       amplitude) doubles every value: 40 instead of 20.
 * CHECK make grade LESSON=02 ONLY=mag_db
 */
#include "exercise.h"

int mag_db_ex(const double complex *X, size_t n, double *mX, size_t *n_bins)
{
    /* YOUR CODE HERE */
    (void)X;
    (void)n;
    (void)mX;
    (void)n_bins;
    return DSP_ETODO;
}
