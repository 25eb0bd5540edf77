/* sine.c — sinusoidal model: peak tracking, analysis over STFT frames,
 * time-domain (McAulay-Quatieri) and spectral (Blackman-Harris lobe)
 * synthesis. See sine.h for the rules. */
#include "dsplab/sine.h"

#include "dsplab/fft.h"
#include "dsplab/peaks.h"
#include "dsplab/status.h"
#include "dsplab/stft.h"

#include <complex.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PI 3.14159265358979323846
#define TWO_PI (2.0 * PI)

void dsp_sine_params_default(struct dsp_sine_params *p, double fs)
{
    *p = (struct dsp_sine_params){
        .fs = fs,
        .window = DSP_WIN_HAMMING,
        .window_param = 0.0,
        .m = 2001,
        .n_fft = 2048,
        .hop = 128,
        .threshold_db = -80.0,
        .max_sines = 150,
        .freq_dev_offset = 10.0,
        .freq_dev_slope = 0.001,
    };
}

/* ---- tracking ------------------------------------------------------- */

struct keyed {
    double key;
    size_t idx;
};

struct dsp_sine_tracker {
    size_t max_sines, max_peaks;
    double offset, slope;
    double *prev;            /* previous frame's frequencies, max_sines (0 = free) */
    struct keyed *tracks;    /* active previous tracks by frequency, max_sines */
    unsigned char *claimed;  /* per entry of tracks: continued in this frame */
    struct keyed *order;     /* peaks by magnitude, max_peaks */
};

static int by_key_up(const void *a, const void *b)
{
    const struct keyed *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->idx > y->idx) - (x->idx < y->idx);
}

static int by_key_down(const void *a, const void *b)
{
    const struct keyed *x = a, *y = b;
    if (x->key != y->key)
        return x->key > y->key ? -1 : 1;
    return (x->idx > y->idx) - (x->idx < y->idx);   /* equal magnitudes: lower peak first */
}

struct dsp_sine_tracker *dsp_sine_tracker_new(size_t max_sines, size_t max_peaks,
                                              double freq_dev_offset, double freq_dev_slope)
{
    struct dsp_sine_tracker *tr = NULL;
    if (max_sines == 0) {
        dsp_fail(DSP_EINVAL, "sine tracker: max_sines (0) must be at least 1");
        goto fail;
    }
    if (!(freq_dev_offset >= 0.0) || !(freq_dev_slope >= 0.0) || !isfinite(freq_dev_offset) ||
        !isfinite(freq_dev_slope)) {
        dsp_fail(DSP_EINVAL,
                 "sine tracker: frequency deviation offset (%g Hz) and slope (%g) must be "
                 "finite and >= 0",
                 freq_dev_offset, freq_dev_slope);
        goto fail;
    }
    tr = calloc(1, sizeof *tr);
    if (!tr)
        goto nomem;
    tr->max_sines = max_sines;
    tr->max_peaks = max_peaks;
    tr->offset = freq_dev_offset;
    tr->slope = freq_dev_slope;
    tr->prev = calloc(max_sines, sizeof *tr->prev);
    tr->tracks = malloc(max_sines * sizeof *tr->tracks);
    tr->claimed = malloc(max_sines);
    tr->order = malloc((max_peaks ? max_peaks : 1) * sizeof *tr->order);
    if (!tr->prev || !tr->tracks || !tr->claimed || !tr->order)
        goto nomem;
    return tr;
nomem:
    dsp_fail(DSP_ENOMEM, "sine tracker: out of memory for %zu sines, %zu peaks", max_sines,
             max_peaks);
fail:
    dsp_sine_tracker_free(tr);
    return NULL;
}

void dsp_sine_tracker_free(struct dsp_sine_tracker *tr)
{
    if (!tr)
        return;
    free(tr->prev);
    free(tr->tracks);
    free(tr->claimed);
    free(tr->order);
    free(tr);
}

void dsp_sine_tracker_reset(struct dsp_sine_tracker *tr)
{
    memset(tr->prev, 0, tr->max_sines * sizeof *tr->prev);
}

