/*
 * Lesson 11 — The FFT and speed: the graded tests.
 *
 * Expected values come from closed forms (the README's examples, impulses,
 * single exponentials, bit patterns), from long-double cos/sin (twiddles),
 * from FFTW through the library's tested fft.h, and, for the recorded
 * sounds, from data/reference/11-fft-and-speed/ (written by refgen.c).
 *
 * Tolerances.
 * - Permutations and error codes are exact.
 * - Twiddles: atol 1e-14. cos and sin are correctly rounded to within an
 *   ulp or two (~1e-16), so 1e-14 passes any direct computation; the
 *   recurrence w[k] = w[k-1] w[1] drifts with k (measured: 1.1e-14 at
 *   n = 512, 6.8e-13 at n = 65536) and fails, as it should.
 * - FFTs: |got - FFTW| <= 1e-12 * max_k |X[k]| ("the spectrum's size").
 *   Both transforms round in each of their log2(n) stages; the error of a
 *   radix-2 FFT with accurate twiddles grows like eps * log2(n) times the
 *   spectrum's rms (Higham, "Accuracy and Stability of Numerical
 *   Algorithms", section 24.1), below 1e-14 of max|X| at n = 65536: the
 *   reference solution differs from FFTW by at most 8.6e-16 of max|X| on
 *   these inputs (n = 8 .. 65536; exact for n <= 4). 1e-12 leaves a margin
 *   of over 1000 for any correct order of operations, while every real
 *   mistake (a wrong sign, a missing stage, a wrong twiddle index) is off
 *   by order 1 of max|X|.
 * - The naive DFT in fftbench: 1e-9 * max|X|. dsp_dft reduces angles
 *   exactly, but a student's own double loop at n = 4096 may not
 *   (angles up to 2 pi n lose ~n * 1e-16 rad each, summed over n terms).
 * - winmag: rtol 1e-14 (plus 1e-300 for exact zeros): w * sqrt(re^2 + im^2)
 *   and w * cabs(X) (hypot) are each within a few ulps of the exact value.
 */
#include <complex.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dsplab/datafile.h>
#include <dsplab/fft.h>
#include <dsplab/gen.h>
#include <dsplab/status.h>

#include "exercise.h"
#include "grade.h"

#define PI 3.14159265358979323846
#define FFT_RTOL 1e-12   /* of the spectrum's largest magnitude (see above) */
#define TWIDDLE_ATOL 1e-14
#define WINMAG_RTOL 1e-14
#define MAX_LOG2 16      /* the sweeps go up to n = 65536 */

/* Parameters of the recorded-sound cases, shared with refgen.c. */
#define PIANO "sounds/piano-a4.wav"
#define PIANO_START 22050 /* 0.5 s into the note */
#define PIANO_N 2048      /* fft: real part from PIANO_START, imaginary part the next 2048 */
#define FLUTE "sounds/flute-a5.wav"
#define FLUTE_START 22050
#define FLUTE_N 4096      /* rfft */
#define WINMAG_N 2048     /* winmag: the piano's rfft of 2048 samples from PIANO_START */
#define WINMAG_CENTRE 40  /* a triangle over bins 20 .. 60 (430 .. 1290 Hz): 440 Hz and 880 Hz */
#define WINMAG_HALF 20

/* ---- shared helpers ------------------------------------------------------------ */

static void random_complex(uint64_t seed, double complex *x, size_t n)
{
    struct dsp_rng rng;
    dsp_rng_seed(&rng, seed);
    for (size_t i = 0; i < n; i++) {
        double re = 2 * dsp_rng_uniform(&rng) - 1;
        double im = 2 * dsp_rng_uniform(&rng) - 1;
        x[i] = re + I * im;
    }
}

/* FFTW through fft.h: the reference every FFT is compared with. */
static int library_fft(const double complex *x, size_t n, double complex *X)
{
    struct dsp_fft *plan = dsp_fft_new(n);
    int ok = grade_true(plan != NULL, "cannot plan an FFT of %zu points: %s", n, dsp_last_error());
    if (ok)
        dsp_fft_forward(plan, x, X);
    dsp_fft_free(plan);
    return ok;
}

static double max_abs(const double complex *X, size_t n)
{
    double m = 0;
    for (size_t k = 0; k < n; k++)
        if (cabs(X[k]) > m)
            m = cabs(X[k]);
    return m;
}

static double max_err(const double complex *a, const double complex *b, size_t n)
{
    double m = 0;
    for (size_t k = 0; k < n; k++) {
        double e = cabs(a[k] - b[k]);
        if (!(e <= m))   /* NaN counts as the largest error */
            m = e;
    }
    return m;
}

static size_t reverse_bits(size_t i, unsigned bits)
{
    size_t r = 0;
    for (unsigned b = 0; b < bits; b++)
        r = (r << 1) | ((i >> b) & 1u);
    return r;
}

static unsigned log2_of(size_t n)
{
    unsigned b = 0;
    while (((size_t)1 << b) < n)
        b++;
    return b;
}

/* ---- the classic mistakes, made on purpose ----------------------------------------- */

/* A radix-2 FFT that can make each classic mistake; diagnose() compares a
 * wrong answer with each of them and names the one it matches. */
