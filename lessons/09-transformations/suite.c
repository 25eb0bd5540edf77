/*
 * Lesson 09 — Sound transformations: the graded tests.
 *
 * Expected values: closed forms computed here (the phase formulas on small
 * hand-made spectra; a time scaling by 1 gives x back; a steady tone keeps
 * its frequency through the phase vocoder and a burst's times scale by the
 * factor; scaled frequencies and copied frames on small arrays; a pure
 * tone shifted by q sits at q f0), and data/reference/09-transformations/
 * (written by refgen.c from the reference solution) for the flute through
 * the phase vocoder and the violin and flute tracks.
 *
 * Tolerances:
 *   - phases, frequencies and dB of a few operations per value: 1e-9
 *     (rounding is ~1e-15 relative; every mistake moves them by far more);
 *   - copied frames (sinetime): exact;
 *   - phase vocoder outputs: 1e-8 absolute on samples of size ~0.1: a
 *     correct solution differs from the reference by the rounding of FFTs
 *     and of phase sums over ~25 frames (~1e-13), a wrong step (window,
 *     hop, rounding of a_j, locking) by 1e-3 or more;
 *   - measured frequencies: 0.1 Hz (the closed form), measured with
 *     a Blackman-Harris window of 8191 samples zero-padded to 65536, whose
 *     interpolated peak is off by < 0.01 Hz on a steady tone.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dsplab/datafile.h>
#include <dsplab/dftmodel.h>
#include <dsplab/gen.h>
#include <dsplab/peaks.h>
#include <dsplab/sine.h>
#include <dsplab/status.h>
#include <dsplab/window.h>

#include "exercise.h"
#include "grade.h"

static const double PI = 3.14159265358979323846;

/* Shared with refgen.c. */
#define PV_FILE "sounds/flute-a5.wav"
#define PV_START 22050
#define PV_LEN 4096
#define PV_N 1024
#define PV_HOP 256
#define HARM 16
#define ENV 26
#define VIOLIN_FRAMES 30
#define FLUTE_FRAMES 20
#define COLS (2 * HARM + ENV)
#define FS 44100.0

#define TIGHT 1e-9
#define PV_ATOL 1e-8

/* Frequency (Hz) of the strongest peak between lo and hi Hz in the 8191
 * samples from x (see the tolerances above). */
static double tone_freq(const double *x, double lo, double hi)
{
    enum { M = 8191, N = 65536, NB = N / 2 + 1 };
    static double w[M], mX[NB], pX[NB];
    dsp_window_fill(DSP_WIN_BLACKMANHARRIS, 0, DSP_WINDOW_PERIODIC, w, M);
    struct dsp_dftmodel *dm = dsp_dftmodel_new(w, M, N);
    if (!dm || dsp_dftmodel_analyze(dm, x, mX, pX) != DSP_OK) {
        dsp_dftmodel_free(dm);
        return NAN;
    }
    dsp_dftmodel_free(dm);
    size_t best = 0, k0 = (size_t)(lo * N / FS), k1 = (size_t)(hi * N / FS);
    for (size_t k = k0; k <= k1; k++)
        if (best == 0 || mX[k] > mX[best])
            best = k;
    double iloc = NAN, imag = 0;
    dsp_peaks_interp(mX, NULL, NB, &best, 1, &iloc, &imag, NULL);
    return iloc * FS / N;
}

static double princarg(double x)
{
    return x - 2.0 * PI * floor((x + PI) / (2.0 * PI));
}

/* Tracks of the reference files: freq, mag (rows x HARM), env (rows x ENV). */
struct tracks {
    size_t rows;
    double f[40 * HARM], m[40 * HARM], e[40 * ENV];
};

static int load_tracks(const char *name, size_t rows, struct tracks *t)
{
    struct dsp_mat ref = {0};
    if (!grade_reference(name, &ref))
        return 0;
    int ok = grade_true(ref.rows == rows && ref.cols == COLS, "%s: %zu x %zu, expected %zu x %d",
                        name, ref.rows, ref.cols, rows, COLS);
    if (ok) {
        t->rows = rows;
        for (size_t r = 0; r < rows; r++) {
            memcpy(t->f + r * HARM, ref.data + r * COLS, HARM * sizeof(double));
            memcpy(t->m + r * HARM, ref.data + r * COLS + HARM, HARM * sizeof(double));
            memcpy(t->e + r * ENV, ref.data + r * COLS + 2 * HARM, ENV * sizeof(double));
        }
    }
    dsp_mat_free(&ref);
    return ok;
}

