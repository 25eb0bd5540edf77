/*
 * Lesson 06 — The harmonic model: the graded tests.
 *
 * Expected values: TWM errors of the worked examples were computed with
 * numpy from the course's TWM_p formulas (sms-tools, utilFunctions.py),
 * transcribed independently of the C solution; the random TWM cases and the
 * violin cases come from data/reference/06-harmonic-model/ (written by
 * refgen.c from the reference solution; its TWM values agree with the numpy
 * transcription to 2e-15). Harmonic matching, inharmonicity and synthesis
 * are checked against closed forms computed here.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <dsplab/datafile.h>
#include <dsplab/gen.h>
#include <dsplab/signal.h>
#include <dsplab/status.h>

#include "exercise.h"
#include "grade.h"

static const double PI = 3.14159265358979323846;

/* Shared with refgen.c. */
#define VIOLIN_FRAMES 40
#define VIOLIN_PEAKS 40
#define VIOLIN_FMIN 100.0
#define VIOLIN_FMAX 1500.0
#define VIOLIN_MAX_ERR 5.0
#define VIOLIN_HARM 20
#define VIOLIN_SLOPE 0.01
#define VIOLIN_FS 44100.0
#define TWM_RANDOM_CASES 30
#define TWM_RANDOM_PEAKS 12
#define PEAK_COLS (1 + 3 * VIOLIN_PEAKS)

/* TWM errors are sums of ~20 terms of size <= ~50 with pow() and 10^x:
 * different orders of summing move the last ~14 digits only. */
#define TWM_TOL 1e-9

/* The example of the README: six peaks of a 220.5 Hz tone. */
static const double EX_F[6] = {220.5, 441.3, 659.8, 882.0, 1101.7, 1325.1};
static const double EX_M[6] = {-12, -6, -20, -25, -30, -41};
static const double EX_P[6] = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};

/* ---- Part 1: twm ---------------------------------------------------------------- */

static int twm_case(const double *pf, const double *pm, size_t n, double f0, double want)
{
    double err = NAN;
    if (!grade_status(twm_ex(pf, pm, n, f0, &err), "twm_ex"))
        return 0;
    char what[80];
    snprintf(what, sizeof what, "TWM error of f0 = %g Hz (%zu peaks)", f0, n);
    return grade_close_scalar(what, err, want, TWM_TOL, TWM_TOL);
}

static void twm_example(void)
{
    /* exact harmonics of 200 Hz: only the -r terms remain, so the error is
     * -0.5 (1 + 0.316 + 0.1) / 3 - 0.33 * 0.5 (1 + 0.1 + 0.01) / 3 = -0.2971 */
    const double pf[3] = {200, 400, 600}, pm[3] = {-10, -20, -30};
    if (!twm_case(pf, pm, 3, 200.0, -0.29708796100280638))
        return;
    if (!twm_case(pf, pm, 3, 400.0, 12.957623352181116))   /* an octave too high */
        return;
    if (!twm_case(pf, pm, 3, 100.0, 12.057752153517004))   /* an octave too low */
        return;
    twm_case(pf, pm, 3, 210.0, 1.4306873874812946);        /* 5 % sharp */
}

static void twm_six(void)
{
    if (!twm_case(EX_F, EX_M, 6, 220.5, -0.15677981068910604))
        return;
    if (!twm_case(EX_F, EX_M, 6, 441.3, 10.102255919184625))
        return;
    twm_case(EX_F, EX_M, 6, 659.8, 22.706826309663654);
}

static void twm_random(void)
{
    struct dsp_mat ref = {0};
    enum { COLS = 1 + 2 * TWM_RANDOM_PEAKS + 2 };
    if (!grade_reference("twm_random.txt", &ref))
        return;
    if (grade_true(ref.rows == TWM_RANDOM_CASES && ref.cols == COLS,
                   "twm_random.txt: %zu x %zu, expected %d x %d", ref.rows, ref.cols,
                   TWM_RANDOM_CASES, COLS))
        for (size_t c = 0; c < ref.rows; c++) {
            const double *r = ref.data + c * COLS;
            if (!twm_case(r + 1, r + 1 + TWM_RANDOM_PEAKS, (size_t)r[0], r[COLS - 2],
                          r[COLS - 1]))
                break;
        }
    dsp_mat_free(&ref);
}