enum slip {
    SLIP_NO_BITREV = 1,     /* butterflies on x in natural order */
    SLIP_PLUS_SIGN = 2,     /* twiddles exp(+j ...) */
    SLIP_NO_STRIDE = 4,     /* w[j] instead of w[j * n/len] */
    SLIP_STAGE_SHORT = 8,   /* len < n: the last stage missing */
    SLIP_SCALED = 16,       /* a 1/n on the forward transform */
    SLIP_OUT_BITREV = 32,   /* a correct FFT, output left in bit-reversed order */
};

static void slipped_fft(const double complex *x, size_t n, int slips, double complex *X)
{
    unsigned bits = log2_of(n);
    double complex *w = malloc((n / 2 + 1) * sizeof *w), *t = malloc(n * sizeof *t);
    if (w == NULL || t == NULL) {
        free(w);
        free(t);
        for (size_t k = 0; k < n; k++)
            X[k] = NAN;
        return;
    }
    double sign = (slips & SLIP_PLUS_SIGN) ? 1.0 : -1.0;
    for (size_t k = 0; k < n / 2; k++)
        w[k] = cexp(sign * 2.0 * PI * I * (double)k / (double)n);
    for (size_t i = 0; i < n; i++)
        t[(slips & SLIP_NO_BITREV) ? i : reverse_bits(i, bits)] = x[i];
    size_t last = (slips & SLIP_STAGE_SHORT) ? n / 2 : n;
    for (size_t len = 2; len <= last; len *= 2) {
        size_t half = len / 2, stride = (slips & SLIP_NO_STRIDE) ? 1 : n / len;
        for (size_t start = 0; start < n; start += len)
            for (size_t j = 0; j < half; j++) {
                double complex a = t[start + j], b = t[start + j + half] * w[j * stride];
                t[start + j] = a + b;
                t[start + j + half] = a - b;
            }
    }
    for (size_t k = 0; k < n; k++) {
        X[k] = (slips & SLIP_OUT_BITREV) ? t[reverse_bits(k, bits)] : t[k];
        if (slips & SLIP_SCALED)
            X[k] /= (double)n;
    }
    free(w);
    free(t);
}

static const struct {
    int slips;
    const char *hint;
} fft_slips[] = {
    {SLIP_NO_BITREV, "your X matches an FFT whose butterflies ran on x in natural order: "
                     "copy x[i] to X[rev[i]] (Part 1) before the first stage"},
    {SLIP_OUT_BITREV, "your X is the right spectrum in bit-reversed order: the permutation "
                      "goes on the input (X[rev[i]] = x[i]) before the stages, not after"},
    {SLIP_PLUS_SIGN, "your X matches an FFT with twiddles exp(+j 2 pi k/n): that is the "
                     "inverse transform's sign; the forward DFT uses exp(-j 2 pi k/n)"},
    {SLIP_NO_STRIDE, "your X matches an FFT that uses w[j] in every stage: a len-point "
                     "stage needs exp(-j 2 pi j/len) = w[j * (n/len)]"},
    {SLIP_STAGE_SHORT, "your X matches an FFT that stops one stage early: the stages run "
                       "for len = 2, 4, ..., n inclusive (log2(n) of them)"},
    {SLIP_SCALED, "your X is the right spectrum divided by n: the forward FFT is unscaled; "
                  "the 1/n belongs to the inverse"},
    {SLIP_NO_BITREV | SLIP_PLUS_SIGN, "your X matches an FFT with no bit reversal and "
                                      "twiddles exp(+j ...): two slips at once"},
};

/* Called after a failed comparison: names the slip that explains got, if
 * any (within the same tolerance as the test itself). */
static void diagnose_fft(const double complex *x, size_t n, const double complex *got,
                         double atol)
{
    double complex *Y = malloc(n * sizeof *Y);
    if (Y == NULL)
        return;
    for (size_t s = 0; s < sizeof fft_slips / sizeof fft_slips[0]; s++) {
        slipped_fft(x, n, fft_slips[s].slips, Y);
        if (max_err(got, Y, n) <= atol) {
            grade_note("hint: %s", fft_slips[s].hint);
            break;
        }
    }
    free(Y);
}

/* got against FFTW's transform of x, to FFT_RTOL of the spectrum's size;
 * names the classic slip when one explains the difference. */
static int fft_matches(const char *what, const double complex *x, size_t n,
                       const double complex *got)
{
    double complex *want = malloc(n * sizeof *want);
    int ok = grade_true(want != NULL, "out of memory") && library_fft(x, n, want);
    if (ok) {
        double atol = FFT_RTOL * max_abs(want, n);
        ok = grade_close_complex(what, got, want, n, atol, 0.0);
        double err = max_err(got, want, n), scale = max_abs(want, n);
        if (!ok && err <= 1e-6 * scale)
            grade_note("hint: your X is close (max error %.1e of max|X|) but not within %g: "
                       "rounding grows somewhere, e.g. twiddles built by w[k] = w[k-1] * w[1] "
                       "(Part 2), or float instead of double",
                       err / scale, FFT_RTOL);
        else if (!ok)
            diagnose_fft(x, n, got, atol > 0 ? atol : 1e-12);
    }
    free(want);
    return ok;
}

