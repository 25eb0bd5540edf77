/*
 * Lesson 05 — The sinusoidal model: the graded tests.
 *
 * Expected values come from closed forms computed here (a sampled parabola
 * interpolates exactly; a constant sinusoid, a linear chirp with a linear
 * amplitude ramp and a fade in/out are synthesised exactly by the rules of
 * Part 5), from the definitions themselves (a peak is a strict local
 * maximum: checked on random spectra), from hand-worked examples (tracking),
 * and from data/reference/05-sinusoidal-model/ (written by refgen.c from
 * the reference solution) for the recorded flute.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <dsplab/audio.h>
#include <dsplab/datafile.h>
#include <dsplab/dftmodel.h>
#include <dsplab/gen.h>
#include <dsplab/signal.h>
#include <dsplab/status.h>
#include <dsplab/window.h>

#include "exercise.h"
#include "grade.h"

static const double PI = 3.14159265358979323846;

/* Parameters of the flute cases, shared with refgen.c. */
#define FLUTE_FILE "sounds/flute-a5.wav"
#define FLUTE_START 22050 /* frame start, 0.5 s into the note */
#define FLUTE_M 2001      /* Blackman, periodic */
#define FLUTE_N 4096
#define FLUTE_THRESHOLD -80.0
/* tracking: peaks of TRACK_FRAMES frames, at most TRACK_PEAKS each */
#define TRACK_FRAMES 30
#define TRACK_PEAKS 25
#define TRACK_SLOTS 15
#define TRACK_OFFSET 20.0
#define TRACK_SLOPE 0.01

/* ---- Part 1: peaks -------------------------------------------------------------- */

/* The definition, for comparison: strict local maxima above threshold. */
static size_t peaks_def(const double *mX, size_t n, double threshold, size_t *loc, size_t max)
{
    size_t c = 0;
    for (size_t k = 1; k + 1 < n && c < max; k++)
        if (mX[k] > threshold && mX[k] > mX[k - 1] && mX[k] > mX[k + 1])
            loc[c++] = k;
    return c;
}

/* Runs peaks_ex and compares locations exactly (they are indices). */
static int peaks_case(const char *name, const double *mX, size_t n, double threshold, size_t max)
{
    size_t *want = malloc((max + 1) * sizeof *want), *loc = malloc((max + 1) * sizeof *loc);
    int ok = 0;
    if (!grade_true(want && loc, "out of memory"))
        goto done;
    size_t nw = peaks_def(mX, n, threshold, want, max), got = (size_t)-1;
    for (size_t i = 0; i <= max; i++)
        loc[i] = 12345;
    if (!grade_status(peaks_ex(mX, n, threshold, loc, max, &got), "peaks_ex"))
        goto done;
    if (!grade_true(got == nw, "%s: %zu peaks found, expected %zu (threshold %g dB, max %zu)",
                    name, got, nw, threshold, max))
        goto done;
    ok = 1;
    for (size_t i = 0; i < nw && ok; i++)
        ok = grade_true(loc[i] == want[i], "%s: peak %zu at bin %zu, expected bin %zu", name, i,
                        loc[i], want[i]);
    if (ok)
        ok = grade_true(loc[max] == 12345, "%s: wrote past loc[%zu] (max_peaks = %zu)", name,
                        max - 1, max);
done:
    free(want);
    free(loc);
    return ok;
}

static const double EXAMPLE_MX[8] = {-60, -20, -50, -40, -40, -30, -70, -10};

static void peaks_example(void)
{
    /* bin 1 and bin 5; bins 3 and 4 are a plateau (not strict), bin 7 the
     * last bin (no right neighbour) */
    size_t loc[8], n = 0;
    if (!grade_status(peaks_ex(EXAMPLE_MX, 8, -45.0, loc, 8, &n), "peaks_ex"))
        return;
    for (size_t i = 0; i < n && i < 8; i++)
        if (loc[i] == 3 || loc[i] == 4) {
            grade_note("bin %zu is a peak in your list, but mX[3] == mX[4] == -40: a plateau "
                       "is not a peak (mX[k] > both neighbours, strictly)", loc[i]);
            break;
        }
    if (!grade_true(n == 2, "example: %zu peaks, expected 2 (bins 1 and 5)", n))
        return;
    grade_true(loc[0] == 1 && loc[1] == 5, "example: peaks at bins %zu, %zu; expected 1, 5",
               loc[0], loc[1]);
}

