/* harmonic.c — f0 by Two-Way Mismatch and by YIN, harmonic detection and
 * harmonic analysis over STFT frames (see harmonic.h). */
#include "dsplab/harmonic.h"

#include "dsplab/sine.h"
#include "dsplab/status.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Index of the peak nearest to f in pfreq[0..n) (increasing), n > 0. */
static size_t nearest_peak(const double *pfreq, size_t n, double f)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {   /* first peak >= f */
        size_t mid = lo + (hi - lo) / 2;
        if (pfreq[mid] < f)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == n)
        return n - 1;
    if (lo > 0 && f - pfreq[lo - 1] <= pfreq[lo] - f)
        return lo - 1;
    return lo;
}

/* The indices of the (up to) DSP_TWM_MAX_PEAKS strongest peaks, in
 * decreasing magnitude (ties: lower frequency first), without the
 * negligible ones; returns their number. */
#define TWM_NEGLIGIBLE 1e-3
static size_t strongest_peaks(const double *pmag, size_t n_peaks, size_t *idx)
{
    size_t n = 0;
    for (size_t j = 0; j < n_peaks; j++) {
        if (isnan(pmag[j]))
            continue;
        size_t pos = n < DSP_TWM_MAX_PEAKS ? n++ : DSP_TWM_MAX_PEAKS;
        while (pos > 0 && pmag[j] > pmag[idx[pos - 1]]) {   /* insertion, dropping the last */
            if (pos < DSP_TWM_MAX_PEAKS)
                idx[pos] = idx[pos - 1];
            pos--;
        }
        if (pos < DSP_TWM_MAX_PEAKS)
            idx[pos] = j;
    }
    /* Leave out the weakest of them while together they hold at most
     * TWM_NEGLIGIBLE of the power: noise peaks filling the list of a tone
     * with fewer partials (30 dB below it, ~1e-5 each) would otherwise
     * add predicted harmonics that land among noise, at random distances,
     * and let an octave-low candidate win. Only partials some 30 dB or
     * more below the others can go too, and their m_j < 0.03 weighs
     * little in either sum. */
    double total = 0.0, dropped = 0.0;
    for (size_t i = 0; i < n; i++)
        total += pow(10.0, (pmag[idx[i]] - pmag[idx[0]]) / 10.0);
    while (n > 1) {
        dropped += pow(10.0, (pmag[idx[n - 1]] - pmag[idx[0]]) / 10.0);
        if (dropped > TWM_NEGLIGIBLE * total)
            break;
        n--;
    }
    return n;
}

/* TWM error of candidate c; strong[0..ns) are the measured peaks compared,
 * amax the largest magnitude. */
static double twm(const double *pfreq, const double *pmag, size_t n_peaks, const size_t *strong,
                  size_t ns, double c, double amax)
{
    double e_pm = 0.0, e_mp = 0.0;
    for (size_t h = 1; h <= ns; h++) {   /* predicted harmonics -> nearest peak, any peak */
        double fh = (double)h * c;
        size_t j = nearest_peak(pfreq, n_peaks, fh);
        double d = fabs(pfreq[j] - fh) * pow(fh, -DSP_TWM_P);
        double m = pow(10.0, (pmag[j] - amax) / 20.0);
        e_pm += d + m * (DSP_TWM_Q * d - DSP_TWM_R);
    }
    for (size_t i = 0; i < ns; i++) {   /* the strongest peaks -> nearest harmonic */
        size_t j = strong[i];
        double n = round(pfreq[j] / c);
        if (n < 1.0)
            n = 1.0;
        double d = fabs(pfreq[j] - n * c) * pow(pfreq[j], -DSP_TWM_P);
        double m = pow(10.0, (pmag[j] - amax) / 20.0);
        e_mp += m * (d + m * (DSP_TWM_Q * d - DSP_TWM_R));
    }
    return e_pm / (double)ns + DSP_TWM_RHO * e_mp / (double)ns;
}

