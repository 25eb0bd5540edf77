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

struct dsp_resample {
    uint64_t up, down;    /* L, M: out/in = L/M in lowest terms */
    size_t half;          /* K: taps each side, in input samples */
    size_t taps;          /* 2K */
    double *h;            /* L rows of 2K taps: row phi, tap j = g(phi/L + K - 1 - j) */
};

struct dsp_resample_params dsp_resample_defaults(void)
{
    struct dsp_resample_params p = {.passband = 0.9, .stopband_db = 80.0};
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
    free(rs);
}

static int valid_rate(double r)
{
    return r >= 1.0 && r <= 2147483647.0 && r == floor(r);
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
    if (rs->up == rs->down)
        return rs;   /* equal rates: a copy, no filter */

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
    return (size_t)(((uint64_t)len * rs->up + rs->down - 1) / rs->down);
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