static void peaks_edges(void)
{
    /* the threshold is strict too: -30 is not above -30 */
    if (!peaks_case("threshold -30", EXAMPLE_MX, 8, -30.0, 8))
        return;
    if (!peaks_case("threshold -25", EXAMPLE_MX, 8, -25.0, 8))
        return;
    if (!peaks_case("max_peaks 1", EXAMPLE_MX, 8, -100.0, 1))
        return;
    if (!peaks_case("max_peaks 0", EXAMPLE_MX, 8, -100.0, 0))
        return;
    if (!peaks_case("n = 2", EXAMPLE_MX, 2, -100.0, 4))
        return;
    /* n = 1 and n = 0: no bin has two neighbours. A loop bound written
     * k < n - 1 wraps around for n = 0 (size_t) and reads far past mX */
    if (!peaks_case("n = 1", EXAMPLE_MX, 1, -100.0, 4))
        return;
    if (!peaks_case("n = 0 (k < n - 1 wraps around: write k + 1 < n)", EXAMPLE_MX, 0, -100.0, 4))
        return;
    const double flat[6] = {-3, -3, -3, -3, -3, -3};
    if (!peaks_case("flat spectrum", flat, 6, -100.0, 6))
        return;
    /* a flat top of two bins is no peak, seen from either side */
    const double top[6] = {-50, -30, -30, -60, -20, -20};
    peaks_case("flat top {-50, -30, -30, -60, -20, -20}", top, 6, -100.0, 6);
}

static void peaks_random(void)
{
    struct dsp_rng rng;
    dsp_rng_seed(&rng, 501);
    double mX[513];
    for (int t = 0; t < 20; t++) {
        size_t n = 3 + (size_t)(dsp_rng_next(&rng) % 511);
        for (size_t k = 0; k < n; k++)   /* whole dB: equal neighbours happen */
            mX[k] = -(double)(dsp_rng_next(&rng) % 40);
        if (!peaks_case("random spectrum", mX, n, -20.0, 1 + dsp_rng_next(&rng) % 200))
            return;
    }
}

/* The flute frame through the library's DFT model: mX, pX (FLUTE_N/2+1). */
static int flute_spectrum(double *mX, double *pX)
{
    double *x = NULL, fs = 0, w[FLUTE_M];
    size_t n = 0;
    struct dsp_dftmodel *dm = NULL;
    int ok = 0;
    if (!grade_read_mono(FLUTE_FILE, &x, &n, &fs))
        goto done;
    if (!grade_true(n >= FLUTE_START + FLUTE_M, "%s is too short", FLUTE_FILE))
        goto done;
    dsp_window_fill(DSP_WIN_BLACKMAN, 0, DSP_WINDOW_PERIODIC, w, FLUTE_M);
    dm = dsp_dftmodel_new(w, FLUTE_M, FLUTE_N);
    ok = grade_true(dm && dsp_dftmodel_analyze(dm, x + FLUTE_START, mX, pX) == DSP_OK,
                    "DFT model failed: %s", dsp_last_error());
done:
    dsp_dftmodel_free(dm);
    free(x);
    return ok;
}

static void peaks_flute(void)
{
    double mX[FLUTE_N / 2 + 1], pX[FLUTE_N / 2 + 1];
    size_t loc[FLUTE_N / 2], n = 0;
    struct dsp_mat ref = {0};
    if (!grade_reference("peaks_flute.txt", &ref))
        return;
    if (flute_spectrum(mX, pX) &&
        grade_status(peaks_ex(mX, FLUTE_N / 2 + 1, FLUTE_THRESHOLD, loc, FLUTE_N / 2, &n),
                     "peaks_ex") &&
        grade_true(n == ref.rows, "flute A5: %zu peaks above %g dB, expected %zu", n,
                   FLUTE_THRESHOLD, ref.rows)) {
        for (size_t i = 0; i < n; i++)
            if (!grade_true(loc[i] == (size_t)ref.data[i * ref.cols],
                            "flute A5: peak %zu at bin %zu, expected %zu", i, loc[i],
                            (size_t)ref.data[i * ref.cols]))
                break;
    }
    dsp_mat_free(&ref);
}

