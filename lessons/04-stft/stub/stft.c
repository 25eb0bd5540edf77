/*
 * Lesson 04, Part 2 — The short-time Fourier transform
 *
 * Implement stft_ex(): slide the DFT model (dftmodel.h) along the signal.
 * With h = floor(m/2) and n_frames = len/hop + 1, frame k is
 *     frame[i] = x[k*hop - h + i],   i = 0 .. m-1,
 * with 0 wherever k*hop - h + i falls outside 0 .. len-1 (the first frame
 * is centred on sample 0, so its first half is zeros). Analyse each frame
 * with the same model and store its n_fft/2+1 values as row k of mX, pX.
 *
 * x        input, len samples
 * w        window, m values, as given (the DFT model divides it by its sum)
 * n_fft    FFT size, >= m          hop  frame step in samples, >= 1
 * mX, pX   outputs, n_frames * (n_fft/2+1) values each, row-major:
 *          mX[k * (n_fft/2+1) + b] is frame k, bin b (dB, radians)
 * Returns DSP_OK, DSP_EINVAL (m == 0, n_fft < m, hop == 0), DSP_ENOMEM.
 *
 * EXAMPLE  x = 0.8 cos(2 pi 1500 t + 0.3), fs 8000, len 1000, rectangular
 *          window m = n_fft = 64, hop 20 (bins 125 Hz apart, 1500 Hz = bin 12):
 *          n_frames 51; every frame inside the signal (k = 2 .. 48) has
 *            mX[12] = 20 log10(0.8 / 2) = -7.9588 dB and, modulo 2 pi,
 *            pX[12] = 2 pi 1500 (20 k) / 8000 + 0.3 = 0.3 + 1.5 pi k,
 *          the cosine's phase at the frame's centre (zero-phase windowing
 *          puts it at t = 0): frame 2 -2.8416, 3 1.8708, 4 0.3, 5 -1.2708.
 *   The grader compares with the library's STFT: mX to 1e-6 dB (rounding
 *   noise below -200 dB excepted), pX modulo 2 pi to 1e-6 rad where
 *   mX > -120 dB.
 * HINT  make the model once (dsp_dftmodel_new), not once per frame. With
 *       size_t, k*hop - h is negative for the first frames: compare
 *       k*hop + i with h instead of subtracting first. Do not call
 *       dsp_stft_*: that is the library's version of this exercise.
 * CHECK make grade LESSON=04 ONLY=stft
 */
#include <stdlib.h>

#include <dsplab/dftmodel.h>

#include "exercise.h"

int stft_ex(const double *x, size_t len, const double *w, size_t m, size_t n_fft, size_t hop,
            double *mX, double *pX)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)len;
    (void)w;
    (void)m;
    (void)n_fft;
    (void)hop;
    (void)mX;
    (void)pX;
    return DSP_ETODO;
}
