/*
 * Lesson 06 — The harmonic model: the exercises you write (see README.md).
 *
 * Every function returns DSP_OK, or DSP_EINVAL for a bad argument (the
 * stubs return DSP_ETODO until you fill them in). Outputs go into arrays the
 * caller allocates; a length sits next to its pointer.
 * A frame's peaks come as pfreq (Hz, increasing), pmag (dB) and pphase
 * (radians), n_peaks of each: lesson 05's peaks, interpolated, in Hz.
 * A frequency of 0 means "nothing here": an unvoiced frame (f0 = 0) or a
 * harmonic that was not found.
 */
#ifndef LESSON06_EXERCISE_H
#define LESSON06_EXERCISE_H

#include <stddef.h>

#include <dsplab/status.h>

/* The course's two-way mismatch parameters (Maher and Beauchamp, 1994). */
#define TWM_P 0.5
#define TWM_Q 1.4
#define TWM_R 0.5
#define TWM_RHO 0.33
#define TWM_MAX_HARMONICS 10

/* Part 1: the two-way mismatch error of the candidate f0 (> 0) against
 * n_peaks >= 1 peaks: err = E_pm / K + TWM_RHO * E_mp / K,
 * K = min(TWM_MAX_HARMONICS, n_peaks) (see README.md for E_pm and E_mp). */
int twm_ex(const double *pfreq, const double *pmag, size_t n_peaks, double f0, double *err);

/* Part 2: the f0 of one frame: among the peaks with fmin <= pfreq <= fmax
 * (the candidates), the one with the lowest TWM error (ties: the lower
 * frequency); *f0 is its frequency when that error is below max_err, else
 * 0. No peaks or no candidate: *f0 = 0 (still DSP_OK). */
int f0_ex(const double *pfreq, const double *pmag, size_t n_peaks, double fmin, double fmax,
          double max_err, double *f0);

/* Part 3: harmonic analysis of one frame: for h = 1 .. n_harm while
 * h*f0 < fs/2, the peak nearest h*f0 (ties: the lower one) is harmonic h
 * if |pfreq - h*f0| < f0/3 + slope * pfreq. hfreq, hmag, hphase (n_harm
 * each) receive its values, zeros for harmonics not found (and all zeros
 * when f0 <= 0). */
int harmonics_ex(const double *pfreq, const double *pmag, const double *pphase,
                 size_t n_peaks, double f0, size_t n_harm, double slope, double fs,
                 double *hfreq, double *hmag, double *hphase);

/* Part 4: inharmonicity, in Hz: the mean over frames of
 *     I[l] = (1 / R_l) * sum_h |hfreq[l][h] - h * f0[l]| / h
 * where the sum runs over the R_l harmonics found (hfreq > 0) and only
 * frames with f0 > 0 and R_l > 0 count. hfreq holds n_frames rows of
 * n_harm values (harmonic h = column h-1). DSP_EINVAL if no frame counts. */
int inharm_ex(const double *f0, const double *hfreq, size_t n_frames, size_t n_harm,
              double *inharm);

/* Part 5: harmonic synthesis. f0 (n_frames) and hamp (n_frames rows of
 * n_harm linear amplitudes), frame k at sample k*hop; y has
 * len = n_frames * hop samples: y = sum_h a_h cos(h * phi), with f0 and
 * each a_h linear between frames (the last frame held), phi the integral
 * of f0 starting at 0 where the sound becomes voiced, fading in (out) from
 * (to) 0 next to an unvoiced frame; a harmonic is left out of a hop where
 * h * f0 reaches fs/2. */
int hsynth_ex(const double *f0, const double *hamp, size_t n_frames, size_t n_harm, size_t hop,
              double fs, double *y, size_t len);

#endif
