/*
 * Lesson 02 — Sinusoids and the DFT: the graded tests.
 *
 * Expected values are closed forms (a cosine, an impulse, a kernel), a
 * naive DFT computed here in long double with the angle reduced exactly in
 * integers (so it is accurate to ~1e-18 per term), or the reference files in
 * data/reference/02-sinusoids-dft/ written by refgen.c from the solution.
 *
 * Tolerances: atol 1e-9 on values of size ~1..N. A correct double-precision
 * DFT of N <= 256 samples in [-1, 1] is off by at most ~N * N * 1e-16 = 7e-12
 * even when the angle 2*pi*k*m/N is not reduced first (angles up to 2*pi*N^2/N
 * lose ~N * 1e-16 rad), so 1e-9 passes every valid order of computation and
 * fails every real mistake (those are off by 1e-1 or more). Decibels get
 * 1e-9 dB: 20*log10 is well conditioned where |X| is not tiny.
 */
#include <complex.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include <dsplab/audio.h>
#include <dsplab/gen.h>
#include <dsplab/spectrum.h>

#include "exercise.h"
#include "grade.h"

#define PI 3.14159265358979323846
#define ATOL 1e-9
#define PIANO "sounds/piano-a4.wav"
#define PIANO_START 4410  /* 0.1 s into the note */
#define PIANO_N 256

/* exp(sign * j * 2 * pi * (k*m mod n) / n) in long double. */
static long double complex twiddle(size_t k, size_t m, size_t n, int sign)
{
    long double angle = sign * 2.0L * 3.141592653589793238462643383279503L *
                        (long double)(k * m % n) / (long double)n;
    return cosl(angle) + I * sinl(angle);
}

/* The naive DFT (sign -1) or inverse without 1/n (sign +1), in long double. */
static void ref_dft(const double complex *x, size_t n, int sign, double complex *X)
{
    for (size_t k = 0; k < n; k++) {
        long double complex sum = 0;
        for (size_t m = 0; m < n; m++)
            sum += (long double complex)x[m] * twiddle(k, m, n, sign);
        X[k] = (double complex)sum;
    }
}

static void random_real(uint64_t seed, double *x, size_t n)
{
    dsp_gen_noise(1.0, seed, x, n);
}

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

/* PIANO_N samples of the piano note from PIANO_START. */
static int piano_frame(double *frame)
{
    double *x = NULL, fs = 0;
    size_t n = 0;
    int ok = grade_read_mono(PIANO, &x, &n, &fs) &&
             grade_true(n >= PIANO_START + PIANO_N, "%s: %zu samples, expected at least %d", PIANO,
                        n, PIANO_START + PIANO_N);
    if (ok)
        for (size_t i = 0; i < PIANO_N; i++)
            frame[i] = x[PIANO_START + i];
    free(x);
    return ok;
}

/* ---- hints for mistakes the generic checks cannot name ---- */

/* max |got - want| / max |want|, or -1 when want is all zeros or got holds
 * NaN or Inf (grade_close's own NaN hint covers those). */
static double relative_error(const double complex *got, const double complex *want, size_t n)
{
    double err = 0, big = 0;
    for (size_t i = 0; i < n; i++) {
        double e = cabs(got[i] - want[i]);
        if (!isfinite(e))
            return -1;
        err = fmax(err, e);
        big = fmax(big, cabs(want[i]));
    }
    return big > 0 ? err / big : -1;
}

/* A correct double computation is off by ~1e-15 of the values' size; float
 * (24-bit mantissa, 6e-8 per operation) or pi written with 6 digits gives
 * 1e-8 .. 1e-5, and real mistakes 1e-1 or more. Between 1e-9 and 1e-4
 * nothing but precision explains the error. */
static void precision_hint(double rel)
{
    if (rel > 1e-9 && rel < 1e-4)
        grade_note("hint: the largest error is %.2g of the largest value: about float's "
                   "precision (7 digits), not a wrong formula. A float variable, a float "
                   "function (cosf, sinf) or a constant with too few digits (pi = 3.14159) "
                   "where double is needed?",
                   rel);
}

