/*
 * Lesson 03 — Fourier properties: the graded tests.
 *
 * Expected values come from closed forms computed here, from an independent
 * brute-force search (zeropad), from the library's tested functions (dft.h,
 * fft.h, dftmodel.h) where the exercise is a recipe around them, and from
 * data/reference/03-fourier-properties/ (written by refgen.c) for the
 * recorded sound.
 */
#include <complex.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dsplab/audio.h>
#include <dsplab/datafile.h>
#include <dsplab/dft.h>
#include <dsplab/dftmodel.h>
#include <dsplab/fft.h>
#include <dsplab/gen.h>
#include <dsplab/signal.h>
#include <dsplab/status.h>
#include <dsplab/window.h>

#include "exercise.h"
#include "grade.h"

static const double PI = 3.14159265358979323846;

/* Parameters of the recorded-sound case, shared with refgen.c. */
#define PIANO_FILE "sounds/piano-a4.wav"
#define PIANO_START 22050 /* 0.5 s into the note */
#define PIANO_M 2001
#define PIANO_N 4096
#define PIANO_F_LOW 0.0
#define PIANO_F_HIGH 600.0 /* removes the 440 Hz fundamental */

/* ---- Part 1: zeropad ------------------------------------------------------------ */

/* The definition itself, searched one n at a time: independent of the
 * gcd shortcut a solution would use. 0 when no n <= n_max works. */
static size_t zeropad_search(long f, long fs, size_t m, size_t n_max, size_t *k)
{
    for (size_t n = m; n <= n_max; n++)
        if (((unsigned long long)f * n) % (unsigned long long)fs == 0) {
            *k = (size_t)(((unsigned long long)f * n) / (unsigned long long)fs);
            return n;
        }
    return 0;
}

static int zeropad_case(long f, long fs, size_t m, size_t n_max)
{
    size_t want_k = 0, want_n = zeropad_search(f, fs, m, n_max, &want_k);
    size_t n = 0, k = 0;
    int s = zeropad_ex(f, fs, m, n_max, &n, &k);
    char args[96];
    snprintf(args, sizeof args, "%ld, %ld, %zu, %zu", f, fs, m, n_max);
    if (want_n == 0)
        return grade_einval(s, "zeropad_ex", args);
    if (!grade_status(s, "zeropad_ex"))
        return 0;
    return grade_true(n == want_n && k == want_k,
                      "zeropad_ex(%s): got n = %zu, k = %zu; expected n = %zu, k = %zu "
                      "(%ld Hz * %zu / %ld Hz = %zu)",
                      args, n, k, want_n, want_k, f, want_n, fs, want_k);
}

static void zeropad_example(void)
{
    /* period 10 samples: 25 samples need 30 (three periods), bin 3 */
    zeropad_case(100, 1000, 25, 1 << 16);
}

static void zeropad_a4(void)
{
    /* gcd(440, 44100) = 20: n must be a multiple of 44100/20 = 2205 */
    zeropad_case(440, 44100, 1000, 1 << 16);
}

static void zeropad_edges(void)
{
    if (!zeropad_case(100, 1000, 30, 1 << 16))   /* m already fits: n = m */
        return;
    if (!zeropad_case(0, 44100, 777, 1 << 16))   /* 0 Hz is bin 0 for any n */
        return;
    if (!zeropad_case(500, 1000, 7, 1 << 16))    /* Nyquist: any even n */
        return;
    if (!zeropad_case(441, 44100, 1, 1 << 16))   /* m = 1 */
        return;
    zeropad_case(440, 44100, 1000, 2205);        /* the answer equals n_max */
}

