/* f32.c — single-precision STFT magnitudes and mel frames (see f32.h). */
#include "dsplab/f32.h"

#include "dsplab/status.h"
#include "dsplab/window.h"

#include "f32_wisdom.h"
#include "kernels.h"

#include <fftw3.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* fftwf's planner has its own globals, apart from fftw's (fft.c's lock):
 * it is not thread-safe either. */
static pthread_mutex_t planner_lock = PTHREAD_MUTEX_INITIALIZER;

#define PI 3.14159265358979323846

/* One forward real FFT of size n in float, with aligned buffers, and |X|
 * or |X|^2 of its n/2+1 bins. For even n it runs as FFTW's complex FFT of
 * n/2 points on the samples read as complex pairs, then kernels.c's split
 * step (dsp_k_half_*): in float, FFTW's complex plans are 2-3x faster than
 * its real ones here, whose vector codelets mix SSE2 and AVX. Odd n uses
 * the real plan. */
struct plan_f32 {
    size_t n;
    float *in;            /* n floats */
    fftwf_complex *out;   /* n/2+1 bins */
    fftwf_plan plan;
    int shared;           /* plan is a wisdom plan, not ours to destroy */
    int half;             /* plan is the complex one of n/2 points */
    float *twr, *twi;     /* half: cos, -sin of 2 pi k / n, k = 0 .. n/4 */
    float *scratch;       /* half: DSP_K_HALF_SCRATCH(n/2) floats */
};

/* The complex plans from WISDOM_F32 (f32_wisdom.h), one per size for the
 * process, with the program's own wisdom set aside meanwhile and shared by
 * every object: as fft.c's wisdom_r2c, which says why. */
enum { WISDOM_SIZES = 4 };
static const int wisdom_sizes[WISDOM_SIZES] = {256, 512, 1024, 2048};
static struct {
    int tried;
    fftwf_plan plan;   /* NULL: FFTW could not use the wisdom */
    fftwf_complex *in;   /* the arrays it was planned on, kept with it */
    fftwf_complex *out;
} wisdom_plans[WISDOM_SIZES];

/* The shared complex forward plan for size n, or NULL. Called with
 * planner_lock held. */
static fftwf_plan wisdom_c2c(int n)
{
    size_t i = 0;
    while (i < WISDOM_SIZES && wisdom_sizes[i] != n)
        i++;
    if (i == WISDOM_SIZES)
        return NULL;
    if (wisdom_plans[i].tried)
        return wisdom_plans[i].plan;
    fftwf_complex *in = fftwf_malloc((size_t)n * sizeof *in);
    fftwf_complex *out = fftwf_malloc((size_t)n * sizeof *out);
    char *saved = in && out ? fftwf_export_wisdom_to_string() : NULL;
    fftwf_plan p = NULL;
    if (saved) {
        fftwf_forget_wisdom();
        if (fftwf_import_wisdom_from_string(WISDOM_F32))
            p = fftwf_plan_dft_1d(n, in, out, FFTW_FORWARD, FFTW_PATIENT | FFTW_WISDOM_ONLY);
        fftwf_forget_wisdom();
        fftwf_import_wisdom_from_string(saved);
        free(saved);
        wisdom_plans[i].tried = 1;
    }
    if (p) {
        wisdom_plans[i].plan = p;
        wisdom_plans[i].in = in;
        wisdom_plans[i].out = out;
    } else {
        fftwf_free(in);
        fftwf_free(out);
    }
    return p;
}

static int plan_init(struct plan_f32 *p, size_t n)
{
    memset(p, 0, sizeof *p);
    if (n > (size_t)INT_MAX)
        return dsp_fail(DSP_EINVAL, "FFT size (%zu) is larger than FFTW allows (%d)", n, INT_MAX);
    p->n = n;
    p->half = n % 2 == 0;
    p->in = fftwf_malloc(n * sizeof *p->in);
    p->out = fftwf_malloc((n / 2 + 1) * sizeof *p->out);
    if (!p->in || !p->out)
        return dsp_fail(DSP_ENOMEM, "float32 FFT of size %zu: out of memory", n);
    if (p->half) {
        size_t m = n / 2, h = m / 2;
        p->twr = malloc((h + 1) * sizeof *p->twr);
        p->twi = malloc((h + 1) * sizeof *p->twi);
        p->scratch = malloc(DSP_K_HALF_SCRATCH(m) * sizeof *p->scratch);
        if (!p->twr || !p->twi || !p->scratch)
            return dsp_fail(DSP_ENOMEM, "float32 FFT of size %zu: out of memory", n);
        /* W^k = exp(-2 pi i k / n) in double, then rounded once; the
         * quarter turn (k = n/4) exactly -i */
        for (size_t k = 0; k <= h; k++) {
            double a = 2.0 * PI * (double)k / (double)n;
            p->twr[k] = 4 * k == n ? 0.0f : (float)cos(a);
            p->twi[k] = 4 * k == n ? -1.0f : (float)-sin(a);
        }
    }
    pthread_mutex_lock(&planner_lock);
    if (p->half) {
        fftwf_complex *z = (fftwf_complex *)p->in;   /* n floats = n/2 pairs */
        p->plan = wisdom_c2c((int)(n / 2));
        p->shared = p->plan != NULL;
        if (!p->plan)
            p->plan = fftwf_plan_dft_1d((int)(n / 2), z, p->out, FFTW_FORWARD, FFTW_ESTIMATE);
    } else {
        p->plan = fftwf_plan_dft_r2c_1d((int)n, p->in, p->out, FFTW_ESTIMATE);
    }
    pthread_mutex_unlock(&planner_lock);
    if (!p->plan)
        return dsp_fail(DSP_ENOMEM, "float32 FFT of size %zu: FFTW could not make a plan", n);
    return DSP_OK;
}

