/*
 * Lesson 05 — The sinusoidal model: the exercises you write (see README.md).
 *
 * Every function returns DSP_OK, or DSP_EINVAL for a bad argument (the
 * stubs return DSP_ETODO until you fill them in). Outputs go into arrays the
 * caller allocates; a length sits next to its pointer.
 * Spectra are the DFT model's (lib/include/dsplab/dftmodel.h): n = N/2+1
 * bins, mX in dB, pX in unwrapped radians, bin k at k*fs/N Hz.
 * Frequencies are in Hz; a track frequency of 0 means "no sinusoid here".
 */
#ifndef LESSON05_EXERCISE_H
#define LESSON05_EXERCISE_H

#include <stddef.h>

#include <dsplab/status.h>

/* Part 1: the peaks of mX (n bins): every k with 0 < k < n-1,
 * mX[k] > threshold, mX[k] > mX[k-1] and mX[k] > mX[k+1] (strict), in
 * increasing k. At most max_peaks are written to loc (the lowest ones);
 * *n_peaks receives how many were written. */
int peaks_ex(const double *mX, size_t n, double threshold, size_t *loc, size_t max_peaks,
             size_t *n_peaks);

/* Part 2: parabolic interpolation of each peak loc[i] (0 < loc[i] < n-1):
 * iloc[i] the fractional bin of the parabola's top, imag[i] its height in
 * dB, iphase[i] pX read at iloc[i] by linear interpolation. */
int interp_ex(const double *mX, const double *pX, size_t n, const size_t *loc, size_t n_peaks,
              double *iloc, double *imag, double *iphase);

/* Part 3: estimate the frequencies of the two sinusoids in x (len samples
 * at fs Hz; both between 100 Hz and fs/4, at least 20 Hz apart, the weaker
 * no more than 20 dB below the stronger). You choose the window, its size
 * M <= len and the FFT size N >= M. f_est receives the two estimates in
 * increasing order, *err = max(|f_est[0] - f_true[0]|, |f_est[1] - f_true[1]|)
 * (f_true in increasing order), *m_used and *n_used your M and N. */
int twosines_ex(const double *x, size_t len, double fs, const double f_true[2], double f_est[2],
                double *err, size_t *m_used, size_t *n_used);

/* Part 4: one step of peak tracking. The previous frame's tracks are
 * prev_freq[0 .. n_tracks-1] (0 = empty slot); this frame has n_peaks peaks
 * (pfreq > 0, pmag in dB, pphase). Peaks in order of decreasing pmag (ties:
 * lower index first) each continue the nearest still unclaimed live track
 * (ties: lower slot) when |pfreq - prev_freq| < offset + slope * pfreq.
 * Peaks left over, again loudest first, start new tracks in the slots that
 * were empty in the previous frame, lowest slot first; peaks that find no
 * slot are dropped. tfreq, tmag, tphase (n_tracks each) receive the peak
 * continuing or starting in each slot, zeros elsewhere. */
int track_ex(const double *pfreq, const double *pmag, const double *pphase, size_t n_peaks,
             const double *prev_freq, size_t n_tracks, double offset, double slope,
             double *tfreq, double *tmag, double *tphase);

/* Part 5: additive synthesis. tfreq and tamp hold n_frames rows of n_tracks
 * values (row k = frame k at sample k*hop; tamp is a linear amplitude).
 * y (len = n_frames * hop samples) is the sum of one oscillator per track:
 * over samples k*hop + j, j = 0 .. hop-1, amplitude and frequency go
 * linearly from frame k to frame k+1 (the last frame is held), the phase
 * is the integral of the frequency, starting at 0 where a track starts.
 * A track starting (ending) fades in (out) from (to) amplitude 0 at its
 * first (last) frequency. */
int synth_ex(const double *tfreq, const double *tamp, size_t n_frames, size_t n_tracks,
             size_t hop, double fs, double *y, size_t len);

#endif