/* Compares out_freq, out_mag (rows x HARM) with a reference of rows x 2 HARM. */
static void check_freq_mag(const char *name, const double *of, const double *om, size_t rows,
                           double atol)
{
    struct dsp_mat ref = {0};
    if (!grade_reference(name, &ref))
        return;
    if (grade_true(ref.rows == rows && ref.cols >= 2 * HARM, "%s: %zu x %zu, expected %zu rows",
                   name, ref.rows, ref.cols, rows)) {
        double *wf = malloc(rows * HARM * sizeof *wf), *wm = malloc(rows * HARM * sizeof *wm);
        if (grade_true(wf && wm, "out of memory")) {
            for (size_t r = 0; r < rows; r++) {
                memcpy(wf + r * HARM, ref.data + r * ref.cols, HARM * sizeof *wf);
                memcpy(wm + r * HARM, ref.data + r * ref.cols + HARM, HARM * sizeof *wm);
            }
            if (grade_close("out_freq (Hz)", of, wf, rows * HARM, atol, 0))
                grade_close("out_mag (dB)", om, wm, rows * HARM, atol, 0);
        }
        free(wf);
        free(wm);
    }
    dsp_mat_free(&ref);
}

/* ---- Part 1: pvphase ------------------------------------------------------------ */

static const double EX_MAG[5] = {0, 1, 4, 1, 0}, EX_PHI[5] = {0, 1, 2, 0.5, -1};
static const double EX_PREV[5] = {0, 0.5, -2, 1.5, 0}, EX_THETA[5] = {0.1, 0.2, 0.3, 0.4, 0.5};

static void pvphase_example(void)
{
    double th[5], want[5];
    for (int k = 0; k < 5; k++) {
        double bin = 2 * PI * k / 8.0;
        want[k] = EX_THETA[k] + 2 * (bin + princarg(EX_PHI[k] - EX_PREV[k] - 2 * bin) / 2);
    }
    if (!grade_status(pvphase_ex(EX_MAG, EX_PHI, EX_PREV, EX_THETA, 8, 2, PV_LOCK_NONE, th),
                      "pvphase_ex"))
        return;
    /* classic mistakes: no princarg, or the bin's own advance left in */
    double raw3 = EX_THETA[3] + EX_PHI[3] - EX_PREV[3];
    if (fabs(th[3] - raw3) < 1e-9)
        grade_note("bin 3 advanced by phi - phi_prev itself: add the bin's expected advance "
                   "2 pi k hop / N back after princarg of the deviation (w_k times hop)");
    if (!grade_close("theta (PV_LOCK_NONE)", th, want, 5, TIGHT, 0))
        return;
    const double locked[5] = {2.3, 3.3, 4.3, 2.8, 1.3};
    if (!grade_status(pvphase_ex(EX_MAG, EX_PHI, EX_PREV, EX_THETA, 8, 2, PV_LOCK_IDENTITY, th),
                      "pvphase_ex"))
        return;
    if (fabs(th[0] - want[0]) < 1e-9 && fabs(th[2] - want[2]) < 1e-9)
        grade_note("with PV_LOCK_IDENTITY only the peak (bin 2) keeps its own advance; bins "
                   "0, 1, 3, 4 take theta_2 + phi_k - phi_2");
    grade_close("theta (PV_LOCK_IDENTITY)", th, locked, 5, TIGHT, 0);
}

/* Two peaks (bins 3 and 7) of 11 bins (N 20, hop 5): bin 5 lies halfway
 * and follows the lower peak; bins 0-2 the first, 8-10 the second. */
static void pvphase_regions(void)
{
    enum { N = 20, H = 5, NB = 11 };
    const double mag[NB] = {0.1, 0.5, 2, 3, 2, 1, 1.5, 4, 1, 0.5, 0.2};
    double phi[NB], prev[NB], tp[NB], th[NB], want[NB];
    struct dsp_rng rng;
    dsp_rng_seed(&rng, 901);
    for (int k = 0; k < NB; k++) {
        phi[k] = PI * (2 * dsp_rng_uniform(&rng) - 1);
        prev[k] = PI * (2 * dsp_rng_uniform(&rng) - 1);
        tp[k] = 10 * dsp_rng_uniform(&rng);
    }
    double own[NB];
    for (int k = 0; k < NB; k++) {
        double bin = 2 * PI * k / N;
        own[k] = tp[k] + H * (bin + princarg(phi[k] - prev[k] - bin * H) / H);
    }
    for (int k = 0; k < NB; k++) {
        int p = k <= 5 ? 3 : 7;
        want[k] = k == p ? own[k] : own[p] + phi[k] - phi[p];
    }
    if (!grade_status(pvphase_ex(mag, phi, prev, tp, N, H, PV_LOCK_IDENTITY, th), "pvphase_ex"))
        return;
    if (fabs(th[5] - (own[7] + phi[5] - phi[7])) < 1e-9)
        grade_note("bin 5 is 2 bins from both peaks (3 and 7): a tie goes to the lower peak");
    grade_close("theta (peaks at bins 3 and 7)", th, want, NB, TIGHT, 0);
}

