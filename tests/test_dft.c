/*
 * test_dft.c — the naive DFT against closed forms and the Fourier theorems.
 *
 * Tolerances: a DFT output is a sum of N products of size |x| <= 1, so its
 * rounding error is a few N*eps*max|x| at worst (~1e-14 for N = 64); we allow
 * 1e-12 absolute for N <= 128 and scale with N above that. Errors in the
 * transform itself (sign, scaling, a wrong bin) are O(1).
 */
#include "testutil.h"

#include <dsplab/dft.h>
#include <dsplab/status.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double PI = 3.14159265358979323846;

/* Deterministic uniform numbers in [-1, 1) (xorshift64*), seeded per test. */
static uint64_t rng_state;
static void rng_seed(uint64_t s)
{
    rng_state = s ? s : 1;
}
static double rng_uniform(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    uint64_t r = rng_state * 2685821657736338717ULL;
    return (double)(r >> 11) * (2.0 / 9007199254740992.0) - 1.0;
}
static void random_complex(double complex *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        x[i] = CMPLX(rng_uniform(), rng_uniform());
}

/* e^{-j 2 pi k m / n} with the exponent reduced in integers to [-pi, pi]. */
static double complex expected_twiddle(size_t k, size_t m, size_t n)
{
    size_t r = (k * m) % n;
    double a = 2 * r > n ? 2.0 * PI * (double)(n - r) / (double)n
                         : -2.0 * PI * (double)r / (double)n;
    return CMPLX(cos(a), sin(a));
}

static double tol_for(size_t n)
{
    return n <= 128 ? 1e-12 : 1e-14 * (double)n;
}

/* x = delta[m]: every bin is exactly 1 (only the m = 0 term is non-zero, and
 * it is multiplied by cos 0 = 1), so the tolerance is 0. */
static void test_impulse_is_flat(void)
{
    double complex x[64], X[64], ones[64];
    double xr[64];
    for (size_t n = 1; n <= 64; n++) {
        for (size_t i = 0; i < n; i++) {
            x[i] = i == 0;
            xr[i] = i == 0;
            ones[i] = 1.0;
        }
        CU_ASSERT_EQUAL_FATAL(dsp_dft(x, n, X), DSP_OK);
        CU_ASSERT(test_close_complex("dft(delta)", X, ones, n, 0.0, 0.0));
        CU_ASSERT_EQUAL_FATAL(dsp_dft_real(xr, n, X), DSP_OK);
        CU_ASSERT(test_close_complex("dft_real(delta)", X, ones, n, 0.0, 0.0));
    }
}

/* x = delta[m - m0]  ->  X[k] = e^{-j 2 pi k m0 / N}. With m0 = 1 this reads
 * back every entry of the cos/sin table, for every N from 1 to 64. */
static void test_shifted_impulse(void)
{
    double complex x[64], X[64], want[64];
    for (size_t n = 1; n <= 64; n++) {
        const size_t shifts[] = {0, 1, n / 2, n - 1, (5 * n) / 7};
        for (size_t s = 0; s < 5; s++) {
            size_t m0 = shifts[s];
            if (m0 >= n)
                continue;
            for (size_t i = 0; i < n; i++)
                x[i] = i == m0;
            for (size_t k = 0; k < n; k++)
                want[k] = expected_twiddle(k, m0, n);
            CU_ASSERT_EQUAL_FATAL(dsp_dft(x, n, X), DSP_OK);
            /* each side is a cos/sin of an angle up to 2 pi rounded to double */
            CU_ASSERT(test_close_complex("dft(shifted delta)", X, want, n, 4e-15, 0.0));
        }
    }
}

/* At quarter turns the roots of unity are exact (dft.c reduces every angle
 * to [0, pi/4] before cos/sin): with x = delta[m - 1], X[N/4] is exactly -j,
 * X[N/2] exactly -1 and X[3N/4] exactly +j, with zero rounding. */
