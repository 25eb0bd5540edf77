/* transform.c — phase vocoder time scaling, sinusoidal and harmonic track
 * transformations, harmonic plus stochastic pitch shifting and morphing
 * (see transform.h). */
#include "dsplab/transform.h"

#include "dsplab/fft.h"
#include "dsplab/status.h"
#include "dsplab/window.h"

#include <complex.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PI 3.14159265358979323846

size_t dsp_time_stretch_len(size_t len, double factor)
{
    if (!(factor > 0) || !isfinite(factor))
        return 0;
    return (size_t)llround((double)len * factor);
}

/* x mapped into [-pi, pi). */
static double princarg(double x)
{
    return x - 2.0 * PI * floor((x + PI) / (2.0 * PI));
}

/* The Hann-windowed frame of x centred on sample centre, zeros outside,
 * through the FFT: magnitude and phase of bins 0 .. N/2. */
static void pv_analyze(struct dsp_fft *fft, const double *w, size_t n, const double *x,
                       size_t len, long long centre, double *mag, double *phase)
{
    double *in = dsp_fft_real_input(fft);
    long long start = centre - (long long)(n / 2);
    for (size_t i = 0; i < n; i++) {
        long long t = start + (long long)i;
        in[i] = t >= 0 && t < (long long)len ? w[i] * x[t] : 0.0;
    }
    dsp_fft_execute_real(fft);
    const double complex *X = dsp_fft_real_output(fft);
    for (size_t k = 0; k <= n / 2; k++) {
        mag[k] = cabs(X[k]);
        phase[k] = carg(X[k]);
    }
}