static void plan_free(struct plan_f32 *p)
{
    if (p->plan && !p->shared) {
        pthread_mutex_lock(&planner_lock);
        fftwf_destroy_plan(p->plan);
        pthread_mutex_unlock(&planner_lock);
    }
    fftwf_free(p->in);
    fftwf_free(p->out);
    free(p->twr);
    free(p->twi);
    free(p->scratch);
}

/* The FFT of p->in, then its n/2+1 magnitudes (root) or powers into out. */
static void transform(struct plan_f32 *p, int root, float *out)
{
    if (p->half) {
        fftwf_execute_dft(p->plan, (fftwf_complex *)p->in, p->out);
        const float *z = (const float *)p->out;
        if (root)
            dsp_k_half_magf(z, p->twr, p->twi, p->n / 2, p->scratch, out);
        else
            dsp_k_half_powf(z, p->twr, p->twi, p->n / 2, p->scratch, out);
    } else {
        fftwf_execute_dft_r2c(p->plan, p->in, p->out);
        if (root)
            dsp_k_magf((const float *)p->out, out, p->n / 2 + 1);
        else
            dsp_k_powf((const float *)p->out, out, p->n / 2 + 1);
    }
}

/* Fills in[0..m-1] with x[start+i] * w[i] (zero outside 0..len-1) and
 * in[m..n-1] with zeros. */
static void fill_frame(float *in, size_t n, const float *x, size_t len, long long start,
                       const float *w, size_t m)
{
    size_t lo, hi;
    dsp_k_frame_span(start, len, m, &lo, &hi);
    memset(in, 0, lo * sizeof *in);
    if (hi > lo)
        dsp_k_mulf(x + (size_t)(start + (long long)lo), w + lo, in + lo, hi - lo);
    memset(in + hi, 0, (n - hi) * sizeof *in);
}

/* ---- STFT magnitude ---------------------------------------------------- */

struct dsp_stft_f32 {
    size_t m, n, hop;
    float *w;   /* unit-sum window, m values */
    struct plan_f32 fft;
};

struct dsp_stft_f32 *dsp_stft_f32_new(const double *window, size_t m, size_t n_fft, size_t hop)
{
    struct dsp_stft_f32 *st = NULL;
    if (!window || m == 0 || hop == 0 || n_fft < m) {
        dsp_fail(DSP_EINVAL, "stft (float32): need a window of M >= 1 (%zu), FFT size N >= M "
                 "(%zu) and hop >= 1 (%zu)", m, n_fft, hop);
        goto fail;
    }
    double sum = 0.0;
    for (size_t i = 0; i < m; i++)
        sum += window[i];
    if (!(fabs(sum) > 0.0) || !isfinite(sum)) {
        dsp_fail(DSP_EINVAL, "window (M = %zu) sums to %g: cannot normalise it to unit sum",
                 m, sum);
        goto fail;
    }
    st = calloc(1, sizeof *st);
    if (!st || !(st->w = malloc(m * sizeof *st->w))) {
        dsp_fail(DSP_ENOMEM, "stft (float32): out of memory for M = %zu", m);
        goto fail;
    }
    st->m = m;
    st->n = n_fft;
    st->hop = hop;
    for (size_t i = 0; i < m; i++)
        st->w[i] = (float)(window[i] / sum);
    if (plan_init(&st->fft, n_fft) != DSP_OK)
        goto fail;
    return st;
fail:
    dsp_stft_f32_free(st);
    return NULL;
}

void dsp_stft_f32_free(struct dsp_stft_f32 *st)
{
    if (!st)
        return;
    plan_free(&st->fft);
    free(st->w);
    free(st);
}

size_t dsp_stft_f32_num_bins(const struct dsp_stft_f32 *st)
{
    return st->n / 2 + 1;
}

size_t dsp_stft_f32_num_frames(const struct dsp_stft_f32 *st, size_t len)
{
    return len / st->hop + 1;
}

/* The windowed frame goes to the front of the FFT buffer, zeros after: not
 * the DFT model's zero-phase rotation, which changes phases only. */