static void zeropad_none(void)
{
    /* 443 is prime: n must be a multiple of 44100 */
    if (!zeropad_case(443, 44100, 1000, 8192))
        return;
    if (!zeropad_case(440, 44100, 1000, 2204))
        return;
    size_t n = 0, k = 0;
    if (!grade_einval(zeropad_ex(440, 0, 1000, 1 << 16, &n, &k), "zeropad_ex",
                      "440, 0, 1000, 65536"))
        return;
    if (!grade_einval(zeropad_ex(600, 1000, 10, 1 << 16, &n, &k), "zeropad_ex",
                      "600 Hz above fs/2 = 500, 1000, 10, 65536"))
        return;
    if (!grade_einval(zeropad_ex(-100, 1000, 10, 1 << 16, &n, &k), "zeropad_ex",
                      "-100, 1000, 10, 65536"))
        return;
    grade_einval(zeropad_ex(100, 1000, 0, 1 << 16, &n, &k), "zeropad_ex", "100, 1000, 0, 65536");
}

static void zeropad_random(void)
{
    static const long rates[] = {8000, 16000, 22050, 44100, 48000};
    struct dsp_rng rng;
    dsp_rng_seed(&rng, 301);
    for (int t = 0; t < 40; t++) {
        long fs = rates[dsp_rng_next(&rng) % 5];
        long f = (long)(dsp_rng_next(&rng) % (unsigned long long)(fs / 2 + 1));
        size_t m = 1 + (size_t)(dsp_rng_next(&rng) % 5000);
        if (!zeropad_case(f, fs, m, 1 << 16))
            return;
    }
}

/* ---- Part 2: zerophase ---------------------------------------------------------- */

/* buf is pre-filled with a marker, so zeros that were never written show. */
static int zerophase_case(const double *x, size_t m, size_t n, const double *want)
{
    double *buf = malloc(n * sizeof *buf);
    int ok = 0;
    if (!grade_true(buf != NULL, "out of memory"))
        return 0;
    for (size_t i = 0; i < n; i++)
        buf[i] = 999.0;
    if (grade_status(zerophase_ex(x, m, buf, n), "zerophase_ex")) {
        /* a copy of samples: exact */
        char what[64];
        snprintf(what, sizeof what, "buf (M = %zu, N = %zu)", m, n);
        ok = grade_close(what, buf, want, n, 0.0, 0.0);
    }
    free(buf);
    return ok;
}

static void zerophase_odd(void)
{
    const double x[5] = {1, 2, 3, 4, 5};
    const double want[8] = {3, 4, 5, 0, 0, 0, 1, 2};
    zerophase_case(x, 5, 8, want);
}

static void zerophase_even(void)
{
    const double x[4] = {1, 2, 3, 4};
    const double want[6] = {3, 4, 0, 0, 1, 2};
    zerophase_case(x, 4, 6, want);
}

static void zerophase_edges(void)
{
    const double x5[5] = {1, 2, 3, 4, 5};
    const double w5[5] = {3, 4, 5, 1, 2};   /* n = m: a pure rotation */
    if (!zerophase_case(x5, 5, 5, w5))
        return;
    const double x1[1] = {7};
    const double w1[4] = {7, 0, 0, 0};       /* m = 1: x[0] is the middle */
    if (!zerophase_case(x1, 1, 4, w1))
        return;
    const double x2[2] = {1, 2};
    const double w2[3] = {2, 0, 1};          /* m = 2: middle is x[1] */
    if (!zerophase_case(x2, 2, 3, w2))
        return;
    double buf[4];
    if (!grade_einval(zerophase_ex(x5, 5, buf, 4), "zerophase_ex", "x, 5, buf, 4 (n < m)"))
        return;
    grade_einval(zerophase_ex(x5, 0, buf, 4), "zerophase_ex", "x, 0, buf, 4");
}

