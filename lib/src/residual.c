/* residual.c — residual, stochastic envelope analysis and random-phase
 * synthesis, and the sines/residual/stochastic decomposition (see
 * residual.h). */
#include "dsplab/residual.h"

#include "dsplab/fft.h"
#include "dsplab/spectrum.h"
#include "dsplab/status.h"
#include "dsplab/stft.h"
#include "dsplab/window.h"

#include <complex.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PI 3.14159265358979323846

int dsp_residual_subtract(const double *x, const double *y, size_t n, double *r)
{
    if (n && (!x || !y || !r))
        return dsp_fail(DSP_EINVAL, "residual: x, y and r must not be NULL");
    for (size_t i = 0; i < n; i++)
        r[i] = x[i] - y[i];
    return DSP_OK;
}

struct dsp_stochastic {
    size_t hop, n, nb, ne;
    struct dsp_stft *st;
    struct dsp_fft *fft;
    size_t *edge;          /* band j is bins edge[j] .. edge[j+1]-1; ne + 1 values */
    double *centre;        /* band centres, fractional bins, ne */
    double *mag;           /* one frame's |X|, nb */
    double *db;            /* one frame's envelope interpolated to the bins, nb */
    double complex *Y;     /* nb */
    double *buf;           /* inverse FFT output, n */
    double *ws;            /* sqrt(periodic Hann), n */
    double gain;           /* sqrt(n / sum w_n^2) */
};

struct dsp_stochastic *dsp_stochastic_new(size_t hop, double stocf)
{
    struct dsp_stochastic *st = NULL;
    double *w = NULL;
    if (hop < 2) {
        dsp_fail(DSP_EINVAL, "stochastic: hop (%zu) must be at least 2", hop);
        goto fail;
    }
    if (!(stocf > 0.0 && stocf <= 1.0)) {
        dsp_fail(DSP_EINVAL, "stochastic: stochastic factor (%g) must be in (0, 1]", stocf);
        goto fail;
    }
    st = calloc(1, sizeof *st);
    if (!st)
        goto nomem;
    st->hop = hop;
    st->n = 2 * hop;
    st->nb = hop + 1;
    st->ne = (size_t)lround(stocf * (double)st->nb);
    if (st->ne < 2)
        st->ne = 2;
    w = malloc(st->n * sizeof *w);
    st->ws = malloc(st->n * sizeof *st->ws);
    st->edge = malloc((st->ne + 1) * sizeof *st->edge);
    st->centre = malloc(st->ne * sizeof *st->centre);
    st->mag = malloc(st->nb * sizeof *st->mag);
    st->db = malloc(st->nb * sizeof *st->db);
    st->Y = malloc(st->nb * sizeof *st->Y);
    st->buf = malloc(st->n * sizeof *st->buf);
    if (!w || !st->ws || !st->edge || !st->centre || !st->mag || !st->db || !st->Y || !st->buf)
        goto nomem;
    dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, st->n);
    st->st = dsp_stft_new(w, st->n, st->n, hop);
    st->fft = dsp_fft_new(st->n);
    if (!st->st || !st->fft)
        goto fail;
    /* the analysis window's noise gain sum w_n^2, w_n = w / sum w */
    double sw = dsp_window_sum(w, st->n), sw2 = 0.0;
    for (size_t i = 0; i < st->n; i++) {
        sw2 += (w[i] / sw) * (w[i] / sw);
        st->ws[i] = sqrt(w[i]);   /* Hann at hop N/2 sums to 1, so these squared do */
    }
    st->gain = sqrt((double)st->n / sw2);
    for (size_t j = 0; j <= st->ne; j++)
        st->edge[j] = j * st->nb / st->ne;
    for (size_t j = 0; j < st->ne; j++)
        st->centre[j] = 0.5 * (double)(st->edge[j] + st->edge[j + 1] - 1);
    free(w);
    return st;
nomem:
    dsp_fail(DSP_ENOMEM, "stochastic: out of memory (hop %zu)", hop);
fail:
    free(w);
    dsp_stochastic_free(st);
    return NULL;
}

