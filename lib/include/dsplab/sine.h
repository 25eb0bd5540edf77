/*
 * sine.h — the sinusoidal model: a sound as a sum of sinusoids whose
 * frequencies, amplitudes and phases change slowly from frame to frame.
 *
 * Analysis (McAulay-Quatieri / the course's sineModelAnal):
 *   frames are the STFT's (stft.h): frame k is centred on sample k*H and
 *   its time is k*H/fs seconds; each frame's dB magnitude spectrum mX and
 *   unwrapped phase pX come from the DFT model (unit-sum window, zero
 *   phase), so a sinusoid A cos(2 pi f t + phi) shows up as a peak
 *   (peaks.h) at f Hz with magnitude 20 log10(A/2) dB and phase equal to
 *   the sinusoid's phase at the frame centre.
 *   Peaks then continue TRACKS: each frame has max_sines slots, slot s of
 *   frame k holds one sinusoid (freq Hz, mag dB, phase rad) or nothing
 *   (freq == 0, mag and phase 0). Tracking rule, per frame:
 *     - peaks are taken from the largest magnitude down;
 *     - each peak looks for the nearest (in Hz) track that was active in
 *       the previous frame and is not yet continued in this one, and
 *       continues it when |f_peak - f_track| < offset + slope * f_peak;
 *     - a peak that continues nothing starts a new track in the lowest
 *       slot that was free in the previous frame (slots of tracks that died
 *       are reused); when no slot is free the peak is dropped, so at most
 *       max_sines sinusoids exist at once;
 *     - a track that no peak continues dies (its slot is empty this frame
 *       and free from the next).
 *   dsp_sine_tracks_clean() then removes tracks (runs of consecutive
 *   non-empty frames of one slot) shorter than a minimum number of frames.
 *
 * Track matrices: n_frames rows of n_sines values, row k = frame k,
 *   freq[k * n_sines + s] (Hz), mag[...] (dB), phase[...] (radians).
 *
 * Synthesis, two ways:
 *   - time domain, dsp_sine_synth_time(): one oscillator per slot,
 *     amplitude interpolated linearly (in amplitude, not dB) between frame
 *     centres; with measured phases the phase follows McAulay-Quatieri's
 *     cubic, which meets each frame's phase and frequency exactly; without
 *     phases it integrates the linearly interpolated frequency. Tracks are
 *     born with a fade-in from 0 over the hop before their first frame (at
 *     their first frequency) and die with a fade-out over the hop after
 *     their last. Exact for stationary sinusoids; slow (one cos per sample
 *     and sinusoid).
 *   - frequency domain, struct dsp_sine_synth (the course's sineModelSynth):
 *     each sinusoid is drawn into an Ns-bin spectrum as the 9-bin main lobe
 *     of the 92 dB Blackman-Harris window at its fractional bin, computed
 *     from the window's transform (dsp_sine_bh92_lobe); the inverse FFT is
 *     the sinusoid times that window, which is divided out and replaced by
 *     a triangle of 2*hop samples; triangles at hop overlap-add to 1. The
 *     course uses Ns = 512, hop = 128 (Ns/4, needs 2*hop <= Ns; Ns >= 4*hop
 *     keeps the division away from the window's tiny ends). Without phases
 *     the phase advances by pi*(f_prev + f)*hop/fs per frame. Synthesis
 *     frame k is centred on sample k*hop, so the analysis hop must equal the
 *     synthesis hop.
 *
 *     struct dsp_sine_params p;
 *     dsp_sine_params_default(&p, 44100.0);       // Hamming 2001, N 2048, H 128
 *     struct dsp_sine_analysis *sa = dsp_sine_analysis_new(&p);
 *     size_t nf = dsp_sine_analysis_num_frames(sa, len), S = p.max_sines;
 *     double *f = malloc(nf * S * sizeof *f), ...;  // also mag, phase
 *     dsp_sine_analyze(sa, x, len, f, m, ph, nf);  // or _frame(), k = 0, 1, ...
 *     dsp_sine_tracks_clean(f, m, ph, nf, S, (size_t)(0.02 * 44100 / 128));
 *     dsp_sine_synth_time(f, m, ph, nf, S, p.hop, p.fs, y, len);
 *     struct dsp_sine_synth *ss = dsp_sine_synth_new(512, 128, 44100.0, S);
 *     dsp_sine_synth_spectral(ss, f, m, ph, nf, S, y, len);
 *     dsp_sine_synth_free(ss);
 *     dsp_sine_analysis_free(sa);
 */
#ifndef DSPLAB_SINE_H
#define DSPLAB_SINE_H

#include <stddef.h>

#include "dsplab/window.h"

struct dsp_sine_params {
    double fs;                /* sampling rate, Hz (> 0) */
    enum dsp_window window;   /* analysis window (periodic), e.g. DSP_WIN_HAMMING */
    double window_param;      /* Kaiser beta / Gaussian sigma, else ignored */
    size_t m;                 /* window size, samples (>= 3) */
    size_t n_fft;             /* FFT size, >= m */
    size_t hop;               /* hop size H, samples (>= 1) */
    double threshold_db;      /* peaks at or below this dB level are ignored, e.g. -80 */
    size_t max_sines;         /* slots per frame (>= 1) */
    double freq_dev_offset;   /* Hz: continuation tolerance offset (>= 0), e.g. 10 */
    double freq_dev_slope;    /* continuation tolerance per Hz (>= 0), e.g. 0.001 */
};

/* The course's sineModel defaults: Hamming, M 2001, N 2048, H 128,
 * threshold -80 dB, 150 sines, offset 10 Hz, slope 0.001; p->fs = fs. */