static void zerophase_random(void)
{
    struct dsp_rng rng;
    dsp_rng_seed(&rng, 302);
    for (int t = 0; t < 20; t++) {
        size_t m = 1 + (size_t)(dsp_rng_next(&rng) % 300);
        size_t n = m + (size_t)(dsp_rng_next(&rng) % 300);
        double *x = malloc(m * sizeof *x), *want = calloc(n, sizeof *want);
        if (!grade_true(x && want, "out of memory")) {
            free(x);
            free(want);
            return;
        }
        /* sample i sits at time i - floor(m/2), i.e. index (i - m/2) mod n */
        for (size_t i = 0; i < m; i++) {
            x[i] = 2.0 * dsp_rng_uniform(&rng) - 1.0;
            want[(i + n - m / 2) % n] = x[i];
        }
        int ok = zerophase_case(x, m, n, want);
        free(x);
        free(want);
        if (!ok)
            return;
    }
}

/* ---- Part 3: realeven ----------------------------------------------------------- */

/* Runs realeven_ex on x and checks the flag, the spectrum (against the
 * library's naive DFT of the zero-phase buffer, built here) and max_imag. */
static int realeven_case(const char *name, const double *x, size_t m, double tol, int want_even)
{
    size_t nb = m / 2 + 1, h = m / 2;
    double *buf = malloc(m * sizeof *buf);
    double complex *full = malloc(m * sizeof *full), *X = malloc(nb * sizeof *X);
    int ok = 0;
    if (!grade_true(buf && full && X, "out of memory"))
        goto done;
    for (size_t i = 0; i < m; i++)
        buf[(i + m - h) % m] = x[i];
    dsp_dft_real(buf, m, full);
    double want_imag = 0.0, scale = 0.0;
    for (size_t k = 0; k < nb; k++)
        if (fabs(cimag(full[k])) > want_imag)
            want_imag = fabs(cimag(full[k]));
    for (size_t i = 0; i < m; i++)
        scale += fabs(x[i]);
    int even = -1;
    double max_imag = -1.0;
    if (!grade_status(realeven_ex(x, m, tol, &even, &max_imag, X), "realeven_ex"))
        goto done;
    if (!grade_true(even == want_even, "%s: is_even = %d, expected %d (tol %g)", name, even,
                    want_even, tol))
        goto done;
    /* A DFT sum of m terms carries rounding of about 1e-16 * sum|x| per
     * bin; 1e-12 * sum|x| leaves a wide margin for any order of summing. */
    if (!grade_close_complex("X", X, full, nb, 1e-12 * scale, 1e-12))
        goto done;
    /* For an even signal the exact answer is 0 and what is measured is
     * rounding noise: accept anything at that level. */
    ok = grade_close_scalar("max_imag", max_imag, want_imag, 1e-12 * scale, 1e-9);
done:
    free(buf);
    free(full);
    free(X);
    return ok;
}

static void realeven_example(void)
{
    /* buffer {4, 3, 2, 2, 3}: X[k] = 4 + 6 cos(2 pi k/5) + 4 cos(4 pi k/5) =
     * {14, 2.618034 (phi^2), 0.381966 (1/phi^2)}, all real */
    const double x[5] = {2, 3, 4, 3, 2};
    const double complex want[3] = {14.0, 4.0 + 6.0 * cos(2 * PI / 5) + 4.0 * cos(4 * PI / 5),
                                    4.0 + 6.0 * cos(4 * PI / 5) + 4.0 * cos(8 * PI / 5)};
    double complex X[3];
    int even = -1;
    double mi = -1;
    if (!grade_status(realeven_ex(x, 5, 1e-12, &even, &mi, X), "realeven_ex"))
        return;
    if (!grade_true(even == 1, "is_even = %d for {2, 3, 4, 3, 2}, expected 1", even))
        return;
    /* sums of 5 terms of size <= 6: rounding below 1e-14 */
    if (!grade_close_complex("X", X, want, 3, 1e-12, 1e-12))
        return;
    grade_close_scalar("max_imag", mi, 0.0, 1e-12, 0.0);
}