static void twm_many(void)
{
    /* 12 peaks: only the first 10 harmonics and the first 10 peaks count;
     * peaks 11 and 12 are far off (a wrong K would change the error) */
    const double pf[12] = {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1234, 1377};
    const double pm[12] = {-10, -12, -14, -16, -18, -20, -22, -24, -26, -28, -3, -3};
    /* the two classic slips give these exactly (numpy, same formulas):
     * Amax over the first ten peaks only, or sums over all twelve */
    double err = NAN;
    if (twm_ex(pf, pm, 12, 100.0, &err) == DSP_OK) {
        if (fabs(err - -0.2630584001891412) < TWM_TOL)
            grade_note("your error is what Amax = -10 dB gives: Amax is the loudest of ALL "
                       "the peaks (here peaks 11 and 12, -3 dB); K only limits the two sums");
        else if (fabs(err - 0.4118143681955497) < TWM_TOL)
            grade_note("your error is what K = 12 gives: the sums stop at K = min(10, n_peaks)");
    }
    twm_case(pf, pm, 12, 100.0, -0.10656390139620384);
}

static void twm_bad(void)
{
    const double pf[1] = {100}, pm[1] = {-10};
    double err;
    if (!grade_einval(twm_ex(pf, pm, 1, 0.0, &err), "twm_ex", "f0 = 0"))
        return;
    grade_einval(twm_ex(pf, pm, 0, 100.0, &err), "twm_ex", "n_peaks = 0");
}

/* ---- Part 2: f0 ----------------------------------------------------------------- */

static int f0_case(const char *name, const double *pf, const double *pm, size_t n, double fmin,
                   double fmax, double max_err, double want)
{
    double f0 = NAN;
    if (!grade_status(f0_ex(pf, pm, n, fmin, fmax, max_err, &f0), "f0_ex"))
        return 0;
    /* f0 is one of the peaks' own frequencies, or 0: exact */
    return grade_true(f0 == want, "%s: f0 = %.17g, expected %.17g (range %g..%g Hz, max_err %g)",
                      name, f0, want, fmin, fmax, max_err);
}

static void f0_example(void)
{
    /* candidates 220.5 (error -0.157), 441.3 (10.1), 659.8 (22.7), 882 ... */
    f0_case("six peaks of 220.5 Hz", EX_F, EX_M, 6, 100.0, 1000.0, 5.0, 220.5);
}

static void f0_range(void)
{
    /* from 300 Hz the best candidate is 441.3 Hz, error 10.1: above 5, so
     * unvoiced; accepted with max_err 20 */
    if (!f0_case("fmin 300, max_err 5", EX_F, EX_M, 6, 300.0, 1000.0, 5.0, 0.0))
        return;
    if (!f0_case("fmin 300, max_err 20", EX_F, EX_M, 6, 300.0, 1000.0, 20.0, 441.3))
        return;
    /* the range includes its ends */
    if (!f0_case("fmin = fmax = 441.3", EX_F, EX_M, 6, 441.3, 441.3, 20.0, 441.3))
        return;
    if (!f0_case("no candidate in 1400..2000 Hz", EX_F, EX_M, 6, 1400.0, 2000.0, 100.0, 0.0))
        return;
    if (!f0_case("no peaks", EX_F, EX_M, 0, 100.0, 1000.0, 5.0, 0.0))
        return;
    /* the threshold is strict: error -0.157 is not below -0.157 */
    double e = 0;
    twm_ex(EX_F, EX_M, 6, 220.5, &e);
    f0_case("max_err equal to the best error (voiced only when err < max_err)", EX_F, EX_M, 6,
            100.0, 1000.0, e, 0.0);
}