void dsp_sine_params_default(struct dsp_sine_params *p, double fs);

/* ---- tracking ------------------------------------------------------- */

struct dsp_sine_tracker;

/* Up to max_sines slots, frames of up to max_peaks peaks. NULL with
 * dsp_last_error() set on a bad parameter. */
struct dsp_sine_tracker *dsp_sine_tracker_new(size_t max_sines, size_t max_peaks,
                                              double freq_dev_offset, double freq_dev_slope);
void dsp_sine_tracker_free(struct dsp_sine_tracker *tr);   /* NULL is a no-op */
/* Forgets the previous frame: the next update starts with every slot free. */
void dsp_sine_tracker_reset(struct dsp_sine_tracker *tr);

/* One frame: n_peaks peaks (pfreq Hz > 0, pmag dB, pphase rad; pphase may
 * be NULL) -> this frame's max_sines slots tfreq, tmag, tphase (tphase may
 * be NULL; it is all 0 when pphase is NULL). Remembers the result for the
 * next call. DSP_EINVAL when n_peaks > max_peaks. */
int dsp_sine_tracker_update(struct dsp_sine_tracker *tr, const double *pfreq, const double *pmag,
                            const double *pphase, size_t n_peaks, double *tfreq, double *tmag,
                            double *tphase);

/* Empties (freq, mag, phase = 0) every track shorter than min_frames
 * frames. Matrices of n_frames x n_sines; phase may be NULL. */
int dsp_sine_tracks_clean(double *freq, double *mag, double *phase, size_t n_frames,
                          size_t n_sines, size_t min_frames);

/* ---- analysis ------------------------------------------------------- */

struct dsp_sine_analysis;

/* Copies the parameters. NULL with dsp_last_error() set on a bad one. */
struct dsp_sine_analysis *dsp_sine_analysis_new(const struct dsp_sine_params *p);
void dsp_sine_analysis_free(struct dsp_sine_analysis *sa);   /* NULL is a no-op */
void dsp_sine_analysis_reset(struct dsp_sine_analysis *sa);  /* a new sound: no tracks */
const struct dsp_sine_params *dsp_sine_analysis_params(const struct dsp_sine_analysis *sa);
size_t dsp_sine_analysis_num_frames(const struct dsp_sine_analysis *sa, size_t len);

/* The interpolated peaks of frame k of x (len samples): up to max_peaks
 * of them, in increasing frequency, into pfreq (Hz), pmag (dB), pphase
 * (rad); their number in *n_peaks. max_peaks >= N/4 never truncates. */
int dsp_sine_analysis_peaks(struct dsp_sine_analysis *sa, const double *x, size_t len, size_t k,
                            double *pfreq, double *pmag, double *pphase, size_t max_peaks,
                            size_t *n_peaks);

/* Streaming: peaks of frame k, then one tracking step; writes max_sines
 * values into each of freq, mag, phase. Call with k = 0, 1, 2, ... in
 * order (the tracks continue from the previous call). */
int dsp_sine_analysis_frame(struct dsp_sine_analysis *sa, const double *x, size_t len, size_t k,
                            double *freq, double *mag, double *phase);

/* Whole signal: reset, then every frame; n_frames must equal
 * dsp_sine_analysis_num_frames(sa, len); matrices n_frames x max_sines. */
int dsp_sine_analyze(struct dsp_sine_analysis *sa, const double *x, size_t len, double *freq,
                     double *mag, double *phase, size_t n_frames);

/* ---- synthesis ------------------------------------------------------ */

/* Time-domain additive synthesis (see above) of n_frames x n_sines tracks
 * at hop samples per frame into y (len samples; frame k at sample k*hop,
 * samples after the last frame hold its values). phase may be NULL. */
int dsp_sine_synth_time(const double *freq, const double *mag, const double *phase,
                        size_t n_frames, size_t n_sines, size_t hop, double fs, double *y,
                        size_t len);

/* The main lobe of the periodic 4-term Blackman-Harris window (scipy's
 * blackmanharris, -92 dB side lobes) of size n, normalised to unit sum,
 * at an offset of x bins from the centre: 1 at x = 0, 0 at every integer
 * |x| >= 4. From its transform, a sum of Dirichlet kernels
 * D(u) = sin(pi u) / sin(pi u / n) shifted by 0, +-1, +-2, +-3 bins and
 * weighted by the window's cosine coefficients. */
double dsp_sine_bh92_lobe(double x, size_t n);

struct dsp_sine_synth;

/* Spectral synthesis with an ns-point inverse FFT (even, >= 16) at hop
 * samples (2*hop <= ns) for up to max_sines sinusoids. */
struct dsp_sine_synth *dsp_sine_synth_new(size_t ns, size_t hop, double fs, size_t max_sines);
void dsp_sine_synth_free(struct dsp_sine_synth *ss);   /* NULL is a no-op */
/* Forgets the running phases (used when no phases are given). */
void dsp_sine_synth_reset(struct dsp_sine_synth *ss);

/* One frame of n_sines sinusoids (n_sines <= max_sines; freq Hz, 0 = none;
 * mag dB; phase rad at the frame centre, or NULL) -> out, ns samples to be
 * added to y[k*hop - ns/2 + i]; only the 2*hop samples around ns/2 are not
 * zero. */
int dsp_sine_synth_frame(struct dsp_sine_synth *ss, const double *freq, const double *mag,
                         const double *phase, size_t n_sines, double *out);

/* Whole signal: reset, then every frame overlap-added into y (len samples). */
int dsp_sine_synth_spectral(struct dsp_sine_synth *ss, const double *freq, const double *mag,
                            const double *phase, size_t n_frames, size_t n_sines, double *y,
                            size_t len);

#endif
