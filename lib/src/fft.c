/*
 * fft.c — FFTW3 plans of one size, made once and reused.
 *
 * The algorithm must not depend on timings taken at run time (as
 * FFTW_MEASURE's does): the same input has to give the same bits on every
 * run, so that references and grades stay reproducible. The real forward
 * plan (the STFT's and mel's, where the time goes) comes from wisdom
 * compiled in (fft_wisdom.h: plans FFTW_PATIENT chose on the development
 * machine for 512, 1024 and 4096 points, 5-25 % faster than FFTW_ESTIMATE's
 * there; for 2048 ESTIMATE's plan was as fast),
 * applied with FFTW_WISDOM_ONLY, which measures nothing; any other size,
 * or where FFTW cannot use that wisdom, and every other transform here,
 * is planned with FFTW_ESTIMATE. Neither touches the buffers while
 * planning.
 *
 * FFTW's planner (plan creation and destruction) is not thread-safe; only
 * fftw_execute is. Creation and destruction here hold planner_lock.
 *
 * We never call fftw_cleanup(): it invalidates every live plan in the
 * process, including plans a program made with FFTW directly (bench/ does)
 * and the wisdom plans shared below, which live as long as the process.
 * The planner memory FFTW keeps, and those plans, stay reachable from
 * globals, so LeakSanitizer does not report them (checked with make SAN=1);
 * a program that wants the memory back calls fftw_cleanup() itself at the
 * end, after its last use of dsplab.
 */
#include "dsplab/fft.h"

#include "dsplab/status.h"

#include <fftw3.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fft_wisdom.h"

struct dsp_fft {
    size_t n;
    size_t nbins;         /* n/2 + 1 */
    double *rin;          /* n reals: r2c input, c2r output */
    fftw_complex *rout;   /* n/2+1 bins: r2c output, c2r input */
    fftw_complex *cin;    /* n: complex input */
    fftw_complex *cout;   /* n: complex output */
    fftw_plan r2c, c2r, fwd, bwd;
    int r2c_shared;       /* r2c is a wisdom plan, not ours to destroy */
};

static pthread_mutex_t planner_lock = PTHREAD_MUTEX_INITIALIZER;

/* Releases whatever part of fft was made; plans are destroyed under the lock. */
static void release(struct dsp_fft *fft)
{
    pthread_mutex_lock(&planner_lock);
    if (fft->r2c && !fft->r2c_shared)
        fftw_destroy_plan(fft->r2c);
    if (fft->c2r)
        fftw_destroy_plan(fft->c2r);
    if (fft->fwd)
        fftw_destroy_plan(fft->fwd);
    if (fft->bwd)
        fftw_destroy_plan(fft->bwd);
    pthread_mutex_unlock(&planner_lock);
    fftw_free(fft->rin);
    fftw_free(fft->rout);
    fftw_free(fft->cin);
    fftw_free(fft->cout);
    fftw_free(fft);
}

/* The real forward plans from WISDOM_F64, if FFTW can use it. FFTW's
 * wisdom is one store for the whole process: the program's own (whatever
 * it planned or imported) is set aside while ours is in, then put back, so
 * that plans the program makes itself with FFTW stay what they would be
 * without dsplab (bench/ compares against such plans). That costs a few
 * milliseconds (FFTW checksums its list of algorithms on every import and
 * export), too much for every object, so each size's plan is made once per
 * process and shared: every object runs it on its own buffers with
 * fftw_execute_dft_r2c, which FFTW allows from several threads at once on
 * one plan, for arrays aligned as the plan's (all are fftw_malloc's). */
enum { WISDOM_SIZES = 3 };
static const int wisdom_sizes[WISDOM_SIZES] = {512, 1024, 4096};   /* fft_wisdom.h's */
static struct {
    int tried;
    fftw_plan plan;   /* NULL: FFTW could not use the wisdom */
    double *in;       /* the arrays it was planned on, kept with it */
    fftw_complex *out;
} wisdom_plans[WISDOM_SIZES];

/* The shared plan for size n, or NULL. Called with planner_lock held. */
static fftw_plan wisdom_r2c(int n)
{
    size_t i = 0;
    while (i < WISDOM_SIZES && wisdom_sizes[i] != n)
        i++;
    if (i == WISDOM_SIZES)
        return NULL;
    if (wisdom_plans[i].tried)
        return wisdom_plans[i].plan;
    double *in = fftw_malloc((size_t)n * sizeof *in);
    fftw_complex *out = fftw_malloc(((size_t)n / 2 + 1) * sizeof *out);
    char *saved = in && out ? fftw_export_wisdom_to_string() : NULL;
    fftw_plan p = NULL;
    if (saved) {
        fftw_forget_wisdom();
        if (fftw_import_wisdom_from_string(WISDOM_F64))
            p = fftw_plan_dft_r2c_1d(n, in, out, FFTW_PATIENT | FFTW_WISDOM_ONLY);
        fftw_forget_wisdom();
        fftw_import_wisdom_from_string(saved);
        free(saved);   /* FFTW's manual: the caller frees it with free() */
        wisdom_plans[i].tried = 1;   /* out of memory: try again next time */
    }
    if (p) {
        wisdom_plans[i].plan = p;
        wisdom_plans[i].in = in;
        wisdom_plans[i].out = out;
    } else {
        fftw_free(in);
        fftw_free(out);
    }
    return p;
}