static void f0_violin(void)
{
    struct dsp_mat pk = {0}, ref = {0};
    if (!grade_reference("violin_peaks.txt", &pk) || !grade_reference("violin_f0.txt", &ref))
        goto done;
    if (!grade_true(pk.rows == VIOLIN_FRAMES && pk.cols == PEAK_COLS &&
                        ref.rows == VIOLIN_FRAMES,
                    "violin references have unexpected sizes"))
        goto done;
    double f0[VIOLIN_FRAMES];
    for (size_t k = 0; k < VIOLIN_FRAMES; k++) {
        const double *r = pk.data + k * PEAK_COLS;
        if (!grade_status(f0_ex(r + 1, r + 1 + VIOLIN_PEAKS, (size_t)r[0], VIOLIN_FMIN,
                                VIOLIN_FMAX, VIOLIN_MAX_ERR, &f0[k]),
                          "f0_ex"))
            goto done;
    }
    /* exact: each frame picks one peak frequency (or 0) */
    if (grade_close("f0 (violin A4, 40 frames)", f0, ref.data, VIOLIN_FRAMES, 0.0, 0.0)) {
        double lo = f0[0], hi = f0[0];
        for (size_t k = 1; k < VIOLIN_FRAMES; k++) {
            lo = fmin(lo, f0[k]);
            hi = fmax(hi, f0[k]);
        }
        grade_note("violin f0 between %.2f and %.2f Hz (vibrato)", lo, hi);
    }
done:
    dsp_mat_free(&pk);
    dsp_mat_free(&ref);
}

static void f0_bad(void)
{
    double f0;
    if (!grade_einval(f0_ex(EX_F, EX_M, 6, 0.0, 1000.0, 5.0, &f0), "f0_ex", "fmin = 0"))
        return;
    grade_einval(f0_ex(EX_F, EX_M, 6, 500.0, 400.0, 5.0, &f0), "f0_ex", "fmin > fmax");
}

/* ---- Part 3: harmonics ---------------------------------------------------------- */

static int harm_case(const char *name, const double *pf, const double *pm, const double *pp,
                     size_t n, double f0, size_t nh, double slope, double fs, const double *wf,
                     const double *wm, const double *wp)
{
    double hf[32], hm[32], hp[32];
    for (size_t h = 0; h < nh; h++)
        hf[h] = hm[h] = hp[h] = 999.0;
    if (!grade_status(harmonics_ex(pf, pm, pp, n, f0, nh, slope, fs, hf, hm, hp),
                      "harmonics_ex"))
        return 0;
    /* copies of peak values: exact */
    char what[96];
    snprintf(what, sizeof what, "hfreq (%s)", name);
    if (!grade_close(what, hf, wf, nh, 0.0, 0.0))
        return 0;
    snprintf(what, sizeof what, "hmag (%s)", name);
    if (!grade_close(what, hm, wm, nh, 0.0, 0.0))
        return 0;
    snprintf(what, sizeof what, "hphase (%s)", name);
    return grade_close(what, hp, wp, nh, 0.0, 0.0);
}

static void harmonics_example(void)
{
    /* f0 220.5: harmonics 1..6 find their peaks (deviations 0 .. 2.1 Hz,
     * tolerance 73.5 + 0.01 f); harmonic 7 (1543.5) is 218 Hz from 1325.1:
     * not found; 8 neither */
    const double wf[8] = {220.5, 441.3, 659.8, 882.0, 1101.7, 1325.1, 0, 0};
    const double wm[8] = {-12, -6, -20, -25, -30, -41, 0, 0};
    const double wp[8] = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0, 0};
    harm_case("f0 220.5, 8 harmonics", EX_F, EX_M, EX_P, 6, 220.5, 8, 0.01, 44100.0, wf, wm, wp);
}

