/*
 * harmonic.h — the harmonic model: a sinusoidal model whose sinusoids sit
 * near the multiples h*f0 of one fundamental frequency f0 per frame.
 *
 * f0 by the Two-Way Mismatch (Maher and Beauchamp 1994), dsp_f0_twm():
 * for a candidate f0 c, with peaks (f_j Hz, a_j dB), A = max a_j and
 * m_j = 10^((a_j - A)/20), and K = the number of peaks compared: the 10
 * strongest (fewer if there are fewer), less the weakest of them while
 * together they hold at most 1e-3 of their power (m_j^2 summed), so
 * that noise peaks filling the list of a tone with fewer than 10
 * partials do not count as partials:
 *   predicted -> measured, harmonics h = 1 .. K:
 *     d = |f_near - h c| to the nearest peak (level m_near),
 *     E_pm += d (h c)^-p + m_near (q d (h c)^-p - r)
 *   measured -> predicted, the K strongest peaks:
 *     d = |f_j - n c|, n = max(1, round(f_j / c)),
 *     E_mp += m_j (d f_j^-p + m_j (q d f_j^-p - r))
 *   error = E_pm / K + rho E_mp / K,   p 0.5, q 1.4, r 0.5, rho 0.33.
 * Candidates are f_j / n (n = 1 .. 10) for those K strongest peaks, within
 * (min_f0, max_f0): a missing fundamental is still a candidate. (The
 * course takes the K lowest peaks and the peaks themselves as candidates;
 * the strongest ones keep noise-floor peaks below f0 out, and the
 * divisions find missing fundamentals.) Continuity
 * (the course's f0Twm): when the previous frame had a stable f0 f0t > 0,
 * only candidates within f0t/2 of it are kept, plus those of the
 * strongest peak if that peak lies more than f0t/4 from every multiple of
 * f0t. The candidate of least error wins; f0 = 0 (unvoiced) when there
 * are fewer than 3 peaks or no candidate, or its error is >= max_error.
 *
 * YIN (de Cheveigne and Kawahara 2002), struct dsp_yin, beside it for
 * comparison: difference function d(tau) = sum_{j<W} (x_j - x_{j+tau})^2,
 * cumulative mean normalised d'(tau) = d(tau) tau / sum_{1..tau} d, the
 * first tau whose d' is below the threshold (0.1), followed down to its
 * local minimum (else the global minimum of d'), and the parabola through
 * d at tau-1, tau, tau+1 for a fractional period: f0 = fs / tau.
 *
 * Harmonic detection, dsp_harmonic_detect(): for h = 1 .. n_harmonics with
 * h f0 < fs/2, the peak nearest to h f0 becomes harmonic h when
 *     |f_peak - h f0| < f0 / 3 + harm_dev_slope * f_peak
 * (the course's harmDevSlope, default 0.01) and it was not already taken
 * by harmonic h-1; otherwise harmonic h is empty (freq 0, mag 0, phase 0).
 * The tolerance grows with frequency because vibrato and inharmonicity
 * move high partials further.
 * The course's rule (sms-tools harmonicModel.harmonicDetection), with
 * course_rule = 1 in the analysis or dsp_harmonic_detect_course(): the
 * nearest peak is also accepted when it lies within the same tolerance of
 * the previous frame's harmonic h (if that was not empty; on the first
 * frame the "previous" harmonics are the ideal h f0), so a partial that
 * drifts from h f0 stays on its track; and, as in the course, a peak may
 * serve two neighbouring harmonics. dsplab's default leaves the previous-
 * frame rule out: a harmonic is then always near h f0.
 *
 * Analysis, struct dsp_harmonic_analysis: STFT frames and peaks as in
 * sine.h (frame k centred on k*H), then f0 (TWM with continuity: f0 is
 * stable when the last frame's was 0, or within a fifth of it), then
 * harmonic detection. Output rows have n_harmonics slots, slot h-1 =
 * harmonic h: the track layout of sine.h, so dsp_sine_tracks_clean,
 * dsp_sine_synth_time and dsp_sine_synth_spectral are the harmonic
 * model's cleaning and synthesis too.
 *
 *     struct dsp_harmonic_params p;
 *     dsp_harmonic_params_default(&p, 44100.0);
 *     struct dsp_harmonic_analysis *ha = dsp_harmonic_analysis_new(&p);
 *     size_t nf = dsp_harmonic_analysis_num_frames(ha, len), H = p.n_harmonics;
 *     // f0: nf values; hf, hm, hp: nf * H values
 *     dsp_harmonic_analyze(ha, x, len, f0, hf, hm, hp, nf);
 *     dsp_sine_synth_time(hf, hm, hp, nf, H, p.hop, p.fs, y, len);
 *     dsp_harmonic_analysis_free(ha);
 */
#ifndef DSPLAB_HARMONIC_H
#define DSPLAB_HARMONIC_H

#include <stddef.h>

#include "dsplab/window.h"

/* TWM's constants (Maher and Beauchamp 1994, as in the course). */
#define DSP_TWM_P 0.5
#define DSP_TWM_Q 1.4
#define DSP_TWM_R 0.5
#define DSP_TWM_RHO 0.33
#define DSP_TWM_MAX_PEAKS 10   /* harmonics and peaks compared */

/* The TWM error of one candidate c (Hz > 0) against n_peaks peaks
 * (pfreq Hz, increasing; pmag dB). NaN when n_peaks == 0. */