/* ---- Part 1: bitrev ---------------------------------------------------------------- */

static int bitrev_case(size_t n)
{
    size_t *rev = malloc(n * sizeof *rev);
    int ok = 0;
    if (!grade_true(rev != NULL, "out of memory"))
        return 0;
    for (size_t i = 0; i < n; i++)
        rev[i] = SIZE_MAX;   /* a value that is never right: unwritten entries show */
    if (!grade_status(bitrev_ex(n, rev), "bitrev_ex"))
        goto done;
    unsigned bits = log2_of(n);
    for (size_t i = 0; i < n; i++) {
        size_t want = reverse_bits(i, bits);
        if (rev[i] != want) {
            if (rev[i] == reverse_bits(i, bits + 1))
                grade_note("hint: rev[%zu] = %zu is %zu reversed in %u bits; n = %zu needs "
                           "%u (the bits of n - 1 = %zu)",
                           i, rev[i], i, bits + 1, n, bits, n - 1);
            else if (bits > 0 && rev[i] == reverse_bits(i, bits - 1))
                grade_note("hint: rev[%zu] = %zu is %zu reversed in %u bits; n = %zu needs %u",
                           i, rev[i], i, bits - 1, n, bits);
            else if (rev[i] == i && want != i)
                grade_note("hint: rev[%zu] = %zu is i itself: the bits were not reversed", i,
                           i);
            grade_true(0, "n = %zu: rev[%zu] = %zu, expected %zu (%zu in %u bits, backwards)",
                       n, i, rev[i], want, i, bits);
            goto done;
        }
    }
    ok = 1;
done:
    free(rev);
    return ok;
}

static void bitrev_eight(void)
{
    /* rev = {0, 4, 2, 6, 1, 5, 3, 7}: the README's table */
    bitrev_case(8);
}

static void bitrev_sweep(void)
{
    for (unsigned b = 0; b <= MAX_LOG2; b++)
        if (!bitrev_case((size_t)1 << b))
            return;
}

static void bitrev_bad(void)
{
    static const size_t bad[] = {0, 3, 6, 12, 1000, 65535};
    size_t *rev = malloc(65535 * sizeof *rev);   /* room for the n values of every case */
    if (!grade_true(rev != NULL, "out of memory"))
        return;
    for (size_t t = 0; t < sizeof bad / sizeof bad[0]; t++) {
        char args[48];
        snprintf(args, sizeof args, "n = %zu", bad[t]);
        if (!grade_einval(bitrev_ex(bad[t], rev), "bitrev_ex", args))
            break;
    }
    free(rev);
}

/* ---- Part 2: twiddle ----------------------------------------------------------------- */

/* w against long-double cos/sin; names the conjugate and the recurrence. */
static int twiddle_case(size_t n)
{
    size_t h = n / 2;
    double complex *w = malloc(h * sizeof *w), *want = malloc(h * sizeof *want);
    int ok = 0;
    if (!grade_true(w && want, "out of memory"))
        goto done;
    if (!grade_status(twiddle_ex(n, w), "twiddle_ex"))
        goto done;
    for (size_t k = 0; k < h; k++) {
        long double a = -2.0L * 3.141592653589793238462643383279503L * (long double)k /
                        (long double)n;
        want[k] = (double)cosl(a) + I * (double)sinl(a);
    }
    char what[48];
    snprintf(what, sizeof what, "w (n = %zu)", n);
    ok = grade_close_complex(what, w, want, h, TWIDDLE_ATOL, 0.0);
    if (!ok) {
        double worst_first = 0, worst_last = 0;
        for (size_t k = 0; k < h; k++) {
            double e = cabs(w[k] - want[k]);
            if (k < h / 2)
                worst_first = fmax(worst_first, e);
            else
                worst_last = fmax(worst_last, e);
        }
        int conj_ok = 1;
        for (size_t k = 0; k < h; k++)
            conj_ok &= cabs(w[k] - conj(want[k])) <= TWIDDLE_ATOL;
        if (conj_ok)
            grade_note("hint: your w[k] = exp(+j 2 pi k/n): the forward FFT turns the other "
                       "way, exp(-j 2 pi k/n)");
        else if (worst_last < 1e-9 && worst_last > 1.5 * worst_first)
            grade_note("hint: the error grows with k (%.1e in the first half, %.1e in the "
                       "second): w[k] = w[k-1] * w[1] accumulates rounding; compute each "
                       "w[k] from cos and sin of its own angle",
                       worst_first, worst_last);
    }
done:
    free(w);
    free(want);
    return ok;
}

static void twiddle_eight(void)
{
    /* {1, (1 - j)/sqrt(2), -j, -(1 + j)/sqrt(2)} */
    const double r = 0.70710678118654752440;
    const double complex want[4] = {1, r - r * I, -I, -r - r * I};
    double complex w[4];
    if (!grade_status(twiddle_ex(8, w), "twiddle_ex"))
        return;
    if (!grade_close_complex("w (n = 8)", w, want, 4, TWIDDLE_ATOL, 0.0) &&
        cabs(w[1] - conj(want[1])) < 1e-9)
        grade_note("hint: w[1] = %g%+gj is exp(+j pi/4): use exp(-j 2 pi k/n)", creal(w[1]),
                   cimag(w[1]));
}