/* ---- Part 2: interp ------------------------------------------------------------- */

/* Samples of the parabola c - a (k - p)^2 (a > 0) and of the line
 * pX = p0 + s k: the interpolation must give back p, c and p0 + s p. The
 * formulas divide differences of values ~50: rounding ~1e-14. */
#define INTERP_TOL 1e-9

static int interp_parabola(double p, double a, double c, double p0, double s, size_t n)
{
    double *mX = malloc(n * sizeof *mX), *pX = malloc(n * sizeof *pX);
    int ok = 0;
    if (!grade_true(mX && pX, "out of memory"))
        goto done;
    for (size_t k = 0; k < n; k++) {
        mX[k] = c - a * ((double)k - p) * ((double)k - p);
        pX[k] = p0 + s * (double)k;
    }
    size_t loc[1] = {(size_t)floor(p + 0.5)};
    double il = -1, im = -1, ip = -1;
    if (!grade_status(interp_ex(mX, pX, n, loc, 1, &il, &im, &ip), "interp_ex"))
        goto done;
    char what[96];
    snprintf(what, sizeof what, "iloc (parabola peaking at %g)", p);
    if (!grade_close_scalar(what, il, p, INTERP_TOL, INTERP_TOL))
        goto done;
    /* classic slips, recognised exactly: the sign of the correction in
     * imag, and the phase read at bin k instead of interpolated */
    size_t k = loc[0];
    double l = mX[k - 1], cb = mX[k], r = mX[k + 1];
    double pk = 0.5 * (l - r) / (l - 2.0 * cb + r);
    if (fabs(im - c) > INTERP_TOL && fabs(im - (cb + 0.25 * (l - r) * pk)) < INTERP_TOL)
        grade_note("your imag is c + 0.25 (l - r) p: the correction is subtracted, "
                   "imag = c - 0.25 (l - r) p");
    snprintf(what, sizeof what, "imag (parabola peaking at %g dB)", c);
    if (!grade_close_scalar(what, im, c, INTERP_TOL, INTERP_TOL))
        goto done;
    if (fabs(ip - (p0 + s * p)) > INTERP_TOL && fabs(ip - pX[k]) < INTERP_TOL)
        grade_note("your iphase is pX[%zu], the phase at the peak bin: read pX at iloc = %g "
                   "instead, on the line between the two bins around it",
                   k, p);
    snprintf(what, sizeof what, "iphase (pX = %g + %g k at k = %g)", p0, s, p);
    ok = grade_close_scalar(what, ip, p0 + s * p, INTERP_TOL, INTERP_TOL);
done:
    free(mX);
    free(pX);
    return ok;
}

static void interp_example(void)
{
    /* mX = -6 - 2 (k - 10.3)^2: bins 9, 10, 11 hold -9.38, -6.18, -6.98;
     * the top is at 10.3, -6 dB; pX = 0.5 + 0.1 k gives 1.53 there */
    interp_parabola(10.3, 2.0, -6.0, 0.5, 0.1, 20);
}

static void interp_left(void)
{
    /* the top left of the bin: phase between bins 4 and 5 */
    interp_parabola(4.75, 0.5, -20.0, -3.0, -1.2, 10);
}

static void interp_random(void)
{
    struct dsp_rng rng;
    dsp_rng_seed(&rng, 502);
    for (int t = 0; t < 30; t++) {
        double p = 1.5 + 500.0 * dsp_rng_uniform(&rng);
        double a = 0.1 + 10.0 * dsp_rng_uniform(&rng);
        double c = -100.0 * dsp_rng_uniform(&rng);
        double p0 = 6.0 * dsp_rng_uniform(&rng) - 3.0, s = dsp_rng_uniform(&rng) - 0.5;
        if (!interp_parabola(p, a, c, p0, s, 513))
            return;
    }
}