struct dsp_fft *dsp_fft_new(size_t n)
{
    struct dsp_fft *fft = NULL;
    if (n == 0) {
        dsp_fail(DSP_EINVAL, "FFT size (0) must be at least 1");
        goto fail;
    }
    /* FFTW takes the size as an int */
    if (n > (size_t)INT_MAX || n > SIZE_MAX / sizeof(fftw_complex)) {
        dsp_fail(DSP_EINVAL, "FFT size (%zu) is larger than FFTW allows (%d)", n, INT_MAX);
        goto fail;
    }
    fft = fftw_malloc(sizeof *fft);
    if (!fft) {
        dsp_fail(DSP_ENOMEM, "FFT of size %zu: out of memory", n);
        goto fail;
    }
    memset(fft, 0, sizeof *fft);
    fft->n = n;
    fft->nbins = n / 2 + 1;
    /* fftw_malloc aligns for SIMD; plans made on these buffers are only ever
     * executed on them, so the alignment FFTW planned for always holds */
    fft->rin = fftw_malloc(n * sizeof *fft->rin);
    fft->rout = fftw_malloc(fft->nbins * sizeof *fft->rout);
    fft->cin = fftw_malloc(n * sizeof *fft->cin);
    fft->cout = fftw_malloc(n * sizeof *fft->cout);
    if (!fft->rin || !fft->rout || !fft->cin || !fft->cout) {
        dsp_fail(DSP_ENOMEM, "FFT of size %zu: out of memory for the buffers", n);
        goto fail;
    }
    int in = (int)n;
    pthread_mutex_lock(&planner_lock);
    fft->r2c = wisdom_r2c(in);
    fft->r2c_shared = fft->r2c != NULL;
    if (!fft->r2c)
        fft->r2c = fftw_plan_dft_r2c_1d(in, fft->rin, fft->rout, FFTW_ESTIMATE);
    fft->c2r = fftw_plan_dft_c2r_1d(in, fft->rout, fft->rin, FFTW_ESTIMATE);
    fft->fwd = fftw_plan_dft_1d(in, fft->cin, fft->cout, FFTW_FORWARD, FFTW_ESTIMATE);
    fft->bwd = fftw_plan_dft_1d(in, fft->cin, fft->cout, FFTW_BACKWARD, FFTW_ESTIMATE);
    pthread_mutex_unlock(&planner_lock);
    if (!fft->r2c || !fft->c2r || !fft->fwd || !fft->bwd) {
        dsp_fail(DSP_ENOMEM, "FFT of size %zu: FFTW could not make a plan", n);
        goto fail;
    }
    return fft;

fail:
    if (fft)
        release(fft);
    return NULL;
}

void dsp_fft_free(struct dsp_fft *fft)
{
    if (fft)
        release(fft);
}

size_t dsp_fft_size(const struct dsp_fft *fft)
{
    return fft ? fft->n : 0;
}

/* The copies use memmove: a caller may pass the object's own buffers
 * (dsp_fft_real_input/output) as x or X. */
int dsp_fft_forward_real(struct dsp_fft *fft, const double *x, double complex *X)
{
    if (!fft || !x || !X)
        return dsp_fail(DSP_EINVAL, "dsp_fft_forward_real: NULL argument");
    memmove(fft->rin, x, fft->n * sizeof *x);
    fftw_execute_dft_r2c(fft->r2c, fft->rin, fft->rout);
    memmove(X, fft->rout, fft->nbins * sizeof *X);
    return DSP_OK;
}

int dsp_fft_inverse_real(struct dsp_fft *fft, const double complex *X, double *x)
{
    if (!fft || !X || !x)
        return dsp_fail(DSP_EINVAL, "dsp_fft_inverse_real: NULL argument");
    /* c2r overwrites its input, so it always works on our copy */
    memmove(fft->rout, X, fft->nbins * sizeof *X);
    /* a real signal's DC (and Nyquist, for even n) bin is real: drop any
     * imaginary part explicitly rather than rely on what c2r does with it */
    fft->rout[0] = creal(fft->rout[0]);
    if (fft->n % 2 == 0)
        fft->rout[fft->n / 2] = creal(fft->rout[fft->n / 2]);
    fftw_execute(fft->c2r);
    /* FFTW's inverse is unscaled; ours carries the 1/n */
    double scale = 1.0 / (double)fft->n;
    for (size_t i = 0; i < fft->n; i++)
        x[i] = fft->rin[i] * scale;
    return DSP_OK;
}

/* Complex transform through the internal buffers; plan sets the direction. */
static int complex_transform(struct dsp_fft *fft, fftw_plan plan, const double complex *in,
                             double complex *out, double scale)
{
    memmove(fft->cin, in, fft->n * sizeof *in);
    fftw_execute(plan);
    for (size_t i = 0; i < fft->n; i++)
        out[i] = fft->cout[i] * scale;
    return DSP_OK;
}

int dsp_fft_forward(struct dsp_fft *fft, const double complex *x, double complex *X)
{
    if (!fft || !x || !X)
        return dsp_fail(DSP_EINVAL, "dsp_fft_forward: NULL argument");
    return complex_transform(fft, fft->fwd, x, X, 1.0);
}

int dsp_fft_inverse(struct dsp_fft *fft, const double complex *X, double complex *x)
{
    if (!fft || !X || !x)
        return dsp_fail(DSP_EINVAL, "dsp_fft_inverse: NULL argument");
    return complex_transform(fft, fft->bwd, X, x, 1.0 / (double)fft->n);
}

double *dsp_fft_real_input(struct dsp_fft *fft)
{
    return fft->rin;
}

double complex *dsp_fft_real_output(struct dsp_fft *fft)
{
    return fft->rout;
}

void dsp_fft_execute_real(struct dsp_fft *fft)
{
    fftw_execute_dft_r2c(fft->r2c, fft->rin, fft->rout);
}