static void realeven_not_even(void)
{
    /* symmetric, but of even length: the middle falls between samples, so
     * the buffer {2, 1, 1, 2} is not even and X = {6, 1+1j, 0} */
    const double x[4] = {1, 2, 2, 1};
    const double complex want[3] = {6.0, 1.0 + 1.0 * I, 0.0};
    double complex X[3];
    int even = -1;
    double mi = -1;
    if (!grade_status(realeven_ex(x, 4, 1e-12, &even, &mi, X), "realeven_ex"))
        return;
    if (!grade_true(even == 0, "is_even = %d for {1, 2, 2, 1}, expected 0", even))
        return;
    if (!grade_close_complex("X", X, want, 3, 1e-12, 1e-12))
        return;
    grade_close_scalar("max_imag", mi, 1.0, 1e-12, 1e-12);
}

static void realeven_windows(void)
{
    double w[64];
    /* periodic Hann: w[32+i] == w[32-i] in exact arithmetic; the two cosines
     * are computed apart, so allow 1e-12 */
    dsp_window_fill(DSP_WIN_HANN, 0, DSP_WINDOW_PERIODIC, w, 64);
    if (!realeven_case("periodic Hann, M = 64", w, 64, 1e-12, 1))
        return;
    /* symmetric Hann of even length: even about 31.5, not about 32 */
    dsp_window_fill(DSP_WIN_HANN, 0, DSP_WINDOW_SYMMETRIC, w, 64);
    if (!realeven_case("symmetric Hann, M = 64", w, 64, 1e-12, 0))
        return;
    dsp_window_fill(DSP_WIN_HAMMING, 0, DSP_WINDOW_SYMMETRIC, w, 63);
    realeven_case("symmetric Hamming, M = 63", w, 63, 1e-12, 1);
}

static void realeven_random(void)
{
    struct dsp_rng rng;
    dsp_rng_seed(&rng, 303);
    double x[301];
    for (int t = 0; t < 10; t++) {
        size_t m = 2 * (1 + (size_t)(dsp_rng_next(&rng) % 150)) + 1;   /* odd, 3..301 */
        for (size_t i = 0; i <= m / 2; i++)
            x[i] = x[m - 1 - i] = 2.0 * dsp_rng_uniform(&rng) - 1.0;
        if (!realeven_case("random symmetric", x, m, 0.0, 1))
            return;
        /* one sample off by 1e-6: odd for tol 1e-9, still even for tol 1e-3 */
        size_t j = (size_t)(dsp_rng_next(&rng) % m);
        if (j == m / 2)
            j = 0;
        x[j] += 1e-6;
        if (!realeven_case("one sample moved by 1e-6", x, m, 1e-9, 0))
            return;
        if (!realeven_case("one sample moved by 1e-6", x, m, 1e-3, 1))
            return;
    }
}

/* ---- Part 4: suppress ----------------------------------------------------------- */

/* The exercise's recipe through the library's DFT model: the expected y. */
static int suppress_expected(const double *x, size_t m, const double *w, size_t n, double fs,
                             double f_low, double f_high, double *y)
{
    size_t nb = n / 2 + 1;
    double *mX = malloc(nb * sizeof *mX), *pX = malloc(nb * sizeof *pX);
    struct dsp_dftmodel *dm = dsp_dftmodel_new(w, m, n);
    int ok = grade_true(mX && pX && dm, "cannot set up the DFT model: %s", dsp_last_error());
    if (ok) {
        dsp_dftmodel_analyze(dm, x, mX, pX);
        for (size_t k = 0; k < nb; k++) {
            double f = (double)k * fs / (double)n;
            if (f >= f_low && f <= f_high)
                mX[k] = -120.0;
        }
        dsp_dftmodel_synthesize(dm, mX, pX, y);
        double sw = dsp_window_sum(w, m);
        for (size_t i = 0; i < m; i++)
            y[i] *= sw;
    }
    dsp_dftmodel_free(dm);
    free(mX);
    free(pX);
    return ok;
}