static void interp_flute(void)
{
    double mX[FLUTE_N / 2 + 1], pX[FLUTE_N / 2 + 1];
    struct dsp_mat ref = {0};
    size_t *loc = NULL;
    double *got = NULL, *want = NULL;
    if (!grade_reference("peaks_flute.txt", &ref) || !flute_spectrum(mX, pX))
        goto done;
    size_t np = ref.rows;
    loc = malloc((np + 1) * sizeof *loc);
    got = malloc((3 * np + 1) * sizeof *got);
    want = malloc((3 * np + 1) * sizeof *want);
    if (!grade_true(loc && got && want && ref.cols == 4, "out of memory or bad reference"))
        goto done;
    for (size_t i = 0; i < np; i++) {
        loc[i] = (size_t)ref.data[i * 4];
        for (int c = 0; c < 3; c++)
            want[c * np + i] = ref.data[i * 4 + 1 + (size_t)c];
    }
    if (!grade_status(interp_ex(mX, pX, FLUTE_N / 2 + 1, loc, np, got, got + np, got + 2 * np),
                      "interp_ex"))
        goto done;
    /* same formulas on the same spectrum: only the order of operations
     * differs (1e-12 on bins of ~1000, dB of ~100, phases of ~100 rad) */
    if (!grade_close("iloc (flute A5)", got, want, np, 1e-9, 1e-12))
        goto done;
    if (!grade_close("imag (flute A5)", got + np, want + np, np, 1e-9, 1e-12))
        goto done;
    grade_close("iphase (flute A5)", got + 2 * np, want + 2 * np, np, 1e-9, 1e-12);
done:
    free(loc);
    free(got);
    free(want);
    dsp_mat_free(&ref);
}

static void interp_bad(void)
{
    double mX[5] = {-9, -3, -6, -2, -8}, pX[5] = {0}, il[1], im[1], ip[1];
    size_t first[1] = {0}, last[1] = {4};
    if (!grade_einval(interp_ex(mX, pX, 5, first, 1, il, im, ip), "interp_ex", "loc = {0}"))
        return;
    grade_einval(interp_ex(mX, pX, 5, last, 1, il, im, ip), "interp_ex", "loc = {n-1}");
}

/* ---- Part 3: twosines ----------------------------------------------------------- */

#define TWO_FS 44100.0
#define TWO_LEN 44100
/* the course's bound for a good estimate (A5Part1): 0.05 Hz */
#define TWO_BOUND 0.05

static int twosines_case(double f1, double a1, double f2, double a2)
{
    double *x = malloc(TWO_LEN * sizeof *x), *b = malloc(TWO_LEN * sizeof *b);
    int ok = 0;
    if (!grade_true(x && b, "out of memory"))
        goto done;
    dsp_gen_sine(a1, f1, 0.3, TWO_FS, x, TWO_LEN);
    dsp_gen_sine(a2, f2, 1.9, TWO_FS, b, TWO_LEN);
    for (size_t i = 0; i < TWO_LEN; i++)
        x[i] += b[i];
    const double f_true[2] = {f1, f2};
    double f_est[2] = {-1, -1}, err = -1;
    size_t m = 0, n = 0;
    if (!grade_status(twosines_ex(x, TWO_LEN, TWO_FS, f_true, f_est, &err, &m, &n),
                      "twosines_ex"))
        goto done;
    if (!grade_true(m >= 1 && m <= TWO_LEN && n >= m,
                    "M = %zu, N = %zu: need 1 <= M <= %d and N >= M", m, n, TWO_LEN))
        goto done;
    grade_note("%g Hz (%g) + %g Hz (%g): M = %zu, N = %zu, estimates %.4f, %.4f Hz, error %.3g Hz",
               f1, a1, f2, a2, m, n, f_est[0], f_est[1], err);
    if (!grade_true(fabs(f_est[0] - f1) < TWO_BOUND && fabs(f_est[1] - f2) < TWO_BOUND,
                    "%g Hz + %g Hz: estimated %.4f and %.4f Hz (M = %zu, N = %zu); each must be "
                    "within %g Hz. A longer window separates closer sinusoids, lower side lobes "
                    "keep a weak one from being pulled by a loud one, more zero-padding makes "
                    "the interpolation finer",
                    f1, f2, f_est[0], f_est[1], m, n, TWO_BOUND))
        goto done;
    /* err is arithmetic on the estimates: exact up to rounding */
    ok = grade_close_scalar("err", err, fmax(fabs(f_est[0] - f1), fabs(f_est[1] - f2)), 1e-12,
                            1e-12);
done:
    free(x);
    free(b);
    return ok;
}

