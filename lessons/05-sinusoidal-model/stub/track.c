/*
 * Lesson 05, Part 4 — Peak tracking
 *
 * Implement track_ex(): link this frame's peaks to the previous frame's
 * tracks, so that a sinusoid becomes a track through time. Tracks live in
 * n_tracks numbered slots; prev_freq[t] == 0 means slot t was empty.
 *   1. Take the peaks in order of decreasing pmag (ties: lower index
 *      first). Each one looks for the nearest live track (prev_freq > 0)
 *      not yet claimed by a louder peak (ties: lower slot). If
 *          |pfreq - prev_freq| < offset + slope * pfreq      (strict)
 *      the peak continues that track: it goes into that slot.
 *   2. The peaks left over, again loudest first, start new tracks in the
 *      slots that were EMPTY in the previous frame, lowest slot first. A
 *      slot whose track just ended is not reused in this frame. Peaks that
 *      find no slot are dropped.
 *   3. Every slot that received nothing is 0 (its track ends or stays off).
 *
 * pfreq, pmag, pphase   n_peaks peaks: Hz (> 0), dB, radians
 * prev_freq             n_tracks slots of the previous frame, Hz or 0
 * offset, slope         allowed deviation offset + slope * f, Hz (>= 0)
 * tfreq, tmag, tphase   output, n_tracks slots each: the peak's own values
 * Returns DSP_OK, DSP_EINVAL (a pfreq <= 0, negative offset or slope),
 * DSP_ENOMEM.
 *
 * EXAMPLE  prev_freq = {440, 0, 880, 1320}, offset 20, slope 0.01,
 *          peaks (Hz, dB, rad) = (445, -10, 1) (890, -20, 2) (1000, -30, 3)
 *                                (1500, -40, 4):
 *            445 -> slot 0 (5 < 24.45);  890 -> slot 2 (10 < 28.9);
 *            1000: 320 Hz from 1320, new track in empty slot 1;
 *            1500: 180 Hz from 1320, no empty slot left: dropped.
 *            ->  tfreq = {445, 1000, 890, 0}, tmag = {-10, -30, -20, 0},
 *                tphase = {1, 3, 2, 0}
 *   The outputs are copies of the inputs: the grader wants them exactly.
 * HINT  keep two flag arrays: which peaks are placed, which slots are
 *       claimed. n_peaks is small: a simple O(n^2) selection is fine.
 * CHECK make grade LESSON=05 ONLY=track
 */
#include "exercise.h"

int track_ex(const double *pfreq, const double *pmag, const double *pphase, size_t n_peaks,
             const double *prev_freq, size_t n_tracks, double offset, double slope,
             double *tfreq, double *tmag, double *tphase)
{
    /* YOUR CODE HERE */
    (void)pfreq;
    (void)pmag;
    (void)pphase;
    (void)n_peaks;
    (void)prev_freq;
    (void)n_tracks;
    (void)offset;
    (void)slope;
    (void)tfreq;
    (void)tmag;
    (void)tphase;
    return DSP_ETODO;
}