static void harmonics_rules(void)
{
    /* f0 300: tolerance 100 + slope * f. Peak 390 is 90 Hz from 300
     * (found with slope 0, it is the nearest to harmonic 1); 700 is 100 Hz
     * from 600: not found with slope 0 (strict), found with slope 0.01
     * (100 < 107); 890 is harmonic 3 */
    const double pf[3] = {390, 700, 890}, pm[3] = {-1, -2, -3}, pp[3] = {1, 2, 3};
    const double wf0[3] = {390, 0, 890}, wm0[3] = {-1, 0, -3}, wp0[3] = {1, 0, 3};
    if (!harm_case("slope 0", pf, pm, pp, 3, 300.0, 3, 0.0, 44100.0, wf0, wm0, wp0))
        return;
    const double wf1[3] = {390, 700, 890}, wm1[3] = {-1, -2, -3}, wp1[3] = {1, 2, 3};
    if (!harm_case("slope 0.01", pf, pm, pp, 3, 300.0, 3, 0.01, 44100.0, wf1, wm1, wp1))
        return;
    /* fs 2000: harmonics at or above 1000 Hz are not looked for (h = 4 at
     * 1200 would match 1190 otherwise) */
    const double pf2[4] = {300, 600, 900, 1190}, pm2[4] = {-1, -2, -3, -4};
    const double pp2[4] = {1, 2, 3, 4};
    const double wf2[5] = {300, 600, 900, 0, 0}, wm2[5] = {-1, -2, -3, 0, 0};
    const double wp2[5] = {1, 2, 3, 0, 0};
    if (!harm_case("fs 2000: stop at 1000 Hz", pf2, pm2, pp2, 4, 300.0, 5, 0.0, 2000.0, wf2,
                   wm2, wp2))
        return;
    /* the slope multiplies the peak's frequency, not h*f0: 760 Hz is
     * 160 Hz from harmonic 2 (600), inside 100 + 0.1 * 760 = 176 */
    const double pf3[2] = {300, 760}, pm3[2] = {-1, -2}, pp3[2] = {1, 2};
    double hf[2] = {0}, hm[2], hp[2];
    if (harmonics_ex(pf3, pm3, pp3, 2, 300.0, 2, 0.1, 44100.0, hf, hm, hp) == DSP_OK &&
        hf[1] == 0)
        grade_note("760 Hz is 160 Hz from 600: inside f0/3 + slope * pfreq = 100 + 76, "
                   "outside 100 + slope * h f0 = 160 (strict) -- the slope multiplies the "
                   "peak's frequency");
    if (!harm_case("slope 0.1, peak above h*f0", pf3, pm3, pp3, 2, 300.0, 2, 0.1, 44100.0, pf3,
                   pm3, pp3))
        return;
    /* unvoiced: all zeros */
    const double z[4] = {0, 0, 0, 0};
    if (!harm_case("f0 = 0", pf2, pm2, pp2, 4, 0.0, 4, 0.01, 44100.0, z, z, z))
        return;
    /* voiced but no peaks: nothing to match, all zeros (no pfreq[0] to read;
     * a loop to n_peaks - 1 wraps around) */
    harm_case("n_peaks = 0", pf2, pm2, pp2, 0, 300.0, 4, 0.01, 44100.0, z, z, z);
}

static void harmonics_violin(void)
{
    struct dsp_mat pk = {0}, f0 = {0}, ref = {0};
    if (!grade_reference("violin_peaks.txt", &pk) || !grade_reference("violin_f0.txt", &f0) ||
        !grade_reference("violin_harmonics.txt", &ref))
        goto done;
    if (!grade_true(pk.rows == VIOLIN_FRAMES && pk.cols == PEAK_COLS &&
                        f0.rows == VIOLIN_FRAMES && ref.rows == VIOLIN_FRAMES &&
                        ref.cols == 3 * VIOLIN_HARM,
                    "violin references have unexpected sizes"))
        goto done;
    for (size_t k = 0; k < VIOLIN_FRAMES; k++) {
        const double *r = pk.data + k * PEAK_COLS, *w = ref.data + k * 3 * VIOLIN_HARM;
        char name[48];
        snprintf(name, sizeof name, "violin A4, frame %zu", k);
        if (!harm_case(name, r + 1, r + 1 + VIOLIN_PEAKS, r + 1 + 2 * VIOLIN_PEAKS,
                       (size_t)r[0], f0.data[k], VIOLIN_HARM, VIOLIN_SLOPE, VIOLIN_FS, w,
                       w + VIOLIN_HARM, w + 2 * VIOLIN_HARM))
            break;
    }
done:
    dsp_mat_free(&pk);
    dsp_mat_free(&f0);
    dsp_mat_free(&ref);
}

/* ---- Part 4: inharm ------------------------------------------------------------- */