static void twosines_equal(void) { twosines_case(440.0, 0.5, 460.0, 0.5); }
static void twosines_weak(void) { twosines_case(1000.3, 0.8, 1023.9, 0.08); }
static void twosines_more(void)
{
    if (!twosines_case(150.2, 0.1, 171.0, 1.0))
        return;
    twosines_case(5000.0, 0.5, 5021.5, 0.5);
}

/* ---- Part 4: track -------------------------------------------------------------- */

static int track_case(const char *name, const double *pf, const double *pm, const double *pp,
                      size_t np, const double *prev, size_t nt, double offset, double slope,
                      const double *wf, const double *wm, const double *wp)
{
    double tf[64], tm[64], tp[64];
    for (size_t t = 0; t < nt; t++)
        tf[t] = tm[t] = tp[t] = 999.0;   /* slots left unwritten show */
    if (!grade_status(track_ex(pf, pm, pp, np, prev, nt, offset, slope, tf, tm, tp), "track_ex"))
        return 0;
    for (size_t t = 0; t < nt; t++)
        if (prev[t] > 0 && wf[t] == 0 && tf[t] > 0) {
            grade_note("slot %zu: its %g Hz track ended in this frame, and a new track went "
                       "into it; new tracks take only slots that were empty in the previous "
                       "frame (prev_freq == 0)", t, prev[t]);
            break;
        }
    /* copies of the peaks' values: exact */
    char what[96];
    snprintf(what, sizeof what, "tfreq (%s)", name);
    if (!grade_close(what, tf, wf, nt, 0.0, 0.0))
        return 0;
    snprintf(what, sizeof what, "tmag (%s)", name);
    if (!grade_close(what, tm, wm, nt, 0.0, 0.0))
        return 0;
    snprintf(what, sizeof what, "tphase (%s)", name);
    return grade_close(what, tp, wp, nt, 0.0, 0.0);
}

static void track_example(void)
{
    /* 445 continues 440 (5 < 20 + 4.45); 890 continues 880 (10 < 28.9);
     * 1000 is 320 Hz from 1320: a new track, in the empty slot 1; 1500 is
     * 180 Hz from 1320 and finds no empty slot (slot 3 was alive): dropped */
    const double pf[4] = {445, 890, 1000, 1500}, pm[4] = {-10, -20, -30, -40};
    const double pp[4] = {1, 2, 3, 4}, prev[4] = {440, 0, 880, 1320};
    const double wf[4] = {445, 1000, 890, 0}, wm[4] = {-10, -30, -20, 0}, wp[4] = {1, 3, 2, 0};
    track_case("worked example", pf, pm, pp, 4, prev, 4, 20.0, 0.01, wf, wm, wp);
}

static void track_loudest(void)
{
    /* both peaks are near 1000; the louder, 1008, comes first and takes it;
     * 990 starts a new track in slot 1 */
    const double pf[2] = {990, 1008}, pm[2] = {-30, -10}, pp[2] = {0.5, -0.5};
    const double prev[2] = {1000, 0};
    const double wf[2] = {1008, 990}, wm[2] = {-10, -30}, wp[2] = {-0.5, 0.5};
    if (!track_case("louder peak first", pf, pm, pp, 2, prev, 2, 20.0, 0.01, wf, wm, wp))
        return;
    /* the louder peak takes its nearest track, 1000, and the other peak
     * goes to the next nearest live one, 1030 (20 + 10.2 > 10) */
    const double pf2[2] = {1020, 1010}, pm2[2] = {-30, -10}, pp2[2] = {1, 2};
    const double prev2[3] = {0, 1000, 1030};
    const double wf2[3] = {0, 1010, 1020}, wm2[3] = {0, -10, -30}, wp2[3] = {0, 2, 1};
    track_case("nearest unclaimed track", pf2, pm2, pp2, 2, prev2, 3, 20.0, 0.01, wf2, wm2, wp2);
}

