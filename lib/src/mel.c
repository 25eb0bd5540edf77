/* mel.c — mel scales and sparse triangular filterbanks (see mel.h). */
#include "dsplab/mel.h"

#include "dsplab/status.h"

#include "kernels.h"

#include <math.h>
#include <stdlib.h>

/* Slaney's constants, written as librosa writes them so that the doubles
 * round the same way. */
#define SLANEY_F_SP (200.0 / 3)
#define SLANEY_MIN_LOG_HZ 1000.0
#define SLANEY_MIN_LOG_MEL (SLANEY_MIN_LOG_HZ / SLANEY_F_SP)

static double slaney_logstep(void)
{
    return log(6.4) / 27.0;
}

double dsp_hz_to_mel(double hz, enum dsp_mel_scale scale)
{
    switch (scale) {
    case DSP_MEL_HTK: return 2595.0 * log10(1.0 + hz / 700.0);
    case DSP_MEL_HTK_LN: return 1127.0 * log(1.0 + hz / 700.0);
    case DSP_MEL_SLANEY:
    default:
        if (hz >= SLANEY_MIN_LOG_HZ)
            return SLANEY_MIN_LOG_MEL + log(hz / SLANEY_MIN_LOG_HZ) / slaney_logstep();
        return hz / SLANEY_F_SP;
    }
}

double dsp_mel_to_hz(double mel, enum dsp_mel_scale scale)
{
    switch (scale) {
    case DSP_MEL_HTK: return 700.0 * (pow(10.0, mel / 2595.0) - 1.0);
    case DSP_MEL_HTK_LN: return 700.0 * (exp(mel / 1127.0) - 1.0);
    case DSP_MEL_SLANEY:
    default:
        if (mel >= SLANEY_MIN_LOG_MEL)
            return SLANEY_MIN_LOG_HZ * exp(slaney_logstep() * (mel - SLANEY_MIN_LOG_MEL));
        return SLANEY_F_SP * mel;
    }
}

struct dsp_melbank_params dsp_melbank_defaults(double sample_rate, size_t n_fft)
{
    struct dsp_melbank_params p = {
        .sample_rate = sample_rate,
        .n_fft = n_fft,
        .n_mels = 128,
        .fmin = 0.0,
        .fmax = sample_rate / 2.0,
        .scale = DSP_MEL_SLANEY,
        .norm = DSP_MEL_NORM_SLANEY,
        .triangles = DSP_MEL_TRIANGLES_HZ,
        .zero_dc = 0,
    };
    return p;
}

struct dsp_melbank {
    size_t n_mels, n_bins;
    size_t *first, *count, *offset;   /* per band: run start bin, length, index in w */
    double *w;                        /* all runs, back to back */
    /* the same runs widened with zero weights to a multiple of 8 bins where
     * the spectrum has room (see pad_runs), for dsp_k_bands */
    size_t *pfirst, *pcount;
    double *pw;
    double *edges_hz;                 /* n_mels + 2 */
};

/* numpy.linspace(start, stop, n)[i]: i*step + start, the last point exactly stop. */
static double linspace_at(double start, double stop, size_t n, size_t i)
{
    if (i + 1 == n)
        return stop;
    return (double)i * ((stop - start) / (double)(n - 1)) + start;
}

/* Weight of bin k in band m, as the chosen reference formula computes it. */
static double weight(const struct dsp_melbank_params *p, const double *edges_hz,
                     const double *edges_mel, size_t m, size_t k)
{
    double v;
    if (p->triangles == DSP_MEL_TRIANGLES_HZ) {
        /* librosa: fftfreqs = rfftfreq(n_fft, 1/sr) = k * (1 / (n_fft * (1/sr))) */
        double f = (double)k * (1.0 / ((double)p->n_fft * (1.0 / p->sample_rate)));
        double lower = -(edges_hz[m] - f) / (edges_hz[m + 1] - edges_hz[m]);
        double upper = (edges_hz[m + 2] - f) / (edges_hz[m + 2] - edges_hz[m + 1]);
        v = fmax(0.0, fmin(lower, upper));
    } else {
        /* VGGish: bins = linspace(0, nyquist, n_bins), converted to mel */
        size_t n_bins = p->n_fft / 2 + 1;
        double f = linspace_at(0.0, p->sample_rate / 2.0, n_bins, k);
        double b = dsp_hz_to_mel(f, p->scale);
        double l = edges_mel[m], c = edges_mel[m + 1], u = edges_mel[m + 2];
        double lower = (b - l) / (c - l);
        double upper = (u - b) / (u - c);
        v = fmax(0.0, fmin(lower, upper));
    }
    if (p->zero_dc && k == 0)
        v = 0.0;
    if (p->norm == DSP_MEL_NORM_SLANEY)
        v *= 2.0 / (edges_hz[m + 2] - edges_hz[m]);
    return v;
}

void dsp_melbank_free(struct dsp_melbank *mb)
{
    if (!mb)
        return;
    free(mb->first);
    free(mb->count);
    free(mb->offset);
    free(mb->w);
    free(mb->pfirst);
    free(mb->pcount);
    free(mb->pw);
    free(mb->edges_hz);
    free(mb);
}