int dsp_time_stretch(const double *x, size_t len, double factor, size_t n_fft, size_t hop,
                     enum dsp_pv_lock lock, double *y, size_t out_len)
{
    if (!x || !y)
        return dsp_fail(DSP_EINVAL, "time stretch: x and y must not be NULL");
    if (len == 0)
        return dsp_fail(DSP_EINVAL, "time stretch: the input holds no samples");
    if (!(factor > 0) || !isfinite(factor))
        return dsp_fail(DSP_EINVAL, "time stretch: factor (%g) must be a positive number", factor);
    if (hop == 0 || n_fft < 4 || n_fft % 2 != 0 || n_fft < 2 * hop)
        return dsp_fail(DSP_EINVAL,
                        "time stretch: FFT size (%zu) must be even, at least 4 and at least "
                        "twice the hop (%zu), and the hop at least 1",
                        n_fft, hop);
    if (lock != DSP_PV_LOCK_NONE && lock != DSP_PV_LOCK_IDENTITY)
        return dsp_fail(DSP_EINVAL, "time stretch: unknown phase locking %d", (int)lock);
    size_t want = dsp_time_stretch_len(len, factor);
    if (out_len != want)
        return dsp_fail(DSP_EINVAL,
                        "time stretch: output length %zu, expected round(%zu * %g) = %zu",
                        out_len, len, factor, want);
    if (out_len == 0)
        return DSP_OK;
    size_t nb = n_fft / 2 + 1;
    struct dsp_fft *fft = dsp_fft_new(n_fft);
    double *w = malloc(n_fft * sizeof *w), *wsum = calloc(out_len, sizeof *wsum);
    double *buf = malloc(7 * nb * sizeof *buf);
    size_t *peak = malloc(nb * sizeof *peak);
    double complex *Y = malloc(nb * sizeof *Y);
    int s = DSP_OK;
    if (!fft || !w || !wsum || !buf || !peak || !Y) {
        s = dsp_fail(DSP_ENOMEM, "time stretch: out of memory (N = %zu, %zu samples)", n_fft,
                     out_len);
        goto done;
    }
    double *mag = buf, *phi = buf + nb, *phi_prev = buf + 2 * nb, *theta = buf + 3 * nb;
    double *theta_new = buf + 4 * nb, *omega = buf + 5 * nb, *scratch = buf + 6 * nb;
    dsp_window_fill(DSP_WIN_HANN, 0, DSP_WINDOW_PERIODIC, w, n_fft);
    memset(y, 0, out_len * sizeof *y);
    size_t n_frames = out_len / hop + 1;
    for (size_t j = 0; j < n_frames; j++) {
        long long a = llround((double)(j * hop) / factor);
        pv_analyze(fft, w, n_fft, x, len, a, mag, phi);
        if (j == 0) {
            memcpy(theta, phi, nb * sizeof *theta);
        } else {
            pv_analyze(fft, w, n_fft, x, len, a - (long long)hop, scratch, phi_prev);
            for (size_t k = 0; k < nb; k++) {
                double expected = 2.0 * PI * (double)k * (double)hop / (double)n_fft;
                omega[k] = 2.0 * PI * (double)k / (double)n_fft +
                           princarg(phi[k] - phi_prev[k] - expected) / (double)hop;
                theta_new[k] = theta[k] + (double)hop * omega[k];
            }
            if (lock == DSP_PV_LOCK_IDENTITY) {
                size_t np = 0;
                for (size_t k = 1; k + 1 < nb; k++)
                    if (mag[k] > mag[k - 1] && mag[k] > mag[k + 1])
                        peak[np++] = k;
                /* each bin follows its nearest peak, ties to the lower one;
                 * the peaks themselves keep their own advance */
                size_t p = 0;
                for (size_t k = 0; k < nb && np > 0; k++) {
                    while (p + 1 < np && peak[p + 1] <= k)
                        p++;
                    size_t q = peak[p];
                    if (p + 1 < np && q < k && peak[p + 1] - k < k - q)
                        q = peak[p + 1];
                    if (q != k)
                        theta_new[k] = theta_new[q] + phi[k] - phi[q];
                }
            }
            double *t = theta;
            theta = theta_new;
            theta_new = t;
        }
        for (size_t k = 0; k < nb; k++)
            Y[k] = mag[k] * cexp(I * theta[k]);
        double *out = dsp_fft_real_input(fft);
        dsp_fft_inverse_real(fft, Y, out);
        long long start = (long long)(j * hop) - (long long)(n_fft / 2);
        for (size_t i = 0; i < n_fft; i++) {
            long long t = start + (long long)i;
            if (t >= 0 && t < (long long)out_len) {
                y[t] += w[i] * out[i];
                wsum[t] += w[i] * w[i];
            }
        }
    }
    for (size_t i = 0; i < out_len; i++)
        y[i] = wsum[i] > 1e-12 ? y[i] / wsum[i] : 0.0;
done:
    dsp_fft_free(fft);
    free(w);
    free(wsum);
    free(buf);
    free(peak);
    free(Y);
    return s;
}

int dsp_sine_freq_scale(const double *freq, const double *mag, size_t n_frames, size_t n_sines,
                        const double *scale, double fs, double *out_freq, double *out_mag)
{
    if (!freq || !mag || !scale || !out_freq || !out_mag)
        return dsp_fail(DSP_EINVAL, "frequency scaling: NULL array");
    if (!(fs > 0))
        return dsp_fail(DSP_EINVAL, "frequency scaling: sampling rate (%g) must be positive", fs);
    for (size_t k = 0; k < n_frames; k++)
        if (!(scale[k] > 0) || !isfinite(scale[k]))
            return dsp_fail(DSP_EINVAL, "frequency scaling: factor %g of frame %zu must be "
                                        "positive", scale[k], k);
    for (size_t k = 0; k < n_frames; k++)
        for (size_t s = 0; s < n_sines; s++) {
            size_t q = k * n_sines + s;
            double f = freq[q] > 0 ? freq[q] * scale[k] : 0.0;
            if (f >= fs / 2)
                f = 0.0;
            out_mag[q] = f > 0 ? mag[q] : 0.0;
            out_freq[q] = f;
        }
    return DSP_OK;
}