static void pvphase_nopeak(void)
{
    /* a rising magnitude has no peak: every bin advances on its own */
    const double mag[5] = {1, 2, 3, 4, 5};
    double th[5], want[5];
    for (int k = 0; k < 5; k++) {
        double bin = 2 * PI * k / 8.0;
        want[k] = EX_THETA[k] + 2 * (bin + princarg(EX_PHI[k] - EX_PREV[k] - 2 * bin) / 2);
    }
    if (grade_status(pvphase_ex(mag, EX_PHI, EX_PREV, EX_THETA, 8, 2, PV_LOCK_IDENTITY, th),
                     "pvphase_ex"))
        grade_close("theta (no peak)", th, want, 5, TIGHT, 0);
}

static void pvphase_bad(void)
{
    double th[8];
    if (!grade_einval(pvphase_ex(EX_MAG, EX_PHI, EX_PREV, EX_THETA, 8, 0, 0, th), "pvphase_ex",
                      "hop 0"))
        return;
    if (!grade_einval(pvphase_ex(EX_MAG, EX_PHI, EX_PREV, EX_THETA, 8, 5, 0, th), "pvphase_ex",
                      "hop 5 > n_fft/2"))
        return;
    if (!grade_einval(pvphase_ex(EX_MAG, EX_PHI, EX_PREV, EX_THETA, 7, 2, 0, th), "pvphase_ex",
                      "odd n_fft 7"))
        return;
    grade_einval(pvphase_ex(EX_MAG, EX_PHI, EX_PREV, EX_THETA, 8, 2, 2, th), "pvphase_ex",
                 "lock 2");
}

/* ---- Part 2: pvstretch ---------------------------------------------------------- */

static void pvstretch_identity(void)
{
    enum { LEN = 5000 };
    double *x = malloc(LEN * sizeof *x), *y = malloc(LEN * sizeof *y);
    if (!grade_true(x && y, "out of memory"))
        goto done;
    dsp_gen_noise(0.5, 902, x, LEN);
    for (int lock = 0; lock < 2; lock++) {
        if (!grade_status(pvstretch_ex(x, LEN, 1.0, 1024, 256, lock, y, LEN), "pvstretch_ex"))
            goto done;
        double r = y[LEN / 2] / x[LEN / 2];
        if (fabs(r - 1.5) < 0.01 || fabs(r - 2.0 / 3.0) < 0.01)
            grade_note("y is %.3f x too large: divide by the overlapped sum of w^2 (1.5 for "
                       "Hann at hop N/4), not the sum of w or nothing", r);
        char what[64];
        snprintf(what, sizeof what, "y (factor 1, lock %d: should be x)", lock);
        if (!grade_close(what, y, x, LEN, 1e-9, 0))
            goto done;
    }
done:
    free(x);
    free(y);
}