static void twiddle_sweep(void)
{
    for (unsigned b = 1; b <= MAX_LOG2; b++)
        if (!twiddle_case((size_t)1 << b))
            return;
}

static void twiddle_bad(void)
{
    static const size_t bad[] = {0, 1, 3, 6, 1000};
    double complex w[500];
    for (size_t t = 0; t < sizeof bad / sizeof bad[0]; t++) {
        char args[48];
        snprintf(args, sizeof args, "n = %zu", bad[t]);
        if (!grade_einval(twiddle_ex(bad[t], w), "twiddle_ex", args))
            return;
    }
}

/* ---- Part 3: fft ----------------------------------------------------------------------- */

static void fft_example(void)
{
    const double complex x[4] = {1, 2, 3, 4};
    const double complex want[4] = {10, -2 + 2 * I, -2, -2 - 2 * I};
    double complex X[4];
    if (!grade_status(fft_ex(x, 4, X), "fft_ex"))
        return;
    /* sums of four small integers times 1, -1, j, -j: exact but for the
     * last bits of exp() (|Im w[1]| may be 6e-17 instead of 0) */
    if (!grade_close_complex("X", X, want, 4, 1e-12, 0.0))
        diagnose_fft(x, 4, X, 1e-12);
}

/* Closed forms at n = 8: an impulse gives all ones, a constant a single bin
 * 0 of 8, exp(+j 2 pi 3 m / 8) a single bin 3 of 8, an impulse at m = 1
 * the twiddles of an 8-point DFT. */
static void fft_closed_forms(void)
{
    double complex x[8], X[8], want[8];
    for (int c = 0; c < 4; c++) {
        const char *what = "";
        for (size_t m = 0; m < 8; m++) {
            switch (c) {
            case 0:
                what = "X of the impulse {1, 0, ..., 0}";
                x[m] = m == 0;
                want[m] = 1;
                break;
            case 1:
                what = "X of the constant {1, 1, ..., 1}";
                x[m] = 1;
                want[m] = m == 0 ? 8 : 0;
                break;
            case 2:
                what = "X of exp(+j 2 pi 3 m / 8)";
                x[m] = cexp(2.0 * PI * I * 3.0 * (double)m / 8.0);
                want[m] = m == 3 ? 8 : 0;
                break;
            default:
                what = "X of the delayed impulse {0, 1, 0, ..., 0}";
                x[m] = m == 1;
                want[m] = cexp(-2.0 * PI * I * (double)m / 8.0);
                break;
            }
        }
        if (!grade_status(fft_ex(x, 8, X), "fft_ex"))
            return;
        /* values of size <= 8 from 3 stages: rounding ~1e-15 */
        if (!grade_close_complex(what, X, want, 8, 1e-12, 0.0)) {
            diagnose_fft(x, 8, X, 1e-12);
            return;
        }
    }
}

static void fft_sweep(void)
{
    size_t nmax = (size_t)1 << MAX_LOG2;
    double complex *x = malloc(nmax * sizeof *x), *x0 = malloc(nmax * sizeof *x0);
    double complex *X = malloc(nmax * sizeof *X);
    if (!grade_true(x && x0 && X, "out of memory"))
        goto done;
    for (unsigned b = 0; b <= MAX_LOG2; b++) {
        size_t n = (size_t)1 << b;
        random_complex(1100 + b, x, n);
        memcpy(x0, x, n * sizeof *x);
        if (!grade_status(fft_ex(x, n, X), "fft_ex"))
            goto done;
        if (!grade_true(memcmp(x, x0, n * sizeof *x) == 0,
                        "n = %zu: fft_ex changed its input x; work in X only", n))
            goto done;
        char what[48];
        snprintf(what, sizeof what, "X (n = %zu, random)", n);
        if (!fft_matches(what, x, n, X))
            goto done;
    }
    grade_note("n = 1, 2, 4, ..., %zu: all within %g of max|X| of FFTW", nmax, FFT_RTOL);
done:
    free(x);
    free(x0);
    free(X);
}

/* The piano frame as a complex signal, n = PIANO_N (see refgen.c). */
static int piano_complex(double complex *z)
{
    double *x = NULL, fs = 0;
    size_t n = 0;
    int ok = grade_read_mono(PIANO, &x, &n, &fs) &&
             grade_true(n >= PIANO_START + 2 * PIANO_N, "%s: %zu samples, expected at least %d",
                        PIANO, n, PIANO_START + 2 * PIANO_N);
    if (ok)
        for (size_t i = 0; i < PIANO_N; i++)
            z[i] = x[PIANO_START + i] + I * x[PIANO_START + PIANO_N + i];
    free(x);
    return ok;
}

/* A reference file of rows "re im": n complex values. */
static int load_complex_reference(const char *name, size_t n, double complex *want)
{
    struct dsp_mat ref = {0};
    if (!grade_reference(name, &ref))
        return 0;
    int ok = grade_true(ref.rows == n && ref.cols == 2, "%s: %zu x %zu values, expected %zu x 2",
                        name, ref.rows, ref.cols, n);
    if (ok)
        for (size_t k = 0; k < n; k++)
            want[k] = ref.data[2 * k] + I * ref.data[2 * k + 1];
    dsp_mat_free(&ref);
    return ok;
}

