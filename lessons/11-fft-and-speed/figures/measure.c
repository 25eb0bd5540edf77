/*
 * measure.c — the timings behind this lesson's figures (`make fft-timings`,
 * see plots/plots.mk). Built from the reference solution: fft.c, bitrev.c
 * and twiddle.c with the project's flags, and winmag.c four times over with
 * different compiler flags, its two functions renamed by -D:
 *   winmag_novec_*  -O2 -fno-tree-vectorize   (one value per instruction)
 *   winmag_sse2_*   -O3 -fno-math-errno       (SSE2: 2 doubles per instruction)
 *   winmag_avx2_*   -O3 -fno-math-errno -mavx2 (AVX2: 4 doubles per instruction)
 * Usage: measure <output folder>; writes
 *   fft-speed.txt  n, then seconds per transform: naive DFT (dsp_dft, up to
 *                  n = 8192; NaN above), the solution's fft_ex, FFTW (fft.h)
 *   simd.txt       n, then nanoseconds per value: winmag_scalar_ex (-O2),
 *                  winmag_ex at -O2 without vectorisation, with SSE2, with
 *                  AVX2 (NaN when the CPU has no AVX2)
 *   machine.gp     gnuplot variables: the L1 data and L2 cache sizes in
 *                  bytes, the CPU's name and the compiler, for the figures
 * Every time is the median of 5 runs, each repeating the call for at
 * least 20 ms. Timings belong to the machine; the figures say which.
 */
#include <complex.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <dsplab/dft.h>
#include <dsplab/fft.h>
#include <dsplab/gen.h>

#include "exercise.h"

int winmag_novec_ex(const double *re, const double *im, const double *w, size_t n, double *mag);
int winmag_sse2_ex(const double *re, const double *im, const double *w, size_t n, double *mag);
int winmag_avx2_ex(const double *re, const double *im, const double *w, size_t n, double *mag);
int winmag_scalar_novec_ex(const double complex *X, const double *w, size_t n, double *mag);

#define RUNS 7
#define MIN_SECONDS 0.02

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* What is being timed: one call of one method on one size. */
enum method { NAIVE, RADIX2, FFTW, SCALAR, NOVEC, SSE2, AVX2 };

struct work {
    size_t n;
    double complex *x, *X;
    struct dsp_fft *plan;
    double *re, *im, *w, *mag;
};

static void call(enum method m, struct work *k)
{
    switch (m) {
    case NAIVE: dsp_dft(k->x, k->n, k->X); break;
    case RADIX2: fft_ex(k->x, k->n, k->X); break;
    case FFTW: dsp_fft_forward(k->plan, k->x, k->X); break;
    case SCALAR: winmag_scalar_novec_ex(k->x, k->w, k->n, k->mag); break;
    case NOVEC: winmag_novec_ex(k->re, k->im, k->w, k->n, k->mag); break;
    case SSE2: winmag_sse2_ex(k->re, k->im, k->w, k->n, k->mag); break;
    case AVX2: winmag_avx2_ex(k->re, k->im, k->w, k->n, k->mag); break;
    }
}

/* Seconds per call: the median of RUNS runs of at least MIN_SECONDS. */
static double seconds_per_call(enum method m, struct work *k)
{
    double runs[RUNS];
    call(m, k);   /* warm the caches and the page tables */
    for (int r = 0; r < RUNS; r++) {
        size_t reps = 0;
        double t0 = now_s(), t1;
        do {
            call(m, k);
            reps++;
            t1 = now_s();
        } while (t1 - t0 < MIN_SECONDS);
        runs[r] = (t1 - t0) / (double)reps;
    }
    qsort(runs, RUNS, sizeof runs[0], cmp_double);
    return runs[RUNS / 2];
}

static FILE *open_out(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f == NULL)
        perror(path);
    return f;
}

/* The CPU's name from /proc/cpuinfo ("unknown CPU" elsewhere), without quotes. */
static void cpu_name(char *name, size_t size)
{
    snprintf(name, size, "unknown CPU");
    FILE *f = fopen("/proc/cpuinfo", "r");
    char line[512];
    while (f != NULL && fgets(line, sizeof line, f) != NULL) {
        char *colon = strchr(line, ':');
        if (strncmp(line, "model name", 10) == 0 && colon != NULL) {
            snprintf(name, size, "%s", colon + 2);
            break;
        }
    }
    if (f != NULL)
        fclose(f);
    for (char *c = name; *c; c++)
        if (*c == '\n' || *c == '\'' || *c == '"')
            *c = ' ';
    for (size_t len = strlen(name); len > 0 && name[len - 1] == ' '; len--)
        name[len - 1] = '\0';
}