double dsp_twm_error(const double *pfreq, const double *pmag, size_t n_peaks, double c)
{
    size_t strong[DSP_TWM_MAX_PEAKS];
    if (n_peaks == 0 || !pfreq || !pmag || !(c > 0.0))
        return NAN;
    size_t ns = strongest_peaks(pmag, n_peaks, strong);
    if (ns == 0)
        return NAN;
    return twm(pfreq, pmag, n_peaks, strong, ns, c, pmag[strong[0]]);
}

/* Candidate divisors of a peak: f / n for n = 1 .. this. */
#define TWM_MAX_DIVISOR 10

int dsp_f0_twm(const double *pfreq, const double *pmag, size_t n_peaks, double min_f0,
               double max_f0, double max_error, double prev_f0, double *f0, double *error)
{
    if (!f0)
        return dsp_fail(DSP_EINVAL, "f0 twm: f0 must not be NULL");
    if (!(min_f0 > 0.0) || !(max_f0 > min_f0) || !isfinite(max_f0))
        return dsp_fail(DSP_EINVAL,
                        "f0 twm: need 0 < minimum f0 (%g Hz) < maximum f0 (%g Hz)", min_f0,
                        max_f0);
    if (n_peaks && (!pfreq || !pmag))
        return dsp_fail(DSP_EINVAL, "f0 twm: peak arrays must not be NULL");
    for (size_t j = 1; j < n_peaks; j++)
        if (!(pfreq[j] >= pfreq[j - 1]))
            return dsp_fail(DSP_EINVAL,
                            "f0 twm: peak frequencies must increase, but peak %zu (%g Hz) "
                            "follows %g Hz",
                            j, pfreq[j], pfreq[j - 1]);
    *f0 = 0.0;
    if (error)
        *error = NAN;
    if (n_peaks < 3)
        return DSP_OK;
    size_t strong[DSP_TWM_MAX_PEAKS];
    const size_t ns = strongest_peaks(pmag, n_peaks, strong);
    if (ns == 0)
        return DSP_OK;
    const double amax = pmag[strong[0]];
    /* continuity: is the strongest peak off every harmonic of prev_f0? */
    int strongest_off = 0;
    if (prev_f0 > 0.0) {
        double r = fmod(pfreq[strong[0]], prev_f0);
        strongest_off = fmin(r, prev_f0 - r) > prev_f0 / 4.0;
    }
    double best = INFINITY, best_c = 0.0;
    for (size_t i = 0; i < ns; i++) {
        size_t j = strong[i];
        /* with a previous f0, candidates near it, and any of the strongest
         * peak when that peak does not fit the previous f0 */
        int free_pass = i == 0 && strongest_off;
        for (int n = 1; n <= TWM_MAX_DIVISOR; n++) {
            double c = pfreq[j] / n;
            if (!(c > min_f0 && c < max_f0))
                continue;
            if (prev_f0 > 0.0 && !free_pass && !(fabs(c - prev_f0) < prev_f0 / 2.0))
                continue;
            double e = twm(pfreq, pmag, n_peaks, strong, ns, c, amax);
            if (e < best) {
                best = e;
                best_c = c;
            }
        }
    }
    if (best_c > 0.0 && best < max_error)
        *f0 = best_c;
    if (error && best_c > 0.0)
        *error = best;
    return DSP_OK;
}

/* ---- YIN ----------------------------------------------------------- */

struct dsp_yin {
    size_t w, tau_min, tau_max;
    double fs, threshold;
    double *d, *dn;   /* difference and normalised difference, tau_max + 2 */
    double *buf;      /* one span of samples */
};