static void test_quarter_turns_exact(void)
{
    double complex x[96], X[96];
    for (size_t n = 8; n <= 96; n += 8) {
        for (size_t i = 0; i < n; i++)
            x[i] = i == 1;
        CU_ASSERT_EQUAL_FATAL(dsp_dft(x, n, X), DSP_OK);
        CU_ASSERT(creal(X[n / 4]) == 0.0 && cimag(X[n / 4]) == -1.0);
        CU_ASSERT(creal(X[n / 2]) == -1.0 && cimag(X[n / 2]) == 0.0);
        CU_ASSERT(creal(X[3 * n / 4]) == 0.0 && cimag(X[3 * n / 4]) == 1.0);
    }
}

/* A cos(2 pi k0 m / N) puts N*A/2 in bins k0 and N-k0 and nothing elsewhere;
 * A sin(...) puts -j N A/2 at k0 and +j N A/2 at N-k0. */
static void test_bin_centred_sinusoid(void)
{
    enum { N = 64 };
    const double amp = 0.8;
    const size_t k0s[] = {1, 5, 17, 31};
    double x[N];
    double complex X[N], want[N];
    for (size_t s = 0; s < 4; s++) {
        size_t k0 = k0s[s];
        for (size_t m = 0; m < N; m++)
            x[m] = amp * cos(2.0 * PI * (double)((k0 * m) % N) / N);
        memset(want, 0, sizeof want);
        want[k0] = want[N - k0] = N * amp / 2;
        CU_ASSERT_EQUAL_FATAL(dsp_dft_real(x, N, X), DSP_OK);
        CU_ASSERT(test_close_complex("dft(cos)", X, want, N, 1e-12, 0.0));
        CU_ASSERT_DOUBLE_EQUAL(cabs(X[k0]), N * amp / 2, 1e-12);

        for (size_t m = 0; m < N; m++)
            x[m] = amp * sin(2.0 * PI * (double)((k0 * m) % N) / N);
        memset(want, 0, sizeof want);
        want[k0] = CMPLX(0.0, -N * amp / 2);
        want[N - k0] = CMPLX(0.0, N * amp / 2);
        CU_ASSERT_EQUAL_FATAL(dsp_dft_real(x, N, X), DSP_OK);
        CU_ASSERT(test_close_complex("dft(sin)", X, want, N, 1e-12, 0.0));
    }
}

/* The worked example of lesson 02. */
static void test_worked_example(void)
{
    const double x[4] = {1, 2, 3, 4};
    const double complex xc[4] = {1, 2, 3, 4};
    const double complex want[4] = {10, CMPLX(-2, 2), -2, CMPLX(-2, -2)};
    double complex X[4], back[4];
    CU_ASSERT_EQUAL(dsp_dft_real(x, 4, X), DSP_OK);
    CU_ASSERT(test_close_complex("dft_real({1,2,3,4})", X, want, 4, 1e-12, 0.0));
    CU_ASSERT_EQUAL(dsp_dft(xc, 4, X), DSP_OK);
    CU_ASSERT(test_close_complex("dft({1,2,3,4})", X, want, 4, 1e-12, 0.0));
    CU_ASSERT_EQUAL(dsp_idft(want, 4, back), DSP_OK);
    CU_ASSERT(test_close_complex("idft", back, xc, 4, 1e-12, 0.0));
}

/* sum |x|^2 = (1/N) sum |X|^2; both sides ~N/1.5, relative 1e-12. */
static void test_parseval(void)
{
    static double complex x[257], X[257];
    const size_t sizes[] = {1, 2, 3, 10, 64, 97, 257};
    rng_seed(42);
    for (size_t s = 0; s < 7; s++) {
        size_t n = sizes[s];
        random_complex(x, n);
        CU_ASSERT_EQUAL_FATAL(dsp_dft(x, n, X), DSP_OK);
        double ex = 0.0, eX = 0.0;
        for (size_t i = 0; i < n; i++) {
            ex += creal(x[i] * conj(x[i]));
            eX += creal(X[i] * conj(X[i]));
        }
        CU_ASSERT_DOUBLE_EQUAL(eX / (double)n, ex, 1e-12 * ex);
    }
}