static void inharm_string(void)
{
    /* a stiff string: f_h = h f0 sqrt(1 + B h^2), B = 1e-4, f0 = 100 Hz,
     * 10 harmonics, the same in 5 frames: I = (1/10) sum_h f0 (sqrt(1 + B h^2) - 1) */
    const double f0c = 100.0, B = 1e-4;
    double f0[5], hf[50], want = 0.0;
    for (int h = 1; h <= 10; h++)
        want += f0c * (sqrt(1.0 + B * h * h) - 1.0) / 10.0;
    for (int l = 0; l < 5; l++) {
        f0[l] = f0c;
        for (int h = 1; h <= 10; h++)
            hf[l * 10 + h - 1] = h * f0c * sqrt(1.0 + B * h * h);
    }
    double inh = NAN;
    if (!grade_status(inharm_ex(f0, hf, 5, 10, &inh), "inharm_ex"))
        return;
    /* a mean of 50 terms ~0.1 Hz */
    grade_close_scalar("inharmonicity (stiff string, B = 1e-4)", inh, want, 1e-12, 1e-12);
}

static void inharm_gaps(void)
{
    /* frame 0: f0 100, harmonics 101, -, 297 -> (1 + 3/3) / 2 = 1
     * frame 1: unvoiced (f0 0): skipped, whatever its harmonics say
     * frame 2: f0 200, no harmonic found: skipped
     * frame 3: f0 200, harmonics -, 406, 600 -> (6/2 + 0/3) / 2 = 1.5
     * mean over frames 0 and 3: 1.25 */
    const double f0[4] = {100, 0, 200, 200};
    const double hf[12] = {101, 0, 297, 50, 60, 70, 0, 0, 0, 0, 406, 600};
    double inh = NAN;
    if (!grade_status(inharm_ex(f0, hf, 4, 3, &inh), "inharm_ex"))
        return;
    if (fabs(inh - 2.5) < 1e-12)
        grade_note("2.5 is the answer without dividing each deviation by its h");
    else if (fabs(inh - 0.625) < 1e-12)
        grade_note("0.625 is (1 + 1.5) / 4: average over the frames that count (f0 > 0 and "
                   "a harmonic found), here 2");
    if (!grade_close_scalar("inharmonicity (gaps)", inh, 1.25, 1e-12, 1e-12))
        return;
    /* perfectly harmonic: 0 */
    const double f0b[1] = {440}, hfb[3] = {440, 880, 1320};
    if (!grade_status(inharm_ex(f0b, hfb, 1, 3, &inh), "inharm_ex"))
        return;
    if (!grade_close_scalar("inharmonicity (exact harmonics)", inh, 0.0, 1e-12, 0.0))
        return;
    const double f0z[2] = {0, 100}, hfz[2] = {0, 0};
    grade_einval(inharm_ex(f0z, hfz, 2, 1, &inh), "inharm_ex", "no voiced frame with harmonics");
}

static void inharm_violin(void)
{
    struct dsp_mat f0 = {0}, hm = {0}, ref = {0};
    double *hf = NULL;
    if (!grade_reference("violin_f0.txt", &f0) ||
        !grade_reference("violin_harmonics.txt", &hm) ||
        !grade_reference("violin_inharm.txt", &ref))
        goto done;
    hf = malloc(VIOLIN_FRAMES * VIOLIN_HARM * sizeof *hf);
    if (!grade_true(hf && f0.rows == VIOLIN_FRAMES && hm.rows == VIOLIN_FRAMES &&
                        hm.cols == 3 * VIOLIN_HARM && ref.rows == 1,
                    "violin references have unexpected sizes"))
        goto done;
    for (size_t k = 0; k < VIOLIN_FRAMES; k++)
        for (size_t h = 0; h < VIOLIN_HARM; h++)
            hf[k * VIOLIN_HARM + h] = hm.data[k * 3 * VIOLIN_HARM + h];
    double inh = NAN;
    if (!grade_status(inharm_ex(f0.data, hf, VIOLIN_FRAMES, VIOLIN_HARM, &inh), "inharm_ex"))
        goto done;
    if (grade_close_scalar("inharmonicity (violin A4), Hz", inh, ref.data[0], 1e-9, 1e-12))
        grade_note("violin A4 inharmonicity: %.4f Hz", inh);
done:
    free(hf);
    dsp_mat_free(&f0);
    dsp_mat_free(&hm);
    dsp_mat_free(&ref);
}