size_t dsp_sine_time_scale_frames(const double *out_frame, size_t n_points)
{
    if (!out_frame || n_points == 0 || !(out_frame[n_points - 1] >= 0))
        return 0;
    return (size_t)llround(out_frame[n_points - 1]) + 1;
}

int dsp_sine_time_scale(const double *freq, const double *mag, size_t n_frames, size_t n_sines,
                        const double *in_frame, const double *out_frame, size_t n_points,
                        double *out_freq, double *out_mag, size_t out_frames)
{
    if (!freq || !mag || !in_frame || !out_frame || !out_freq || !out_mag)
        return dsp_fail(DSP_EINVAL, "time scaling: NULL array");
    if (n_frames == 0 || n_points < 2)
        return dsp_fail(DSP_EINVAL, "time scaling: %zu frames and %zu map points (needs >= 1 "
                                    "and >= 2)", n_frames, n_points);
    if (in_frame[0] != 0 || out_frame[0] != 0)
        return dsp_fail(DSP_EINVAL, "time scaling: the map must start at (0, 0)");
    for (size_t i = 1; i < n_points; i++)
        if (!(in_frame[i] > in_frame[i - 1]) || !(out_frame[i] > out_frame[i - 1]))
            return dsp_fail(DSP_EINVAL, "time scaling: map point %zu (%g, %g) does not "
                                        "increase", i, in_frame[i], out_frame[i]);
    size_t want = dsp_sine_time_scale_frames(out_frame, n_points);
    if (out_frames != want)
        return dsp_fail(DSP_EINVAL, "time scaling: %zu output frames, the map gives %zu",
                        out_frames, want);
    size_t seg = 0;
    for (size_t j = 0; j < out_frames; j++) {
        double t, u = (double)j;
        while (seg + 2 < n_points && u > out_frame[seg + 1])
            seg++;
        if (u >= out_frame[n_points - 1])
            t = in_frame[n_points - 1];
        else
            t = in_frame[seg] + (u - out_frame[seg]) * (in_frame[seg + 1] - in_frame[seg]) /
                                    (out_frame[seg + 1] - out_frame[seg]);
        long long k = llround(t);
        if (k < 0)
            k = 0;
        if ((size_t)k >= n_frames)
            k = (long long)n_frames - 1;
        memcpy(out_freq + j * n_sines, freq + (size_t)k * n_sines, n_sines * sizeof *out_freq);
        memcpy(out_mag + j * n_sines, mag + (size_t)k * n_sines, n_sines * sizeof *out_mag);
    }
    return DSP_OK;
}

/* The frame's envelope (its present harmonics' dB magnitudes joined
 * linearly over frequency, flat beyond the ends) at frequency f. */
static double envelope_at(const double *hf, const double *hm, size_t n, double f)
{
    size_t below = n, above = n;
    for (size_t h = 0; h < n; h++) {
        if (!(hf[h] > 0))
            continue;
        if (hf[h] <= f && (below == n || hf[h] > hf[below]))
            below = h;
        if (hf[h] >= f && (above == n || hf[h] < hf[above]))
            above = h;
    }
    if (below == n)
        return hm[above];
    if (above == n || hf[above] == hf[below])
        return hm[below];
    double t = (f - hf[below]) / (hf[above] - hf[below]);
    return hm[below] + t * (hm[above] - hm[below]);
}