static void pvstretch_tone(void)
{
    enum { LEN = 44100 };
    const double factor = 1.5;
    size_t n = (size_t)llround(LEN * factor);
    double *x = malloc(LEN * sizeof *x), *y = malloc(n * sizeof *y);
    if (!grade_true(x && y, "out of memory"))
        goto done;
    dsp_gen_sine(0.8, 440.0, 0.4, FS, x, LEN);
    if (!grade_status(pvstretch_ex(x, LEN, factor, 2048, 512, PV_LOCK_IDENTITY, y, n),
                      "pvstretch_ex"))
        goto done;
    size_t mid = n / 2 - 4096;
    double f = tone_freq(y + mid, 100.0, 1000.0), peak = 0;
    for (size_t i = mid; i < mid + 8191; i++)
        peak = fmax(peak, fabs(y[i]));
    if (fabs(f - 440.0 / factor) < 1.0 || fabs(f - 440.0 * factor) < 1.0)
        grade_note("the tone came out at %.1f Hz = 440 x %.3g: advance theta by the OUTPUT "
                   "hop times w_k, and measure w_k over the input frames a and a - hop",
                   f, f / 440.0);
    else if (fabs(f - 440.0) >= 0.1)
        grade_note("the tone moved to %.1f Hz: take phi_prev from the frame centred on a - hop "
                   "(hop INPUT samples before a), not from the previous output frame's a, "
                   "which is hop/factor samples before: w_k divides by hop", f);
    if (!grade_close_scalar("frequency of the stretched 440 Hz tone (Hz)", f, 440.0, 0.1, 0))
        goto done;
    if (peak < 0.75)
        grade_note("the level dropped to %.3f: is the identity locking on? (bins of the main "
                   "lobe drifting apart cancel each other: phasiness)", peak);
    grade_close_scalar("amplitude of the stretched tone (0.8 within 2%)", peak, 0.8, 0.016, 0);
done:
    free(x);
    free(y);
}

static void pvstretch_duration(void)
{
    /* a 1 kHz burst from 0.1 to 0.3 s of 0.5 s: stretched by 2 its first
     * and last samples above half amplitude move to twice their times,
     * within one hop */
    enum { LEN = 22050, HOP = 256 };
    const double factor = 2.0;
    size_t n = (size_t)llround(LEN * factor);
    double *x = calloc(LEN, sizeof *x), *y = malloc(n * sizeof *y);
    if (!grade_true(x && y, "out of memory"))
        goto done;
    dsp_gen_sine(1.0, 1000.0, 0.0, FS, x + 4410, 8820);
    if (!grade_status(pvstretch_ex(x, LEN, factor, 1024, HOP, PV_LOCK_IDENTITY, y, n),
                      "pvstretch_ex"))
        goto done;
    size_t first = n, last = 0, f0 = n, l0 = 0;
    for (size_t i = 0; i < LEN; i++)
        if (fabs(x[i]) > 0.5) {
            f0 = f0 == n ? i : f0;
            l0 = i;
        }
    for (size_t i = 0; i < n; i++)
        if (fabs(y[i]) > 0.5) {
            first = first == n ? i : first;
            last = i;
        }
    if (grade_close_scalar("burst onset (sample)", (double)first, factor * (double)f0, HOP, 0))
        grade_close_scalar("burst end (sample)", (double)last, factor * (double)l0, HOP, 0);
done:
    free(x);
    free(y);
}

static void pvstretch_reference(void)
{
    const char *names[2] = {"pvstretch_flute.txt", "pvstretch_nolock.txt"};
    const double factors[2] = {1.5, 0.75};
    const int locks[2] = {PV_LOCK_IDENTITY, PV_LOCK_NONE};
    double *x = NULL, fs = 0, *y = NULL;
    size_t len = 0;
    if (!grade_read_mono(PV_FILE, &x, &len, &fs) ||
        !grade_true(len >= PV_START + PV_LEN, "%s is too short", PV_FILE))
        goto done;
    for (int t = 0; t < 2; t++) {
        struct dsp_mat ref = {0};
        size_t n = (size_t)llround(PV_LEN * factors[t]);
        free(y);
        y = malloc(n * sizeof *y);
        if (!grade_true(y != NULL, "out of memory") || !grade_reference(names[t], &ref))
            goto done;
        int ok = grade_length("reference rows", ref.rows, n) &&
                 grade_status(pvstretch_ex(x + PV_START, PV_LEN, factors[t], PV_N, PV_HOP,
                                           locks[t], y, n),
                              "pvstretch_ex");
        char what[80];
        snprintf(what, sizeof what, "y (flute, factor %g, lock %d)", factors[t], locks[t]);
        ok = ok && grade_close(what, y, ref.data, n, PV_ATOL, 0);
        dsp_mat_free(&ref);
        if (!ok)
            goto done;
    }
done:
    free(x);
    free(y);
}

static void pvstretch_bad(void)
{
    double x[100] = {0}, y[300];
    if (!grade_einval(pvstretch_ex(x, 100, 2.0, 64, 16, 0, y, 199), "pvstretch_ex",
                      "out_len 199 for round(100 * 2) = 200"))
        return;
    if (!grade_einval(pvstretch_ex(x, 100, 0.0, 64, 16, 0, y, 0), "pvstretch_ex", "factor 0"))
        return;
    grade_einval(pvstretch_ex(x, 100, 2.0, 64, 0, 0, y, 200), "pvstretch_ex", "hop 0");
}