/* Index into tr->tracks[0..n) of the unclaimed track nearest to f, or n. */
static size_t nearest_free_track(const struct dsp_sine_tracker *tr, size_t n, double f)
{
    size_t lo = 0, hi = n;   /* first entry with key >= f */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tr->tracks[mid].key < f)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t right = lo, left = lo;
    while (right < n && tr->claimed[right])
        right++;
    while (left > 0 && tr->claimed[left - 1])
        left--;
    int has_left = left > 0, has_right = right < n;
    if (!has_left && !has_right)
        return n;
    if (!has_left)
        return right;
    if (!has_right)
        return left - 1;
    return f - tr->tracks[left - 1].key <= tr->tracks[right].key - f ? left - 1 : right;
}

int dsp_sine_tracker_update(struct dsp_sine_tracker *tr, const double *pfreq, const double *pmag,
                            const double *pphase, size_t n_peaks, double *tfreq, double *tmag,
                            double *tphase)
{
    const size_t S = tr->max_sines;
    if (n_peaks > tr->max_peaks)
        return dsp_fail(DSP_EINVAL, "sine tracker: %zu peaks given, room for %zu", n_peaks,
                        tr->max_peaks);
    if ((n_peaks && (!pfreq || !pmag)) || !tfreq || !tmag)
        return dsp_fail(DSP_EINVAL, "sine tracker: peak and track arrays must not be NULL");
    /* the previous frame's live tracks, sorted by frequency */
    size_t na = 0;
    for (size_t s = 0; s < S; s++)
        if (tr->prev[s] > 0.0)
            tr->tracks[na++] = (struct keyed){tr->prev[s], s};
    qsort(tr->tracks, na, sizeof *tr->tracks, by_key_up);
    memset(tr->claimed, 0, na);
    memset(tfreq, 0, S * sizeof *tfreq);
    memset(tmag, 0, S * sizeof *tmag);
    if (tphase)
        memset(tphase, 0, S * sizeof *tphase);
    /* larger peaks first */
    size_t np = 0;
    for (size_t i = 0; i < n_peaks; i++)
        if (pfreq[i] > 0.0 && !isnan(pmag[i]))   /* freq 0 means "no sinusoid" */
            tr->order[np++] = (struct keyed){pmag[i], i};
    qsort(tr->order, np, sizeof *tr->order, by_key_down);
    size_t next_free = 0;
    for (size_t j = 0; j < np; j++) {
        size_t i = tr->order[j].idx, s;
        double f = pfreq[i];
        size_t t = nearest_free_track(tr, na, f);
        if (t < na && fabs(f - tr->tracks[t].key) < tr->offset + tr->slope * f) {
            tr->claimed[t] = 1;   /* continuation */
            s = tr->tracks[t].idx;
        } else {
            /* birth in the lowest slot free in the previous frame and not yet born into */
            while (next_free < S && (tr->prev[next_free] > 0.0 || tfreq[next_free] > 0.0))
                next_free++;
            if (next_free == S)
                continue;   /* all max_sines slots busy: the peak is dropped */
            s = next_free++;
        }
        tfreq[s] = f;
        tmag[s] = pmag[i];
        if (tphase && pphase)
            tphase[s] = pphase[i];
    }
    memcpy(tr->prev, tfreq, S * sizeof *tfreq);
    return DSP_OK;
}

int dsp_sine_tracks_clean(double *freq, double *mag, double *phase, size_t n_frames,
                          size_t n_sines, size_t min_frames)
{
    if ((!freq || !mag) && n_frames && n_sines)
        return dsp_fail(DSP_EINVAL, "sine tracks clean: freq and mag must not be NULL");
    for (size_t s = 0; s < n_sines; s++) {
        size_t k = 0;
        while (k < n_frames) {
            if (!(freq[k * n_sines + s] > 0.0)) {
                k++;
                continue;
            }
            size_t start = k;
            while (k < n_frames && freq[k * n_sines + s] > 0.0)
                k++;
            if (k - start >= min_frames)
                continue;
            for (size_t j = start; j < k; j++) {   /* too short: remove the whole run */
                freq[j * n_sines + s] = 0.0;
                mag[j * n_sines + s] = 0.0;
                if (phase)
                    phase[j * n_sines + s] = 0.0;
            }
        }
    }
    return DSP_OK;
}

