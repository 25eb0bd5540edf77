/* resample.c — Kaiser-windowed-sinc polyphase resampler (see resample.h). */
#include "dsplab/resample.h"

#include "dsplab/status.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const double pi = 3.14159265358979323846;

#define MAX_PHASES 65536
#define MAX_TABLE (1u << 24)   /* filter table entries: at most 128 MiB of doubles */

/* resampy's kaiser_best (filters.py, resampy 0.4): zero crossings, table
 * entries per crossing (2^precision), Kaiser beta and roll-off. */
#define KB_ZEROS 50
#define KB_PER_ZERO 8192
#define KB_BETA 12.9846
#define KB_ROLLOFF 0.917347

struct dsp_resample {
    uint64_t up, down;    /* L, M: out/in = L/M in lowest terms */
    size_t half;          /* K: taps each side, in input samples */
    size_t taps;          /* 2K */
    double *h;            /* L rows of 2K taps: row phi, tap j = g(phi/L + K - 1 - j) */
    enum dsp_resample_filter filter;
    enum dsp_resample_length length;
    /* kaiser_best: the right wing and its forward differences, nwin values,
     * also transposed for the reads of one wing: rows o = 0 .. step hold
     * win[o], win[o + step], win[o + 2 step], ... (cols each), so a wing
     * reads contiguous memory instead of one cache line per tap */
    double *win, *delta, *win_t, *delta_t;
    size_t nwin, step, cols;
    double ratio;         /* fs_out / fs_in */
};

struct dsp_resample_params dsp_resample_defaults(void)
{
    struct dsp_resample_params p = {.passband = 0.9, .stopband_db = 80.0,
                                    .filter = DSP_RESAMPLE_DESIGN,
                                    .length = DSP_RESAMPLE_LEN_CEIL};
    return p;
}