static void precision_hint_real(const double *got, const double *want, size_t n)
{
    double err = 0, big = 0;
    for (size_t i = 0; i < n; i++) {
        double e = fabs(got[i] - want[i]);
        if (!isfinite(e))
            return;
        err = fmax(err, e);
        big = fmax(big, fabs(want[i]));
    }
    if (big > 0)
        precision_hint(err / big);
}

/* Complex arrays: grade_close_complex, then the precision hint. */
static int close_complex(const char *what, const double complex *got,
                         const double complex *want, size_t n, double atol)
{
    if (grade_close_complex(what, got, want, n, atol, 0))
        return 1;
    precision_hint(relative_error(got, want, n));
    return 0;
}

/* X matches the DFT of x without its last (or first) sample: the sum over m
 * stops one term early (m < n - 1) or starts one late (m = 1). want is the
 * full DFT; X[k] - want[k] = -x[m] e^{-j 2 pi k m / n} for the lost term m. */
static int dft_sum_hint(const double *x, size_t n, const double complex *X,
                         const double complex *want)
{
    static const char *const which[2] = {"first", "last"};
    static const char *const why[2] = {"starts one term late (m = 1 instead of 0)",
                                       "stops one term early (m < n - 1 instead of m < n)"};
    for (int t = 0; t < 2 && n > 1; t++) {
        size_t m = t ? n - 1 : 0;
        if (x[m] == 0)
            continue;
        int same = 1;
        for (size_t k = 0; same && k < n; k++) {
            double complex lost = x[m] * (double complex)twiddle(k, m, n, -1);
            same = cabs(X[k] - (want[k] - lost)) <= ATOL;
        }
        if (same) {
            grade_note("hint: X is the DFT of x without its %s sample x[%zu]: the sum over m "
                       "%s",
                       which[t], m, why[t]);
            return 1;
        }
    }
    return 0;
}

/* The DFT tests: compare, then look for a lost term of the sum and float. */
static int close_dft(const double *x, size_t n, const double complex *X,
                     const double complex *want)
{
    if (grade_close_complex("X", X, want, n, ATOL, 0))
        return 1;
    if (!dft_sum_hint(x, n, X, want))
        precision_hint(relative_error(X, want, n));
    return 0;
}

/* The inverse with e^{-j...} instead of e^{+j...} gives
 * (1/n) sum X[k] e^{+j 2 pi k (n - m) / n} = want[(n - m) mod n]: the signal
 * reversed in time around m = 0, whatever X is (for a single real bin that
 * is also the conjugate, which grade_close_complex would blame on the
 * forward transform). Together with a missing 1/n it is n times that. The
 * inverse's tests recognise both, alone or together, before the generic
 * comparison; a missing 1/n alone is left to the generic "n x too large". */
static int idft_close(const char *what, const double complex *x, const double complex *want,
                      size_t n)
{
    for (int scaled = 0; scaled < 2 && n > 1; scaled++) {
        double f = scaled ? (double)n : 1.0;
        int reversed = 1, same = 1;
        double big = 0;
        for (size_t m = 0; m < n; m++)
            big = fmax(big, cabs(want[m]));
        for (size_t m = 0; reversed && m < n; m++) {
            reversed = cabs(x[m] - f * want[(n - m) % n]) <= f * (ATOL + 1e-12 * big);
            same = same && cabs(x[m] - want[m]) <= ATOL;
        }
        if (!reversed || same)
            continue;
        size_t k = 0;
        while (k < n && cabs(x[k] - want[k]) <= ATOL)
            k++;
        grade_true(0, "%s[%zu]: got %.10g%+.10gj, expected %.10g%+.10gj", what, k, creal(x[k]),
                   cimag(x[k]), creal(want[k]), cimag(want[k]));
        if (scaled)
            grade_note("hint: %s[m] = %zu * expected[(n - m) mod n]: two mistakes at once. "
                       "The signal comes out reversed in time (x[0] stays): the inverse's "
                       "exponent is e^{+j 2 pi k m / n}, with a PLUS sign; and %zu x too large: "
                       "the 1/n is missing",
                       what, n, n);
        else
            grade_note("hint: %s[m] = expected[(n - m) mod n], the signal reversed in time "
                       "(x[0] stays): the sign of the exponent. The inverse uses "
                       "e^{+j 2 pi k m / n}, with a PLUS sign (the forward DFT has the minus)",
                       what);
        return 0;
    }
    return close_complex(what, x, want, n, ATOL);
}