/* dft(a x + b y) = a dft(x) + b dft(y) for complex a, b. */
static void test_linearity(void)
{
    enum { N = 61 };
    double complex x[N], y[N], z[N], X[N], Y[N], Z[N], want[N];
    const double complex a = CMPLX(0.7, -1.3), b = CMPLX(-2.1, 0.4);
    rng_seed(7);
    random_complex(x, N);
    random_complex(y, N);
    for (size_t i = 0; i < N; i++)
        z[i] = a * x[i] + b * y[i];
    CU_ASSERT_EQUAL_FATAL(dsp_dft(x, N, X), DSP_OK);
    CU_ASSERT_EQUAL_FATAL(dsp_dft(y, N, Y), DSP_OK);
    CU_ASSERT_EQUAL_FATAL(dsp_dft(z, N, Z), DSP_OK);
    for (size_t k = 0; k < N; k++)
        want[k] = a * X[k] + b * Y[k];
    /* |a|, |b| ~ 2: inputs up to ~4, hence 4x the base tolerance */
    CU_ASSERT(test_close_complex("dft(ax+by)", Z, want, N, 4 * tol_for(N), 0.0));
}

/* Circular shift by m0 multiplies bin k by e^{-j 2 pi k m0 / N}. */
static void test_shift_theorem(void)
{
    enum { N = 48 };
    double complex x[N], y[N], X[N], Y[N], want[N];
    rng_seed(99);
    random_complex(x, N);
    CU_ASSERT_EQUAL_FATAL(dsp_dft(x, N, X), DSP_OK);
    const size_t shifts[] = {1, 5, 24, 47};
    for (size_t s = 0; s < 4; s++) {
        size_t m0 = shifts[s];
        for (size_t m = 0; m < N; m++)
            y[(m + m0) % N] = x[m];
        CU_ASSERT_EQUAL_FATAL(dsp_dft(y, N, Y), DSP_OK);
        for (size_t k = 0; k < N; k++)
            want[k] = X[k] * expected_twiddle(k, m0, N);
        CU_ASSERT(test_close_complex("dft(shifted x)", Y, want, N, 1e-12, 0.0));
    }
}

/* Real and even (x[m] == x[N-m]) gives a real spectrum, for odd and even N. */
static void test_real_even_gives_real(void)
{
    double x[65];
    double complex xc[65], X[65];
    rng_seed(5);
    for (size_t n = 1; n <= 65; n++) {
        for (size_t m = 0; m <= n / 2; m++)
            x[m] = x[(n - m) % n] = rng_uniform();
        for (size_t m = 0; m < n; m++)
            xc[m] = x[m];
        double worst = 0.0, worst_c = 0.0;
        CU_ASSERT_EQUAL_FATAL(dsp_dft_real(x, n, X), DSP_OK);
        for (size_t k = 0; k < n; k++)
            worst = fmax(worst, fabs(cimag(X[k])));
        CU_ASSERT_EQUAL_FATAL(dsp_dft(xc, n, X), DSP_OK);
        for (size_t k = 0; k < n; k++)
            worst_c = fmax(worst_c, fabs(cimag(X[k])));
        CU_ASSERT(worst <= 1e-12);
        CU_ASSERT(worst_c <= 1e-12);
    }
}

/* idft(dft(x)) == x, every N from 1 to 70 and a few larger ones. */
static void test_round_trip(void)
{
    static double complex x[1021], X[1021], back[1021];
    rng_seed(2024);
    for (size_t n = 1; n <= 1021; n = n < 70 ? n + 1 : n * 2 + 1) {
        random_complex(x, n);
        CU_ASSERT_EQUAL_FATAL(dsp_dft(x, n, X), DSP_OK);
        CU_ASSERT_EQUAL_FATAL(dsp_idft(X, n, back), DSP_OK);
        CU_ASSERT(test_close_complex("idft(dft(x))", back, x, n, tol_for(n), 0.0));
    }
}

