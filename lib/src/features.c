/* features.c — spectral descriptors and sound summaries (see features.h). */
#include "dsplab/features.h"

#include "dsplab/mel.h"
#include "dsplab/melspec.h"
#include "dsplab/mfcc.h"
#include "dsplab/status.h"
#include "dsplab/window.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const feature_names[DSP_FEAT_COUNT] = {
    "centroid", "spread", "flatness", "rolloff", "flux", "zcr",
};

const char *dsp_feature_name(enum dsp_feature f)
{
    return (unsigned)f < DSP_FEAT_COUNT ? feature_names[f] : NULL;
}

int dsp_feature_from_name(const char *name, enum dsp_feature *f)
{
    for (int i = 0; i < DSP_FEAT_COUNT; i++)
        if (name && strcmp(name, feature_names[i]) == 0) {
            *f = (enum dsp_feature)i;
            return DSP_OK;
        }
    return dsp_fail(DSP_EINVAL,
                    "unknown descriptor '%s' (centroid, spread, flatness, rolloff, flux, zcr)",
                    name ? name : "(null)");
}

/* A spectrum is n_bins >= 1 finite magnitudes >= 0; *sum receives their sum. */
static int check_mag(const char *what, const double *mag, size_t n_bins, double *sum)
{
    if (n_bins == 0)
        return dsp_fail(DSP_EINVAL, "%s: the spectrum has no bins", what);
    double s = 0.0;
    for (size_t k = 0; k < n_bins; k++) {
        if (!(mag[k] >= 0.0) || isinf(mag[k]))
            return dsp_fail(DSP_EINVAL, "%s: magnitude %g at bin %zu (must be finite, >= 0)",
                            what, mag[k], k);
        s += mag[k];
    }
    *sum = s;
    return DSP_OK;
}

static int check_bin_hz(const char *what, double bin_hz)
{
    if (!(bin_hz > 0.0) || isinf(bin_hz))
        return dsp_fail(DSP_EINVAL, "%s: bin spacing (%g Hz) must be positive", what, bin_hz);
    return DSP_OK;
}

int dsp_spectral_centroid(const double *mag, size_t n_bins, double bin_hz, double *centroid)
{
    double sum;
    int s = check_mag("spectral centroid", mag, n_bins, &sum);
    if (s == DSP_OK)
        s = check_bin_hz("spectral centroid", bin_hz);
    if (s != DSP_OK)
        return s;
    double acc = 0.0;
    for (size_t k = 0; k < n_bins; k++)
        acc += (double)k * bin_hz * mag[k];
    *centroid = sum > 0.0 ? acc / sum : 0.0;
    return DSP_OK;
}

int dsp_spectral_spread(const double *mag, size_t n_bins, double bin_hz, double *spread)
{
    double c, sum = 0.0;
    int s = dsp_spectral_centroid(mag, n_bins, bin_hz, &c);
    if (s != DSP_OK)
        return s;
    double acc = 0.0;
    for (size_t k = 0; k < n_bins; k++) {
        double d = (double)k * bin_hz - c;
        acc += d * d * mag[k];
        sum += mag[k];
    }
    *spread = sum > 0.0 ? sqrt(acc / sum) : 0.0;
    return DSP_OK;
}

int dsp_spectral_flatness(const double *mag, size_t n_bins, double *flatness)
{
    double sum;
    int s = check_mag("spectral flatness", mag, n_bins, &sum);
    if (s != DSP_OK)
        return s;
    /* librosa's amin on the power keeps ln() finite for empty bins */
    double log_sum = 0.0, pow_sum = 0.0;
    for (size_t k = 0; k < n_bins; k++) {
        double p = fmax(mag[k] * mag[k], 1e-10);
        log_sum += log(p);
        pow_sum += p;
    }
    double n = (double)n_bins;
    *flatness = exp(log_sum / n) / (pow_sum / n);
    return DSP_OK;
}