/* ---- Part 1: a real sinusoid ---- */

static void sine_example(void)
{
    double x[4], want[] = {1, 0, -1, 0};
    if (!grade_status(gen_sine_ex(1.0, 1000.0, 0.0, 4000.0, x, 4), "gen_sine_ex"))
        return;
    if (!grade_close("x", x, want, 4, 1e-12, 0))
        precision_hint_real(x, want, 4);
}

/* A phase of -pi/2 turns the cosine into a sine: 0.5 sin(2 pi 250 i / 8000). */
static void sine_phase(void)
{
    enum { N = 64 };
    double x[N], want[N];
    for (size_t i = 0; i < N; i++)
        want[i] = 0.5 * sin(2 * PI * 250.0 * (double)i / 8000.0);
    if (!grade_status(gen_sine_ex(0.5, 250.0, -PI / 2, 8000.0, x, N), "gen_sine_ex"))
        return;
    grade_note("amp 0.5, freq 250 Hz, phase -pi/2, fs 8000 Hz: expected 0.5 sin(2 pi 250 i/8000)");
    if (!grade_close("x", x, want, N, 1e-12, 0))
        precision_hint_real(x, want, N);
}

static void sine_random(void)
{
    enum { NMAX = 2000 };
    static double x[NMAX], want[NMAX];
    struct dsp_rng rng;
    dsp_rng_seed(&rng, 2002);
    for (int trial = 0; trial < 5; trial++) {
        double fs = trial % 2 ? 44100.0 : 8000.0 + 40000.0 * dsp_rng_uniform(&rng);
        double amp = dsp_rng_uniform(&rng);
        double freq = fs / 2 * dsp_rng_uniform(&rng);
        double phase = 2 * PI * dsp_rng_uniform(&rng) - PI;
        size_t n = 1 + (size_t)(dsp_rng_uniform(&rng) * (NMAX - 1));
        for (size_t i = 0; i < n; i++)
            want[i] = amp * cos(2 * PI * freq * (double)i / fs + phase);
        if (!grade_status(gen_sine_ex(amp, freq, phase, fs, x, n), "gen_sine_ex"))
            return;
        grade_note("amp %.6f, freq %.3f Hz, phase %.6f, fs %.1f Hz, n %zu", amp, freq, phase, fs,
                   n);
        if (!grade_close("x", x, want, n, ATOL, 0)) {
            precision_hint_real(x, want, n);
            return;
        }
    }
}

static void sine_bad(void)
{
    double x[4];
    grade_einval(gen_sine_ex(1.0, 100.0, 0.0, 0.0, x, 4), "gen_sine_ex", "fs 0");
    grade_einval(gen_sine_ex(1.0, 100.0, 0.0, -8000.0, x, 4), "gen_sine_ex", "fs -8000");
}

/* ---- Part 2: the complex exponential exp(-j 2 pi k m / N) ---- */

/* All n values within 1e-9 of v: the signature of an angle computed with
 * integer division, which rounds every k*m/n down to a whole turn. */
static int all_equal(const double complex *z, size_t n, double complex v)
{
    for (size_t i = 0; i < n; i++)
        if (!(cabs(z[i] - v) <= 1e-9))
            return 0;
    return 1;
}