static void track_edges(void)
{
    /* no previous tracks: loudest peaks fill slots 0, 1, 2; the quietest is dropped */
    const double pf[4] = {100, 200, 300, 400}, pm[4] = {-40, -10, -30, -20};
    const double pp[4] = {1, 2, 3, 4}, prev[3] = {0, 0, 0};
    const double wf[3] = {200, 400, 300}, wm[3] = {-10, -20, -30}, wp[3] = {2, 4, 3};
    if (!track_case("all new", pf, pm, pp, 4, prev, 3, 20.0, 0.01, wf, wm, wp))
        return;
    /* no peaks: every track ends */
    const double prev2[2] = {500, 700}, zero[2] = {0, 0};
    if (!track_case("no peaks", pf, pm, pp, 0, prev2, 2, 20.0, 0.01, zero, zero, zero))
        return;
    /* the bound is strict: 1000 -> 1030 with offset 20 + 0.01 * 1000 = 30 */
    const double pf3[1] = {1000}, pm3[1] = {-5}, pp3[1] = {0.25}, prev3[2] = {1030, 0};
    const double wf3[2] = {0, 1000}, wm3[2] = {0, -5}, wp3[2] = {0, 0.25};
    if (!track_case("distance equal to the bound", pf3, pm3, pp3, 1, prev3, 2, 20.0, 0.01, wf3,
                    wm3, wp3))
        return;
    const double bad[1] = {0};
    double tf[2], tm[2], tp[2];
    grade_einval(track_ex(bad, pm3, pp3, 1, prev3, 2, 20.0, 0.01, tf, tm, tp), "track_ex",
                 "a peak at 0 Hz");
}

static void track_flute(void)
{
    /* reference rows: n_peaks, pfreq[TRACK_PEAKS], pmag[..], pphase[..],
     * then the expected tfreq[TRACK_SLOTS], tmag[..], tphase[..] */
    struct dsp_mat ref = {0};
    const size_t cols = 1 + 3 * TRACK_PEAKS + 3 * TRACK_SLOTS;
    if (!grade_reference("track_flute.txt", &ref))
        return;
    if (grade_true(ref.rows == TRACK_FRAMES && ref.cols == cols,
                   "track_flute.txt: %zu x %zu values, expected %d x %zu", ref.rows, ref.cols,
                   TRACK_FRAMES, cols)) {
        double prev[TRACK_SLOTS] = {0}, tf[TRACK_SLOTS], tm[TRACK_SLOTS], tp[TRACK_SLOTS];
        for (size_t k = 0; k < TRACK_FRAMES; k++) {
            const double *row = ref.data + k * cols;
            const double *want = row + 1 + 3 * TRACK_PEAKS;
            size_t np = (size_t)row[0];
            if (!grade_status(track_ex(row + 1, row + 1 + TRACK_PEAKS, row + 1 + 2 * TRACK_PEAKS,
                                       np, prev, TRACK_SLOTS, TRACK_OFFSET, TRACK_SLOPE, tf, tm,
                                       tp),
                              "track_ex"))
                break;
            char what[64];
            snprintf(what, sizeof what, "tfreq (flute A5, frame %zu)", k);
            if (!grade_close(what, tf, want, TRACK_SLOTS, 0.0, 0.0))
                break;
            snprintf(what, sizeof what, "tmag (flute A5, frame %zu)", k);
            if (!grade_close(what, tm, want + TRACK_SLOTS, TRACK_SLOTS, 0.0, 0.0))
                break;
            snprintf(what, sizeof what, "tphase (flute A5, frame %zu)", k);
            if (!grade_close(what, tp, want + 2 * TRACK_SLOTS, TRACK_SLOTS, 0.0, 0.0))
                break;
            for (size_t t = 0; t < TRACK_SLOTS; t++)
                prev[t] = tf[t];
        }
    }
    dsp_mat_free(&ref);
}