/* ---- analysis ------------------------------------------------------- */

struct dsp_sine_analysis {
    struct dsp_sine_params p;
    struct dsp_stft *st;
    struct dsp_sine_tracker *tr;
    size_t nb;
    double *mX, *pX;            /* one frame, nb values */
    size_t *loc;                /* peak bins, nb */
    double *pf, *pm, *pp;       /* peaks of the current frame, nb */
};

struct dsp_sine_analysis *dsp_sine_analysis_new(const struct dsp_sine_params *p)
{
    struct dsp_sine_analysis *sa = NULL;
    double *w = NULL;
    if (!p) {
        dsp_fail(DSP_EINVAL, "sine analysis: parameters are NULL");
        goto fail;
    }
    if (!(p->fs > 0.0) || !isfinite(p->fs)) {
        dsp_fail(DSP_EINVAL, "sine analysis: sampling rate (%g Hz) must be positive", p->fs);
        goto fail;
    }
    if (p->m < 3 || p->n_fft < p->m) {
        dsp_fail(DSP_EINVAL,
                 "sine analysis: window size (%zu) must be at least 3 and at most the FFT "
                 "size (%zu)",
                 p->m, p->n_fft);
        goto fail;
    }
    if (isnan(p->threshold_db)) {
        dsp_fail(DSP_EINVAL, "sine analysis: threshold is NaN");
        goto fail;
    }
    sa = calloc(1, sizeof *sa);
    w = malloc(p->m * sizeof *w);
    if (!sa || !w)
        goto nomem;
    sa->p = *p;
    if (dsp_window_fill(p->window, p->window_param, DSP_WINDOW_PERIODIC, w, p->m) != DSP_OK)
        goto fail;
    sa->st = dsp_stft_new(w, p->m, p->n_fft, p->hop);   /* checks the hop */
    if (!sa->st)
        goto fail;
    sa->nb = p->n_fft / 2 + 1;
    sa->tr = dsp_sine_tracker_new(p->max_sines, sa->nb, p->freq_dev_offset, p->freq_dev_slope);
    if (!sa->tr)
        goto fail;
    sa->mX = malloc(sa->nb * sizeof *sa->mX);
    sa->pX = malloc(sa->nb * sizeof *sa->pX);
    sa->loc = malloc(sa->nb * sizeof *sa->loc);
    sa->pf = malloc(sa->nb * sizeof *sa->pf);
    sa->pm = malloc(sa->nb * sizeof *sa->pm);
    sa->pp = malloc(sa->nb * sizeof *sa->pp);
    if (!sa->mX || !sa->pX || !sa->loc || !sa->pf || !sa->pm || !sa->pp)
        goto nomem;
    free(w);
    return sa;
nomem:
    dsp_fail(DSP_ENOMEM, "sine analysis: out of memory (M = %zu, N = %zu)", p->m, p->n_fft);
fail:
    free(w);
    dsp_sine_analysis_free(sa);
    return NULL;
}

void dsp_sine_analysis_free(struct dsp_sine_analysis *sa)
{
    if (!sa)
        return;
    dsp_stft_free(sa->st);
    dsp_sine_tracker_free(sa->tr);
    free(sa->mX);
    free(sa->pX);
    free(sa->loc);
    free(sa->pf);
    free(sa->pm);
    free(sa->pp);
    free(sa);
}

void dsp_sine_analysis_reset(struct dsp_sine_analysis *sa)
{
    dsp_sine_tracker_reset(sa->tr);
}

const struct dsp_sine_params *dsp_sine_analysis_params(const struct dsp_sine_analysis *sa)
{
    return &sa->p;
}

size_t dsp_sine_analysis_num_frames(const struct dsp_sine_analysis *sa, size_t len)
{
    return dsp_stft_num_frames(sa->st, len);
}