int dsp_harmonic_pitch_shift(const double *hfreq, const double *hmag, size_t n_frames,
                             size_t n_harm, double ratio, enum dsp_envelope envelope, double fs,
                             double *out_freq, double *out_mag)
{
    if (!hfreq || !hmag || !out_freq || !out_mag)
        return dsp_fail(DSP_EINVAL, "pitch shift: NULL array");
    if (!(ratio > 0) || !isfinite(ratio) || !(fs > 0))
        return dsp_fail(DSP_EINVAL, "pitch shift: ratio (%g) and sampling rate (%g) must be "
                                    "positive", ratio, fs);
    if (envelope != DSP_ENVELOPE_MOVE && envelope != DSP_ENVELOPE_KEEP)
        return dsp_fail(DSP_EINVAL, "pitch shift: unknown envelope mode %d", (int)envelope);
    for (size_t k = 0; k < n_frames; k++) {
        const double *f = hfreq + k * n_harm, *m = hmag + k * n_harm;
        double *of = out_freq + k * n_harm, *om = out_mag + k * n_harm;
        for (size_t h = 0; h < n_harm; h++) {
            double g = f[h] > 0 ? ratio * f[h] : 0.0;
            if (g >= fs / 2)
                g = 0.0;
            of[h] = g;
            if (g <= 0)
                om[h] = 0.0;
            else
                om[h] = envelope == DSP_ENVELOPE_KEEP ? envelope_at(f, m, n_harm, g) : m[h];
        }
    }
    return DSP_OK;
}

/* Frame of B (n_b frames) that meets frame k of A (n_a frames). */
static size_t aligned_frame(size_t k, size_t n_a, size_t n_b)
{
    if (n_a < 2)
        return 0;
    return (size_t)llround((double)k * (double)(n_b - 1) / (double)(n_a - 1));
}

static int alpha_ok(double a)
{
    return a >= 0 && a <= 1;
}

int dsp_harmonic_morph(const double *freq_a, const double *mag_a, size_t n_a,
                       const double *freq_b, const double *mag_b, size_t n_b, size_t n_harm,
                       double alpha_freq, double alpha_mag, double *out_freq, double *out_mag)
{
    if (!freq_a || !mag_a || !freq_b || !mag_b || !out_freq || !out_mag)
        return dsp_fail(DSP_EINVAL, "morph: NULL array");
    if (n_b == 0 && n_a > 0)
        return dsp_fail(DSP_EINVAL, "morph: sound B has no frames");
    if (!alpha_ok(alpha_freq) || !alpha_ok(alpha_mag))
        return dsp_fail(DSP_EINVAL, "morph: interpolation factors (%g, %g) must lie in [0, 1]",
                        alpha_freq, alpha_mag);
    for (size_t k = 0; k < n_a; k++) {
        size_t kb = aligned_frame(k, n_a, n_b);
        const double *fa = freq_a + k * n_harm, *ma = mag_a + k * n_harm;
        const double *fb = freq_b + kb * n_harm, *mb = mag_b + kb * n_harm;
        for (size_t h = 0; h < n_harm; h++) {
            size_t q = k * n_harm + h;
            if (fa[h] > 0 && fb[h] > 0) {
                out_freq[q] = (1.0 - alpha_freq) * fa[h] + alpha_freq * fb[h];
                out_mag[q] = (1.0 - alpha_mag) * ma[h] + alpha_mag * mb[h];
            } else {
                out_freq[q] = 0.0;
                out_mag[q] = 0.0;
            }
        }
    }
    return DSP_OK;
}

int dsp_env_morph(const double *env_a, size_t n_a, const double *env_b, size_t n_b,
                  size_t n_env, double alpha, double *out)
{
    if (!env_a || !env_b || !out)
        return dsp_fail(DSP_EINVAL, "envelope morph: NULL array");
    if (n_b == 0 && n_a > 0)
        return dsp_fail(DSP_EINVAL, "envelope morph: sound B has no frames");
    if (!alpha_ok(alpha))
        return dsp_fail(DSP_EINVAL, "envelope morph: factor %g must lie in [0, 1]", alpha);
    for (size_t k = 0; k < n_a; k++) {
        const double *b = env_b + aligned_frame(k, n_a, n_b) * n_env;
        for (size_t e = 0; e < n_env; e++)
            out[k * n_env + e] = (1.0 - alpha) * env_a[k * n_env + e] + alpha * b[e];
    }
    return DSP_OK;
}

/* ---- whole sounds: the harmonic plus stochastic model ------------------- */

struct hps {
    size_t nf, nh, nfs, ne;
    double *f, *m, *env;
};

static void hps_free(struct hps *h)
{
    free(h->f);
    free(h->m);
    free(h->env);
}