struct dsp_yin *dsp_yin_new(size_t w, double fs, double min_f0, double max_f0, double threshold)
{
    struct dsp_yin *yin = NULL;
    if (w < 2 || !(fs > 0.0) || !isfinite(fs)) {
        dsp_fail(DSP_EINVAL, "yin: window (%zu samples) must be >= 2 and fs (%g) > 0", w, fs);
        goto fail;
    }
    if (!(min_f0 > 0.0) || !(max_f0 > min_f0) || !(max_f0 <= fs / 4.0)) {
        dsp_fail(DSP_EINVAL, "yin: need 0 < minimum f0 (%g Hz) < maximum f0 (%g Hz) <= fs/4 (%g)",
                 min_f0, max_f0, fs / 4.0);
        goto fail;
    }
    if (!(threshold > 0.0 && threshold < 1.0)) {
        dsp_fail(DSP_EINVAL, "yin: threshold (%g) must be in (0, 1)", threshold);
        goto fail;
    }
    if (ceil(fs / min_f0) > (double)w) {
        /* The cost is w x longest period per frame: bound the period by w,
         * as YIN's integration window should span the longest period. */
        dsp_fail(DSP_EINVAL,
                 "yin: the longest period fs/min_f0 (%g samples) exceeds the window (%zu "
                 "samples): the minimum f0 must be at least fs/w = %g Hz",
                 ceil(fs / min_f0), w, fs / (double)w);
        goto fail;
    }
    if (fs / min_f0 > 1e7) {
        dsp_fail(DSP_EINVAL, "yin: longest period fs/min_f0 (%g samples) is too long", fs / min_f0);
        goto fail;
    }
    yin = calloc(1, sizeof *yin);
    if (!yin)
        goto nomem;
    yin->w = w;
    yin->fs = fs;
    yin->threshold = threshold;
    yin->tau_min = (size_t)floor(fs / max_f0);
    if (yin->tau_min < 2)
        yin->tau_min = 2;
    yin->tau_max = (size_t)ceil(fs / min_f0);
    yin->d = malloc((yin->tau_max + 2) * sizeof *yin->d);
    yin->dn = malloc((yin->tau_max + 2) * sizeof *yin->dn);
    yin->buf = malloc(dsp_yin_span(yin) * sizeof *yin->buf);
    if (!yin->d || !yin->dn || !yin->buf)
        goto nomem;
    return yin;
nomem:
    dsp_fail(DSP_ENOMEM, "yin: out of memory");
fail:
    dsp_yin_free(yin);
    return NULL;
}

void dsp_yin_free(struct dsp_yin *yin)
{
    if (!yin)
        return;
    free(yin->d);
    free(yin->dn);
    free(yin->buf);
    free(yin);
}

size_t dsp_yin_span(const struct dsp_yin *yin)
{
    return yin->w + yin->tau_max + 2;   /* tau up to tau_max + 1 for the parabola */
}

int dsp_yin_estimate(struct dsp_yin *yin, const double *x, double *f0, double *aperiodicity)
{
    if (!x || !f0)
        return dsp_fail(DSP_EINVAL, "yin: x and f0 must not be NULL");
    const size_t w = yin->w, tmax = yin->tau_max + 1;
    double *d = yin->d, *dn = yin->dn;
    d[0] = 0.0;
    dn[0] = 1.0;
    double run = 0.0;
    for (size_t tau = 1; tau <= tmax; tau++) {   /* step 2: difference function */
        double s = 0.0;
        for (size_t j = 0; j < w; j++) {
            double e = x[j] - x[j + tau];
            s += e * e;
        }
        d[tau] = s;
        run += s;   /* step 3: cumulative mean normalisation */
        dn[tau] = run > 0.0 ? s * (double)tau / run : 1.0;
    }
    /* step 4: first dip below the threshold, followed to its minimum */
    size_t best = 0;
    for (size_t tau = yin->tau_min; tau <= yin->tau_max; tau++)
        if (dn[tau] < yin->threshold) {
            while (tau + 1 <= yin->tau_max && dn[tau + 1] < dn[tau])
                tau++;
            best = tau;
            break;
        }
    if (!best) {   /* no dip: the global minimum */
        best = yin->tau_min;
        for (size_t tau = yin->tau_min + 1; tau <= yin->tau_max; tau++)
            if (dn[tau] < dn[best])
                best = tau;
    }
    /* step 5: parabolic interpolation of d around the chosen period */
    double a = d[best - 1], b = d[best], c = d[best + 1], den = a - 2.0 * b + c;
    double shift = den > 0.0 ? 0.5 * (a - c) / den : 0.0;
    if (fabs(shift) > 1.0)
        shift = 0.0;
    *f0 = yin->fs / ((double)best + shift);
    if (aperiodicity)
        *aperiodicity = dn[best];
    return DSP_OK;
}