static void kernel_example(void)
{
    double complex s[4], want[] = {1, -I, -1, I};
    if (!grade_status(gen_kernel_ex(1, 4, s), "gen_kernel_ex(k 1, n 4)"))
        return;
    if (close_complex("s", s, want, 4, 1e-12))
        return;
    if (all_equal(s, 4, 1.0))
        grade_note("hint: every value is 1, so every angle is 0: k*m/n with size_t operands "
                   "is integer division (1*1/4 == 0); compute the angle in double");
}

/* k = 0 is all ones; k = N/2 alternates +1, -1; k = N + 3 is the same as k = 3. */
static void kernel_special(void)
{
    enum { N = 8 };
    double complex s[N], ones[N], alt[N], k3[N];
    for (size_t m = 0; m < N; m++) {
        ones[m] = 1;
        alt[m] = m % 2 ? -1 : 1;
        k3[m] = (double complex)twiddle(3, m, N, -1);
    }
    if (!grade_status(gen_kernel_ex(0, N, s), "gen_kernel_ex(k 0, n 8)") ||
        !grade_close_complex("s (k 0)", s, ones, N, 1e-12, 0))
        return;
    if (!grade_status(gen_kernel_ex(N / 2, N, s), "gen_kernel_ex(k 4, n 8)") ||
        !grade_close_complex("s (k 4)", s, alt, N, 1e-12, 0))
        return;
    if (!grade_status(gen_kernel_ex(N + 3, N, s), "gen_kernel_ex(k 11, n 8)"))
        return;
    grade_note("bin k = 11 of an 8-point DFT is bin 3 again");
    grade_close_complex("s (k 11)", s, k3, N, ATOL, 0);
}

static void kernel_random(void)
{
    enum { NMAX = 512 };
    static double complex s[NMAX], want[NMAX];
    struct dsp_rng rng;
    dsp_rng_seed(&rng, 22);
    for (int trial = 0; trial < 6; trial++) {
        size_t n = 2 + (size_t)(dsp_rng_uniform(&rng) * (NMAX - 2));
        size_t k = (size_t)(dsp_rng_uniform(&rng) * (double)n);
        for (size_t m = 0; m < n; m++)
            want[m] = (double complex)twiddle(k, m, n, -1);
        if (!grade_status(gen_kernel_ex(k, n, s), "gen_kernel_ex"))
            return;
        grade_note("k %zu, n %zu", k, n);
        if (!close_complex("s", s, want, n, ATOL))
            return;
    }
}

/* ---- Part 3: the DFT ---- */

static void dft_impulse(void)
{
    enum { N = 8 };
    double x[N] = {1};
    double complex X[N], want[N];
    for (size_t k = 0; k < N; k++)
        want[k] = 1;
    if (!grade_status(dft_ex(x, N, X), "dft_ex"))
        return;
    grade_note("x = {1, 0, 0, 0, 0, 0, 0, 0}: every bin is 1");
    close_dft(x, N, X, want);
}

static void dft_example(void)
{
    double x[] = {1, 2, 3, 4};
    double complex X[4], want[] = {10, -2 + 2 * I, -2, -2 - 2 * I};
    if (!grade_status(dft_ex(x, 4, X), "dft_ex"))
        return;
    if (close_dft(x, 4, X, want))
        return;
    if (all_equal(X, 4, 10.0))
        grade_note("hint: every bin is 10, the sum of x, so every angle is a multiple of 2 pi: "
                   "k*m/n with size_t operands is integer division; compute it in double");
}

/* cos(2 pi 3 m / 16) = (e^{+j..} + e^{-j..}) / 2: X[3] = X[13] = 16/2 = 8, else 0. */
static void dft_cosine(void)
{
    enum { N = 16 };
    double x[N];
    double complex X[N], want[N] = {0};
    for (size_t m = 0; m < N; m++)
        x[m] = cos(2 * PI * 3 * (double)m / N);
    want[3] = want[13] = 8;
    if (!grade_status(dft_ex(x, N, X), "dft_ex"))
        return;
    grade_note("x = cos(2 pi 3 m / 16): expected 8 at k = 3 and k = 13, 0 elsewhere");
    close_dft(x, N, X, want);
}