static void fft_piano(void)
{
    static double complex z[PIANO_N], X[PIANO_N], want[PIANO_N];
    if (!piano_complex(z) || !load_complex_reference("fft_piano.txt", PIANO_N, want))
        return;
    if (!grade_status(fft_ex(z, PIANO_N, X), "fft_ex"))
        return;
    grade_close_complex("X (piano, n = 2048)", X, want, PIANO_N,
                        FFT_RTOL * max_abs(want, PIANO_N), 0.0);
}

static void fft_bad(void)
{
    static const size_t bad[] = {0, 3, 6, 12, 1000};
    double complex x[1000] = {0}, X[1000];
    for (size_t t = 0; t < sizeof bad / sizeof bad[0]; t++) {
        char args[48];
        snprintf(args, sizeof args, "x, n = %zu, X", bad[t]);
        if (!grade_einval(fft_ex(x, bad[t], X), "fft_ex", args))
            return;
    }
}

/* ---- Part 4: rfft ------------------------------------------------------------------------ */

enum rslip {
    RSLIP_SWAPPED = 1,     /* odd samples as real parts */
    RSLIP_PLUS_SIGN = 2,   /* exp(+j 2 pi k/n) in the unpacking */
    RSLIP_NO_CONJ = 4,     /* Z[h-k] instead of conj Z[h-k] */
};

static void slipped_rfft(const double *x, size_t n, int slips, double complex *X)
{
    size_t h = n / 2;
    double complex *z = malloc(h * sizeof *z), *Z = malloc(h * sizeof *Z);
    struct dsp_fft *plan = dsp_fft_new(h);
    if (z && Z && plan) {
        for (size_t m = 0; m < h; m++)
            z[m] = (slips & RSLIP_SWAPPED) ? x[2 * m + 1] + I * x[2 * m]
                                           : x[2 * m] + I * x[2 * m + 1];
        dsp_fft_forward(plan, z, Z);
        double sign = (slips & RSLIP_PLUS_SIGN) ? 1.0 : -1.0;
        for (size_t k = 0; k <= h; k++) {
            double complex zk = Z[k % h], zc = Z[(h - k) % h];
            if (!(slips & RSLIP_NO_CONJ))
                zc = conj(zc);
            X[k] = 0.5 * (zk + zc) - 0.5 * I * (zk - zc) *
                                         cexp(sign * 2.0 * PI * I * (double)k / (double)n);
        }
    } else {
        for (size_t k = 0; k <= h; k++)
            X[k] = NAN;
    }
    free(z);
    free(Z);
    dsp_fft_free(plan);
}

static const struct {
    int slips;
    const char *hint;
} rfft_slips[] = {
    {RSLIP_SWAPPED, "your X matches z[m] = x[2m+1] + j x[2m]: the even samples are the "
                    "real parts, the odd ones the imaginary parts"},
    {RSLIP_PLUS_SIGN, "your X matches X[k] = E[k] + exp(+j 2 pi k/n) O[k]: the odd half "
                      "is delayed by one sample, a factor exp(-j 2 pi k/n)"},
    {RSLIP_NO_CONJ, "your X matches an unpacking without the conjugate: E[k] = (Z[k] + "
                    "conj Z[h-k]) / 2"},
    {RSLIP_SWAPPED | RSLIP_PLUS_SIGN, "your X matches even and odd swapped together with "
                                      "exp(+j ...): two slips at once"},
};

/* After a failed comparison of rfft_ex's X (nb = n/2 + 1 bins) with want:
 * names the slip that explains it, if any. X was pre-filled with 999+999j. */
static void diagnose_rfft(const double *x, size_t n, const double complex *X,
                          const double complex *want, double atol)
{
    size_t nb = n / 2 + 1;
    if (atol <= 0)
        atol = 1e-12;
    double err = max_err(X, want, nb), scale = max_abs(want, nb);
    if (err <= 1e-6 * scale) {
        grade_note("hint: your X is close (max error %.1e of max|X|) but not within %g: "
                   "rounding grows somewhere, e.g. twiddles built by w[k] = w[k-1] * w[1], "
                   "or float instead of double",
                   err / scale, FFT_RTOL);
        return;
    }
    if (X[nb - 1] == 999.0 + 999.0 * I) {
        grade_note("hint: X[%zu] (bin n/2) was never written: k runs from 0 to n/2 inclusive, "
                   "n/2 + 1 bins",
                   nb - 1);
        return;
    }
    double complex *alt = malloc(nb * sizeof *alt);
    if (alt == NULL)
        return;
    for (size_t s = 0; s < sizeof rfft_slips / sizeof rfft_slips[0]; s++) {
        slipped_rfft(x, n, rfft_slips[s].slips, alt);
        if (max_err(X, alt, nb) <= atol) {
            grade_note("hint: %s", rfft_slips[s].hint);
            free(alt);
            return;
        }
    }
    free(alt);
    if (nb > 2 && max_err(X + 1, want + 1, nb - 2) <= atol) {
        grade_note("hint: only bins 0 and n/2 are wrong: there h - k wraps around (Z[h] is "
                   "Z[0]), and exp(-j 2 pi k/n) is 1 and -1");
        return;
    }
    /* rfft_ex may call fft_ex: if that is not right yet, say so */
    const double complex z[4] = {1, 2, 3, 4}, Zwant[4] = {10, -2 + 2 * I, -2, -2 - 2 * I};
    double complex Z[4];
    if (fft_ex(z, 4, Z) != DSP_OK || max_err(Z, Zwant, 4) > 1e-12)
        grade_note("note: fft_ex (Part 3) does not pass its own example yet; if rfft_ex calls "
                   "it, fix Part 3 first (or use dsp_fft_forward from fft.h meanwhile)");
}