void dsp_stochastic_free(struct dsp_stochastic *st)
{
    if (!st)
        return;
    dsp_stft_free(st->st);
    dsp_fft_free(st->fft);
    free(st->edge);
    free(st->centre);
    free(st->mag);
    free(st->db);
    free(st->Y);
    free(st->buf);
    free(st->ws);
    free(st);
}

size_t dsp_stochastic_hop(const struct dsp_stochastic *st)
{
    return st->hop;
}

size_t dsp_stochastic_env_size(const struct dsp_stochastic *st)
{
    return st->ne;
}

size_t dsp_stochastic_num_frames(const struct dsp_stochastic *st, size_t len)
{
    return dsp_stft_num_frames(st->st, len);
}

double dsp_stochastic_band_centre(const struct dsp_stochastic *st, size_t j)
{
    return j < st->ne ? st->centre[j] : NAN;
}

int dsp_stochastic_analyze_frame(struct dsp_stochastic *st, const double *x, size_t len,
                                 size_t k, double *env)
{
    if (!env)
        return dsp_fail(DSP_EINVAL, "stochastic: env must not be NULL");
    int s = dsp_stft_magnitude(st->st, x, len, k, st->mag);
    if (s != DSP_OK)
        return s;
    for (size_t j = 0; j < st->ne; j++) {
        double p = 0.0;
        for (size_t b = st->edge[j]; b < st->edge[j + 1]; b++)
            p += st->mag[b] * st->mag[b];
        env[j] = dsp_power_to_db(p / (double)(st->edge[j + 1] - st->edge[j]));
    }
    return DSP_OK;
}

int dsp_stochastic_analyze(struct dsp_stochastic *st, const double *x, size_t len, double *env,
                           size_t n_frames)
{
    size_t want = dsp_stochastic_num_frames(st, len);
    if (n_frames != want)
        return dsp_fail(DSP_EINVAL,
                        "stochastic: %zu frames given, but a %zu-sample signal with hop %zu "
                        "has %zu",
                        n_frames, len, st->hop, want);
    for (size_t k = 0; k < n_frames; k++) {
        int s = dsp_stochastic_analyze_frame(st, x, len, k, env + k * st->ne);
        if (s != DSP_OK)
            return s;
    }
    return DSP_OK;
}

/* env (dB at the band centres) -> st->db at every bin: linear between
 * centres, flat beyond the first and the last. */
static void envelope_to_bins(struct dsp_stochastic *st, const double *env)
{
    size_t j = 0;
    for (size_t b = 0; b < st->nb; b++) {
        double x = (double)b;
        while (j + 1 < st->ne && st->centre[j + 1] <= x)
            j++;
        if (x <= st->centre[0])
            st->db[b] = env[0];
        else if (j + 1 >= st->ne)
            st->db[b] = env[st->ne - 1];
        else {
            double t = (x - st->centre[j]) / (st->centre[j + 1] - st->centre[j]);
            st->db[b] = env[j] + t * (env[j + 1] - env[j]);
        }
    }
}

int dsp_stochastic_synth_frame(struct dsp_stochastic *st, const double *env,
                               struct dsp_rng *rng, double *out)
{
    if (!env || !rng || !out)
        return dsp_fail(DSP_EINVAL, "stochastic: env, rng and out must not be NULL");
    envelope_to_bins(st, env);
    for (size_t b = 0; b < st->nb; b++) {
        double a = sqrt(dsp_db_to_power(st->db[b]));
        if (b == 0 || b == st->nb - 1)   /* real bins: a random sign */
            st->Y[b] = dsp_rng_uniform(rng) < 0.5 ? -a : a;
        else
            st->Y[b] = a * cexp(I * 2.0 * PI * dsp_rng_uniform(rng));
    }
    dsp_fft_inverse_real(st->fft, st->Y, st->buf);
    for (size_t i = 0; i < st->n; i++)
        out[i] = st->gain * st->buf[i] * st->ws[i];
    return DSP_OK;
}

