/*
 * Lesson 03, Part 3 — Real and even signals have real spectra
 *
 * Implement realeven_ex(): zero-phase buffer x into n = m samples (Part 2
 * with no zeros: buf = x[h .. m-1] then x[0 .. h-1], h = floor(m/2)), decide
 * whether the buffer is even,
 *     buf[i] == buf[m-i]   for i = 1 .. m-1     (index -i is m-i),
 * allowing |buf[i] - buf[m-i]| <= tol, and compute the buffer's DFT
 *     X[k] = sum_{i=0}^{m-1} buf[i] exp(-j 2 pi k i / m),   k = 0 .. m/2.
 * A real, even buffer has a real X: report the largest |Im X[k]|.
 *
 * x         input, m samples (m >= 1)       tol  allowed difference, >= 0
 * is_even   output: 1 if even within tol, else 0
 * max_imag  output: max over k = 0..m/2 of |Im X[k]|
 * X         output, m/2+1 bins, allocated by the caller
 * Returns DSP_OK, DSP_EINVAL for m == 0 or tol < 0, DSP_ENOMEM.
 *
 * EXAMPLE  x = {2, 3, 4, 3, 2}: buf = {4, 3, 2, 2, 3}, even,
 *            X = {14, 2.6180340, 0.3819660}, max_imag 0 (about 1e-16 is fine)
 *          x = {1, 2, 2, 1}: buf = {2, 1, 1, 2}, not even (buf[1] != buf[3]),
 *            X = {6, 1+1j, 0}, max_imag 1
 *   The grader allows 1e-12 * sum|x| of rounding noise in X and max_imag.
 * HINT  dsp_fft_forward_real() (fft.h) gives exactly the m/2+1 bins; or use
 *       dsp_dft_real() (dft.h), which gives all m. Why is {1, 2, 2, 1},
 *       symmetric as it looks, not even?
 * CHECK make grade LESSON=03 ONLY=realeven
 */
#include <dsplab/dft.h>
#include <dsplab/fft.h>

#include "exercise.h"

int realeven_ex(const double *x, size_t m, double tol, int *is_even, double *max_imag,
                double complex *X)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)m;
    (void)tol;
    (void)is_even;
    (void)max_imag;
    (void)X;
    return DSP_ETODO;
}