/* Harmonic tracks (cleaned) and the stochastic envelope of the residual. */
static int hps_analyze(const struct dsp_decompose_params *p, const double *x, size_t len,
                       struct hps *out)
{
    memset(out, 0, sizeof *out);
    if (!p || !x || len == 0)
        return dsp_fail(DSP_EINVAL, "harmonic plus stochastic analysis: no parameters or an "
                                    "empty sound");
    if (p->model != DSP_DECOMPOSE_HARMONIC)
        return dsp_fail(DSP_EINVAL, "harmonic plus stochastic analysis: the model must be "
                                    "harmonic");
    struct dsp_harmonic_analysis *ha = dsp_harmonic_analysis_new(&p->harmonic);
    struct dsp_stochastic *st = dsp_stochastic_new(p->stoch_hop, p->stocf);
    double *ph = NULL, *sines = NULL;
    int s = DSP_OK;
    if (!ha || !st) {
        s = DSP_EINVAL;   /* message set */
        goto done;
    }
    out->nf = dsp_harmonic_analysis_num_frames(ha, len);
    out->nh = p->harmonic.n_harmonics;
    out->nfs = dsp_stochastic_num_frames(st, len);
    out->ne = dsp_stochastic_env_size(st);
    out->f = malloc(out->nf * out->nh * sizeof *out->f);
    out->m = malloc(out->nf * out->nh * sizeof *out->m);
    out->env = malloc(out->nfs * out->ne * sizeof *out->env);
    ph = malloc(out->nf * out->nh * sizeof *ph);
    sines = malloc(len * sizeof *sines);
    if (!out->f || !out->m || !out->env || !ph || !sines) {
        s = dsp_fail(DSP_ENOMEM, "harmonic plus stochastic analysis: out of memory");
        goto done;
    }
    s = dsp_harmonic_analyze(ha, x, len, NULL, out->f, out->m, ph, out->nf);
    if (s == DSP_OK)
        s = dsp_sine_tracks_clean(out->f, out->m, ph, out->nf, out->nh, p->min_frames);
    if (s == DSP_OK)
        s = dsp_sine_synth_time(out->f, out->m, ph, out->nf, out->nh, p->harmonic.hop,
                                p->harmonic.fs, sines, len);
    if (s == DSP_OK)
        s = dsp_residual_subtract(x, sines, len, sines);
    if (s == DSP_OK)
        s = dsp_stochastic_analyze(st, sines, len, out->env, out->nfs);
done:
    dsp_harmonic_analysis_free(ha);
    dsp_stochastic_free(st);
    free(ph);
    free(sines);
    if (s != DSP_OK)
        hps_free(out);
    return s;
}

/* y = additive synthesis of the tracks (no phases) + stochastic synthesis
 * of env, len samples. */
static int hps_synthesize(const struct dsp_decompose_params *p, const double *f, const double *m,
                          size_t nf, size_t nh, const double *env, size_t nfs, double *y,
                          size_t len)
{
    struct dsp_stochastic *st = dsp_stochastic_new(p->stoch_hop, p->stocf);
    double *noise = malloc(len * sizeof *noise);
    int s = DSP_OK;
    if (!st || !noise) {
        s = st ? dsp_fail(DSP_ENOMEM, "harmonic plus stochastic synthesis: out of memory")
               : DSP_EINVAL;
        goto done;
    }
    s = dsp_sine_synth_time(f, m, NULL, nf, nh, p->harmonic.hop, p->harmonic.fs, y, len);
    if (s == DSP_OK)
        s = dsp_stochastic_synthesize(st, env, nfs, p->seed, noise, len);
    if (s == DSP_OK)
        for (size_t i = 0; i < len; i++)
            y[i] += noise[i];
done:
    dsp_stochastic_free(st);
    free(noise);
    return s;
}