/* ---- Part 3: sinefreq ----------------------------------------------------------- */

static void sinefreq_example(void)
{
    const double f[4] = {100, 300, 300, 200}, m[4] = {-6, -12, -20, -30};
    const double at[2] = {0, 1}, fac[2] = {1, 2};
    const double wf[4] = {100, 300, 0, 400}, wm[4] = {-6, -12, 0, -30};
    double of[4], om[4];
    if (!grade_status(sinefreq_ex(f, m, 2, 2, at, fac, 2, 1000.0, of, om), "sinefreq_ex"))
        return;
    if (of[2] == 600.0)
        grade_note("600 Hz is above fs/2 = 500 Hz: it would alias, so the slot becomes empty");
    if (!grade_close("out_freq (Hz)", of, wf, 4, TIGHT, 0) ||
        !grade_close("out_mag (dB)", om, wm, 4, TIGHT, 0))
        return;
    /* one breakpoint: a constant factor; breakpoints after frame 0 are
     * held flat before the first: frames 0..3 with points (2, 1), (3, 3) */
    const double f1[4] = {100, 100, 100, 100}, m1[4] = {-1, -2, -3, -4};
    const double at1[2] = {2, 3}, fac1[2] = {1, 3}, w1[4] = {100, 100, 100, 300};
    if (!grade_status(sinefreq_ex(f1, m1, 4, 1, at1, fac1, 2, 1000.0, of, om), "sinefreq_ex"))
        return;
    grade_close("out_freq (points (2, 1) (3, 3), frames 0..3)", of, w1, 4, TIGHT, 0);
}

static void sinefreq_violin(void)
{
    static struct tracks t;
    static double of[VIOLIN_FRAMES * HARM], om[VIOLIN_FRAMES * HARM];
    const double at[3] = {0, 15, 29}, fac[3] = {0.8, 1.5, 1.2};
    if (!load_tracks("violin_tracks.txt", VIOLIN_FRAMES, &t))
        return;
    if (!grade_status(sinefreq_ex(t.f, t.m, VIOLIN_FRAMES, HARM, at, fac, 3, FS, of, om),
                      "sinefreq_ex"))
        return;
    check_freq_mag("sinefreq_violin.txt", of, om, VIOLIN_FRAMES, TIGHT);
}

static void sinefreq_bad(void)
{
    const double f[2] = {100, 200}, at[2] = {0, 0}, fac[2] = {1, 1};
    double of[2], om[2];
    if (!grade_einval(sinefreq_ex(f, f, 2, 1, at, fac, 2, 1000.0, of, om), "sinefreq_ex",
                      "at_frame {0, 0} (not increasing)"))
        return;
    grade_einval(sinefreq_ex(f, f, 2, 1, at, fac, 0, 1000.0, of, om), "sinefreq_ex",
                 "n_points 0");
}

/* ---- Part 4: sinetime ----------------------------------------------------------- */

static void sinetime_example(void)
{
    const double f[5] = {100, 200, 300, 400, 500}, m[5] = {-1, -2, -3, -4, -5};
    const double in[2] = {0, 4}, out[2] = {0, 8};
    const double wf[9] = {100, 200, 200, 300, 300, 400, 400, 500, 500};
    const double wm[9] = {-1, -2, -2, -3, -3, -4, -4, -5, -5};
    double of[9], om[9];
    if (!grade_status(sinetime_ex(f, m, 5, 1, in, out, 2, of, om, 9), "sinetime_ex"))
        return;
    if (of[1] == 100.0 && of[3] == 200.0)
        grade_note("frame 1 reads t = 0.5: round() takes halves away from zero (llround), "
                   "truncation gives 0");
    if (of[2] == 300.0 && of[1] == 300.0)
        grade_note("the map goes from output frames to input frames: frame j reads j/2 here");
    if (!grade_close("out_freq (Hz)", of, wf, 9, 0, 0))
        return;
    grade_close("out_mag (dB)", om, wm, 9, 0, 0);
}

static void sinetime_violin(void)
{
    static struct tracks t;
    static double of[31 * HARM], om[31 * HARM];
    const double in[3] = {0, 10, 29}, out[3] = {0, 20, 30};
    if (!load_tracks("violin_tracks.txt", VIOLIN_FRAMES, &t))
        return;
    if (!grade_status(sinetime_ex(t.f, t.m, VIOLIN_FRAMES, HARM, in, out, 3, of, om, 31),
                      "sinetime_ex"))
        return;
    check_freq_mag("sinetime_violin.txt", of, om, 31, 0);
}