/* ---- Part 5: synth -------------------------------------------------------------- */

static void synth_example(void)
{
    /* one track at 1 Hz, fs 8 Hz, hop 4, two frames of amplitude 1:
     * y[i] = cos(2 pi i / 8) = {1, 0.7071, 0, -0.7071, -1, ...} */
    const double f[2] = {1, 1}, a[2] = {1, 1};
    double y[8], want[8];
    for (int i = 0; i < 8; i++)
        want[i] = cos(2 * PI * i / 8.0);
    if (!grade_status(synth_ex(f, a, 2, 1, 4, 8.0, y, 8), "synth_ex"))
        return;
    /* a few additions of angles: 1e-12 */
    grade_close("y", y, want, 8, 1e-12, 1e-12);
}

static void synth_fade(void)
{
    /* frames: no track, 1 Hz at amplitude 1, no track, hop 4, fs 8.
     * segment 0 fades in: (j/4) cos(2 pi j/8); segment 1 fades out,
     * phase continuing: (1 - j/4) cos(2 pi (4 + j)/8); segment 2 silent */
    const double f[3] = {0, 1, 0}, a[3] = {0, 1, 0};
    double y[12], want[12] = {0};
    for (int j = 0; j < 4; j++) {
        want[j] = (j / 4.0) * cos(2 * PI * j / 8.0);
        want[4 + j] = (1.0 - j / 4.0) * cos(2 * PI * (4 + j) / 8.0);
    }
    if (!grade_status(synth_ex(f, a, 3, 1, 4, 8.0, y, 12), "synth_ex"))
        return;
    if (!grade_close("y (fade in, fade out)", y, want, 12, 1e-12, 1e-12))
        return;
    /* a track that starts again begins at phase 0 (not at the 1.5 pi its
     * 1.5 Hz predecessor reached) */
    const double f2[4] = {1.5, 0, 1, 1}, a2[4] = {0.5, 0, 1, 1};
    double y2[16], want2[16] = {0};
    for (int j = 0; j < 4; j++) {
        want2[j] = 0.5 * (1.0 - j / 4.0) * cos(2 * PI * 1.5 * j / 8.0);
        want2[4 + j] = (j / 4.0) * cos(2 * PI * j / 8.0);
        want2[8 + j] = cos(2 * PI * (4 + j) / 8.0);
        want2[12 + j] = cos(2 * PI * (8 + j) / 8.0);
    }
    if (!grade_status(synth_ex(f2, a2, 4, 1, 4, 8.0, y2, 16), "synth_ex"))
        return;
    grade_close("y (end, then a new start)", y2, want2, 16, 1e-12, 1e-12);
}

/* A linear chirp 200 -> 2000 Hz in 1 s with amplitude 1 - 0.5 t, plus a
 * constant 3 kHz sinusoid: frame values sampled from these laws are
 * interpolated exactly by Part 5's rules (piecewise linear amplitude and
 * frequency, phase = integral of frequency), so y equals the closed form
 * except in the last hop, where the last frame is held. */
