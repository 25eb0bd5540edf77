/*
 * bench_stft.c — how fast the foundation is, in three tables:
 *   (a) naive DFT (dft.h) vs FFT (fft.h) for N = 64 .. 4096: median time
 *       per transform and the speed-up;
 *   (b) STFT magnitudes of a 10-minute 44.1 kHz signal (M = N = 2048,
 *       H = 512, Hann) through dsp_stft_magnitude vs a bare loop over FFTW
 *       on the same frames (window multiply, fftw_execute r2c on its own
 *       plan, magnitude — nothing else), with FFTW_ESTIMATE (the library's
 *       planning) and FFTW_MEASURE; repetitions interleaved so that load
 *       from other processes hits all three alike; medians and ratios;
 *   (c) that per-frame processing allocates nothing: glibc's heap counters
 *       (mallinfo2) before and after 1000 frames of each call.
 * Prints a table; asserts nothing (speed depends on the machine). Takes
 * about 10-20 s.
 */
#define _GNU_SOURCE
#include <dsplab/dft.h>
#include <dsplab/fft.h>
#include <dsplab/gen.h>
#include <dsplab/status.h>
#include <dsplab/stft.h>
#include <dsplab/window.h>

#include <complex.h>
#include <fftw3.h>
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "benchutil.h"

/* ---- (a) naive DFT vs FFT ------------------------------------------- */

struct dft_ctx {
    size_t n;
    double *x;
    double complex *X;
    struct dsp_fft *fft;
};

static void run_naive(struct dft_ctx *c)
{
    if (dsp_dft_real(c->x, c->n, c->X) != DSP_OK)
        bench_die("dsp_dft_real");
}

static void run_fft(struct dft_ctx *c)
{
    dsp_fft_forward_real(c->fft, c->x, c->X);
}

/* Median over `samples` timings, each of enough calls to last >= 2 ms, of
 * the time per call. */
static double time_per_call(void (*fn)(struct dft_ctx *), struct dft_ctx *c, size_t samples)
{
    size_t inner = 1;
    for (;;) {   /* calibrate */
        double t0 = bench_now();
        for (size_t i = 0; i < inner; i++)
            fn(c);
        if (bench_now() - t0 >= 2e-3)
            break;
        inner *= 2;
    }
    double t[16];
    for (size_t s = 0; s < samples; s++) {
        double t0 = bench_now();
        for (size_t i = 0; i < inner; i++)
            fn(c);
        t[s] = (bench_now() - t0) / (double)inner;
    }
    return bench_median(t, samples);
}

static void bench_dft_vs_fft(void)
{
    printf("(a) naive DFT vs FFT (real input, median time per transform)\n");
    printf("%8s %14s %14s %10s\n", "N", "naive DFT", "FFT", "speed-up");
    for (size_t n = 64; n <= 4096; n *= 2) {
        struct dft_ctx c = {.n = n};
        c.x = malloc(n * sizeof *c.x);
        c.X = malloc(n * sizeof *c.X);
        c.fft = dsp_fft_new(n);
        if (!c.x || !c.X || !c.fft)
            bench_die("allocation");
        dsp_gen_noise(1.0, n, c.x, n);
        double tn = time_per_call(run_naive, &c, 5);
        double tf = time_per_call(run_fft, &c, 9);
        printf("%8zu %11.3f us %11.3f us %9.0fx\n", n, tn * 1e6, tf * 1e6, tn / tf);
        dsp_fft_free(c.fft);
        free(c.x);
        free(c.X);
    }
}

/* ---- (b) STFT magnitudes: library vs bare FFTW ----------------------- */

enum { M = 2048, HOP = 512, NB = M / 2 + 1 };

struct bare {
    fftw_plan plan;
    double *in;
    fftw_complex *out;
};

static void bare_init(struct bare *b, unsigned flags)
{
    b->in = fftw_malloc(M * sizeof *b->in);
    b->out = fftw_malloc(NB * sizeof *b->out);
    if (!b->in || !b->out)
        bench_die("fftw_malloc");
    b->plan = fftw_plan_dft_r2c_1d(M, b->in, b->out, flags);   /* before filling: MEASURE overwrites */
    if (!b->plan)
        bench_die("fftw_plan_dft_r2c_1d");
}

static void bare_free(struct bare *b)
{
    fftw_destroy_plan(b->plan);
    fftw_free(b->in);
    fftw_free(b->out);
}

/* One frame, the minimum: window multiply (zeros outside the signal at the
 * two ends), r2c, magnitude. No zero-phase rotation (it does not change
 * magnitudes). */