static uint64_t gcd_u64(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* Modified Bessel function of the first kind, order 0: its power series
 * converges for every x; 1e-17 relative is reached in < 60 terms for x < 30. */
static double bessel_i0(double x)
{
    double sum = 1.0, term = 1.0, q = x * x / 4.0;
    for (int k = 1; k < 200; k++) {
        term *= q / ((double)k * (double)k);
        sum += term;
        if (term < 1e-17 * sum)
            break;
    }
    return sum;
}

static double sinc(double x)
{
    return x == 0.0 ? 1.0 : sin(pi * x) / (pi * x);
}

void dsp_resample_free(struct dsp_resample *rs)
{
    if (!rs)
        return;
    free(rs->h);
    free(rs->win);
    free(rs->delta);
    free(rs->win_t);
    free(rs->delta_t);
    free(rs);
}

static int valid_rate(double r)
{
    return r >= 1.0 && r <= 2147483647.0 && r == floor(r);
}

/* resampy's filters.sinc_window with a Kaiser taper, as kaiser_best was
 * made: n = Z P + 1 entries of the right wing,
 *   win[k] = r sinc(r k Z / (Z P)) * kaiser_{2 Z P + 1}[Z P + k],
 * the symmetric Kaiser window of 2 Z P + 1 points (scipy.signal.kaiser)
 * from its centre on; then, downsampling, times fs_out/fs_in (resampy's
 * interp_win *= sample_ratio); delta[k] = win[k+1] - win[k], 0 at the end. */
static int build_kaiser_best(struct dsp_resample *rs)
{
    size_t n = (size_t)KB_ZEROS * KB_PER_ZERO;
    rs->nwin = n + 1;
    rs->win = malloc(rs->nwin * sizeof *rs->win);
    rs->delta = malloc(rs->nwin * sizeof *rs->delta);
    if (!rs->win || !rs->delta)
        return dsp_fail(DSP_ENOMEM, "resample: out of memory for the kaiser_best table");
    double i0beta = bessel_i0(KB_BETA), step = (double)KB_ZEROS / (double)n;
    for (size_t k = 0; k <= n; k++) {
        /* numpy's linspace: start + k * step, the end point exactly */
        double t = k == n ? (double)KB_ZEROS : (double)k * step;
        double u = (double)k / (double)n;   /* 2 (n + k) / (2 n) - 1 */
        double taper = bessel_i0(KB_BETA * sqrt(fmax(0.0, 1.0 - u * u))) / i0beta;
        rs->win[k] = taper * (KB_ROLLOFF * sinc(KB_ROLLOFF * t));
        if (rs->ratio < 1.0)
            rs->win[k] *= rs->ratio;
    }
    for (size_t k = 0; k < n; k++)
        rs->delta[k] = rs->win[k + 1] - rs->win[k];
    rs->delta[n] = 0.0;
    double scale = fmin(1.0, rs->ratio);
    rs->half = (size_t)ceil((double)KB_ZEROS / scale);
    rs->taps = 2 * rs->half;
    /* offsets run from 0 to floor(scale P) = step (frac <= scale) */
    rs->step = (size_t)(scale * KB_PER_ZERO);
    rs->cols = (rs->nwin + rs->step - 1) / rs->step;
    size_t cells = (rs->step + 1) * rs->cols;
    rs->win_t = calloc(cells, sizeof *rs->win_t);
    rs->delta_t = calloc(cells, sizeof *rs->delta_t);
    if (!rs->win_t || !rs->delta_t)
        return dsp_fail(DSP_ENOMEM, "resample: out of memory for the kaiser_best table");
    for (size_t o = 0; o <= rs->step; o++)
        for (size_t i = 0; i < rs->cols && o + i * rs->step < rs->nwin; i++) {
            rs->win_t[o * rs->cols + i] = rs->win[o + i * rs->step];
            rs->delta_t[o * rs->cols + i] = rs->delta[o + i * rs->step];
        }
    return DSP_OK;
}

/* resampy's loop for one output sample at input time `time`. */
static double kaiser_best_at(const struct dsp_resample *rs, const double *x, size_t len,
                             double time)
{
    double scale = fmin(1.0, rs->ratio);
    size_t index_step = (size_t)(scale * KB_PER_ZERO);
    size_t n = (size_t)time;
    double acc = 0.0;
    /* left wing: x[n], x[n-1], ... */
    double frac = scale * (time - (double)n);
    double index_frac = frac * KB_PER_ZERO;
    size_t offset = (size_t)index_frac;
    double eta = index_frac - (double)offset;
    size_t i_max = (rs->nwin - offset) / index_step;
    if (i_max > n + 1)
        i_max = n + 1;
    const double *w = rs->win_t + offset * rs->cols, *d = rs->delta_t + offset * rs->cols;
    for (size_t i = 0; i < i_max; i++)   /* w[i] = win[offset + i * index_step] */
        acc += (w[i] + eta * d[i]) * x[n - i];
    /* right wing: x[n+1], x[n+2], ... */
    frac = scale - frac;
    index_frac = frac * KB_PER_ZERO;
    offset = (size_t)index_frac;
    eta = index_frac - (double)offset;
    size_t k_max = (rs->nwin - offset) / index_step;
    if (n + 1 >= len)
        k_max = 0;
    else if (k_max > len - n - 1)
        k_max = len - n - 1;
    w = rs->win_t + offset * rs->cols;
    d = rs->delta_t + offset * rs->cols;
    for (size_t i = 0; i < k_max; i++)
        acc += (w[i] + eta * d[i]) * x[n + i + 1];
    return acc;
}

struct dsp_resample *dsp_resample_new(double rate_in, double rate_out,
                                      const struct dsp_resample_params *p)
{
    struct dsp_resample *rs = NULL;
    struct dsp_resample_params d = dsp_resample_defaults();
    if (!p)
        p = &d;
    if (!valid_rate(rate_in) || !valid_rate(rate_out)) {
        dsp_fail(DSP_EINVAL, "resample: rates (%g -> %g Hz) must be whole numbers of Hz, >= 1",
                 rate_in, rate_out);
        goto fail;
    }
    if (p->filter != DSP_RESAMPLE_DESIGN && p->filter != DSP_RESAMPLE_KAISER_BEST) {
        dsp_fail(DSP_EINVAL, "resample: unknown filter (%d)", (int)p->filter);
        goto fail;
    }
    if (p->length != DSP_RESAMPLE_LEN_CEIL && p->length != DSP_RESAMPLE_LEN_FLOOR) {
        dsp_fail(DSP_EINVAL, "resample: unknown length rule (%d)", (int)p->length);
        goto fail;
    }
    if (!(p->passband > 0.0 && p->passband < 1.0)) {
        dsp_fail(DSP_EINVAL, "resample: passband (%g) must be between 0 and 1 (of the lower "
                 "Nyquist)", p->passband);
        goto fail;
    }
    if (!(p->stopband_db >= 20.0 && p->stopband_db <= 200.0)) {
        dsp_fail(DSP_EINVAL, "resample: stopband attenuation (%g dB) must be 20 .. 200 dB",
                 p->stopband_db);
        goto fail;
    }
    uint64_t in = (uint64_t)rate_in, out = (uint64_t)rate_out, g = gcd_u64(in, out);
    rs = calloc(1, sizeof *rs);
    if (!rs) {
        dsp_fail(DSP_ENOMEM, "resample: out of memory");
        goto fail;
    }
    rs->up = out / g;
    rs->down = in / g;
    if (rs->up > MAX_PHASES) {
        dsp_fail(DSP_EINVAL, "resample: %g -> %g Hz reduces to %llu/%llu; more than %d phases "
                 "would be needed", rate_in, rate_out, (unsigned long long)rs->up,
                 (unsigned long long)rs->down, MAX_PHASES);
        goto fail;
    }
    rs->filter = p->filter;
    rs->length = p->length;
    rs->ratio = rate_out / rate_in;
    if (rs->up == rs->down)
        return rs;   /* equal rates: a copy, no filter */
    if (p->filter == DSP_RESAMPLE_KAISER_BEST)
        return build_kaiser_best(rs) == DSP_OK ? rs : (dsp_resample_free(rs), NULL);

    /* Kaiser design in input-sample units (fs_in = 1). */
    double f_ny = 0.5 * fmin(rate_in, rate_out) / rate_in;    /* cycles per input sample */
    double f_pass = p->passband * f_ny, width = f_ny - f_pass;
    double fc = 0.5 * (f_pass + f_ny);
    double A = p->stopband_db;
    double beta = A > 50.0 ? 0.1102 * (A - 8.7)
                           : (A >= 21.0 ? 0.5842 * pow(A - 21.0, 0.4) + 0.07886 * (A - 21.0) : 0.0);
    double duration = (A - 7.95) / (2.285 * 2.0 * pi * width);   /* window length, input samples */
    rs->half = (size_t)ceil(duration / 2.0);
    rs->taps = 2 * rs->half;
    if ((double)rs->up * (double)rs->taps > (double)MAX_TABLE) {
        dsp_fail(DSP_EINVAL, "resample: %g -> %g Hz needs a %llu x %zu filter table; too large",
                 rate_in, rate_out, (unsigned long long)rs->up, rs->taps);
        goto fail;
    }
    rs->h = malloc((size_t)rs->up * rs->taps * sizeof *rs->h);
    if (!rs->h) {
        dsp_fail(DSP_ENOMEM, "resample: out of memory for the %llu x %zu filter table",
                 (unsigned long long)rs->up, rs->taps);
        goto fail;
    }
    double K = (double)rs->half, i0beta = bessel_i0(beta);
    for (uint64_t phi = 0; phi < rs->up; phi++) {
        for (size_t j = 0; j < rs->taps; j++) {
            double tau = (double)phi / (double)rs->up + K - 1.0 - (double)j;
            double u = tau / K, w = 0.0;
            if (fabs(u) < 1.0)
                w = bessel_i0(beta * sqrt(1.0 - u * u)) / i0beta;
            rs->h[phi * rs->taps + j] = 2.0 * fc * sinc(2.0 * fc * tau) * w;
        }
    }
    return rs;

fail:
    dsp_resample_free(rs);
    return NULL;
}

size_t dsp_resample_out_len(const struct dsp_resample *rs, size_t len)
{
    uint64_t round_up = rs->length == DSP_RESAMPLE_LEN_FLOOR ? 0 : rs->down - 1;
    return (size_t)(((uint64_t)len * rs->up + round_up) / rs->down);
}

size_t dsp_resample_half_width(const struct dsp_resample *rs)
{
    return rs->half;
}

int dsp_resample_process(const struct dsp_resample *rs, const double *x, size_t len, double *y,
                         size_t out_len)
{
    size_t want = dsp_resample_out_len(rs, len);
    if (out_len != want)
        return dsp_fail(DSP_EINVAL, "resample: %zu input samples give %zu output samples, not %zu",
                        len, want, out_len);
    if (rs->up == rs->down) {
        memcpy(y, x, len * sizeof *x);
        return DSP_OK;
    }
    if (rs->filter == DSP_RESAMPLE_KAISER_BEST) {
        /* resampy: t_out = arange(n_out) * (1 / sample_ratio) */
        double increment = 1.0 / rs->ratio;
        for (size_t t = 0; t < out_len; t++)
            y[t] = kaiser_best_at(rs, x, len, (double)t * increment);
        return DSP_OK;
    }
    size_t K = rs->half, T = rs->taps;
    for (size_t n = 0; n < out_len; n++) {
        uint64_t pos = (uint64_t)n * rs->down;
        size_t i0 = (size_t)(pos / rs->up);
        const double *h = rs->h + (pos % rs->up) * T;
        /* taps j = 0..T-1 read x[i0 - K + 1 + j] */
        long long first = (long long)i0 - (long long)K + 1;
        size_t j0 = first < 0 ? (size_t)(-first) : 0;
        size_t j1 = T;
        if (first + (long long)T > (long long)len)
            j1 = (size_t)((long long)len - first);
        double acc = 0.0;
        if (j1 > j0) {
            const double *xs = x + (size_t)(first + (long long)j0), *hs = h + j0;
            for (size_t j = 0; j < j1 - j0; j++)
                acc += hs[j] * xs[j];
        }
        y[n] = acc;
    }
    return DSP_OK;
}