/* Seeded noise, an even and an odd length, against the long double DFT. */
static void dft_random(void)
{
    static const size_t lengths[] = {64, 45, 1};
    double x[64];
    double complex xc[64], X[64], want[64];
    for (size_t t = 0; t < 3; t++) {
        size_t n = lengths[t];
        random_real(200 + t, x, n);
        for (size_t i = 0; i < n; i++)
            xc[i] = x[i];
        ref_dft(xc, n, -1, want);
        if (!grade_status(dft_ex(x, n, X), "dft_ex"))
            return;
        grade_note("seeded noise, n = %zu", n);
        if (!close_dft(x, n, X, want))
            return;
    }
}

/* A 256-sample frame of a piano A4, against the solution's DFT. */
static void dft_piano(void)
{
    double frame[PIANO_N];
    double complex X[PIANO_N], want[PIANO_N];
    struct dsp_mat ref = {0};
    if (!grade_reference("piano-dft.txt", &ref) || !piano_frame(frame))
        goto done;
    if (!grade_true(ref.rows == PIANO_N && ref.cols == 2, "piano-dft.txt: expected %d x 2",
                    PIANO_N))
        goto done;
    for (size_t k = 0; k < PIANO_N; k++)
        want[k] = ref.data[2 * k] + I * ref.data[2 * k + 1];
    if (!grade_status(dft_ex(frame, PIANO_N, X), "dft_ex"))
        goto done;
    grade_note("data/%s, samples %d..%d", PIANO, PIANO_START, PIANO_START + PIANO_N - 1);
    close_dft(frame, PIANO_N, X, want);
done:
    dsp_mat_free(&ref);
}

/* ---- Part 4: the inverse DFT ---- */

static void idft_example(void)
{
    double complex X[] = {10, -2 + 2 * I, -2, -2 - 2 * I}, x[4], want[] = {1, 2, 3, 4};
    if (!grade_status(idft_ex(X, 4, x), "idft_ex"))
        return;
    idft_close("x", x, want, 4);
}

/* X = N at bin 3 only -> x[m] = exp(+j 2 pi 3 m / N): the sign of the inverse. */
static void idft_one_bin(void)
{
    enum { N = 8 };
    double complex X[N] = {0}, x[N], want[N];
    X[3] = N;
    for (size_t m = 0; m < N; m++)
        want[m] = (double complex)twiddle(3, m, N, +1);
    if (!grade_status(idft_ex(X, N, x), "idft_ex"))
        return;
    grade_note("X[3] = 8, other bins 0: expected x[m] = exp(+j 2 pi 3 m / 8)");
    idft_close("x", x, want, N);
}

static void idft_random(void)
{
    enum { N = 50 };
    double complex X[N], x[N], want[N];
    random_complex(303, X, N);
    ref_dft(X, N, +1, want);
    for (size_t m = 0; m < N; m++)
        want[m] /= N;
    if (!grade_status(idft_ex(X, N, x), "idft_ex"))
        return;
    grade_note("seeded complex noise, n = %d", N);
    idft_close("x", x, want, N);
}

/* Your idft_ex undoes your dft_ex: the noise comes back. */
static void idft_round_trip(void)
{
    enum { N = 100 };
    double x[N];
    double complex X[N], y[N], want[N];
    random_real(404, x, N);
    for (size_t i = 0; i < N; i++)
        want[i] = x[i];
    if (!grade_status(dft_ex(x, N, X), "dft_ex") || !grade_status(idft_ex(X, N, y), "idft_ex"))
        return;
    grade_note("idft_ex(dft_ex(x)) for seeded noise, n = %d", N);
    idft_close("x", y, want, N);
}

/* ---- Part 5: the magnitude spectrum in dB ---- */