/* x = cos(2 pi 62.5 t) + 0.5 cos(2 pi 1000 t) at 8 kHz, Hamming M = 801,
 * N = 1024: bins are 7.8125 Hz wide, the sinusoids sit on bins 8 and 128. */
#define TWO_M 801
#define TWO_N 1024
#define TWO_FS 8000.0

static void two_sines(double *x, double *w)
{
    double b[TWO_M];
    dsp_gen_sine(1.0, 62.5, 0.0, TWO_FS, x, TWO_M);
    dsp_gen_sine(0.5, 1000.0, 0.0, TWO_FS, b, TWO_M);
    for (size_t i = 0; i < TWO_M; i++)
        x[i] += b[i];
    dsp_window_fill(DSP_WIN_HAMMING, 0, DSP_WINDOW_PERIODIC, w, TWO_M);
}

/* y is x*w of size about 1; the model's round trip is exact to about 1e-13
 * and a -120 dB bin leaves 1e-6 of its amplitude, which both sides keep. */
#define SUPPRESS_TOL 1e-9

static int suppress_case(const double *x, size_t m, const double *w, size_t n, double fs,
                         double f_low, double f_high)
{
    double *y = malloc(m * sizeof *y), *want = malloc(m * sizeof *want);
    int ok = 0;
    if (!grade_true(y && want, "out of memory"))
        goto done;
    if (!grade_status(suppress_ex(x, m, w, n, fs, f_low, f_high, y), "suppress_ex"))
        goto done;
    if (!suppress_expected(x, m, w, n, fs, f_low, f_high, want))
        goto done;
    char what[96];
    snprintf(what, sizeof what, "y (band %g .. %g Hz, fs %g, N %zu)", f_low, f_high, fs, n);
    ok = grade_close(what, y, want, m, SUPPRESS_TOL, SUPPRESS_TOL);
    if (!ok)
        grade_note("every bin k with f_low <= k*fs/N <= f_high (both ends included) gets "
                   "mX = -120 dB, the others keep theirs; then y = synthesis * sum(w)");
done:
    free(y);
    free(want);
    return ok;
}

static void suppress_nothing(void)
{
    /* a band above fs/2 holds no bin: y is x*w itself (closed form) */
    double x[TWO_M], w[TWO_M], y[TWO_M], xw[TWO_M];
    two_sines(x, w);
    for (size_t i = 0; i < TWO_M; i++)
        xw[i] = x[i] * w[i];
    if (!grade_status(suppress_ex(x, TWO_M, w, TWO_N, TWO_FS, 5000.0, 6000.0, y), "suppress_ex"))
        return;
    grade_close("y (empty band: y = x*w)", y, xw, TWO_M, SUPPRESS_TOL, SUPPRESS_TOL);
}

static void suppress_low(void)
{
    double x[TWO_M], w[TWO_M], y[TWO_M], high[TWO_M];
    two_sines(x, w);
    if (!suppress_case(x, TWO_M, w, TWO_N, TWO_FS, 0.0, 200.0))
        return;
    /* and the point of it: what is left is the 1000 Hz sinusoid, windowed,
     * up to the Hamming side lobes of 62.5 Hz beyond 200 Hz, which the
     * band leaves in place (the reference solution reaches 37.8 dB) */
    suppress_ex(x, TWO_M, w, TWO_N, TWO_FS, 0.0, 200.0, y);
    dsp_gen_sine(0.5, 1000.0, 0.0, TWO_FS, high, TWO_M);
    for (size_t i = 0; i < TWO_M; i++)
        high[i] *= w[i];
    double snr = dsp_snr_db(high, y, TWO_M);
    grade_true(snr > 30.0, "y against 0.5 cos(2 pi 1000 t) * w: SNR %.1f dB, expected > 30 dB",
               snr);
}