static void sinetime_bad(void)
{
    const double f[5] = {1, 2, 3, 4, 5}, in[2] = {0, 4}, out[2] = {0, 8}, in1[2] = {1, 4};
    double of[10], om[10];
    if (!grade_einval(sinetime_ex(f, f, 5, 1, in, out, 2, of, om, 8), "sinetime_ex",
                      "out_frames 8 for a map ending at 8 (needs 9)"))
        return;
    grade_einval(sinetime_ex(f, f, 5, 1, in1, out, 2, of, om, 9), "sinetime_ex",
                 "a map starting at (1, 0)");
}

/* ---- Part 5: harmpitch ---------------------------------------------------------- */

static void harmpitch_example(void)
{
    const double f[3] = {100, 200, 300}, m[3] = {-10, -20, -30};
    const double wf[3] = {150, 300, 0}, wmove[3] = {-10, -20, 0}, wkeep[3] = {-15, -30, 0};
    double of[3], om[3];
    if (!grade_status(harmpitch_ex(f, m, 1, 3, 1.5, 0, 800.0, of, om), "harmpitch_ex"))
        return;
    if (!grade_close("out_freq (Hz)", of, wf, 3, TIGHT, 0) ||
        !grade_close("out_mag (dB, envelope moved)", om, wmove, 3, TIGHT, 0))
        return;
    if (!grade_status(harmpitch_ex(f, m, 1, 3, 1.5, 1, 800.0, of, om), "harmpitch_ex"))
        return;
    if (fabs(om[1] + 20) < 1e-9)
        grade_note("harmonic 2 moved to 300 Hz, where the original envelope is -30 dB (the "
                   "third harmonic's point), not its own -20 dB");
    if (!grade_close("out_mag (dB, envelope kept)", om, wkeep, 3, TIGHT, 0))
        return;
    /* down an octave with the envelope kept: 50 Hz lies below the first
     * point (held: -10), 100 Hz on it, 150 Hz halfway to 200 */
    const double wdown[3] = {-10, -10, -15};
    if (grade_status(harmpitch_ex(f, m, 1, 3, 0.5, 1, 800.0, of, om), "harmpitch_ex"))
        grade_close("out_mag (dB, ratio 0.5, envelope kept)", om, wdown, 3, TIGHT, 0);
}

/* The closed form: a pure 220 Hz tone's tracks, shifted by 1.5 and
 * synthesised without phases (dsp_sine_synth_time), sound at 330 Hz
 * within 0.1 Hz. */
static void harmpitch_tone(void)
{
    enum { FR = 120, HOPS = 256, LEN = (FR - 1) * HOPS };
    static double f[FR * 2], m[FR * 2], of[FR * 2], om[FR * 2], y[LEN];
    for (int k = 0; k < FR; k++) {
        f[2 * k] = 220.0;
        m[2 * k] = -6.0;
        f[2 * k + 1] = 0;   /* no second harmonic */
        m[2 * k + 1] = 0;
    }
    if (!grade_status(harmpitch_ex(f, m, FR, 2, 1.5, 1, FS, of, om), "harmpitch_ex"))
        return;
    if (!grade_true(of[1] == 0 && om[1] == 0, "an empty harmonic (freq 0) must stay empty, got "
                                              "%g Hz, %g dB", of[1], om[1]))
        return;
    if (!grade_true(dsp_sine_synth_time(of, om, NULL, FR, 2, HOPS, FS, y, LEN) == DSP_OK,
                    "cannot synthesise your tracks: %s", dsp_last_error()))
        return;
    double got = tone_freq(y + LEN / 2 - 4096, 100.0, 1000.0);
    grade_close_scalar("frequency of 220 Hz shifted by 1.5 (Hz)", got, 330.0, 0.1, 0);
}

static void harmpitch_violin(void)
{
    static struct tracks t;
    static double of[VIOLIN_FRAMES * HARM], om[VIOLIN_FRAMES * HARM];
    if (!load_tracks("violin_tracks.txt", VIOLIN_FRAMES, &t))
        return;
    if (!grade_status(harmpitch_ex(t.f, t.m, VIOLIN_FRAMES, HARM, 0.8, 1, FS, of, om),
                      "harmpitch_ex"))
        return;
    check_freq_mag("harmpitch_violin.txt", of, om, VIOLIN_FRAMES, TIGHT);
}