static void bare_frame(struct bare *b, const double *restrict w, const double *restrict x,
                       size_t len, size_t k, double *restrict mag)
{
    double *restrict in = b->in;
    long long start = (long long)(k * HOP) - M / 2;
    if (start >= 0 && (size_t)start + M <= len) {
        const double *restrict xs = x + start;
        for (size_t i = 0; i < M; i++)
            in[i] = xs[i] * w[i];
    } else {
        for (size_t i = 0; i < M; i++) {
            long long t = start + (long long)i;
            in[i] = (t >= 0 && (size_t)t < len) ? x[t] * w[i] : 0.0;
        }
    }
    fftw_execute(b->plan);
    const double *restrict ri = (const double *)b->out;
    for (size_t i = 0; i < NB; i++)
        mag[i] = sqrt(ri[2 * i] * ri[2 * i] + ri[2 * i + 1] * ri[2 * i + 1]);
}

static double pass_library(struct dsp_stft *st, const double *x, size_t len, double *mag,
                           double *sink)
{
    size_t frames = dsp_stft_num_frames(st, len);
    double t0 = bench_now();
    for (size_t k = 0; k < frames; k++) {
        dsp_stft_magnitude(st, x, len, k, mag);
        *sink += mag[k % NB];
    }
    return bench_now() - t0;
}

static double pass_bare(struct bare *b, const double *w, const double *x, size_t len,
                        double *mag, double *sink)
{
    size_t frames = len / HOP + 1;
    double t0 = bench_now();
    for (size_t k = 0; k < frames; k++) {
        bare_frame(b, w, x, len, k, mag);
        *sink += mag[k % NB];
    }
    return bench_now() - t0;
}

static void bench_stft_vs_bare(void)
{
    const double fs = 44100.0;
    const size_t len = (size_t)(600 * fs), reps = 9;
    double *x = malloc(len * sizeof *x), w[M], wn[M], mag[NB], mag2[NB], sink = 0.0;
    if (!x)
        bench_die("malloc signal");
    /* a chirp over noise; speed does not depend on the content */
    dsp_gen_chirp(DSP_CHIRP_EXPONENTIAL, 0.5, 50.0, 15000.0, 600.0, fs, x, len);
    double *noise = malloc(len * sizeof *noise);
    if (!noise)
        bench_die("malloc noise");
    dsp_gen_noise(0.1, 1, noise, len);
    for (size_t i = 0; i < len; i++)
        x[i] += noise[i];
    free(noise);

    dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, M);
    double sum = dsp_window_sum(w, M);
    for (size_t i = 0; i < M; i++)
        wn[i] = w[i] / sum;   /* the library's unit-sum window, for equal outputs */

    double tp = bench_now();
    struct dsp_stft *st = dsp_stft_new(w, M, M, HOP);
    if (!st)
        bench_die("dsp_stft_new");
    struct bare be, bm;
    bare_init(&be, FFTW_ESTIMATE);
    tp = bench_now() - tp;
    double tm = bench_now();
    bare_init(&bm, FFTW_MEASURE);
    tm = bench_now() - tm;

    /* same numbers? (rounding only: the rotation changes the FFT's path) */
    size_t frames = dsp_stft_num_frames(st, len), probe[] = {0, 1, frames / 2, frames - 1};
    double worst = 0.0;
    for (size_t p = 0; p < 4; p++) {
        dsp_stft_magnitude(st, x, len, probe[p], mag);
        bare_frame(&bm, wn, x, len, probe[p], mag2);
        double peak = 0.0, err = 0.0;
        for (size_t i = 0; i < NB; i++) {
            peak = fmax(peak, mag2[i]);
            err = fmax(err, fabs(mag[i] - mag2[i]));
        }
        worst = fmax(worst, err / peak);
    }

    double tl[9], te[9], tmm[9];
    for (size_t r = 0; r < reps; r++)   /* interleaved, and each goes first in turn */
        for (size_t j = 0; j < 3; j++)
            switch ((r + j) % 3) {
            case 0: tl[r] = pass_library(st, x, len, mag, &sink); break;
            case 1: te[r] = pass_bare(&be, wn, x, len, mag, &sink); break;
            default: tmm[r] = pass_bare(&bm, wn, x, len, mag, &sink);
            }
    double ml = bench_median(tl, reps), me = bench_median(te, reps), mm = bench_median(tmm, reps);
    printf("\n(b) STFT magnitudes, 10 min at 44.1 kHz (%zu samples, %zu frames), M = N = %d,"
           " H = %d, Hann; median of %zu interleaved runs\n",
           len, frames, M, HOP, reps);
    printf("%-36s %10s %12s %14s\n", "", "time", "us/frame", "x real time");
    printf("%-36s %8.3f s %12.3f %14.0f\n", "dsp_stft_magnitude", ml, 1e6 * ml / (double)frames,
           600.0 / ml);
    printf("%-36s %8.3f s %12.3f %14.0f\n", "bare FFTW, FFTW_ESTIMATE plan", me,
           1e6 * me / (double)frames, 600.0 / me);
    printf("%-36s %8.3f s %12.3f %14.0f\n", "bare FFTW, FFTW_MEASURE plan", mm,
           1e6 * mm / (double)frames, 600.0 / mm);
    printf("ratio library / bare (ESTIMATE, same planning): %.3f\n", ml / me);
    printf("ratio library / bare (MEASURE):                 %.3f\n", ml / mm);
    printf("planning: dsp_stft_new + ESTIMATE plan %.3f s, MEASURE plan %.3f s\n", tp, tm);
    printf("max |library - bare| / peak over 4 frames: %.2g (checksum %.6g)\n", worst, sink);

    bare_free(&be);
    bare_free(&bm);
    dsp_stft_free(st);
    free(x);
}