/* Runs rfft_ex on x and compares with FFTW; X is pre-filled with a marker
 * so a bin never written shows. */
static int rfft_case(const char *name, const double *x, size_t n)
{
    size_t nb = n / 2 + 1;
    double complex *X = malloc(nb * sizeof *X), *want = malloc(nb * sizeof *want);
    struct dsp_fft *plan = dsp_fft_new(n);
    int ok = 0;
    if (!grade_true(X && want && plan, "out of memory"))
        goto done;
    for (size_t k = 0; k < nb; k++)
        X[k] = 999.0 + 999.0 * I;
    if (!grade_status(rfft_ex(x, n, X), "rfft_ex"))
        goto done;
    dsp_fft_forward_real(plan, x, want);
    double atol = FFT_RTOL * max_abs(want, nb);
    char what[64];
    snprintf(what, sizeof what, "X (%s, n = %zu)", name, n);
    ok = grade_close_complex(what, X, want, nb, atol, 0.0);
    if (!ok)
        diagnose_rfft(x, n, X, want, atol);
done:
    free(X);
    free(want);
    dsp_fft_free(plan);
    return ok;
}

static void rfft_example(void)
{
    /* the README's example, worked by hand; values of size <= 10 */
    const double x[4] = {1, 2, 3, 4};
    const double complex want[3] = {10, -2 + 2 * I, -2};
    double complex X[3] = {999 + 999 * I, 999 + 999 * I, 999 + 999 * I};
    if (!grade_status(rfft_ex(x, 4, X), "rfft_ex"))
        return;
    if (!grade_close_complex("X of {1, 2, 3, 4}", X, want, 3, 1e-12, 0.0)) {
        diagnose_rfft(x, 4, X, want, 1e-12);
        return;
    }
    /* n = 2: z = {5 - 3j}, one point; X = {5 + (-3), 5 - (-3)} */
    const double x2[2] = {5, -3};
    const double complex want2[2] = {2, 8};
    double complex X2[2] = {999 + 999 * I, 999 + 999 * I};
    if (!grade_status(rfft_ex(x2, 2, X2), "rfft_ex"))
        return;
    if (!grade_close_complex("X of {5, -3}", X2, want2, 2, 1e-12, 0.0))
        diagnose_rfft(x2, 2, X2, want2, 1e-12);
}

static void rfft_sweep(void)
{
    size_t nmax = (size_t)1 << MAX_LOG2;
    double *x = malloc(nmax * sizeof *x);
    if (!grade_true(x != NULL, "out of memory"))
        return;
    for (unsigned b = 1; b <= MAX_LOG2; b++) {
        size_t n = (size_t)1 << b;
        dsp_gen_noise(1.0, 1200 + b, x, n);
        if (!rfft_case("random", x, n))
            break;
    }
    free(x);
}

static void rfft_flute(void)
{
    static double complex X[FLUTE_N / 2 + 1], want[FLUTE_N / 2 + 1];
    double *x = NULL, fs = 0;
    size_t n = 0;
    if (!grade_read_mono(FLUTE, &x, &n, &fs))
        return;
    if (grade_true(n >= FLUTE_START + FLUTE_N, "%s: %zu samples, too short", FLUTE, n) &&
        load_complex_reference("rfft_flute.txt", FLUTE_N / 2 + 1, want) &&
        grade_status(rfft_ex(x + FLUTE_START, FLUTE_N, X), "rfft_ex"))
        grade_close_complex("X (flute, n = 4096)", X, want, FLUTE_N / 2 + 1,
                            FFT_RTOL * max_abs(want, FLUTE_N / 2 + 1), 0.0);
    free(x);
}

static void rfft_bad(void)
{
    static const size_t bad[] = {0, 1, 6, 1000};
    double x[1000] = {0};
    double complex X[501];
    for (size_t t = 0; t < sizeof bad / sizeof bad[0]; t++) {
        char args[48];
        snprintf(args, sizeof args, "x, n = %zu, X", bad[t]);
        if (!grade_einval(rfft_ex(x, bad[t], X), "rfft_ex", args))
            return;
    }
}

/* ---- Part 5: fftbench --------------------------------------------------------------------- */

static int times_ok(size_t n, double t_dft, double t_fft, double t_fftw)
{
    /* Only that they are durations: their values belong to the machine. */
    int ok = grade_true(isfinite(t_dft) && t_dft > 0 && isfinite(t_fft) && t_fft > 0 &&
                            isfinite(t_fftw) && t_fftw > 0,
                        "n = %zu: times must be positive numbers of seconds: t_dft = %g, "
                        "t_fft = %g, t_fftw = %g",
                        n, t_dft, t_fft, t_fftw);
    if (ok)
        grade_note("n = %5zu: naive DFT %9.3g s, your FFT %9.3g s, FFTW %9.3g s: "
                   "FFT %.0fx faster than the DFT, FFTW %.1fx faster than your FFT",
                   n, t_dft, t_fft, t_fftw, t_dft / t_fft, t_fft / t_fftw);
    return ok;
}

