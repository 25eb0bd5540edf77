/*
 * Lesson 11, Part 5 — Plain loops, a clever algorithm, a tuned library
 *
 * Implement fftbench_ex(): compute the same DFT of n complex values three
 * ways and time each one:
 *   1. the naive DFT, n sums of n products: dsp_dft() (dft.h), or your
 *      double loop from lesson 02;
 *   2. your radix-2 FFT, fft_ex() from Part 3;
 *   3. FFTW through the library: dsp_fft_new(n) once, then
 *      dsp_fft_forward() (fft.h), and dsp_fft_free() at the end.
 * Put the three spectra in X_dft, X_fft, X_fftw and the seconds ONE call of
 * each takes in *t_dft, *t_fft, *t_fftw.
 *
 * Timing: read clock_gettime(CLOCK_MONOTONIC, ...) (<time.h>) before and
 * after a loop that repeats the transform until at least 10 ms have
 * passed (at least once), and divide by the number of calls: one FFTW call
 * at n = 64 takes well under a microsecond, too short to time alone. Make
 * the plan before starting any clock: planning is paid once per size.
 *
 * x                    input, n complex values (n a power of two)
 * X_dft, X_fft, X_fftw outputs, n complex values each, allocated by the caller
 * t_dft, t_fft, t_fftw outputs, seconds per transform
 * Returns DSP_OK, DSP_EINVAL when n is not a power of two, DSP_ENOMEM, or
 * the first error of a transform.
 *
 * EXAMPLE  x[m] = exp(j 2 pi 3 m / 64), n = 64  ->  X[3] = 64, all other
 *          bins 0, three times over. On the machine this lesson was written
 *          on, the reference solution under the grader took, at n = 4096,
 *          44 ms naively, 0.29 ms with fft_ex (154 times faster) and 31 us
 *          with FFTW (9.4 times faster again).
 *   The grader checks the three spectra (FFT and FFTW to 1e-12, the naive
 *   DFT to 1e-9, of the spectrum's size) and that the three times are
 *   positive, finite numbers: never their values, which belong to the
 *   machine. `make grade LESSON=11 ONLY=fftbench V=1` prints yours.
 * HINT  a struct timespec has tv_sec and tv_nsec: seconds are
 *       tv_sec + 1e-9 * tv_nsec, as a double.
 * CHECK make grade LESSON=11 ONLY=fftbench
 */
#include <time.h>

#include <dsplab/dft.h>
#include <dsplab/fft.h>

#include "exercise.h"

int fftbench_ex(const double complex *x, size_t n, double complex *X_dft, double complex *X_fft,
                double complex *X_fftw, double *t_dft, double *t_fft, double *t_fftw)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)n;
    (void)X_dft;
    (void)X_fft;
    (void)X_fftw;
    (void)t_dft;
    (void)t_fft;
    (void)t_fftw;
    return DSP_ETODO;
}