int dsp_spectral_rolloff(const double *mag, size_t n_bins, double bin_hz, double fraction,
                         double *rolloff)
{
    double sum;
    int s = check_mag("spectral rolloff", mag, n_bins, &sum);
    if (s == DSP_OK)
        s = check_bin_hz("spectral rolloff", bin_hz);
    if (s != DSP_OK)
        return s;
    if (!(fraction > 0.0 && fraction <= 1.0))
        return dsp_fail(DSP_EINVAL, "spectral rolloff: fraction (%g) must be in (0, 1]",
                        fraction);
    *rolloff = 0.0;
    if (sum <= 0.0)
        return DSP_OK;
    double threshold = fraction * sum, acc = 0.0;
    for (size_t k = 0; k < n_bins; k++) {
        acc += mag[k];
        if (acc >= threshold) {
            *rolloff = (double)k * bin_hz;
            return DSP_OK;
        }
    }
    /* fraction 1 and rounding in the running sum: the last non-zero bin */
    for (size_t k = n_bins; k-- > 0;)
        if (mag[k] > 0.0) {
            *rolloff = (double)k * bin_hz;
            break;
        }
    return DSP_OK;
}

int dsp_spectral_flux(const double *prev, const double *mag, size_t n_bins, double *flux)
{
    double sum;
    int s = check_mag("spectral flux", mag, n_bins, &sum);
    if (s == DSP_OK)
        s = check_mag("spectral flux (previous frame)", prev, n_bins, &sum);
    if (s != DSP_OK)
        return s;
    double acc = 0.0;
    for (size_t k = 0; k < n_bins; k++) {
        double d = mag[k] - prev[k];
        acc += d * d;
    }
    *flux = sqrt(acc);
    return DSP_OK;
}

int dsp_zero_crossing_rate(const double *x, size_t n, double *zcr)
{
    if (n < 2)
        return dsp_fail(DSP_EINVAL, "zero-crossing rate: %zu samples (needs at least 2)", n);
    size_t crossings = 0;
    for (size_t i = 1; i < n; i++)
        crossings += (x[i - 1] >= 0.0) != (x[i] >= 0.0);
    *zcr = (double)crossings / (double)(n - 1);
    return DSP_OK;
}

int dsp_summary_mean_std(const double *F, size_t n_frames, size_t n_cols, double *summary)
{
    if (n_frames == 0 || n_cols == 0)
        return dsp_fail(DSP_EINVAL, "summary: %zu frames of %zu values (both must be >= 1)",
                        n_frames, n_cols);
    for (size_t c = 0; c < n_cols; c++) {
        /* two passes: the mean first, then squared deviations from it (one
         * pass with sum of squares cancels badly for large means) */
        double mean = 0.0, var = 0.0;
        for (size_t t = 0; t < n_frames; t++)
            mean += F[t * n_cols + c];
        mean /= (double)n_frames;
        for (size_t t = 0; t < n_frames; t++) {
            double d = F[t * n_cols + c] - mean;
            var += d * d;
        }
        summary[c] = mean;
        summary[n_cols + c] = sqrt(var / (double)n_frames);
    }
    return DSP_OK;
}

/* ---- whole sounds ------------------------------------------------------------------ */

struct dsp_features {
    struct dsp_features_params p;
    struct dsp_melspec *ms;   /* power spectra and the mel bank, centred frames */
    struct dsp_mfcc *mf;
    size_t n_bins;
    double win_sum;           /* to put magnitudes in the DFT model's units */
    double *power, *mag, *prev, *frame;
};

struct dsp_features_params dsp_features_defaults(double sample_rate)
{
    struct dsp_features_params p = {
        .sample_rate = sample_rate,
        .n_fft = 512,
        .hop = 256,
        .rolloff = 0.85,
        .n_mels = 40,
        .n_mfcc = 13,
    };
    return p;
}