static int fftbench_case(const char *name, const double complex *x, size_t n,
                         const double complex *want)
{
    double complex *Xd = malloc(n * sizeof *Xd), *Xf = malloc(n * sizeof *Xf);
    double complex *Xw = malloc(n * sizeof *Xw);
    int ok = 0;
    if (!grade_true(Xd && Xf && Xw, "out of memory"))
        goto done;
    double td = -1, tf = -1, tw = -1;
    if (!grade_status(fftbench_ex(x, n, Xd, Xf, Xw, &td, &tf, &tw), "fftbench_ex"))
        goto done;
    double scale = max_abs(want, n);
    char what[96];
    snprintf(what, sizeof what, "X_dft (%s, n = %zu)", name, n);
    if (!grade_close_complex(what, Xd, want, n, 1e-9 * scale, 0.0))
        goto done;
    snprintf(what, sizeof what, "X_fft (%s, n = %zu)", name, n);
    if (!grade_close_complex(what, Xf, want, n, FFT_RTOL * scale, 0.0))
        goto done;
    snprintf(what, sizeof what, "X_fftw (%s, n = %zu)", name, n);
    if (!grade_close_complex(what, Xw, want, n, FFT_RTOL * scale, 0.0))
        goto done;
    ok = times_ok(n, td, tf, tw);
done:
    free(Xd);
    free(Xf);
    free(Xw);
    return ok;
}

static void fftbench_bin3(void)
{
    double complex x[64], want[64] = {0};
    for (size_t m = 0; m < 64; m++)
        x[m] = cexp(2.0 * PI * I * 3.0 * (double)m / 64.0);
    want[3] = 64;
    fftbench_case("exp(j 2 pi 3 m / 64)", x, 64, want);
}

static void fftbench_random(void)
{
    static const size_t sizes[] = {1024, 4096};
    double complex *x = malloc(4096 * sizeof *x), *want = malloc(4096 * sizeof *want);
    if (grade_true(x && want, "out of memory"))
        for (size_t t = 0; t < 2; t++) {
            random_complex(1300 + t, x, sizes[t]);
            if (!library_fft(x, sizes[t], want) || !fftbench_case("random", x, sizes[t], want))
                break;
        }
    free(x);
    free(want);
}

static void fftbench_bad(void)
{
    double complex x[12] = {0}, a[12], b[12], c[12];
    double t1, t2, t3;
    grade_einval(fftbench_ex(x, 12, a, b, c, &t1, &t2, &t3), "fftbench_ex", "x, n = 12, ...");
}

/* ---- Part 6: winmag ------------------------------------------------------------------------ */

/* Runs both versions on the same numbers and compares them with the
 * definition evaluated here. (The arrays reach the student's code as copies
 * in the sandboxed worker, one malloc each: 16-byte aligned, no more.) */
static int winmag_case(const char *name, const double *re, const double *im, const double *w,
                       size_t n, const double *want)
{
    double *mag = malloc((n + 1) * sizeof *mag), *smag = malloc((n + 1) * sizeof *smag);
    double complex *X = malloc((n + 1) * sizeof *X);
    int ok = 0;
    if (!grade_true(mag && smag && X, "out of memory"))
        goto done;
    for (size_t k = 0; k < n; k++) {
        X[k] = re[k] + I * im[k];
        mag[k] = smag[k] = NAN;   /* unwritten outputs show */
    }
    char what[96];
    if (!grade_status(winmag_ex(re, im, w, n, mag), "winmag_ex"))
        goto done;
    snprintf(what, sizeof what, "mag of winmag_ex (%s, n = %zu)", name, n);
    if (!grade_close(what, mag, want, n, 1e-300, WINMAG_RTOL)) {
        int squared = n > 0;
        for (size_t k = 0; k < n; k++)
            squared &= fabs(mag[k] - w[k] * (re[k] * re[k] + im[k] * im[k])) <=
                       1e-12 * (1 + fabs(mag[k]));
        if (squared)
            grade_note("hint: mag is w (re^2 + im^2): the magnitude needs the square root");
        goto done;
    }
    if (!grade_status(winmag_scalar_ex(X, w, n, smag), "winmag_scalar_ex"))
        goto done;
    snprintf(what, sizeof what, "mag of winmag_scalar_ex (%s, n = %zu)", name, n);
    ok = grade_close(what, smag, want, n, 1e-300, WINMAG_RTOL);
done:
    free(mag);
    free(smag);
    free(X);
    return ok;
}

static void winmag_example(void)
{
    const double re[3] = {3, 0, 1}, im[3] = {4, 2, -1}, w[3] = {0.5, 1, 0};
    const double want[3] = {2.5, 2, 0};
    winmag_case("the README's example", re, im, w, 3, want);
}