static void harmpitch_bad(void)
{
    const double f[1] = {100};
    double of[1], om[1];
    if (!grade_einval(harmpitch_ex(f, f, 1, 1, 0.0, 0, 800.0, of, om), "harmpitch_ex",
                      "ratio 0"))
        return;
    grade_einval(harmpitch_ex(f, f, 1, 1, 1.5, 2, 800.0, of, om), "harmpitch_ex",
                 "keep_envelope 2");
}

/* ---- Part 6: morph -------------------------------------------------------------- */

static void morph_example(void)
{
    const double fa[6] = {100, 200, 100, 200, 100, 200}, ma[6] = {-10, -20, -10, -20, -10, -20};
    const double fb[4] = {150, 0, 160, 320}, mb[4] = {-30, 0, -40, -60};
    const double ea[3] = {-40, -50, -60}, eb[2] = {-20, -30};
    const double wf[6] = {125, 0, 130, 260, 130, 260};
    const double wm[6] = {-15, 0, -17.5, -30, -17.5, -30}, we[3] = {-35, -45, -52.5};
    double of[6], om[6], oe[3];
    if (!grade_status(morph_ex(fa, ma, ea, 3, fb, mb, eb, 2, 2, 1, 0.5, 0.25, 0.25, of, om, oe),
                      "morph_ex"))
        return;
    if (fabs(of[2] - 125) < 1e-9)
        grade_note("frame 1 of A meets frame round(1 * 1 / 2) = 1 of B (0.5 rounds up): "
                   "integer division truncates");
    if (!grade_close("out_freq (Hz)", of, wf, 6, TIGHT, 0) ||
        !grade_close("out_mag (dB)", om, wm, 6, TIGHT, 0))
        return;
    if (fabs(oe[0] - (-25)) < 1e-9)
        grade_note("alpha 0.25 gives 0.75 of A and 0.25 of B, not the other way round");
    grade_close("out_env (dB)", oe, we, 3, TIGHT, 0);
}

/* alpha 0 everywhere gives A (where B has the harmonic too); alpha 1 gives
 * B's values on A's time line. Violin (30 frames) and flute (20). */
static void morph_ends(void)
{
    static struct tracks a, b;
    static double of[VIOLIN_FRAMES * HARM], om[VIOLIN_FRAMES * HARM], oe[VIOLIN_FRAMES * ENV];
    static double wf[VIOLIN_FRAMES * HARM], wm[VIOLIN_FRAMES * HARM], we[VIOLIN_FRAMES * ENV];
    if (!load_tracks("violin_tracks.txt", VIOLIN_FRAMES, &a) ||
        !load_tracks("flute_tracks.txt", FLUTE_FRAMES, &b))
        return;
    for (int alpha = 0; alpha < 2; alpha++) {
        for (size_t k = 0; k < VIOLIN_FRAMES; k++) {
            size_t kb = (size_t)llround(k * (FLUTE_FRAMES - 1.0) / (VIOLIN_FRAMES - 1.0));
            for (size_t h = 0; h < HARM; h++) {
                size_t qa = k * HARM + h, qb = kb * HARM + h;
                int both = a.f[qa] > 0 && b.f[qb] > 0;
                wf[qa] = both ? (alpha ? b.f[qb] : a.f[qa]) : 0;
                wm[qa] = both ? (alpha ? b.m[qb] : a.m[qa]) : 0;
            }
            for (size_t e = 0; e < ENV; e++)
                we[k * ENV + e] = alpha ? b.e[kb * ENV + e] : a.e[k * ENV + e];
        }
        double al = alpha;
        if (!grade_status(morph_ex(a.f, a.m, a.e, VIOLIN_FRAMES, b.f, b.m, b.e, FLUTE_FRAMES,
                                   HARM, ENV, al, al, al, of, om, oe),
                          "morph_ex"))
            return;
        char what[48];
        snprintf(what, sizeof what, "out_freq (Hz, alpha %d)", alpha);
        if (!grade_close(what, of, wf, VIOLIN_FRAMES * HARM, TIGHT, 0))
            return;
        snprintf(what, sizeof what, "out_mag (dB, alpha %d)", alpha);
        if (!grade_close(what, om, wm, VIOLIN_FRAMES * HARM, TIGHT, 0))
            return;
        snprintf(what, sizeof what, "out_env (dB, alpha %d)", alpha);
        if (!grade_close(what, oe, we, VIOLIN_FRAMES * ENV, TIGHT, 0))
            return;
    }
}