/* dsp_dft_real equals dsp_dft of the same samples as complex numbers, and its
 * upper half is exactly the conjugate of the lower half. */
static void test_real_matches_complex(void)
{
    static double x[130];
    static double complex xc[130], X[130], Xc[130];
    rng_seed(11);
    for (size_t n = 1; n <= 130; n += 3) {
        for (size_t i = 0; i < n; i++)
            xc[i] = x[i] = rng_uniform();
        CU_ASSERT_EQUAL_FATAL(dsp_dft_real(x, n, X), DSP_OK);
        CU_ASSERT_EQUAL_FATAL(dsp_dft(xc, n, Xc), DSP_OK);
        CU_ASSERT(test_close_complex("dft_real vs dft", X, Xc, n, tol_for(n), 0.0));
        size_t bad = 0;
        for (size_t k = 1; k < n; k++)
            bad += X[n - k] != conj(X[k]);
        CU_ASSERT_EQUAL(bad, 0);
        CU_ASSERT_EQUAL(cimag(X[0]), 0.0);
    }
}

/* Large N: the integer angle reduction keeps a high-frequency cosine exact.
 * N = 4093 (prime), k0 = 2000: X[k0] = N/2, other bins ~0; the error is
 * bounded by the sum's own rounding, ~sqrt(N) eps N, far below 1e-9. */
static void test_large_prime_size(void)
{
    enum { N = 4093, K0 = 2000 };
    static double x[N];
    static double complex X[N];
    for (size_t m = 0; m < N; m++)
        x[m] = cos(2.0 * PI * (double)((K0 * m) % N) / N);
    CU_ASSERT_EQUAL_FATAL(dsp_dft_real(x, N, X), DSP_OK);
    double worst = 0.0;
    for (size_t k = 0; k < N; k++) {
        double want = (k == K0 || k == N - K0) ? N / 2.0 : 0.0;
        worst = fmax(worst, cabs(X[k] - want));
    }
    printf("\n    N = %d: largest |X - closed form| %.3g\n", N, worst);
    CU_ASSERT(worst <= 1e-9);
}

static void test_bad_arguments(void)
{
    double complex x[4] = {0}, X[4];
    double xr[4] = {0};
    CU_ASSERT_EQUAL(dsp_dft(x, 0, X), DSP_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "length (0)"));
    CU_ASSERT_EQUAL(dsp_dft_real(xr, 0, X), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_idft(x, 0, X), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_dft(NULL, 4, X), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_dft(x, 4, NULL), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_dft_real(NULL, 4, X), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_idft(x, 4, NULL), DSP_EINVAL);
}

int main(void)
{
    static const struct test_case cases[] = {
        {"impulse -> flat spectrum (exact)", test_impulse_is_flat},
        {"shifted impulse -> exp(-j2pi k m0/N)", test_shifted_impulse},
        {"quarter turns of the unit circle are exact", test_quarter_turns_exact},
        {"bin-centred cos/sin -> two bins of N*A/2", test_bin_centred_sinusoid},
        {"worked example {1,2,3,4}", test_worked_example},
        {"Parseval", test_parseval},
        {"linearity", test_linearity},
        {"shift theorem", test_shift_theorem},
        {"real even x -> real X", test_real_even_gives_real},
        {"idft(dft(x)) == x", test_round_trip},
        {"dft_real == dft of real input; Hermitian upper half", test_real_matches_complex},
        {"N = 4093: high bin stays exact", test_large_prime_size},
        {"bad arguments fail", test_bad_arguments},
    };
    return test_run("dft", cases, TEST_COUNT(cases));
}