/* The runs for dsp_k_bands: each widened with zero weights to a multiple
 * of 8 bins (its vector width), after the run or, near Nyquist, before it,
 * so that the kernel never takes its one-at-a-time path for the last few
 * bins (a band is 2 to 60 bins; that path cost as much as the vector part).
 * A zero weight times a finite value adds nothing (kernels.h), so the sums
 * are those of the runs as they are, bit for bit. (A bin next to a band
 * that is infinite or NaN now makes the band NaN; a frame of finite
 * samples cannot give such a bin short of |X| > 1e154, and one non-finite
 * sample makes every bin of its frame non-finite anyway.) A run wider than
 * the spectrum allows stays as it is. */
static int pad_runs(struct dsp_melbank *mb)
{
    size_t total = 0;
    mb->pfirst = malloc(mb->n_mels * sizeof *mb->pfirst);
    mb->pcount = malloc(mb->n_mels * sizeof *mb->pcount);
    if (!mb->pfirst || !mb->pcount)
        return -1;
    for (size_t m = 0; m < mb->n_mels; m++) {
        size_t first = mb->first[m], count = mb->count[m], wide = (count + 7) / 8 * 8;
        if (wide > mb->n_bins)
            wide = count;
        if (first + wide > mb->n_bins)
            first = mb->n_bins - wide;
        mb->pfirst[m] = first;
        mb->pcount[m] = wide;
        total += wide;
    }
    mb->pw = calloc(total ? total : 1, sizeof *mb->pw);
    if (!mb->pw)
        return -1;
    double *pw = mb->pw;
    for (size_t m = 0; m < mb->n_mels; m++) {
        size_t lead = mb->first[m] - mb->pfirst[m];
        for (size_t j = 0; j < mb->count[m]; j++)
            pw[lead + j] = mb->w[mb->offset[m] + j];
        pw += mb->pcount[m];
    }
    return 0;
}

static int check_params(const struct dsp_melbank_params *p)
{
    if (!p)
        return dsp_fail(DSP_EINVAL, "mel filterbank: no parameters given");
    if (!(p->sample_rate > 0.0) || !isfinite(p->sample_rate))
        return dsp_fail(DSP_EINVAL, "mel filterbank: sample rate (%g Hz) must be positive",
                        p->sample_rate);
    if (p->n_fft < 2)
        return dsp_fail(DSP_EINVAL, "mel filterbank: n_fft (%zu) must be at least 2", p->n_fft);
    if (p->n_mels < 1)
        return dsp_fail(DSP_EINVAL, "mel filterbank: n_mels (0) must be at least 1");
    if (!(p->fmin >= 0.0))
        return dsp_fail(DSP_EINVAL, "mel filterbank: fmin (%g Hz) must be >= 0", p->fmin);
    if (!(p->fmax > p->fmin))
        return dsp_fail(DSP_EINVAL, "mel filterbank: fmax (%g Hz) must be above fmin (%g Hz)",
                        p->fmax, p->fmin);
    if (p->fmax > p->sample_rate / 2.0)
        return dsp_fail(DSP_EINVAL,
                        "mel filterbank: fmax (%g Hz) is above Nyquist (%g Hz) for sample rate "
                        "%g Hz",
                        p->fmax, p->sample_rate / 2.0, p->sample_rate);
    if (p->scale != DSP_MEL_SLANEY && p->scale != DSP_MEL_HTK && p->scale != DSP_MEL_HTK_LN)
        return dsp_fail(DSP_EINVAL, "mel filterbank: unknown mel scale (%d)", (int)p->scale);
    if (p->norm != DSP_MEL_NORM_NONE && p->norm != DSP_MEL_NORM_SLANEY)
        return dsp_fail(DSP_EINVAL, "mel filterbank: unknown norm (%d)", (int)p->norm);
    if (p->triangles != DSP_MEL_TRIANGLES_HZ && p->triangles != DSP_MEL_TRIANGLES_MEL)
        return dsp_fail(DSP_EINVAL, "mel filterbank: unknown triangle shape (%d)",
                        (int)p->triangles);
    return DSP_OK;
}

struct dsp_melbank *dsp_melbank_new(const struct dsp_melbank_params *p)
{
    struct dsp_melbank *mb = NULL;
    double *edges_mel = NULL;
    if (check_params(p) != DSP_OK)
        goto fail;

    size_t n_mels = p->n_mels, n_bins = p->n_fft / 2 + 1, n_edges = n_mels + 2;
    mb = calloc(1, sizeof *mb);
    edges_mel = malloc(n_edges * sizeof *edges_mel);
    if (!mb || !edges_mel)
        goto nomem;
    mb->n_mels = n_mels;
    mb->n_bins = n_bins;
    mb->first = calloc(n_mels, sizeof *mb->first);
    mb->count = calloc(n_mels, sizeof *mb->count);
    mb->offset = calloc(n_mels, sizeof *mb->offset);
    mb->edges_hz = malloc(n_edges * sizeof *mb->edges_hz);
    if (!mb->first || !mb->count || !mb->offset || !mb->edges_hz)
        goto nomem;