static int write_machine(const char *dir)
{
    FILE *f = open_out(dir, "machine.gp");
    if (f == NULL)
        return 0;
    long l1 = sysconf(_SC_LEVEL1_DCACHE_SIZE), l2 = sysconf(_SC_LEVEL2_CACHE_SIZE);
    char cpu[256];
    cpu_name(cpu, sizeof cpu);
    fprintf(f, "# written by measure.c with the timings beside it\n");
    fprintf(f, "l1_bytes = %ld\nl2_bytes = %ld\n", l1 > 0 ? l1 : 32768, l2 > 0 ? l2 : 1048576);
    fprintf(f, "machine = '%s, %ld cores, compiler %s'\n", cpu, sysconf(_SC_NPROCESSORS_ONLN),
            __VERSION__);
    return fclose(f) == 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s <output folder>\n", argv[0]);
        return 2;
    }
    if (!write_machine(argv[1]))
        return 1;
    const size_t nmax = (size_t)1 << 22;
    struct work k = {0};
    k.x = malloc(nmax * sizeof *k.x);
    k.X = malloc(nmax * sizeof *k.X);
    k.re = malloc(nmax * sizeof *k.re);
    k.im = malloc(nmax * sizeof *k.im);
    k.w = malloc(nmax * sizeof *k.w);
    k.mag = malloc(nmax * sizeof *k.mag);
    if (!k.x || !k.X || !k.re || !k.im || !k.w || !k.mag) {
        fprintf(stderr, "measure: out of memory\n");
        return 1;
    }
    dsp_gen_noise(1.0, 11, k.re, nmax);
    dsp_gen_noise(1.0, 12, k.im, nmax);
    dsp_gen_noise(1.0, 13, k.w, nmax);
    for (size_t i = 0; i < nmax; i++)
        k.x[i] = k.re[i] + I * k.im[i];

    FILE *f = open_out(argv[1], "fft-speed.txt");
    if (f == NULL)
        return 1;
    fprintf(f, "# lesson 11: seconds per transform of n complex values (median of %d runs)\n"
               "# columns: n naive_dft radix2_fft_ex fftw\n", RUNS);
    for (size_t n = 2; n <= nmax; n *= 2) {
        k.n = n;
        k.plan = dsp_fft_new(n);
        if (k.plan == NULL)
            return 1;
        double t_naive = n <= 8192 ? seconds_per_call(NAIVE, &k) : NAN;
        double t_radix2 = seconds_per_call(RADIX2, &k);
        double t_fftw = seconds_per_call(FFTW, &k);
        dsp_fft_free(k.plan);
        fprintf(f, "%zu %.6g %.6g %.6g\n", n, t_naive, t_radix2, t_fftw);
        fprintf(stderr, "fft n = %zu: %.3g %.3g %.3g s\n", n, t_naive, t_radix2, t_fftw);
    }
    fclose(f);

    __builtin_cpu_init();
    int avx2 = __builtin_cpu_supports("avx2");
    f = open_out(argv[1], "simd.txt");
    if (f == NULL)
        return 1;
    fprintf(f, "# lesson 11: nanoseconds per value of mag[k] = w[k] |X[k]| (median of %d runs)\n"
               "# columns: n scalar_branch_cabs winmag_novec winmag_sse2 winmag_avx2\n", RUNS);
    for (size_t n = 16; n <= nmax; n *= 2) {
        k.n = n;
        double ns = 1e9 / (double)n;
        fprintf(f, "%zu %.6g %.6g %.6g %.6g\n", n, ns * seconds_per_call(SCALAR, &k),
                ns * seconds_per_call(NOVEC, &k), ns * seconds_per_call(SSE2, &k),
                avx2 ? ns * seconds_per_call(AVX2, &k) : NAN);
        fprintf(stderr, "simd n = %zu\n", n);
    }
    fclose(f);
    return 0;
}