int dsp_sine_analysis_peaks(struct dsp_sine_analysis *sa, const double *x, size_t len, size_t k,
                            double *pfreq, double *pmag, double *pphase, size_t max_peaks,
                            size_t *n_peaks)
{
    if (!n_peaks || (max_peaks && (!pfreq || !pmag)))
        return dsp_fail(DSP_EINVAL, "sine analysis: peak arrays must not be NULL");
    int s = dsp_stft_analyze_frame(sa->st, x, len, k, sa->mX, pphase ? sa->pX : NULL);
    if (s != DSP_OK)
        return s;
    size_t np = 0;
    s = dsp_peaks_detect(sa->mX, sa->nb, sa->p.threshold_db, sa->loc, max_peaks, &np);
    if (s == DSP_OK)
        s = dsp_peaks_interp(sa->mX, pphase ? sa->pX : NULL, sa->nb, sa->loc, np, pfreq, pmag,
                             pphase);
    if (s != DSP_OK)
        return s;
    const double bin_hz = sa->p.fs / (double)sa->p.n_fft;
    for (size_t i = 0; i < np; i++)
        pfreq[i] *= bin_hz;
    *n_peaks = np;
    return DSP_OK;
}

int dsp_sine_analysis_frame(struct dsp_sine_analysis *sa, const double *x, size_t len, size_t k,
                            double *freq, double *mag, double *phase)
{
    size_t np = 0;
    int s = dsp_sine_analysis_peaks(sa, x, len, k, sa->pf, sa->pm, sa->pp, sa->nb, &np);
    if (s != DSP_OK)
        return s;
    return dsp_sine_tracker_update(sa->tr, sa->pf, sa->pm, sa->pp, np, freq, mag, phase);
}

int dsp_sine_analyze(struct dsp_sine_analysis *sa, const double *x, size_t len, double *freq,
                     double *mag, double *phase, size_t n_frames)
{
    size_t want = dsp_sine_analysis_num_frames(sa, len), S = sa->p.max_sines;
    if (n_frames != want)
        return dsp_fail(DSP_EINVAL,
                        "sine analysis: %zu frames given, but a %zu-sample signal with hop %zu "
                        "has %zu",
                        n_frames, len, sa->p.hop, want);
    dsp_sine_analysis_reset(sa);
    for (size_t k = 0; k < n_frames; k++) {
        int s = dsp_sine_analysis_frame(sa, x, len, k, freq + k * S, mag + k * S,
                                        phase ? phase + k * S : NULL);
        if (s != DSP_OK)
            return s;
    }
    return DSP_OK;
}

/* ---- time-domain synthesis ----------------------------------------- */

/* Amplitude of a track value: mag is 20 log10(A/2) in the DFT model. */
static double track_amp(double f, double mag_db)
{
    return f > 0.0 ? 2.0 * pow(10.0, mag_db / 20.0) : 0.0;
}

/* What both synthesis methods check before they start; then y = 0. */
static int begin_synthesis(const double *freq, const double *mag, size_t n_frames,
                           size_t n_sines, double *y, size_t len)
{
    if (!y && len)
        return dsp_fail(DSP_EINVAL, "sine synthesis: output is NULL");
    if ((!freq || !mag) && n_frames && n_sines)
        return dsp_fail(DSP_EINVAL, "sine synthesis: freq and mag must not be NULL");
    if (len)
        memset(y, 0, len * sizeof *y);
    return DSP_OK;
}