static void winmag_random(void)
{
    /* lengths that leave every possible tail after a loop of 2, 4 or 8
     * lanes, and the empty case */
    static const size_t sizes[] = {0, 1, 7, 1000, 1023};
    double *re = malloc(1023 * sizeof *re), *im = malloc(1023 * sizeof *im);
    double *w = malloc(1023 * sizeof *w), *want = malloc(1023 * sizeof *want);
    if (!grade_true(re && im && w && want, "out of memory"))
        goto done;
    dsp_gen_noise(10.0, 1401, re, 1023);
    dsp_gen_noise(10.0, 1402, im, 1023);
    dsp_gen_noise(1.0, 1403, w, 1023);
    for (size_t k = 0; k < 1023; k += 5)
        w[k] = 0.0;   /* zero weights, as outside a mel triangle */
    for (size_t k = 0; k < 1023; k++)
        want[k] = w[k] * sqrt(re[k] * re[k] + im[k] * im[k]);
    for (size_t t = 0; t < sizeof sizes / sizeof sizes[0]; t++)
        if (!winmag_case("random", re, im, w, sizes[t], want))
            break;
done:
    free(re);
    free(im);
    free(w);
    free(want);
}

/* The piano's spectrum (library FFT, as in refgen.c) under a triangle. */
static void winmag_piano(void)
{
    static double re[WINMAG_N / 2 + 1], im[WINMAG_N / 2 + 1], w[WINMAG_N / 2 + 1];
    static double complex X[WINMAG_N / 2 + 1];
    double *x = NULL, fs = 0;
    size_t n = 0, nb = WINMAG_N / 2 + 1;
    struct dsp_mat ref = {0};
    struct dsp_fft *plan = dsp_fft_new(WINMAG_N);
    if (!grade_true(plan != NULL, "cannot plan an FFT") || !grade_read_mono(PIANO, &x, &n, &fs) ||
        !grade_true(n >= PIANO_START + WINMAG_N, "%s is too short", PIANO) ||
        !grade_reference("winmag_piano.txt", &ref) ||
        !grade_true(ref.rows * ref.cols == nb, "winmag_piano.txt holds %zu values, expected %zu",
                    ref.rows * ref.cols, nb))
        goto done;
    dsp_fft_forward_real(plan, x + PIANO_START, X);
    for (size_t k = 0; k < nb; k++) {
        re[k] = creal(X[k]);
        im[k] = cimag(X[k]);
        double d = fabs((double)k - WINMAG_CENTRE) / WINMAG_HALF;
        w[k] = d < 1 ? 1 - d : 0;
    }
    winmag_case("piano, a triangle over bins 20 .. 60", re, im, w, nb, ref.data);
done:
    free(x);
    dsp_mat_free(&ref);
    dsp_fft_free(plan);
}

static const struct grade_test tests[] = {
    /* name                                       points  test            depends on   CPU s */
    {"bitrev: n = 8", 2, bitrev_eight, NULL, 0},
    {"bitrev: n = 1, 2, 4, ..., 65536", 1, bitrev_sweep, "bitrev: n = 8", 0},
    {"bitrev: n not a power of two", 1, bitrev_bad, NULL, 0},
    {"twiddle: n = 8", 1, twiddle_eight, NULL, 0},
    {"twiddle: n = 2, 4, ..., 65536", 2, twiddle_sweep, "twiddle: n = 8", 0},
    {"twiddle: n < 2 or not a power of two", 1, twiddle_bad, NULL, 0},
    {"fft: {1, 2, 3, 4}", 2, fft_example, NULL, 0},
    {"fft: impulses, a constant, one exponential (n = 8)", 2, fft_closed_forms, NULL, 0},
    {"fft: random, n = 1, 2, 4, ..., 65536 against FFTW", 3, fft_sweep, "fft: {1, 2, 3, 4}", 0},
    {"fft: piano, n = 2048 (reference)", 1, fft_piano, "fft: {1, 2, 3, 4}", 0},
    {"fft: n not a power of two", 1, fft_bad, NULL, 0},
    {"rfft: {1, 2, 3, 4} and {5, -3}", 2, rfft_example, NULL, 0},
    {"rfft: random, n = 2, 4, ..., 65536 against FFTW", 2, rfft_sweep,
     "rfft: {1, 2, 3, 4} and {5, -3}", 0},
    {"rfft: flute, n = 4096 (reference)", 1, rfft_flute, "rfft: {1, 2, 3, 4} and {5, -3}", 0},
    {"rfft: n < 2 or not a power of two", 1, rfft_bad, NULL, 0},
    {"fftbench: exp(j 2 pi 3 m / 64)", 1, fftbench_bin3, NULL, 0},
    {"fftbench: random, n = 1024 and 4096", 2, fftbench_random,
     "fftbench: exp(j 2 pi 3 m / 64)", 0},
    {"fftbench: n = 12", 1, fftbench_bad, NULL, 0},
    {"winmag: {3+4j, 2j, 1-1j}", 1, winmag_example, NULL, 0},
    {"winmag: random, n = 0, 1, 7, 1000, 1023", 2, winmag_random, "winmag: {3+4j, 2j, 1-1j}",
     0},
    {"winmag: piano spectrum under a triangle (reference)", 1, winmag_piano,
     "winmag: {3+4j, 2j, 1-1j}", 0},
};
GRADE_SUITE("11-fft-and-speed", tests);