static void morph_violin_flute(void)
{
    static struct tracks a, b;
    static double of[VIOLIN_FRAMES * HARM], om[VIOLIN_FRAMES * HARM], oe[VIOLIN_FRAMES * ENV];
    static double we[VIOLIN_FRAMES * ENV];
    struct dsp_mat ref = {0};
    if (!load_tracks("violin_tracks.txt", VIOLIN_FRAMES, &a) ||
        !load_tracks("flute_tracks.txt", FLUTE_FRAMES, &b))
        return;
    if (!grade_status(morph_ex(a.f, a.m, a.e, VIOLIN_FRAMES, b.f, b.m, b.e, FLUTE_FRAMES, HARM,
                               ENV, 0.3, 0.6, 0.5, of, om, oe),
                      "morph_ex"))
        return;
    check_freq_mag("morph_violin_flute.txt", of, om, VIOLIN_FRAMES, TIGHT);
    if (!grade_reference("morph_violin_flute.txt", &ref))
        return;
    if (grade_true(ref.rows == VIOLIN_FRAMES && ref.cols == COLS, "morph_violin_flute.txt: "
                                                                  "unexpected shape")) {
        for (size_t k = 0; k < VIOLIN_FRAMES; k++)
            memcpy(we + k * ENV, ref.data + k * COLS + 2 * HARM, ENV * sizeof *we);
        grade_close("out_env (dB)", oe, we, VIOLIN_FRAMES * ENV, TIGHT, 0);
    }
    dsp_mat_free(&ref);
}

static void morph_bad(void)
{
    const double f[2] = {100, 200};
    double of[2], om[2], oe[2];
    if (!grade_einval(morph_ex(f, f, f, 1, f, f, f, 1, 2, 2, 1.5, 0, 0, of, om, oe), "morph_ex",
                      "alpha_freq 1.5"))
        return;
    grade_einval(morph_ex(f, f, f, 1, f, f, f, 0, 2, 2, 0.5, 0, 0, of, om, oe), "morph_ex",
                 "n_b 0");
}

static const struct grade_test tests[] = {
    /* name                                    points  test  depends on  CPU s */
    {"pvphase: README example", 3, pvphase_example, NULL, 0},
    {"pvphase: two peaks, a tie", 2, pvphase_regions, "pvphase: README example", 0},
    {"pvphase: no peak", 1, pvphase_nopeak, NULL, 0},
    {"pvphase: bad arguments", 1, pvphase_bad, NULL, 0},
    {"pvstretch: factor 1 gives x back", 2, pvstretch_identity, NULL, 0},
    {"pvstretch: a 440 Hz tone stretched by 1.5", 2, pvstretch_tone,
     "pvstretch: factor 1 gives x back", 0},
    {"pvstretch: a burst's times scale by 2", 1, pvstretch_duration,
     "pvstretch: factor 1 gives x back", 0},
    {"pvstretch: flute A5, with and without locking", 2, pvstretch_reference,
     "pvstretch: factor 1 gives x back", 0},
    {"pvstretch: bad arguments", 1, pvstretch_bad, NULL, 0},
    {"sinefreq: README example, breakpoints", 2, sinefreq_example, NULL, 0},
    {"sinefreq: violin A4", 1, sinefreq_violin, "sinefreq: README example, breakpoints", 0},
    {"sinefreq: bad arguments", 1, sinefreq_bad, NULL, 0},
    {"sinetime: README example", 2, sinetime_example, NULL, 0},
    {"sinetime: violin A4 through a map", 1, sinetime_violin, "sinetime: README example", 0},
    {"sinetime: bad arguments", 1, sinetime_bad, NULL, 0},
    {"harmpitch: README example", 2, harmpitch_example, NULL, 0},
    {"harmpitch: 220 Hz x 1.5 sounds at 330 Hz", 1, harmpitch_tone, NULL, 0},
    {"harmpitch: violin A4 down, envelope kept", 1, harmpitch_violin,
     "harmpitch: README example", 0},
    {"harmpitch: bad arguments", 1, harmpitch_bad, NULL, 0},
    {"morph: README example", 2, morph_example, NULL, 0},
    {"morph: alpha 0 and alpha 1", 1, morph_ends, NULL, 0},
    {"morph: violin towards flute", 1, morph_violin_flute, "morph: README example", 0},
    {"morph: bad arguments", 1, morph_bad, NULL, 0},
};
GRADE_SUITE("09-transformations", tests);
