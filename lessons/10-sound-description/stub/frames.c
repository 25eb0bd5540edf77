/*
 * Lesson 10, Part 2 — Change, noisiness, and a whole sound frame by frame
 *
 * Two more descriptors, then all six for every frame of a sound.
 *
 *   flux_ex  how much the spectrum moved since the previous frame:
 *                flux = sqrt( sum_k (mag[k] - prev[k])^2 )
 *   zcr_ex   how often the waveform changes sign, per pair of neighbouring
 *            samples (x >= 0 counts as positive):
 *                zcr = #{i in 1..n-1 : (x[i-1] >= 0) != (x[i] >= 0)} / (n - 1)
 *            a sine of f Hz gives about 2 f / sample_rate; noise gives a lot.
 *   descriptors_ex  for frame t = 0 .. n_frames-1 of x (n_frames = len/hop + 1):
 *            the n_fft samples x[t*hop - n_fft/2 .. t*hop + n_fft/2 - 1]
 *            (zeros outside the signal), a periodic Hann window divided by
 *            its sum, mag = |DFT| over n_fft/2 + 1 bins, bin_hz =
 *            sample_rate / n_fft, and row t of D =
 *              {centroid, spread, flatness, rolloff (0.85), flux, zcr}
 *            (DESC_CENTROID .. DESC_ZCR). Frame 0 has flux 0; the zcr is
 *            counted on the frame's n_fft samples, before the window.
 *
 * prev, mag  n_bins >= 1 magnitudes each, finite and >= 0
 * x          n >= 2 samples (zcr_ex); len >= 1 samples (descriptors_ex)
 * n_fft      even, >= 4;  hop >= 1
 * D          n_frames * DESCRIPTOR_COUNT values
 * DSP_EINVAL for a bad argument or n_frames != len / hop + 1.
 *
 * EXAMPLE  flux of prev = {0, 1, 2, 1} -> mag = {1, 1, 0, 1}: sqrt(1 + 4) = 2.2360680
 *          zcr of {1, -1, 0, 2, -3}: 3 changes in 4 pairs = 0.75
 *          descriptors_ex of 0.5 sin(2 pi 1000 t), 8000 samples at 16 kHz,
 *          n_fft 512, hop 256: 32 frames; every frame wholly inside the
 *          signal (t = 1 .. 30) holds 32 periods, so its spectrum is three
 *          bins 0.125, 0.25, 0.125 at 968.75, 1000, 1031.25 Hz:
 *            centroid 1000, spread 22.097087 (= 31.25/sqrt 2), flatness
 *            < 1e-6, rolloff 1031.25, flux ~ 1e-17, zcr 64/511 = 0.1252
 *   The grader allows 1e-9 relative (1e-12 absolute for values near 0).
 * HINT  The library's STFT frames a signal exactly this way: dsp_stft_new
 *       with the Hann window (dsp_window_fill, DSP_WINDOW_PERIODIC), M = N =
 *       n_fft, and dsp_stft_magnitude divides by the window's sum for you.
 *       Use your Part 1 functions. zcr_ex divides by n - 1, not n.
 * CHECK make grade LESSON=10 ONLY=flux,zcr,descriptors
 */
#include <math.h>
#include <stdlib.h>

#include <dsplab/stft.h>
#include <dsplab/window.h>

#include "exercise.h"

int flux_ex(const double *prev, const double *mag, size_t n_bins, double *flux)
{
    /* YOUR CODE HERE */
    (void)prev;
    (void)mag;
    (void)n_bins;
    (void)flux;
    return DSP_ETODO;
}

int zcr_ex(const double *x, size_t n, double *zcr)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)n;
    (void)zcr;
    return DSP_ETODO;
}

int descriptors_ex(const double *x, size_t len, double sample_rate, size_t n_fft, size_t hop,
                   double *D, size_t n_frames)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)len;
    (void)sample_rate;
    (void)n_fft;
    (void)hop;
    (void)D;
    (void)n_frames;
    return DSP_ETODO;
}