struct dsp_features *dsp_features_new(const struct dsp_features_params *p)
{
    struct dsp_features *ft = NULL;
    double *w = NULL;
    if (!p) {
        dsp_fail(DSP_EINVAL, "features: no parameters given");
        goto fail;
    }
    if (p->n_fft < 4 || p->n_fft % 2) {
        dsp_fail(DSP_EINVAL, "features: n_fft (%zu) must be even and at least 4", p->n_fft);
        goto fail;
    }
    if (!(p->rolloff > 0.0 && p->rolloff <= 1.0)) {
        dsp_fail(DSP_EINVAL, "features: rolloff fraction (%g) must be in (0, 1]", p->rolloff);
        goto fail;
    }
    if (p->n_mfcc < 1 || p->n_mfcc > p->n_mels) {
        dsp_fail(DSP_EINVAL, "features: n_mfcc (%zu) must be between 1 and n_mels (%zu)",
                 p->n_mfcc, p->n_mels);
        goto fail;
    }
    ft = calloc(1, sizeof *ft);
    if (!ft)
        goto nomem;
    ft->p = *p;
    struct dsp_melspec_params mp = dsp_melspec_defaults(p->sample_rate);
    mp.n_fft = mp.win_length = p->n_fft;
    mp.hop = p->hop;
    mp.mel.n_mels = p->n_mels;
    mp.mel.fmax = p->sample_rate / 2.0;
    ft->ms = dsp_melspec_new(&mp);   /* checks the rate and the hop */
    if (!ft->ms)
        goto fail;
    ft->mf = dsp_mfcc_new(p->n_mels, p->n_mfcc);
    if (!ft->mf)
        goto fail;
    ft->n_bins = p->n_fft / 2 + 1;
    ft->power = malloc(ft->n_bins * sizeof *ft->power);
    ft->mag = malloc(ft->n_bins * sizeof *ft->mag);
    ft->prev = malloc(ft->n_bins * sizeof *ft->prev);
    ft->frame = malloc(p->n_fft * sizeof *ft->frame);
    w = malloc(p->n_fft * sizeof *w);
    if (!ft->power || !ft->mag || !ft->prev || !ft->frame || !w)
        goto nomem;
    dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, p->n_fft);
    ft->win_sum = dsp_window_sum(w, p->n_fft);
    free(w);
    return ft;

nomem:
    dsp_fail(DSP_ENOMEM, "features: out of memory (n_fft %zu)", p->n_fft);
fail:
    free(w);
    dsp_features_free(ft);
    return NULL;
}

void dsp_features_free(struct dsp_features *ft)
{
    if (!ft)
        return;
    dsp_melspec_free(ft->ms);
    dsp_mfcc_free(ft->mf);
    free(ft->power);
    free(ft->mag);
    free(ft->prev);
    free(ft->frame);
    free(ft);
}

size_t dsp_features_num_frames(const struct dsp_features *ft, size_t len)
{
    return dsp_melspec_num_frames(ft->ms, len);
}

size_t dsp_features_summary_len(const struct dsp_features *ft)
{
    return 2 * (ft->p.n_mfcc + DSP_FEAT_COUNT);
}

/* Centroid, spread, flatness and rolloff of a valid spectrum (the
 * analyser's own, finite and >= 0 by construction) in three passes, with
 * the same formulas as the public functions above, which check their input
 * and are called one by one. The flatness needs the mean of ln P_k; 257
 * logarithms per frame cost more than the rest of the frame, so the powers
 * are multiplied instead, as mantissas in [0.5, 1) (frexp) with their
 * exponents summed apart, and the product's logarithm is taken once: no
 * overflow or underflow whatever the level. The result agrees with
 * dsp_spectral_flatness to a few ulps (tests/test_features.c compares). */
static void describe(const double *mag, size_t n, double bin_hz, double fraction, double *d)
{
    double sum = 0.0, first = 0.0, pow_sum = 0.0, prod = 1.0;
    long exponent = 0;
    for (size_t k = 0; k < n; k++) {
        sum += mag[k];
        first += (double)k * bin_hz * mag[k];
        double p = fmax(mag[k] * mag[k], 1e-10);
        int e;
        pow_sum += p;
        prod *= frexp(p, &e);   /* halves prod at most: renormalise well before 1e-300 */
        exponent += e;
        if (k % 64 == 63) {
            prod = frexp(prod, &e);
            exponent += e;
        }
    }
    double log_sum = log(prod) + (double)exponent * log(2.0);
    double c = sum > 0.0 ? first / sum : 0.0, second = 0.0;
    for (size_t k = 0; k < n; k++) {
        double dev = (double)k * bin_hz - c;
        second += dev * dev * mag[k];
    }
    d[DSP_FEAT_CENTROID] = c;
    d[DSP_FEAT_SPREAD] = sum > 0.0 ? sqrt(second / sum) : 0.0;
    d[DSP_FEAT_FLATNESS] = exp(log_sum / (double)n) / (pow_sum / (double)n);
    d[DSP_FEAT_ROLLOFF] = 0.0;
    if (sum > 0.0) {
        double threshold = fraction * sum, acc = 0.0;
        size_t k = 0, last = 0;
        for (; k < n; k++) {
            acc += mag[k];
            if (mag[k] > 0.0)
                last = k;
            if (acc >= threshold)
                break;
        }
        d[DSP_FEAT_ROLLOFF] = (double)(k < n ? k : last) * bin_hz;
    }
}

/* Frame k: its power spectrum into ft->power (and, if mel is not NULL, its
 * mel bands), its descriptors into d (ft->prev holds frame k-1's magnitude). */