double dsp_twm_error(const double *pfreq, const double *pmag, size_t n_peaks, double c);

/* f0 of one frame's peaks (pfreq Hz increasing, pmag dB). prev_f0 is the
 * last stable f0 (0 if none). *f0 = 0 when unvoiced; *error (may be NULL)
 * receives the winner's TWM error (NaN if no candidate). DSP_EINVAL for
 * 0 < min_f0 < max_f0 violated or unsorted peaks. */
int dsp_f0_twm(const double *pfreq, const double *pmag, size_t n_peaks, double min_f0,
               double max_f0, double max_error, double prev_f0, double *f0, double *error);

/* ---- YIN ----------------------------------------------------------- */

struct dsp_yin;

/* Integration window w samples; periods from fs/max_f0 to fs/min_f0
 * samples (0 < min_f0 < max_f0 <= fs/4). The longest period must fit the
 * window, ceil(fs/min_f0) <= w (so min_f0 >= fs/w; each estimate costs
 * w x that period), else DSP_EINVAL naming the limit. threshold e.g. 0.1. */
struct dsp_yin *dsp_yin_new(size_t w, double fs, double min_f0, double max_f0, double threshold);
void dsp_yin_free(struct dsp_yin *yin);   /* NULL is a no-op */
/* Samples one estimate reads: w + largest period + 1. */
size_t dsp_yin_span(const struct dsp_yin *yin);

/* The estimate from x[0 .. span-1]: f0 (Hz) and aperiodicity d'(tau) at
 * the chosen period (below the threshold when a dip was found; may be
 * NULL). */
int dsp_yin_estimate(struct dsp_yin *yin, const double *x, double *f0, double *aperiodicity);

/* The same on the span centred on sample `centre` of x (len samples),
 * zeros outside: frame k of an analysis at hop H is centre = k*H. */
int dsp_yin_frame(struct dsp_yin *yin, const double *x, size_t len, size_t centre, double *f0,
                  double *aperiodicity);

/* ---- harmonic detection and analysis -------------------------------- */

/* Peaks (pfreq Hz increasing, pmag dB, pphase rad or NULL) and f0 ->
 * n_harmonics slots each of hfreq, hmag, hphase (hphase may be NULL).
 * f0 <= 0 gives all-empty slots. */
int dsp_harmonic_detect(const double *pfreq, const double *pmag, const double *pphase,
                        size_t n_peaks, double f0, size_t n_harmonics, double fs,
                        double harm_dev_slope, double *hfreq, double *hmag, double *hphase);

/* The course's detection: as dsp_harmonic_detect, but harmonic h also
 * takes the nearest peak when |f_peak - prev[h-1]| is below the tolerance
 * (prev: the previous frame's n_harmonics frequencies, 0 = empty; NULL on
 * the first frame, meaning the ideal h f0), and a peak already taken by
 * harmonic h-1 is not skipped. */
int dsp_harmonic_detect_course(const double *pfreq, const double *pmag, const double *pphase,
                               size_t n_peaks, double f0, size_t n_harmonics, double fs,
                               double harm_dev_slope, const double *prev, double *hfreq,
                               double *hmag, double *hphase);

struct dsp_harmonic_params {
    double fs;                /* Hz */
    enum dsp_window window;   /* analysis window (periodic) */
    double window_param;      /* Kaiser beta / Gaussian sigma */
    size_t m, n_fft, hop;     /* window, FFT and hop sizes, samples */
    double threshold_db;      /* peak threshold, dB */
    size_t n_harmonics;       /* slots per frame (>= 1) */
    double min_f0, max_f0;    /* Hz, 0 < min_f0 < max_f0 */
    double max_f0_error;      /* TWM error above which a frame is unvoiced, e.g. 5 */
    double harm_dev_slope;    /* e.g. 0.01 */
    int course_rule;          /* 1: dsp_harmonic_detect_course, with the previous frame */
};

/* The course's harmonicModel defaults: Blackman, M 1201, N 2048, H 128,
 * -90 dB, 100 harmonics, f0 100 .. 300 Hz, error 7, slope 0.01. */
void dsp_harmonic_params_default(struct dsp_harmonic_params *p, double fs);

struct dsp_harmonic_analysis;

struct dsp_harmonic_analysis *dsp_harmonic_analysis_new(const struct dsp_harmonic_params *p);
void dsp_harmonic_analysis_free(struct dsp_harmonic_analysis *ha);   /* NULL is a no-op */
void dsp_harmonic_analysis_reset(struct dsp_harmonic_analysis *ha);  /* forget the stable f0 */
size_t dsp_harmonic_analysis_num_frames(const struct dsp_harmonic_analysis *ha, size_t len);

/* Streaming, k = 0, 1, 2, ... in order: frame k's f0 (Hz, 0 = unvoiced)
 * and n_harmonics values of each of hfreq, hmag, hphase (hphase may be
 * NULL). */
int dsp_harmonic_analysis_frame(struct dsp_harmonic_analysis *ha, const double *x, size_t len,
                                size_t k, double *f0, double *hfreq, double *hmag,
                                double *hphase);

/* Whole signal (resets first): f0 gets n_frames values (may be NULL), the
 * matrices n_frames x n_harmonics. */
int dsp_harmonic_analyze(struct dsp_harmonic_analysis *ha, const double *x, size_t len,
                         double *f0, double *hfreq, double *hmag, double *hphase,
                         size_t n_frames);

#endif