/* ---- Part 5: hsynth ------------------------------------------------------------- */

static void hsynth_steady(void)
{
    /* f0 = 441 Hz, 5 harmonics of amplitude 1/h, at 44.1 kHz and at 4 kHz,
     * where the 5th (2205 Hz) is above fs/2 and left out: compared with
     * dsp_gen_harmonics, which drops the same ones */
    enum { FR = 20, HOP = 100, NH = 5 };
    const double rates[2] = {44100.0, 4000.0};
    double f0[FR], amp[FR * NH], y[FR * HOP], want[FR * HOP], a[NH];
    for (int h = 0; h < NH; h++)
        a[h] = 1.0 / (h + 1);
    for (int k = 0; k < FR; k++) {
        f0[k] = 441.0;
        for (int h = 0; h < NH; h++)
            amp[k * NH + h] = a[h];
    }
    for (int r = 0; r < 2; r++) {
        dsp_gen_harmonics(441.0, a, NULL, NH, rates[r], want, FR * HOP);
        if (!grade_status(hsynth_ex(f0, amp, FR, NH, HOP, rates[r], y, FR * HOP), "hsynth_ex"))
            return;
        char what[64];
        snprintf(what, sizeof what, "y (441 Hz, 5 harmonics, fs %g)", rates[r]);
        /* phase summed over 2000 samples: drift ~1e-12 rad, times h */
        if (!grade_close(what, y, want, FR * HOP, 1e-9, 0.0))
            return;
    }
}

static void hsynth_glide(void)
{
    /* f0 glides 200 -> 300 Hz in 1 s (frames every 441 samples), 3
     * harmonics of 1, 0.5, 0.25: phi(t) = 2 pi (200 t + 50 t^2) exactly,
     * y = sum a_h cos(h phi), except in the held last hop */
    enum { FR = 101, HOP = 441, NH = 3 };
    const double fs = 44100.0, a[NH] = {1.0, 0.5, 0.25};
    double *f0 = malloc(FR * sizeof *f0), *amp = malloc(FR * NH * sizeof *amp);
    double *y = malloc(FR * HOP * sizeof *y), *want = malloc(FR * HOP * sizeof *want);
    if (!grade_true(f0 && amp && y && want, "out of memory"))
        goto done;
    for (int k = 0; k < FR; k++) {
        f0[k] = 200.0 + 100.0 * (k * HOP) / fs;
        for (int h = 0; h < NH; h++)
            amp[k * NH + h] = a[h];
    }
    for (int i = 0; i < FR * HOP; i++) {
        double t = i / fs, phi = 2 * PI * (200.0 * t + 50.0 * t * t);
        want[i] = a[0] * cos(phi) + a[1] * cos(2 * phi) + a[2] * cos(3 * phi);
    }
    if (!grade_status(hsynth_ex(f0, amp, FR, NH, HOP, fs, y, FR * HOP), "hsynth_ex"))
        goto done;
    /* 44100 phase steps: ~1e-11 rad, times h = 3 */
    if (!grade_close("y (glide 200 -> 300 Hz)", y, want, (FR - 1) * HOP, 1e-8, 0.0))
        goto done;
    grade_note("SNR against the closed form: %.1f dB", dsp_snr_db(want, y, (FR - 1) * HOP));
done:
    free(f0);
    free(amp);
    free(y);
    free(want);
}