static void mag_example(void)
{
    double complex X[] = {10, -2 + 2 * I, -2, -2 - 2 * I};
    double mX[3], want[] = {20, 20 * log10(2 * sqrt(2.0)), 20 * log10(2.0)};
    size_t nb = 0;
    if (!grade_status(mag_db_ex(X, 4, mX, &nb), "mag_db_ex"))
        return;
    if (grade_length("n_bins", nb, 3))
        grade_close("mX (dB)", mX, want, 3, ATOL, 0);
}

/* An odd N = 7 has bins 0..3 (N/2 + 1 = 4), random complex values. */
static void mag_odd(void)
{
    enum { N = 7 };
    double complex X[N];
    double mX[N], want[N];
    size_t nb = 0;
    random_complex(505, X, N);
    for (size_t k = 0; k < N / 2 + 1; k++)
        want[k] = 20 * log10(cabs(X[k]));
    if (!grade_status(mag_db_ex(X, N, mX, &nb), "mag_db_ex"))
        return;
    grade_note("n = 7: bins k = 0..3");
    if (grade_length("n_bins", nb, N / 2 + 1))
        grade_close("mX (dB)", mX, want, N / 2 + 1, ATOL, 0);
}

/* All zeros: every bin sits on the floor, 20 log10(DBL_MIN) = -6153.6 dB. */
static void mag_floor(void)
{
    enum { N = 8 };
    double complex X[N] = {0};
    double mX[N / 2 + 1], want[N / 2 + 1];
    size_t nb = 0;
    for (size_t k = 0; k < N / 2 + 1; k++)
        want[k] = DSP_DB_FLOOR;
    if (!grade_status(mag_db_ex(X, N, mX, &nb), "mag_db_ex"))
        return;
    grade_note("X = 0: expected the floor 20 log10(DBL_MIN) = %.4f dB, never -inf", DSP_DB_FLOOR);
    if (!grade_length("n_bins", nb, N / 2 + 1))
        return;
    /* The floor applied to the power, 10 log10(max(|X|^2, DBL_MIN)), gives
     * half the floor: grade_close would call that "10*log10 of an
     * amplitude", the opposite of what happened. */
    const double power_floor = 10 * log10(DBL_MIN);
    int on_power = 1;
    for (size_t k = 0; k < N / 2 + 1; k++)
        on_power = on_power && fabs(mX[k] - power_floor) <= 1e-6;
    if (!on_power) {
        grade_close("mX (dB)", mX, want, N / 2 + 1, 1e-6, 0);
        return;
    }
    grade_true(0, "mX (dB)[0]: got %.10g, expected %.10g", mX[0], want[0]);
    grade_note("hint: every value is 10 log10(DBL_MIN) = %.4f dB: the floor went on the power "
               "|X|^2. 10 log10 |X|^2 equals 20 log10 |X| only above the floor; apply the "
               "floor to the amplitude: 20 log10(max(|X|, DBL_MIN))",
               power_floor);
}

/* The piano frame's spectrum, from the reference X (so this part does not
 * depend on your dft_ex), against the solution's dB values. */
static void mag_piano(void)
{
    double complex X[PIANO_N];
    double mX[PIANO_N / 2 + 1];
    struct dsp_mat ref = {0}, ref_db = {0};
    size_t nb = 0;
    if (!grade_reference("piano-dft.txt", &ref) || !grade_reference("piano-mx.txt", &ref_db))
        goto done;
    if (!grade_true(ref.rows == PIANO_N && ref.cols == 2 && ref_db.rows == PIANO_N / 2 + 1,
                    "piano references: unexpected shape"))
        goto done;
    for (size_t k = 0; k < PIANO_N; k++)
        X[k] = ref.data[2 * k] + I * ref.data[2 * k + 1];
    if (!grade_status(mag_db_ex(X, PIANO_N, mX, &nb), "mag_db_ex"))
        goto done;
    grade_note("the 256-point DFT of a piano A4 frame (bins 0..128)");
    if (grade_length("n_bins", nb, PIANO_N / 2 + 1))
        grade_close("mX (dB)", mX, ref_db.data, PIANO_N / 2 + 1, ATOL, 0);
done:
    dsp_mat_free(&ref);
    dsp_mat_free(&ref_db);
}