int dsp_pitch_shift(const struct dsp_decompose_params *p, const double *x, size_t len,
                    double ratio, enum dsp_envelope envelope, double *y, size_t out_len)
{
    if (!y || out_len != len)
        return dsp_fail(DSP_EINVAL, "pitch shift: output of %zu samples for an input of %zu",
                        out_len, len);
    if (!(ratio > 0) || !isfinite(ratio))
        return dsp_fail(DSP_EINVAL, "pitch shift: ratio (%g) must be positive", ratio);
    struct hps h;
    int s = hps_analyze(p, x, len, &h);
    if (s != DSP_OK)
        return s;
    double *f = malloc(h.nf * h.nh * sizeof *f), *m = malloc(h.nf * h.nh * sizeof *m);
    if (!f || !m)
        s = dsp_fail(DSP_ENOMEM, "pitch shift: out of memory");
    if (s == DSP_OK)
        s = dsp_harmonic_pitch_shift(h.f, h.m, h.nf, h.nh, ratio, envelope, p->harmonic.fs, f,
                                     m);
    if (s == DSP_OK)
        s = hps_synthesize(p, f, m, h.nf, h.nh, h.env, h.nfs, y, len);
    free(f);
    free(m);
    hps_free(&h);
    return s;
}

int dsp_morph(const struct dsp_decompose_params *pa, const double *xa, size_t len_a,
              const struct dsp_decompose_params *pb, const double *xb, size_t len_b,
              double alpha_freq, double alpha_mag, double alpha_stoch, double *y,
              size_t out_len)
{
    if (!pa || !pb || !y || out_len != len_a)
        return dsp_fail(DSP_EINVAL, "morph: output of %zu samples for sound A of %zu", out_len,
                        len_a);
    if (pa->harmonic.fs != pb->harmonic.fs || pa->harmonic.hop != pb->harmonic.hop ||
        pa->harmonic.n_harmonics != pb->harmonic.n_harmonics)
        return dsp_fail(DSP_EINVAL, "morph: both sounds need the same sampling rate (%g, %g), "
                                    "hop (%zu, %zu) and number of harmonics (%zu, %zu)",
                        pa->harmonic.fs, pb->harmonic.fs, pa->harmonic.hop, pb->harmonic.hop,
                        pa->harmonic.n_harmonics, pb->harmonic.n_harmonics);
    if (!alpha_ok(alpha_freq) || !alpha_ok(alpha_mag) || !alpha_ok(alpha_stoch))
        return dsp_fail(DSP_EINVAL, "morph: factors (%g, %g, %g) must lie in [0, 1]",
                        alpha_freq, alpha_mag, alpha_stoch);
    /* B's stochastic envelope must have A's bands: analyse it with A's
     * stochastic parameters */
    struct dsp_decompose_params pb2 = *pb;
    pb2.stoch_hop = pa->stoch_hop;
    pb2.stocf = pa->stocf;
    struct hps a, b;
    int s = hps_analyze(pa, xa, len_a, &a);
    if (s != DSP_OK)
        return s;
    s = hps_analyze(&pb2, xb, len_b, &b);
    if (s != DSP_OK) {
        hps_free(&a);
        return s;
    }
    double *f = malloc(a.nf * a.nh * sizeof *f), *m = malloc(a.nf * a.nh * sizeof *m);
    double *env = malloc(a.nfs * a.ne * sizeof *env);
    if (!f || !m || !env)
        s = dsp_fail(DSP_ENOMEM, "morph: out of memory");
    if (s == DSP_OK)
        s = dsp_harmonic_morph(a.f, a.m, a.nf, b.f, b.m, b.nf, a.nh, alpha_freq, alpha_mag, f, m);
    if (s == DSP_OK)
        s = dsp_env_morph(a.env, a.nfs, b.env, b.nfs, a.ne, alpha_stoch, env);
    if (s == DSP_OK)
        s = hps_synthesize(pa, f, m, a.nf, a.nh, env, a.nfs, y, len_a);
    free(f);
    free(m);
    free(env);
    hps_free(&a);
    hps_free(&b);
    return s;
}