int dsp_sine_synth_time(const double *freq, const double *mag, const double *phase,
                        size_t n_frames, size_t n_sines, size_t hop, double fs, double *y,
                        size_t len)
{
    if (hop == 0 || !(fs > 0.0))
        return dsp_fail(DSP_EINVAL, "sine synthesis: hop (%zu) must be >= 1 and fs (%g) > 0",
                        hop, fs);
    int status = begin_synthesis(freq, mag, n_frames, n_sines, y, len);
    if (status != DSP_OK)
        return status;
    const double T = (double)hop, w_per_hz = TWO_PI / fs;
    for (size_t s = 0; s < n_sines; s++) {
        double run = 0.0;   /* integrated phase when no phases are given */
        for (size_t k = 0; k < n_frames; k++) {
            size_t t0 = k * hop;
            if (t0 >= len)
                break;
            int last = k + 1 == n_frames;
            size_t t1 = last ? len : (t0 + hop < len ? t0 + hop : len);
            size_t i0 = k * n_sines + s, i1 = i0 + n_sines;
            double f0 = freq[i0], f1 = last ? f0 : freq[i1];
            double a0 = track_amp(f0, mag[i0]), a1 = last ? a0 : track_amp(f1, mag[i1]);
            double w0 = w_per_hz * f0, w1 = w_per_hz * f1;
            double th0 = phase ? phase[i0] : run;
            if (f0 > 0.0 && f1 > 0.0 && !last) {
                double c2, c3;
                if (phase) {   /* McAulay-Quatieri cubic through (th0, w0) and (th1, w1) */
                    double th1 = phase[i1];
                    double Mr = round(((th0 + w0 * T - th1) + 0.5 * (w1 - w0) * T) / TWO_PI);
                    double e = th1 + TWO_PI * Mr - th0 - w0 * T;
                    c2 = 3.0 * e / (T * T) - (w1 - w0) / T;
                    c3 = -2.0 * e / (T * T * T) + (w1 - w0) / (T * T);
                } else {       /* frequency linear in time */
                    c2 = 0.5 * (w1 - w0) / T;
                    c3 = 0.0;
                    run = fmod(th0 + 0.5 * (w0 + w1) * T, TWO_PI);
                }
                for (size_t t = t0; t < t1; t++) {
                    double u = (double)(t - t0);
                    double a = a0 + (a1 - a0) * u / T;
                    y[t] += a * cos(th0 + u * (w0 + u * (c2 + u * c3)));
                }
            } else if (f0 > 0.0) {   /* death (or the last frame: a1 == a0) */
                for (size_t t = t0; t < t1; t++) {
                    double u = (double)(t - t0);
                    double a = last ? a0 : a0 * (1.0 - u / T);
                    y[t] += a * cos(th0 + w0 * u);
                }
            } else if (f1 > 0.0) {   /* birth: fade in at the first frequency */
                double th1 = phase ? phase[i1] : 0.0;
                run = th1;
                for (size_t t = t0; t < t1; t++) {
                    double u = (double)(t - t0);
                    y[t] += a1 * (u / T) * cos(th1 - w1 * (T - u));
                }
            }
        }
    }
    return DSP_OK;
}

/* ---- spectral synthesis --------------------------------------------- */

/* scipy's blackmanharris coefficients */
static const double BH92[4] = {0.35875, 0.48829, 0.14128, 0.01168};

/* Dirichlet kernel of an n-point DFT, sin(pi u) / sin(pi u / n), n at u = 0. */
static double dirichlet(double u, size_t n)
{
    double den = sin(PI * u / (double)n);
    if (fabs(den) < 1e-12)
        return (double)n;   /* only u = 0 within the lobe's reach (|u| < 8 < n) */
    return sin(PI * u) / den;
}

double dsp_sine_bh92_lobe(double x, size_t n)
{
    /* the zero-phase window c0 + c1 cos + c2 cos2 + c3 cos3: each cosine
     * splits into two shifted kernels of half its weight */
    double w = BH92[0] * dirichlet(x, n);
    for (int m = 1; m < 4; m++)
        w += 0.5 * BH92[m] * (dirichlet(x - m, n) + dirichlet(x + m, n));
    return w / ((double)n * BH92[0]);   /* the unit-sum window's sum is n c0 */
}

enum { LOBE_OS = 512, LOBE_HALF = 9 * LOBE_OS / 2, LOBE_LEN = 9 * LOBE_OS + 1 };

struct dsp_sine_synth {
    size_t ns, hop, max_sines;
    double fs;
    struct dsp_fft *fft;
    double complex *Y;   /* ns/2+1 bins */
    double *yt;          /* ns samples, time 0 at index 0 */
    double *sw;          /* triangle / Blackman-Harris, ns samples */
    double *lobe;        /* lobe at -4.5 .. 4.5 bins, LOBE_OS points a bin */
    double *run, *prevf; /* running phase and previous frequency per slot */
    double *frame;       /* one synthesised frame, ns samples */
};