static void suppress_edge(void)
{
    double x[TWO_M], w[TWO_M];
    two_sines(x, w);
    /* f_low = f_high = 62.5 Hz = bin 8 exactly: the band includes its ends */
    if (!suppress_case(x, TWO_M, w, TWO_N, TWO_FS, 62.5, 62.5))
        return;
    /* the whole spectrum, 0 .. fs/2 */
    suppress_case(x, TWO_M, w, TWO_N, TWO_FS, 0.0, TWO_FS / 2);
}

static void suppress_piano(void)
{
    struct dsp_mat ref = {0};
    double *x = NULL, fs = 0, w[PIANO_M];
    size_t n = 0;
    double *y = malloc(PIANO_M * sizeof *y);
    if (!grade_true(y != NULL, "out of memory"))
        goto done;
    if (!grade_reference("suppress_piano.txt", &ref))
        goto done;
    if (!grade_read_mono(PIANO_FILE, &x, &n, &fs))
        goto done;
    if (!grade_true(n >= PIANO_START + PIANO_M && ref.rows * ref.cols == PIANO_M,
                    "%s or suppress_piano.txt is not the expected size", PIANO_FILE))
        goto done;
    dsp_window_fill(DSP_WIN_BLACKMAN, 0, DSP_WINDOW_PERIODIC, w, PIANO_M);
    if (!grade_status(suppress_ex(x + PIANO_START, PIANO_M, w, PIANO_N, fs, PIANO_F_LOW,
                                  PIANO_F_HIGH, y),
                      "suppress_ex"))
        goto done;
    grade_close("y (piano A4, 0..600 Hz removed)", y, ref.data, PIANO_M, SUPPRESS_TOL,
                SUPPRESS_TOL);
done:
    free(x);
    free(y);
    dsp_mat_free(&ref);
}

static void suppress_bad(void)
{
    double x[TWO_M], w[TWO_M], y[TWO_M];
    two_sines(x, w);
    if (!grade_einval(suppress_ex(x, TWO_M, w, TWO_N, TWO_FS, 300.0, 200.0, y), "suppress_ex",
                      "f_low 300 > f_high 200"))
        return;
    grade_einval(suppress_ex(x, TWO_M, w, 512, TWO_FS, 0.0, 200.0, y), "suppress_ex",
                 "M = 801 > N = 512");
}

/* ---- Part 5: speed -------------------------------------------------------------- */

static int speed_case(const double *x, size_t n)
{
    size_t nb = n / 2 + 1;
    double complex *X = malloc(nb * sizeof *X), *want = malloc(nb * sizeof *want);
    struct dsp_fft *fft = dsp_fft_new(n);
    int ok = 0;
    if (!grade_true(X && want && fft, "out of memory"))
        goto done;
    dsp_fft_forward_real(fft, x, want);
    double t_dft = -1, t_fft = -1, scale = 0;
    if (!grade_status(speed_ex(x, n, X, &t_dft, &t_fft), "speed_ex"))
        goto done;
    for (size_t i = 0; i < n; i++)
        scale += fabs(x[i]);
    /* rounding of an n-term sum: well under 1e-12 * sum|x| */
    char what[48];
    snprintf(what, sizeof what, "X (n = %zu)", n);
    if (!grade_close_complex(what, X, want, nb, 1e-12 * scale, 1e-12))
        goto done;
    /* Timings are only checked for being real durations; their values
     * depend on the machine (see bench/ for the speed-up itself). */
    ok = grade_true(isfinite(t_dft) && t_dft > 0 && isfinite(t_fft) && t_fft > 0,
                    "timings must be positive numbers of seconds: t_dft = %g, t_fft = %g", t_dft,
                    t_fft);
    if (ok)
        grade_note("n = %zu: naive DFT %.3g s, FFT %.3g s, speed-up %.0f", n, t_dft, t_fft,
                   t_dft / t_fft);
done:
    dsp_fft_free(fft);
    free(X);
    free(want);
    return ok;
}