    /* Edges equally spaced in mel; librosa converts them back to Hz. */
    double mlo = dsp_hz_to_mel(p->fmin, p->scale), mhi = dsp_hz_to_mel(p->fmax, p->scale);
    for (size_t i = 0; i < n_edges; i++) {
        edges_mel[i] = linspace_at(mlo, mhi, n_edges, i);
        mb->edges_hz[i] = dsp_mel_to_hz(edges_mel[i], p->scale);
    }

    /* First pass: each band's non-zero run (triangles are convex, so one run).
     * A triangle is zero outside its outer edges, so only the bins between
     * them (with 2 bins to spare for the rounding of the mel conversion) are
     * looked at: O(bins) in all rather than O(bands x bins), which took
     * minutes at n_fft = 2^24. */
    size_t total = 0;
    double df = p->sample_rate / 2.0 / (double)(n_bins - 1);
    for (size_t m = 0; m < n_mels; m++) {
        size_t lo = n_bins, hi = 0;
        double k_lo = floor(mb->edges_hz[m] / df) - 2.0, k_hi = ceil(mb->edges_hz[m + 2] / df) + 2.0;
        size_t k0 = k_lo > 0.0 ? (size_t)k_lo : 0;
        size_t k1 = k_hi < (double)(n_bins - 1) ? (size_t)k_hi : n_bins - 1;
        for (size_t k = k0; k <= k1 && k0 < n_bins; k++) {
            if (weight(p, mb->edges_hz, edges_mel, m, k) != 0.0) {
                if (lo == n_bins)
                    lo = k;
                hi = k;
            }
        }
        mb->first[m] = lo == n_bins ? 0 : lo;
        mb->count[m] = lo == n_bins ? 0 : hi - lo + 1;
        mb->offset[m] = total;
        total += mb->count[m];
    }
    mb->w = malloc((total ? total : 1) * sizeof *mb->w);
    if (!mb->w)
        goto nomem;
    for (size_t m = 0; m < n_mels; m++)
        for (size_t j = 0; j < mb->count[m]; j++)
            mb->w[mb->offset[m] + j] = weight(p, mb->edges_hz, edges_mel, m, mb->first[m] + j);
    if (pad_runs(mb) != 0)
        goto nomem;
    free(edges_mel);
    return mb;

nomem:
    dsp_fail(DSP_ENOMEM, "mel filterbank: out of memory (%zu bands x %zu bins)", p->n_mels,
             p->n_fft / 2 + 1);
fail:
    free(edges_mel);
    dsp_melbank_free(mb);
    return NULL;
}

size_t dsp_melbank_num_bands(const struct dsp_melbank *mb)
{
    return mb->n_mels;
}

size_t dsp_melbank_num_bins(const struct dsp_melbank *mb)
{
    return mb->n_bins;
}

size_t dsp_melbank_num_empty(const struct dsp_melbank *mb, size_t *list, size_t list_len)
{
    size_t n = 0;
    for (size_t m = 0; m < mb->n_mels; m++) {
        if (mb->count[m] == 0) {
            if (list && n < list_len)
                list[n] = m;
            n++;
        }
    }
    return n;
}

int dsp_melbank_band(const struct dsp_melbank *mb, size_t m, size_t *first, size_t *count,
                     const double **w)
{
    if (m >= mb->n_mels)
        return dsp_fail(DSP_EINVAL, "mel filterbank: band %zu out of range (%zu bands)", m,
                        mb->n_mels);
    *first = mb->first[m];
    *count = mb->count[m];
    *w = mb->w + mb->offset[m];
    return DSP_OK;
}

const double *dsp_melbank_edges_hz(const struct dsp_melbank *mb)
{
    return mb->edges_hz;
}

int dsp_melbank_apply(const struct dsp_melbank *mb, const double *spec, size_t n_bins,
                      double *mel)
{
    if (n_bins != mb->n_bins)
        return dsp_fail(DSP_EINVAL, "mel filterbank: spectrum has %zu bins, the bank expects %zu",
                        n_bins, mb->n_bins);
    /* kernels.c's fixed-order 8-lane sums over the widened runs */
    dsp_k_bands(spec, mb->pw, mb->pfirst, mb->pcount, mb->n_mels, mel);
    return DSP_OK;
}

int dsp_melbank_dense(const struct dsp_melbank *mb, double *W, size_t n)
{
    if (n != mb->n_mels * mb->n_bins)
        return dsp_fail(DSP_EINVAL, "mel filterbank: dense matrix needs %zu x %zu = %zu values, "
                        "got %zu", mb->n_mels, mb->n_bins, mb->n_mels * mb->n_bins, n);
    for (size_t i = 0; i < n; i++)
        W[i] = 0.0;
    for (size_t m = 0; m < mb->n_mels; m++)
        for (size_t j = 0; j < mb->count[m]; j++)
            W[m * mb->n_bins + mb->first[m] + j] = mb->w[mb->offset[m] + j];
    return DSP_OK;
}