static void synth_chirp(void)
{
    const size_t hop = 256, frames = 173, nt = 2, len = frames * hop;
    const double fs = 44100.0;
    double *f = malloc(frames * nt * sizeof *f), *a = malloc(frames * nt * sizeof *a);
    double *y = malloc(len * sizeof *y), *want = malloc(len * sizeof *want);
    if (!grade_true(f && a && y && want, "out of memory"))
        goto done;
    for (size_t k = 0; k < frames; k++) {
        double t = (double)(k * hop) / fs;
        f[k * nt] = 200.0 + 1800.0 * t;
        a[k * nt] = 1.0 - 0.5 * t;
        f[k * nt + 1] = 3000.0;
        a[k * nt + 1] = 0.25;
    }
    for (size_t i = 0; i < len; i++) {
        double t = (double)i / fs;
        want[i] = (1.0 - 0.5 * t) * cos(2 * PI * (200.0 * t + 900.0 * t * t)) +
                  0.25 * cos(2 * PI * 3000.0 * t);
    }
    if (!grade_status(synth_ex(f, a, frames, nt, hop, fs, y, len), "synth_ex"))
        goto done;
    /* phases summed over 44000 samples drift by ~1e-11 rad in double
     * precision, whatever the order; 1e-8 leaves room, and any mistake in
     * the rules (frequency stepped, not interpolated; a missing half
     * sample) is off by 1e-3 or more */
    size_t cmp = (frames - 1) * hop;
    /* the classic slip: phi advanced by the frequency at j, not j + 0.5;
     * the chirp's phase then lags by 2 pi 900 i / fs^2 (sum of a line) */
    double lag = 0.0;
    for (size_t i = 0; i < cmp; i++) {
        double t = (double)i / fs, dphi = 2 * PI * 900.0 * (double)i / (fs * fs);
        double alt = (1.0 - 0.5 * t) * cos(2 * PI * (200.0 * t + 900.0 * t * t) - dphi) +
                     0.25 * cos(2 * PI * 3000.0 * t);
        lag = fmax(lag, fabs(y[i] - alt));
    }
    if (lag < 1e-6)
        grade_note("your y is the chirp with the phase advanced by f at sample j: the phase "
                   "advance over sample j is 2 pi (f0 + (f1 - f0) (j + 0.5) / hop) / fs, the "
                   "integral of the frequency over that sample");
    if (!grade_close("y (chirp + 3 kHz)", y, want, cmp, 1e-8, 0.0))
        goto done;
    double snr = dsp_snr_db(want, y, cmp);
    grade_note("SNR against the closed form: %.1f dB", snr);
    grade_true(snr > 150.0, "SNR against the closed form %.1f dB, expected > 150 dB", snr);
done:
    free(f);
    free(a);
    free(y);
    free(want);
}

static void synth_bad(void)
{
    const double f[2] = {1, 1}, a[2] = {1, 1};
    double y[8];
    if (!grade_einval(synth_ex(f, a, 2, 1, 4, 8.0, y, 7), "synth_ex", "len 7 != 2 frames * 4"))
        return;
    grade_einval(synth_ex(f, a, 2, 1, 0, 8.0, y, 0), "synth_ex", "hop 0");
}

static const struct grade_test tests[] = {
    {"peaks: worked example", 1, peaks_example, NULL, 0},
    {"peaks: thresholds, limits, plateaus", 1, peaks_edges, "peaks: worked example", 0},
    {"peaks: random spectra", 1, peaks_random, "peaks: worked example", 0},
    {"peaks: flute A5", 1, peaks_flute, "peaks: worked example", 0},
    {"interp: parabola at 10.3", 1, interp_example, NULL, 0},
    {"interp: parabola at 4.75", 1, interp_left, NULL, 0},
    {"interp: random parabolas", 1, interp_random, "interp: parabola at 10.3", 0},
    {"interp: flute A5", 1, interp_flute, "interp: parabola at 10.3", 0},
    {"interp: first and last bin", 1, interp_bad, NULL, 0},
    {"twosines: 440 + 460 Hz", 2, twosines_equal, NULL, 0},
    {"twosines: 1000.3 + 1023.9 Hz, -20 dB", 2, twosines_weak, NULL, 0},
    {"twosines: 150.2 + 171 Hz, 5000 + 5021.5 Hz", 1, twosines_more, NULL, 0},
    {"track: worked example", 2, track_example, NULL, 0},
    {"track: louder peaks first", 1, track_loudest, "track: worked example", 0},
    {"track: edge cases", 1, track_edges, "track: worked example", 0},
    {"track: flute A5, 30 frames", 2, track_flute, "track: worked example", 0},
    {"synth: 1 Hz at 8 Hz", 1, synth_example, NULL, 0},
    {"synth: fade in and out", 2, synth_fade, "synth: 1 Hz at 8 Hz", 0},
    {"synth: chirp and sine", 2, synth_chirp, "synth: 1 Hz at 8 Hz", 0},
    {"synth: bad arguments", 1, synth_bad, NULL, 0},
};
GRADE_SUITE("05-sinusoidal-model", tests);