static int one_frame(struct dsp_features *ft, const double *x, size_t len, size_t k, double *d,
                     double *mel)
{
    size_t n_fft = ft->p.n_fft, nb = ft->n_bins;
    double bin_hz = ft->p.sample_rate / (double)n_fft;
    int s = dsp_melspec_spectrum(ft->ms, x, len, k, ft->power);
    if (s != DSP_OK)
        return s;
    if (mel) {
        s = dsp_melbank_apply(dsp_melspec_melbank(ft->ms), ft->power, nb, mel);
        if (s != DSP_OK)
            return s;
    }
    double to_model = 1.0 / ft->win_sum;   /* the DFT model's units */
    for (size_t b = 0; b < nb; b++)
        ft->mag[b] = sqrt(ft->power[b]) * to_model;
    /* the same n_fft samples the window saw, zeros outside the signal */
    long start = (long)(k * ft->p.hop) - (long)(n_fft / 2);
    for (size_t i = 0; i < n_fft; i++) {
        long j = start + (long)i;
        ft->frame[i] = j >= 0 && (size_t)j < len ? x[j] : 0.0;
    }
    describe(ft->mag, nb, bin_hz, ft->p.rolloff, d);
    double flux = 0.0;   /* frame 0 has no previous frame */
    for (size_t b = 0; k > 0 && b < nb; b++) {
        double step = ft->mag[b] - ft->prev[b];
        flux += step * step;
    }
    d[DSP_FEAT_FLUX] = sqrt(flux);
    dsp_zero_crossing_rate(ft->frame, n_fft, &d[DSP_FEAT_ZCR]);
    memcpy(ft->prev, ft->mag, nb * sizeof *ft->mag);
    return DSP_OK;
}

static int check_signal(const double *x, size_t len)
{
    if (len == 0)
        return dsp_fail(DSP_EEMPTY, "features: the signal has no samples");
    for (size_t i = 0; i < len; i++)
        if (!isfinite(x[i]))
            return dsp_fail(DSP_EINVAL, "features: sample %zu is %g", i, x[i]);
    return DSP_OK;
}

int dsp_features_frames(struct dsp_features *ft, const double *x, size_t len, double *D,
                        size_t n_frames)
{
    int s = check_signal(x, len);
    if (s != DSP_OK)
        return s;
    size_t want = dsp_features_num_frames(ft, len);
    if (n_frames != want)
        return dsp_fail(DSP_EINVAL, "features: %zu frames asked, the signal has %zu", n_frames,
                        want);
    for (size_t k = 0; k < n_frames; k++)
        if ((s = one_frame(ft, x, len, k, D + k * DSP_FEAT_COUNT, NULL)) != DSP_OK)
            return s;
    return DSP_OK;
}

int dsp_features_summary(struct dsp_features *ft, const double *x, size_t len, double *v,
                         size_t n)
{
    int s = check_signal(x, len);
    if (s != DSP_OK)
        return s;
    if (n != dsp_features_summary_len(ft))
        return dsp_fail(DSP_EINVAL, "features: summary of %zu values asked, it has %zu", n,
                        dsp_features_summary_len(ft));
    size_t frames = dsp_features_num_frames(ft, len), n_mels = ft->p.n_mels;
    size_t n_mfcc = ft->p.n_mfcc, cols = n_mfcc + DSP_FEAT_COUNT;
    double *S = malloc(frames * n_mels * sizeof *S);
    double *F = malloc(frames * cols * sizeof *F);
    if (!S || !F) {
        s = dsp_fail(DSP_ENOMEM, "features: out of memory (%zu frames)", frames);
        goto done;
    }
    for (size_t k = 0; k < frames && s == DSP_OK; k++)
        s = one_frame(ft, x, len, k, F + k * cols + n_mfcc, S + k * n_mels);
    /* librosa's MFCC: dB over the whole sound (top_db needs its maximum) */
    if (s == DSP_OK)
        s = dsp_melspec_power_to_db(S, frames * n_mels, 1.0, 1e-10, 80.0, S);
    for (size_t k = 0; k < frames && s == DSP_OK; k++)
        s = dsp_mfcc_frame(ft->mf, S + k * n_mels, n_mels, F + k * cols);
    if (s == DSP_OK)
        s = dsp_summary_mean_std(F, frames, cols, v);
done:
    free(S);
    free(F);
    return s;
}