int dsp_stft_f32_magnitude(struct dsp_stft_f32 *st, const float *x, size_t len, size_t k,
                           float *mag)
{
    size_t frames = dsp_stft_f32_num_frames(st, len);
    if (k >= frames || (!x && len > 0))
        return dsp_fail(DSP_EINVAL, "stft (float32): frame %zu is out of range (%zu frames)", k,
                        frames);
    long long start = (long long)(k * st->hop) - (long long)(st->m / 2);
    fill_frame(st->fft.in, st->n, x, len, start, st->w, st->m);
    dsp_k_prefetch_next_frame(x, sizeof *x, len, start, st->m, st->hop);
    transform(&st->fft, 1, mag);
    return DSP_OK;
}

/* ---- mel spectrogram --------------------------------------------------- */

struct dsp_melspec_f32 {
    struct dsp_melspec_params p;
    size_t n_bins;
    float *w;        /* win_length values, as given (not normalised) */
    float *specf;    /* n_bins: |X|^power in float */
    double *spec;    /* n_bins: the same in double, for the bank */
    struct dsp_melbank *bank;
    struct plan_f32 fft;
};

struct dsp_melspec_f32 *dsp_melspec_f32_new(const struct dsp_melspec_params *p)
{
    struct dsp_melspec_f32 *ms = NULL;
    double *wd = NULL;
    /* the double object checks every parameter and says what is wrong */
    struct dsp_melspec *check = dsp_melspec_new(p);
    if (!check)
        goto fail;
    dsp_melspec_free(check);
    if (p->power != 1.0 && p->power != 2.0) {
        dsp_fail(DSP_EINVAL, "mel spectrogram (float32): power must be 1 or 2 (got %g)",
                 p->power);
        goto fail;
    }
    ms = calloc(1, sizeof *ms);
    if (!ms)
        goto nomem;
    ms->p = *p;
    ms->p.mel.sample_rate = p->sample_rate;
    ms->p.mel.n_fft = p->n_fft;
    ms->n_bins = p->n_fft / 2 + 1;
    ms->w = malloc(p->win_length * sizeof *ms->w);
    ms->specf = malloc(ms->n_bins * sizeof *ms->specf);
    ms->spec = malloc(ms->n_bins * sizeof *ms->spec);
    wd = malloc(p->win_length * sizeof *wd);
    if (!ms->w || !ms->specf || !ms->spec || !wd)
        goto nomem;
    if (dsp_window_fill(p->window, p->window_param, DSP_WINDOW_PERIODIC, wd, p->win_length) !=
        DSP_OK)
        goto fail;
    for (size_t i = 0; i < p->win_length; i++)
        ms->w[i] = (float)wd[i];
    free(wd);
    wd = NULL;
    if (!(ms->bank = dsp_melbank_new(&ms->p.mel)))
        goto fail;
    if (plan_init(&ms->fft, p->n_fft) != DSP_OK)
        goto fail;
    return ms;
nomem:
    dsp_fail(DSP_ENOMEM, "mel spectrogram (float32): out of memory");
fail:
    free(wd);
    dsp_melspec_f32_free(ms);
    return NULL;
}

void dsp_melspec_f32_free(struct dsp_melspec_f32 *ms)
{
    if (!ms)
        return;
    plan_free(&ms->fft);
    dsp_melbank_free(ms->bank);
    free(ms->w);
    free(ms->specf);
    free(ms->spec);
    free(ms);
}

size_t dsp_melspec_f32_num_frames(const struct dsp_melspec_f32 *ms, size_t len)
{
    size_t n = ms->p.n_fft, h = ms->p.hop, m = ms->p.win_length;
    if (ms->p.framing == DSP_FRAMES_CENTERED)   /* as melspec.c */
        return len + 2 * (n / 2) < n ? 0 : 1 + (len + 2 * (n / 2) - n) / h;
    return len < m ? 0 : 1 + (len - m) / h;
}

size_t dsp_melspec_f32_num_bands(const struct dsp_melspec_f32 *ms)
{
    return dsp_melbank_num_bands(ms->bank);
}

int dsp_melspec_f32_frame(struct dsp_melspec_f32 *ms, const float *x, size_t len, size_t k,
                          double *mel)
{
    size_t n = ms->p.n_fft, m = ms->p.win_length;
    size_t frames = dsp_melspec_f32_num_frames(ms, len);
    if (k >= frames || (!x && len > 0))
        return dsp_fail(DSP_EINVAL, "mel spectrogram (float32): frame %zu out of range (%zu "
                        "frames for %zu samples)", k, frames, len);
    /* as melspec.c: the M-point window centred in the N-point frame */
    long long start = (long long)(k * ms->p.hop);
    if (ms->p.framing == DSP_FRAMES_CENTERED)
        start += (long long)((n - m) / 2) - (long long)(n / 2);
    fill_frame(ms->fft.in, n, x, len, start, ms->w, m);
    dsp_k_prefetch_next_frame(x, sizeof *x, len, start, m, ms->p.hop);
    transform(&ms->fft, ms->p.power != 2.0, ms->specf);
    for (size_t b = 0; b < ms->n_bins; b++)
        ms->spec[b] = ms->specf[b];
    return dsp_melbank_apply(ms->bank, ms->spec, ms->n_bins, mel);
}