int dsp_yin_frame(struct dsp_yin *yin, const double *x, size_t len, size_t centre, double *f0,
                  double *aperiodicity)
{
    if (!x && len)
        return dsp_fail(DSP_EINVAL, "yin: x is NULL but has %zu samples", len);
    const size_t span = dsp_yin_span(yin), half = span / 2;
    for (size_t i = 0; i < span; i++) {   /* sample centre - half + i, zero outside */
        size_t t = centre + i;
        yin->buf[i] = (t >= half && t - half < len) ? x[t - half] : 0.0;
    }
    return dsp_yin_estimate(yin, yin->buf, f0, aperiodicity);
}

/* ---- harmonic detection --------------------------------------------- */

int dsp_harmonic_detect(const double *pfreq, const double *pmag, const double *pphase,
                        size_t n_peaks, double f0, size_t n_harmonics, double fs,
                        double harm_dev_slope, double *hfreq, double *hmag, double *hphase)
{
    if (!hfreq || !hmag || (n_peaks && (!pfreq || !pmag)))
        return dsp_fail(DSP_EINVAL, "harmonic detect: arrays must not be NULL");
    if (!(fs > 0.0) || !(harm_dev_slope >= 0.0))
        return dsp_fail(DSP_EINVAL,
                        "harmonic detect: fs (%g) must be > 0 and the deviation slope (%g) >= 0",
                        fs, harm_dev_slope);
    memset(hfreq, 0, n_harmonics * sizeof *hfreq);
    memset(hmag, 0, n_harmonics * sizeof *hmag);
    if (hphase)
        memset(hphase, 0, n_harmonics * sizeof *hphase);
    if (!(f0 > 0.0) || n_peaks == 0)
        return DSP_OK;
    size_t last = n_peaks;   /* the peak taken by the previous harmonic */
    for (size_t h = 1; h <= n_harmonics && (double)h * f0 < fs / 2.0; h++) {
        double fh = (double)h * f0;
        size_t j = nearest_peak(pfreq, n_peaks, fh);
        if (j == last || !(fabs(pfreq[j] - fh) < f0 / 3.0 + harm_dev_slope * pfreq[j]))
            continue;
        hfreq[h - 1] = pfreq[j];
        hmag[h - 1] = pmag[j];
        if (hphase && pphase)
            hphase[h - 1] = pphase[j];
        last = j;
    }
    return DSP_OK;
}

int dsp_harmonic_detect_course(const double *pfreq, const double *pmag, const double *pphase,
                               size_t n_peaks, double f0, size_t n_harmonics, double fs,
                               double harm_dev_slope, const double *prev, double *hfreq,
                               double *hmag, double *hphase)
{
    if (!hfreq || !hmag || (n_peaks && (!pfreq || !pmag)))
        return dsp_fail(DSP_EINVAL, "harmonic detect: arrays must not be NULL");
    if (!(fs > 0.0) || !(harm_dev_slope >= 0.0))
        return dsp_fail(DSP_EINVAL,
                        "harmonic detect: fs (%g) must be > 0 and the deviation slope (%g) >= 0",
                        fs, harm_dev_slope);
    memset(hfreq, 0, n_harmonics * sizeof *hfreq);
    memset(hmag, 0, n_harmonics * sizeof *hmag);
    if (hphase)
        memset(hphase, 0, n_harmonics * sizeof *hphase);
    if (!(f0 > 0.0) || n_peaks == 0)
        return DSP_OK;
    for (size_t h = 1; h <= n_harmonics && (double)h * f0 < fs / 2.0; h++) {
        double fh = (double)h * f0;
        size_t j = nearest_peak(pfreq, n_peaks, fh);
        double before = prev ? prev[h - 1] : fh;   /* sms-tools: hfreqp = hf at first */
        double tol = f0 / 3.0 + harm_dev_slope * pfreq[j];
        double dev1 = fabs(pfreq[j] - fh), dev2 = before > 0.0 ? fabs(pfreq[j] - before) : fs;
        if (!(dev1 < tol || dev2 < tol))
            continue;
        hfreq[h - 1] = pfreq[j];
        hmag[h - 1] = pmag[j];
        if (hphase && pphase)
            hphase[h - 1] = pphase[j];
    }
    return DSP_OK;
}