/* Hidden tests (lessons/README.md, "Hidden tests"): private inputs from
 * data/reference-hidden/02-sinusoids-dft/, expected values from the
 * judge's own long-double DFT, so no expected output is stored anywhere. */
static void dft_hidden(void)
{
    struct dsp_mat m = {0};
    double complex xc[64], X[64], want[64];
    if (!grade_hidden_data("signal.txt", &m))
        return;
    if (grade_true(m.cols == 1 && m.rows >= 1 && m.rows <= 64, "signal.txt: expected 1..64 x 1")) {
        size_t n = m.rows;
        for (size_t i = 0; i < n; i++)
            xc[i] = m.data[i];
        ref_dft(xc, n, -1, want);
        if (grade_status(dft_ex(m.data, n, X), "dft_ex")) {
            grade_note("a hidden signal, n = %zu", n);
            close_dft(m.data, n, X, want);
        }
    }
    dsp_mat_free(&m);
}

static void idft_hidden(void)
{
    struct dsp_mat m = {0};
    double complex X[64], x[64], want[64];
    if (!grade_hidden_data("spectrum.txt", &m))
        return;
    if (grade_true(m.cols == 2 && m.rows >= 1 && m.rows <= 64, "spectrum.txt: expected 1..64 x 2")) {
        size_t n = m.rows;
        for (size_t k = 0; k < n; k++)
            X[k] = m.data[2 * k] + I * m.data[2 * k + 1];
        ref_dft(X, n, +1, want);
        for (size_t i = 0; i < n; i++)
            want[i] /= (double)n;
        if (grade_status(idft_ex(X, n, x), "idft_ex")) {
            grade_note("a hidden spectrum, n = %zu", n);
            idft_close("x", x, want, n);
        }
    }
    dsp_mat_free(&m);
}

static void dft_bad(void)
{
    double x[1] = {0};
    double complex X[1];
    grade_einval(dft_ex(x, 0, X), "dft_ex", "n 0");
}

static const struct grade_test tests[] = {
    {"sine: example", 2, sine_example, NULL, 0},
    {"sine: phase -pi/2", 1, sine_phase, "sine: example", 0},
    {"sine: random", 1, sine_random, "sine: example", 0},
    {"sine: bad fs", 1, sine_bad, "sine: example", 0},
    {"kernel: example", 2, kernel_example, NULL, 0},
    {"kernel: k = 0, N/2, N + 3", 1, kernel_special, "kernel: example", 0},
    {"kernel: random", 1, kernel_random, "kernel: example", 0},
    {"dft: impulse", 1, dft_impulse, NULL, 0},
    {"dft: example {1,2,3,4}", 2, dft_example, NULL, 0},
    {"dft: cosine in bin 3", 1, dft_cosine, NULL, 0},
    {"dft: random", 2, dft_random, NULL, 0},
    {"dft: piano frame", 1, dft_piano, NULL, 0},
    {"dft: n = 0", 1, dft_bad, "dft: impulse", 0},
    {"idft: example", 2, idft_example, NULL, 0},
    {"idft: one bin", 1, idft_one_bin, NULL, 0},
    {"idft: random", 1, idft_random, NULL, 0},
    {"idft: round trip", 1, idft_round_trip, "dft: random", 0},
    {"mag_db: example", 2, mag_example, NULL, 0},
    {"mag_db: odd n", 1, mag_odd, NULL, 0},
    {"mag_db: zeros use the floor", 1, mag_floor, NULL, 0},
    {"mag_db: piano frame", 1, mag_piano, NULL, 0},
};

GRADE_SUITE("02-sinusoids-dft", tests);

/* Private inputs: data/reference-hidden/ (instructor's copy only). */
static const struct grade_test hidden_tests[] = {
    {"dft: hidden signal", 2, dft_hidden, NULL, 0},
    {"idft: hidden spectrum", 2, idft_hidden, NULL, 0},
};
GRADE_HIDDEN_TESTS(hidden_tests);