struct dsp_sine_synth *dsp_sine_synth_new(size_t ns, size_t hop, double fs, size_t max_sines)
{
    struct dsp_sine_synth *ss = NULL;
    if (ns < 16 || ns % 2) {
        dsp_fail(DSP_EINVAL, "sine synthesis: FFT size (%zu) must be even and at least 16", ns);
        goto fail;
    }
    if (hop == 0 || 2 * hop > ns) {
        dsp_fail(DSP_EINVAL, "sine synthesis: hop (%zu) must be in 1 .. FFT size / 2 (%zu)", hop,
                 ns / 2);
        goto fail;
    }
    if (!(fs > 0.0) || !isfinite(fs)) {
        dsp_fail(DSP_EINVAL, "sine synthesis: sampling rate (%g Hz) must be positive", fs);
        goto fail;
    }
    if (max_sines == 0) {
        dsp_fail(DSP_EINVAL, "sine synthesis: max_sines (0) must be at least 1");
        goto fail;
    }
    ss = calloc(1, sizeof *ss);
    if (!ss)
        goto nomem;
    ss->ns = ns;
    ss->hop = hop;
    ss->fs = fs;
    ss->max_sines = max_sines;
    ss->fft = dsp_fft_new(ns);
    ss->Y = malloc((ns / 2 + 1) * sizeof *ss->Y);
    ss->yt = malloc(ns * sizeof *ss->yt);
    ss->sw = calloc(ns, sizeof *ss->sw);
    ss->lobe = malloc(LOBE_LEN * sizeof *ss->lobe);
    ss->run = calloc(max_sines, sizeof *ss->run);
    ss->prevf = calloc(max_sines, sizeof *ss->prevf);
    ss->frame = malloc(ns * sizeof *ss->frame);
    if (!ss->fft || !ss->Y || !ss->yt || !ss->sw || !ss->lobe || !ss->run || !ss->prevf ||
        !ss->frame)
        goto nomem;
    for (size_t i = 0; i < LOBE_LEN; i++)
        ss->lobe[i] = dsp_sine_bh92_lobe(((double)i - LOBE_HALF) / LOBE_OS, ns);
    /* The inverse FFT gives the sinusoids times the unit-sum periodic
     * Blackman-Harris window centred on ns/2; divide it out and put a
     * triangle of 2*hop samples (sum 1 at hop) in its place. */
    const double h = (double)ns / 2.0;
    for (size_t j = 0; j < 2 * hop; j++) {
        size_t i = ns / 2 - hop + j;
        double c = TWO_PI * ((double)i - h) / (double)ns;   /* zero-phase angle */
        double bh = (BH92[0] + BH92[1] * cos(c) + BH92[2] * cos(2 * c) + BH92[3] * cos(3 * c)) /
                    ((double)ns * BH92[0]);
        size_t d = j < 2 * hop - 1 - j ? j : 2 * hop - 1 - j;
        double tri = (2.0 * (double)d + 1.0) / (2.0 * (double)hop);
        ss->sw[i] = tri / bh;
    }
    return ss;
nomem:
    dsp_fail(DSP_ENOMEM, "sine synthesis: out of memory (Ns = %zu)", ns);
fail:
    dsp_sine_synth_free(ss);
    return NULL;
}

void dsp_sine_synth_free(struct dsp_sine_synth *ss)
{
    if (!ss)
        return;
    dsp_fft_free(ss->fft);
    free(ss->Y);
    free(ss->yt);
    free(ss->sw);
    free(ss->lobe);
    free(ss->run);
    free(ss->prevf);
    free(ss->frame);
    free(ss);
}

void dsp_sine_synth_reset(struct dsp_sine_synth *ss)
{
    memset(ss->run, 0, ss->max_sines * sizeof *ss->run);
    memset(ss->prevf, 0, ss->max_sines * sizeof *ss->prevf);
}