/* ---- harmonic analysis ---------------------------------------------- */

void dsp_harmonic_params_default(struct dsp_harmonic_params *p, double fs)
{
    *p = (struct dsp_harmonic_params){
        .fs = fs,
        .window = DSP_WIN_BLACKMAN,
        .m = 1201,
        .n_fft = 2048,
        .hop = 128,
        .threshold_db = -90.0,
        .n_harmonics = 100,
        .min_f0 = 100.0,
        .max_f0 = 300.0,
        .max_f0_error = 7.0,
        .harm_dev_slope = 0.01,
    };
}

struct dsp_harmonic_analysis {
    struct dsp_harmonic_params p;
    struct dsp_sine_analysis *sa;   /* STFT and peaks */
    size_t nb;
    double *pf, *pm, *pp;           /* one frame's peaks */
    double f0_stable;
    double *prev;                   /* course rule: the last frame's harmonic frequencies */
    int have_prev;                  /* 0 before the first frame */
};

struct dsp_harmonic_analysis *dsp_harmonic_analysis_new(const struct dsp_harmonic_params *p)
{
    struct dsp_harmonic_analysis *ha = NULL;
    if (!p) {
        dsp_fail(DSP_EINVAL, "harmonic analysis: parameters are NULL");
        goto fail;
    }
    if (p->n_harmonics == 0) {
        dsp_fail(DSP_EINVAL, "harmonic analysis: number of harmonics (0) must be at least 1");
        goto fail;
    }
    if (!(p->min_f0 > 0.0) || !(p->max_f0 > p->min_f0) || !isfinite(p->max_f0)) {
        dsp_fail(DSP_EINVAL,
                 "harmonic analysis: need 0 < minimum f0 (%g Hz) < maximum f0 (%g Hz)",
                 p->min_f0, p->max_f0);
        goto fail;
    }
    if (!(p->harm_dev_slope >= 0.0) || isnan(p->max_f0_error)) {
        dsp_fail(DSP_EINVAL,
                 "harmonic analysis: deviation slope (%g) must be >= 0 and the f0 error "
                 "threshold (%g) a number",
                 p->harm_dev_slope, p->max_f0_error);
        goto fail;
    }
    ha = calloc(1, sizeof *ha);
    if (!ha)
        goto nomem;
    ha->p = *p;
    struct dsp_sine_params sp = {.fs = p->fs, .window = p->window,
                                 .window_param = p->window_param, .m = p->m,
                                 .n_fft = p->n_fft, .hop = p->hop,
                                 .threshold_db = p->threshold_db, .max_sines = 1};
    ha->sa = dsp_sine_analysis_new(&sp);   /* checks fs, sizes, hop, threshold */
    if (!ha->sa)
        goto fail;
    ha->nb = p->n_fft / 2 + 1;
    ha->pf = malloc(ha->nb * sizeof *ha->pf);
    ha->pm = malloc(ha->nb * sizeof *ha->pm);
    ha->pp = malloc(ha->nb * sizeof *ha->pp);
    if (!ha->pf || !ha->pm || !ha->pp)
        goto nomem;
    if (p->course_rule && !(ha->prev = calloc(p->n_harmonics, sizeof *ha->prev)))
        goto nomem;
    return ha;
nomem:
    dsp_fail(DSP_ENOMEM, "harmonic analysis: out of memory");
fail:
    dsp_harmonic_analysis_free(ha);
    return NULL;
}