static void hsynth_voicing(void)
{
    /* frames: unvoiced, 100 Hz, 100 Hz, unvoiced; hop 8 at 800 Hz;
     * harmonics (1, 0.5). Hop 0 fades in from phase 0, hop 1 holds, hop 2
     * fades out, hop 3 is silent. phi = 2 pi 100 i / 800 from i = 0. */
    const double f0[4] = {0, 100, 100, 0};
    const double amp[8] = {9, 9, 1, 0.5, 1, 0.5, 9, 9};   /* unvoiced amplitudes are ignored */
    double y[32], want[32] = {0};
    for (int j = 0; j < 8; j++)
        for (int h = 1; h <= 2; h++) {
            double a = h == 1 ? 1.0 : 0.5;
            want[j] += a * (j / 8.0) * cos(h * 2 * PI * j / 8.0);
            want[8 + j] += a * cos(h * 2 * PI * (8 + j) / 8.0);
            want[16 + j] += a * (1.0 - j / 8.0) * cos(h * 2 * PI * (16 + j) / 8.0);
        }
    if (!grade_status(hsynth_ex(f0, amp, 4, 2, 8, 800.0, y, 32), "hsynth_ex"))
        return;
    if (!grade_close("y (voiced between two unvoiced frames)", y, want, 32, 1e-12, 1e-12))
        return;
    /* voicing ends at 150 Hz (the phase reaches 3 pi), then starts again
     * at 100 Hz from phase 0 */
    const double f0b[4] = {150, 0, 100, 100}, ampb[4] = {1, 1, 1, 1};
    double wantb[32];
    for (int j = 0; j < 8; j++) {
        wantb[j] = (1.0 - j / 8.0) * cos(2 * PI * 150.0 * j / 800.0);
        wantb[8 + j] = (j / 8.0) * cos(2 * PI * 100.0 * j / 800.0);
        wantb[16 + j] = cos(2 * PI * 100.0 * (8 + j) / 800.0);
        wantb[24 + j] = cos(2 * PI * 100.0 * (16 + j) / 800.0);
    }
    if (!grade_status(hsynth_ex(f0b, ampb, 4, 1, 8, 800.0, y, 32), "hsynth_ex"))
        return;
    grade_close("y (voicing ends, then starts again)", y, wantb, 32, 1e-12, 1e-12);
}

static void hsynth_bad(void)
{
    const double f0[2] = {100, 100}, amp[2] = {1, 1};
    double y[8];
    if (!grade_einval(hsynth_ex(f0, amp, 2, 1, 4, 800.0, y, 7), "hsynth_ex",
                      "len 7 != 2 frames * 4"))
        return;
    grade_einval(hsynth_ex(f0, amp, 2, 1, 0, 800.0, y, 0), "hsynth_ex", "hop 0");
}

static const struct grade_test tests[] = {
    {"twm: harmonics of 200 Hz", 2, twm_example, NULL, 0},
    {"twm: six peaks of 220.5 Hz", 1, twm_six, NULL, 0},
    {"twm: at most 10 harmonics and peaks", 1, twm_many, "twm: harmonics of 200 Hz", 0},
    {"twm: random", 1, twm_random, "twm: harmonics of 200 Hz", 0},
    {"twm: bad arguments", 1, twm_bad, NULL, 0},
    {"f0: six peaks of 220.5 Hz", 1, f0_example, "twm: six peaks of 220.5 Hz", 0},
    {"f0: range, threshold, no peaks", 2, f0_range, "twm: six peaks of 220.5 Hz", 0},
    {"f0: violin A4, 40 frames", 2, f0_violin, "twm: random", 0},
    {"f0: bad arguments", 1, f0_bad, NULL, 0},
    {"harmonics: f0 220.5 Hz", 1, harmonics_example, NULL, 0},
    {"harmonics: tolerance, Nyquist, unvoiced", 2, harmonics_rules, NULL, 0},
    {"harmonics: violin A4, 40 frames", 2, harmonics_violin, "harmonics: f0 220.5 Hz", 0},
    {"inharm: stiff string", 1, inharm_string, NULL, 0},
    {"inharm: gaps and unvoiced frames", 2, inharm_gaps, NULL, 0},
    {"inharm: violin A4", 1, inharm_violin, "inharm: stiff string", 0},
    {"hsynth: steady tone", 2, hsynth_steady, NULL, 0},
    {"hsynth: glide", 2, hsynth_glide, "hsynth: steady tone", 0},
    {"hsynth: voicing on and off", 2, hsynth_voicing, NULL, 0},
    {"hsynth: bad arguments", 1, hsynth_bad, NULL, 0},
};
GRADE_SUITE("06-harmonic-model", tests);