int dsp_stochastic_synthesize(struct dsp_stochastic *st, const double *env, size_t n_frames,
                              uint64_t seed, double *y, size_t len)
{
    if ((!y && len) || (!env && n_frames))
        return dsp_fail(DSP_EINVAL, "stochastic: env and y must not be NULL");
    if (len)
        memset(y, 0, len * sizeof *y);
    struct dsp_rng rng;
    dsp_rng_seed(&rng, seed);
    const size_t h = st->hop;
    for (size_t k = 0; k < n_frames; k++) {
        size_t c = k * h;   /* frame k covers samples c - h .. c + h - 1 */
        if (c >= len + h)
            break;
        int s = dsp_stochastic_synth_frame(st, env + k * st->ne, &rng, st->buf);
        if (s != DSP_OK)
            return s;
        size_t t_lo = c >= h ? c - h : 0, t_hi = c + h < len ? c + h : len;
        for (size_t t = t_lo; t < t_hi; t++)
            y[t] += st->buf[t + h - c];
    }
    return DSP_OK;
}

int dsp_decompose(const struct dsp_decompose_params *p, const double *x, size_t len,
                  double *sines, double *residual, double *stochastic)
{
    if (!p || !sines || !residual || (!x && len))
        return dsp_fail(DSP_EINVAL, "decompose: parameters, x, sines and residual must not be "
                                    "NULL");
    if (p->model != DSP_DECOMPOSE_SINE && p->model != DSP_DECOMPOSE_HARMONIC)
        return dsp_fail(DSP_EINVAL, "decompose: unknown model %d", (int)p->model);
    int s = DSP_OK;
    struct dsp_sine_analysis *sa = NULL;
    struct dsp_harmonic_analysis *ha = NULL;
    struct dsp_stochastic *st = NULL;
    double *f = NULL, *m = NULL, *ph = NULL, *env = NULL;
    size_t nf, S, hop;
    double fs;
    if (p->model == DSP_DECOMPOSE_SINE) {
        sa = dsp_sine_analysis_new(&p->sine);
        if (!sa)
            return DSP_EINVAL;   /* message set */
        nf = dsp_sine_analysis_num_frames(sa, len);
        S = p->sine.max_sines;
        hop = p->sine.hop;
        fs = p->sine.fs;
    } else {
        ha = dsp_harmonic_analysis_new(&p->harmonic);
        if (!ha)
            return DSP_EINVAL;
        nf = dsp_harmonic_analysis_num_frames(ha, len);
        S = p->harmonic.n_harmonics;
        hop = p->harmonic.hop;
        fs = p->harmonic.fs;
    }
    f = malloc(nf * S * sizeof *f);
    m = malloc(nf * S * sizeof *m);
    ph = malloc(nf * S * sizeof *ph);
    if (!f || !m || !ph) {
        s = dsp_fail(DSP_ENOMEM, "decompose: out of memory for %zu frames x %zu tracks", nf, S);
        goto done;
    }
    s = sa ? dsp_sine_analyze(sa, x, len, f, m, ph, nf)
           : dsp_harmonic_analyze(ha, x, len, NULL, f, m, ph, nf);
    if (s == DSP_OK)
        s = dsp_sine_tracks_clean(f, m, ph, nf, S, p->min_frames);
    if (s == DSP_OK)
        s = dsp_sine_synth_time(f, m, ph, nf, S, hop, fs, sines, len);
    if (s == DSP_OK)
        s = dsp_residual_subtract(x, sines, len, residual);
    if (s != DSP_OK || !stochastic)
        goto done;
    st = dsp_stochastic_new(p->stoch_hop, p->stocf);
    if (!st) {
        s = DSP_EINVAL;
        goto done;
    }
    size_t nfs = dsp_stochastic_num_frames(st, len), E = dsp_stochastic_env_size(st);
    env = malloc(nfs * E * sizeof *env);
    if (!env) {
        s = dsp_fail(DSP_ENOMEM, "decompose: out of memory for the stochastic envelope");
        goto done;
    }
    s = dsp_stochastic_analyze(st, residual, len, env, nfs);
    if (s == DSP_OK)
        s = dsp_stochastic_synthesize(st, env, nfs, p->seed, stochastic, len);
done:
    dsp_sine_analysis_free(sa);
    dsp_harmonic_analysis_free(ha);
    dsp_stochastic_free(st);
    free(f);
    free(m);
    free(ph);
    free(env);
    return s;
}