void dsp_harmonic_analysis_free(struct dsp_harmonic_analysis *ha)
{
    if (!ha)
        return;
    dsp_sine_analysis_free(ha->sa);
    free(ha->pf);
    free(ha->pm);
    free(ha->pp);
    free(ha->prev);
    free(ha);
}

void dsp_harmonic_analysis_reset(struct dsp_harmonic_analysis *ha)
{
    ha->f0_stable = 0.0;
    ha->have_prev = 0;
}

size_t dsp_harmonic_analysis_num_frames(const struct dsp_harmonic_analysis *ha, size_t len)
{
    return dsp_sine_analysis_num_frames(ha->sa, len);
}

int dsp_harmonic_analysis_frame(struct dsp_harmonic_analysis *ha, const double *x, size_t len,
                                size_t k, double *f0, double *hfreq, double *hmag,
                                double *hphase)
{
    const struct dsp_harmonic_params *p = &ha->p;
    size_t np = 0;
    int s = dsp_sine_analysis_peaks(ha->sa, x, len, k, ha->pf, ha->pm, hphase ? ha->pp : NULL,
                                    ha->nb, &np);
    if (s != DSP_OK)
        return s;
    double f = 0.0;
    s = dsp_f0_twm(ha->pf, ha->pm, np, p->min_f0, p->max_f0, p->max_f0_error, ha->f0_stable, &f,
                   NULL);
    if (s != DSP_OK)
        return s;
    /* the course's stability rule: keep a new f0, or one within a fifth */
    if ((ha->f0_stable == 0.0 && f > 0.0) ||
        (ha->f0_stable > 0.0 && fabs(ha->f0_stable - f) < ha->f0_stable / 5.0))
        ha->f0_stable = f;
    else
        ha->f0_stable = 0.0;
    if (f0)
        *f0 = f;
    if (!p->course_rule)
        return dsp_harmonic_detect(ha->pf, ha->pm, hphase ? ha->pp : NULL, np, f,
                                   p->n_harmonics, p->fs, p->harm_dev_slope, hfreq, hmag, hphase);
    s = dsp_harmonic_detect_course(ha->pf, ha->pm, hphase ? ha->pp : NULL, np, f,
                                   p->n_harmonics, p->fs, p->harm_dev_slope,
                                   ha->have_prev ? ha->prev : NULL, hfreq, hmag, hphase);
    if (s == DSP_OK) {
        memcpy(ha->prev, hfreq, p->n_harmonics * sizeof *ha->prev);   /* hfreqp = hfreq */
        ha->have_prev = 1;
    }
    return s;
}

int dsp_harmonic_analyze(struct dsp_harmonic_analysis *ha, const double *x, size_t len,
                         double *f0, double *hfreq, double *hmag, double *hphase,
                         size_t n_frames)
{
    size_t want = dsp_harmonic_analysis_num_frames(ha, len), H = ha->p.n_harmonics;
    if (n_frames != want)
        return dsp_fail(DSP_EINVAL,
                        "harmonic analysis: %zu frames given, but a %zu-sample signal with hop "
                        "%zu has %zu",
                        n_frames, len, ha->p.hop, want);
    dsp_harmonic_analysis_reset(ha);
    for (size_t k = 0; k < n_frames; k++) {
        int s = dsp_harmonic_analysis_frame(ha, x, len, k, f0 ? f0 + k : NULL, hfreq + k * H,
                                            hmag + k * H, hphase ? hphase + k * H : NULL);
        if (s != DSP_OK)
            return s;
    }
    return DSP_OK;
}