static void speed_bin(void)
{
    /* cos(2 pi 5 i / 256): X[5] = 128, every other bin 0 (closed form) */
    double x[256];
    double complex X[129], want[129] = {0};
    dsp_gen_sine(1.0, 5.0, 0.0, 256.0, x, 256);
    want[5] = 128.0;
    double t_dft = -1, t_fft = -1;
    if (!grade_status(speed_ex(x, 256, X, &t_dft, &t_fft), "speed_ex"))
        return;
    /* sums of 256 terms of size <= 1 */
    if (!grade_close_complex("X", X, want, 129, 1e-10, 1e-12))
        return;
    grade_true(isfinite(t_dft) && t_dft > 0 && isfinite(t_fft) && t_fft > 0,
               "timings must be positive numbers of seconds: t_dft = %g, t_fft = %g", t_dft,
               t_fft);
}

static void speed_random(void)
{
    static const size_t sizes[] = {1000, 509, 1024};
    double x[1024];
    dsp_gen_noise(1.0, 305, x, 1024);
    for (size_t t = 0; t < 3; t++)
        if (!speed_case(x, sizes[t]))
            return;
}

static void speed_edges(void)
{
    double x[1] = {-3.5}, t1, t2;
    double complex X[1];
    if (!grade_status(speed_ex(x, 1, X, &t1, &t2), "speed_ex"))
        return;
    const double complex want[1] = {-3.5};
    if (!grade_close_complex("X (n = 1)", X, want, 1, 0.0, 0.0))
        return;
    grade_einval(speed_ex(x, 0, X, &t1, &t2), "speed_ex", "x, 0, X, &t_dft, &t_fft");
}

static const struct grade_test tests[] = {
    {"zeropad: 100 Hz at 1000 Hz, M = 25", 1, zeropad_example, NULL, 0},
    {"zeropad: 440 Hz at 44100 Hz, M = 1000", 1, zeropad_a4, NULL, 0},
    {"zeropad: edge cases", 1, zeropad_edges, "zeropad: 100 Hz at 1000 Hz, M = 25", 0},
    {"zeropad: no size within the limit", 1, zeropad_none, "zeropad: 100 Hz at 1000 Hz, M = 25",
     0},
    {"zeropad: random", 1, zeropad_random, "zeropad: 100 Hz at 1000 Hz, M = 25", 0},
    {"zerophase: odd M", 1, zerophase_odd, NULL, 0},
    {"zerophase: even M", 1, zerophase_even, NULL, 0},
    {"zerophase: edge cases", 1, zerophase_edges, NULL, 0},
    {"zerophase: random", 2, zerophase_random, NULL, 0},
    {"realeven: {2, 3, 4, 3, 2}", 1, realeven_example, NULL, 0},
    {"realeven: {1, 2, 2, 1}", 1, realeven_not_even, NULL, 0},
    {"realeven: windows", 1, realeven_windows, "realeven: {2, 3, 4, 3, 2}", 0},
    {"realeven: random", 2, realeven_random, "realeven: {2, 3, 4, 3, 2}", 0},
    {"suppress: empty band", 1, suppress_nothing, NULL, 0},
    {"suppress: below 200 Hz", 2, suppress_low, NULL, 0},
    {"suppress: band edges", 1, suppress_edge, "suppress: below 200 Hz", 0},
    {"suppress: piano note", 1, suppress_piano, "suppress: below 200 Hz", 0},
    {"suppress: bad arguments", 1, suppress_bad, NULL, 0},
    {"speed: sinusoid on bin 5", 1, speed_bin, NULL, 0},
    {"speed: random, n = 1000, 509, 1024", 2, speed_random, "speed: sinusoid on bin 5", 0},
    {"speed: n = 1 and n = 0", 1, speed_edges, NULL, 0},
};
GRADE_SUITE("03-fourier-properties", tests);