/* ---- (c) no allocation per frame ------------------------------------- */
/* Structurally: dsp_stft_new allocates the dftmodel (window, scratch, FFT
 * plans and buffers) and the frame scratch; the per-frame calls only read
 * and write those and the caller's arrays. Here it is measured: glibc's
 * bytes in use (uordblks, small blocks) and in mmapped blocks (hblkhd, big
 * ones) must not move across 1000 frames of every call and one synthesis. */

static long long heap_in_use(void)
{
    struct mallinfo2 mi = mallinfo2();
    return (long long)mi.uordblks + (long long)mi.hblkhd;
}

static void bench_no_alloc(void)
{
    const size_t frames_wanted = 1000, len = (frames_wanted - 1) * HOP;
    double w[M];
    dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, M);
    struct dsp_stft *st = dsp_stft_new(w, M, M, HOP);
    if (!st)
        bench_die("dsp_stft_new");
    size_t frames = dsp_stft_num_frames(st, len);
    double *x = malloc(len * sizeof *x), *y = malloc(len * sizeof *y);
    double *mX = malloc(frames * NB * sizeof *mX), *pX = malloc(frames * NB * sizeof *pX);
    double complex *X = malloc(NB * sizeof *X);
    double *mag = malloc(NB * sizeof *mag);
    if (!x || !y || !mX || !pX || !X || !mag)
        bench_die("malloc");
    dsp_gen_noise(1.0, 2, x, len);

    printf("\n(c) heap bytes in use (mallinfo2 uordblks + hblkhd) before/after %zu frames\n",
           frames);
    struct {
        const char *name;
        int which;
    } calls[] = {{"dsp_stft_magnitude", 0}, {"dsp_stft_power", 1},  {"dsp_stft_spectrum", 2},
                 {"dsp_stft_analyze_frame", 3}, {"dsp_stft_synthesize", 4}};
    for (size_t c = 0; c < sizeof calls / sizeof calls[0]; c++) {
        long long before = heap_in_use();
        int s = DSP_OK;
        for (size_t k = 0; k < frames && calls[c].which < 4; k++) {
            switch (calls[c].which) {
            case 0: s |= dsp_stft_magnitude(st, x, len, k, mag); break;
            case 1: s |= dsp_stft_power(st, x, len, k, mag); break;
            case 2: s |= dsp_stft_spectrum(st, x, len, k, X); break;
            default: s |= dsp_stft_analyze_frame(st, x, len, k, mX + k * NB, pX + k * NB);
            }
        }
        if (calls[c].which == 4)
            s = dsp_stft_synthesize(st, mX, pX, frames, y, len);
        long long after = heap_in_use();
        printf("%-24s %12lld -> %12lld  (change %lld bytes)%s\n", calls[c].name, before, after,
               after - before, s == DSP_OK ? "" : "  [call failed]");
    }
    double err = 0.0;
    for (size_t i = 0; i < len; i++)
        err = fmax(err, fabs(y[i] - x[i]));
    printf("synthesis check: max |y - x| = %.2g\n", err);
    free(x);
    free(y);
    free(mX);
    free(pX);
    free(X);
    free(mag);
    dsp_stft_free(st);
}

int main(void)
{
    printf("bench_stft (timings are wall-clock on whatever else this machine is doing)\n\n");
    bench_dft_vs_fft();
    bench_stft_vs_bare();
    bench_no_alloc();
    fftw_cleanup();
    return 0;
}