/* The tabulated lobe at x bins (|x| <= 4.5), linear between points
 * 1/512 bin apart (relative error near 1e-6). */
static double lobe_at(const struct dsp_sine_synth *ss, double x)
{
    double u = x * LOBE_OS + LOBE_HALF;
    if (u <= 0.0)
        return ss->lobe[0];
    size_t i = (size_t)u;
    if (i >= LOBE_LEN - 1)
        return ss->lobe[LOBE_LEN - 1];
    double r = u - (double)i;
    return ss->lobe[i] + r * (ss->lobe[i + 1] - ss->lobe[i]);
}

int dsp_sine_synth_frame(struct dsp_sine_synth *ss, const double *freq, const double *mag,
                         const double *phase, size_t n_sines, double *out)
{
    const size_t ns = ss->ns, half = ns / 2;
    if (n_sines > ss->max_sines)
        return dsp_fail(DSP_EINVAL, "sine synthesis: %zu sines given, room for %zu", n_sines,
                        ss->max_sines);
    if ((n_sines && (!freq || !mag)) || !out)
        return dsp_fail(DSP_EINVAL, "sine synthesis: freq, mag and out must not be NULL");
    double complex *Y = ss->Y;
    memset(Y, 0, (half + 1) * sizeof *Y);
    const double bins_per_hz = (double)ns / ss->fs;
    for (size_t s = 0; s < n_sines; s++) {
        double f = freq[s];
        if (!(f > 0.0) || !(f < 0.5 * ss->fs)) {
            ss->prevf[s] = 0.0;
            continue;
        }
        double ph;
        if (phase)
            ph = phase[s];
        else if (ss->prevf[s] > 0.0)   /* mean frequency over the hop */
            ph = fmod(ss->run[s] + PI * (ss->prevf[s] + f) * (double)ss->hop / ss->fs, TWO_PI);
        else
            ph = 0.0;
        ss->run[s] = ph;
        ss->prevf[s] = f;
        double loc = f * bins_per_hz, amp = pow(10.0, mag[s] / 20.0);
        double complex rot = amp * cexp(I * ph);
        long b0 = lround(loc);
        for (long b = b0 - 4; b <= b0 + 4; b++) {
            double complex c = rot * lobe_at(ss, (double)b - loc);
            if (b < 0)   /* negative frequencies fold back conjugated */
                Y[-b] += conj(c);
            else if (b > (long)half)
                Y[(long)ns - b] += conj(c);
            else if (b == 0 || b == (long)half)
                Y[b] += 2.0 * creal(c);
            else
                Y[b] += c;
        }
    }
    dsp_fft_inverse_real(ss->fft, Y, ss->yt);
    for (size_t i = 0; i < ns; i++)   /* time i - ns/2 sits at index (i + ns/2) mod ns */
        out[i] = ss->sw[i] == 0.0 ? 0.0 : ss->yt[(i + half) % ns] * ss->sw[i];
    return DSP_OK;
}

int dsp_sine_synth_spectral(struct dsp_sine_synth *ss, const double *freq, const double *mag,
                            const double *phase, size_t n_frames, size_t n_sines, double *y,
                            size_t len)
{
    int status = begin_synthesis(freq, mag, n_frames, n_sines, y, len);
    if (status != DSP_OK)
        return status;
    dsp_sine_synth_reset(ss);
    const size_t hop = ss->hop, half = ss->ns / 2;
    for (size_t k = 0; k < n_frames; k++) {
        size_t c = k * hop;   /* frame k's centre; its triangle covers c-hop .. c+hop-1 */
        if (c >= len + hop)
            break;
        int s = dsp_sine_synth_frame(ss, freq + k * n_sines, mag + k * n_sines,
                                     phase ? phase + k * n_sines : NULL, n_sines, ss->frame);
        if (s != DSP_OK)
            return s;
        size_t t_lo = c >= hop ? c - hop : 0, t_hi = c + hop < len ? c + hop : len;
        for (size_t t = t_lo; t < t_hi; t++)
            y[t] += ss->frame[t + half - c];
    }
    return DSP_OK;
}
