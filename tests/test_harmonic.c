/* test_harmonic.c — TWM (closed-form error, the tone set,
 * continuity), YIN on the same tones, harmonic detection rules, and the
 * issue's harmonic analysis + synthesis case (220 Hz, 6 harmonics, > 40 dB),
 * and the same tone in noise (no octave-low frames, harmonic part = tone). */
#include "testutil.h"

#include <dsplab/gen.h>
#include <dsplab/harmonic.h>
#include <dsplab/signal.h>
#include <dsplab/sine.h>
#include <dsplab/status.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PI 3.14159265358979323846

/* Peaks exactly on the harmonics of c, all at the same level: every
 * distance is 0, every m_j is 1, so E_pm = -r Np, E_mp = -r Nm and the
 * error is -r (1 + rho) = -0.665 whatever the number of peaks >= 10. */
static void test_twm_error_closed_form(void)
{
    double f[12], m[12];
    for (int i = 0; i < 12; i++) {
        f[i] = 100.0 * (i + 1);
        m[i] = -20.0;
    }
    CU_ASSERT_DOUBLE_EQUAL(dsp_twm_error(f, m, 12, 100.0), -0.5 * (1.0 + 0.33), 1e-12);
    /* one octave down, half the predicted harmonics find nothing near */
    CU_ASSERT(dsp_twm_error(f, m, 12, 50.0) > 0.0);
    CU_ASSERT(isnan(dsp_twm_error(f, m, 0, 100.0)));
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

enum { TONES = 40, TM = 4001, TN = 8192 };

/* Tone t of the set: f0 log-spaced from 80 to 1000 Hz (with a
 * seeded jitter), up to 15 harmonics below 10 kHz with amplitudes uniform
 * in [0.1, 1] and random phases, every fourth one without its
 * fundamental. len = 2 TM samples. */
static double make_tone(struct dsp_rng *rng, size_t t, double fs, double *x, size_t len)
{
    double f0 = 80.0 * pow(1000.0 / 80.0, (t + 0.8 * dsp_rng_uniform(rng)) / TONES);
    double amps[15], phases[15];
    size_t nh = 0;
    for (; nh < 15 && (nh + 1) * f0 < 10000.0; nh++) {
        amps[nh] = 0.1 + 0.9 * dsp_rng_uniform(rng);
        phases[nh] = 2.0 * PI * dsp_rng_uniform(rng);
    }
    if (t % 4 == 3)
        amps[0] = 0.0;
    dsp_gen_harmonics(f0, amps, phases, nh, fs, x, len);
    return f0;
}

/* The TWM case. Blackman-Harris M 4001 (main lobe +-4 bins =
 * +-44 Hz: 80 Hz harmonics stay apart), N 8192, -90 dB; the frame
 * centred on sample TM. f0 range 60 .. 1100 Hz. The candidates are peaks
 * divided by 1 .. 10, so a peak measured to ~0.01 % gives f0 as well:
 * a median error of 0.5 % would mean a wrong rule, and an octave error
 * (|f/f0 - 1| > 20 %) a wrong candidate set or error sum. */
static void test_twm_tone_set(void)
{
    const double fs = 44100.0;
    const size_t len = 2 * TM, nb = TN / 2 + 1;
    struct dsp_sine_params p = {.fs = fs, .window = DSP_WIN_BLACKMANHARRIS, .m = TM,
                                .n_fft = TN, .hop = TM, .threshold_db = -90.0, .max_sines = 1};
    struct dsp_sine_analysis *sa = dsp_sine_analysis_new(&p);
    CU_ASSERT_FATAL(sa != NULL);
    double *x = malloc(len * sizeof *x), *pf = malloc(nb * sizeof *pf);
    double *pm = malloc(nb * sizeof *pm);
    CU_ASSERT_FATAL(x && pf && pm);
    struct dsp_rng rng;
    dsp_rng_seed(&rng, 2024);
    double rel[TONES];
    size_t gross = 0;
    for (size_t t = 0; t < TONES; t++) {
        double f0 = make_tone(&rng, t, fs, x, len), got = -1.0, err;
        size_t np = 0;
        CU_ASSERT_EQUAL(dsp_sine_analysis_peaks(sa, x, len, 1, pf, pm, NULL, nb, &np), DSP_OK);
        CU_ASSERT_EQUAL(dsp_f0_twm(pf, pm, np, 60.0, 1100.0, 10.0, 0.0, &got, &err), DSP_OK);
        rel[t] = fabs(got / f0 - 1.0);
        if (rel[t] > 0.2) {
            gross++;
            printf("\n    tone %zu: f0 %.2f Hz%s -> %.2f Hz (error %.3f)", t, f0,
                   t % 4 == 3 ? " (no fundamental)" : "", got, err);
        }
    }
    qsort(rel, TONES, sizeof *rel, cmp_double);
    double med = 0.5 * (rel[TONES / 2 - 1] + rel[TONES / 2]);
    CU_ASSERT(med < 0.005);
    CU_ASSERT_EQUAL(gross, 0);
    printf("\n    TWM: median relative error %.2e, largest %.2e, gross errors %zu ", med,
           rel[TONES - 1], gross);
    free(x);
    free(pf);
    free(pm);
    dsp_sine_analysis_free(sa);
}

/* YIN on the same tones (W 1024 samples, periods for 60 .. 1100 Hz):
 * periodic signals give a clean dip at the period, found to a fraction of
 * a sample by the parabola; the fundamental's absence does not matter to
 * a period detector. */
static void test_yin_tone_set(void)
{
    const double fs = 44100.0;
    const size_t len = 2 * TM;
    struct dsp_yin *yin = dsp_yin_new(1024, fs, 60.0, 1100.0, 0.1);
    CU_ASSERT_FATAL(yin != NULL);
    double *x = malloc(len * sizeof *x), rel[TONES];
    CU_ASSERT_FATAL(x != NULL);
    struct dsp_rng rng;
    dsp_rng_seed(&rng, 2024);
    size_t gross = 0;
    for (size_t t = 0; t < TONES; t++) {
        double f0 = make_tone(&rng, t, fs, x, len), got = 0.0, ap = 1.0;
        CU_ASSERT_EQUAL(dsp_yin_frame(yin, x, len, TM, &got, &ap), DSP_OK);
        rel[t] = fabs(got / f0 - 1.0);
        gross += rel[t] > 0.2;
        CU_ASSERT(ap < 0.1);
    }
    qsort(rel, TONES, sizeof *rel, cmp_double);
    double med = 0.5 * (rel[TONES / 2 - 1] + rel[TONES / 2]);
    CU_ASSERT(med < 0.005);
    CU_ASSERT_EQUAL(gross, 0);
    printf("\n    YIN: median relative error %.2e, largest %.2e, gross errors %zu ", med,
           rel[TONES - 1], gross);
    free(x);
    dsp_yin_free(yin);
}

/* YIN's two paths on exact periods: a 441 Hz sinusoid at 44.1 kHz has a
 * period of exactly 100 samples, so d(100) = 0 (aperiodicity 0) and the
 * estimate is 441 Hz up to the parabola's asymmetry (d over a finite
 * window is not exactly quadratic around 100: +0.002 Hz; a period off by
 * one sample would be 4.4 Hz off);
 * white noise has no dip below 0.1, so the global minimum is returned with
 * its (high) aperiodicity. */
static void test_yin_paths(void)
{
    const double fs = 44100.0;
    struct dsp_yin *yin = dsp_yin_new(1024, fs, 100.0, 1000.0, 0.1);
    CU_ASSERT_FATAL(yin != NULL);
    size_t span = dsp_yin_span(yin);
    CU_ASSERT_EQUAL(span, 1024 + 441 + 2);
    double *x = malloc(span * sizeof *x), f0 = 0.0, ap = 1.0;
    CU_ASSERT_FATAL(x != NULL);
    dsp_gen_sine(1.0, 441.0, 0.3, fs, x, span);
    CU_ASSERT_EQUAL(dsp_yin_estimate(yin, x, &f0, &ap), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(f0, 441.0, 0.01);
    CU_ASSERT(ap < 1e-12);
    dsp_gen_noise(1.0, 3, x, span);
    CU_ASSERT_EQUAL(dsp_yin_estimate(yin, x, &f0, &ap), DSP_OK);
    CU_ASSERT(ap > 0.1);
    CU_ASSERT(f0 >= 100.0 * 0.99 && f0 <= 1000.0 * 1.01);
    free(x);
    dsp_yin_free(yin);
}

/* Continuity: the peaks of a 100 Hz tone (20 harmonics, so that the 10
 * predicted harmonics of every candidate fall among peaks) with a stable
 * 200 Hz before.
 * Only candidates within 100 Hz of 200 count, so 200 Hz (an octave up)
 * wins -- unless the strongest peak lies off every harmonic of 200 Hz
 * (300 Hz here), whose candidates bring 100 Hz back. */
static void test_twm_continuity(void)
{
    double f[20], m[20], got = 0.0;
    for (int i = 0; i < 20; i++) {
        f[i] = 100.0 * (i + 1);
        m[i] = -30.0;
    }
    m[1] = -10.0;   /* strongest at 200 Hz, a harmonic of 200 */
    CU_ASSERT_EQUAL(dsp_f0_twm(f, m, 20, 50.0, 500.0, 100.0, 0.0, &got, NULL), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(got, 100.0, 1e-9);   /* no history: the right answer */
    dsp_f0_twm(f, m, 20, 50.0, 500.0, 100.0, 200.0, &got, NULL);
    CU_ASSERT_DOUBLE_EQUAL(got, 200.0, 1e-9);
    m[1] = -30.0;
    m[2] = -10.0;   /* strongest at 300 Hz: off the harmonics of 200 */
    dsp_f0_twm(f, m, 20, 50.0, 500.0, 100.0, 200.0, &got, NULL);
    CU_ASSERT_DOUBLE_EQUAL(got, 100.0, 1e-9);
    /* error threshold and too few peaks: unvoiced */
    dsp_f0_twm(f, m, 20, 50.0, 500.0, -10.0, 0.0, &got, NULL);
    CU_ASSERT_EQUAL(got, 0.0);
    dsp_f0_twm(f, m, 2, 50.0, 500.0, 100.0, 0.0, &got, NULL);
    CU_ASSERT_EQUAL(got, 0.0);
}

static void test_harmonic_detect_rules(void)
{
    const double pf[] = {100, 201, 290, 350, 2550}, pm[] = {-1, -2, -3, -4, -5};
    const double pp[] = {0.1, 0.2, 0.3, 0.4, 0.5};
    double hf[30], hm[30], hp[30];
    CU_ASSERT_EQUAL(
        dsp_harmonic_detect(pf, pm, pp, 5, 100.0, 30, 44100.0, 0.01, hf, hm, hp), DSP_OK);
    CU_ASSERT(hf[0] == 100 && hf[1] == 201 && hm[1] == -2 && hp[1] == 0.2);
    CU_ASSERT(hf[2] == 290);   /* |290 - 300| = 10 < 33.3 + 2.9 */
    CU_ASSERT(hf[3] == 0);     /* nearest to 400 is 350: 50 > 33.3 + 3.5 */
    CU_ASSERT(hf[24] == 2550); /* 50 < 33.3 + 25.5: the tolerance grows */
    CU_ASSERT(hf[25] == 0);    /* the same peak is not harmonic 26 too */
    CU_ASSERT(hf[4] == 0 && hm[4] == 0 && hp[4] == 0);
    /* nothing at or above fs/2 */
    CU_ASSERT_EQUAL(dsp_harmonic_detect(pf, pm, NULL, 5, 100.0, 30, 400.0, 0.01, hf, hm, NULL),
                    DSP_OK);
    CU_ASSERT(hf[0] == 100 && hf[1] == 0 && hf[2] == 0);
    dsp_harmonic_detect(pf, pm, NULL, 5, 0.0, 30, 44100.0, 0.01, hf, hm, NULL);
    CU_ASSERT(hf[0] == 0);
}

/* The course's harmonicDetection (sms-tools): the same tolerance, also
 * measured from the previous frame's harmonic h; no "one peak once" rule. */
static void test_harmonic_detect_course(void)
{
    const double pf[] = {100, 201, 290, 350, 2550}, pm[] = {-1, -2, -3, -4, -5};
    double hf[30], hm[30], hp[30], prev[30] = {0};
    /* first frame (prev NULL: the ideal h f0): as dsplab's rule, except
     * that 2550 Hz serves harmonic 26 too (50 < 33.3 + 25.5) */
    CU_ASSERT_EQUAL(dsp_harmonic_detect_course(pf, pm, NULL, 5, 100.0, 30, 44100.0, 0.01, NULL,
                                               hf, hm, hp),
                    DSP_OK);
    CU_ASSERT(hf[0] == 100 && hf[1] == 201 && hf[2] == 290 && hf[3] == 0);
    CU_ASSERT(hf[24] == 2550 && hf[25] == 2550 && hm[25] == -5);
    /* 350 Hz is 50 Hz from 400 (> 36.8) but 10 Hz from the previous
     * frame's harmonic 4 at 360: kept */
    prev[3] = 360.0;
    dsp_harmonic_detect_course(pf, pm, NULL, 5, 100.0, 30, 44100.0, 0.01, prev, hf, hm, NULL);
    CU_ASSERT(hf[3] == 350 && hm[3] == -4);
    /* an empty previous harmonic does not help (sms-tools: dev2 = fs) */
    prev[3] = 0.0;
    dsp_harmonic_detect_course(pf, pm, NULL, 5, 100.0, 30, 44100.0, 0.01, prev, hf, hm, NULL);
    CU_ASSERT(hf[3] == 0);
    /* dsplab's rule ignores the previous frame */
    dsp_harmonic_detect(pf, pm, NULL, 5, 100.0, 30, 44100.0, 0.01, hf, hm, NULL);
    CU_ASSERT(hf[3] == 0 && hf[25] == 0);
}

/* Harmonic analysis of the 220 Hz tests' signals: Blackman-Harris M 2001,
 * N 8192, H 256, 10 harmonics, f0 100 .. 400 Hz, the given peak threshold.
 * Frame k's f0 is f0s[k]; its harmonics are row k of hf, hm, hp. */
struct harmonic_run {
    struct dsp_harmonic_params p;
    size_t nf, H;
    double *f0s, *hf, *hm, *hp;
};

static void analyze_220(const double *x, size_t len, double fs, double threshold_db,
                        struct harmonic_run *r)
{
    dsp_harmonic_params_default(&r->p, fs);
    r->p.window = DSP_WIN_BLACKMANHARRIS;
    r->p.m = 2001;
    r->p.n_fft = 8192;
    r->p.hop = 256;
    r->p.threshold_db = threshold_db;
    r->p.n_harmonics = 10;
    r->p.min_f0 = 100.0;
    r->p.max_f0 = 400.0;
    struct dsp_harmonic_analysis *ha = dsp_harmonic_analysis_new(&r->p);
    CU_ASSERT_FATAL(ha != NULL);
    size_t nf = dsp_harmonic_analysis_num_frames(ha, len), H = r->p.n_harmonics;
    r->nf = nf;
    r->H = H;
    r->f0s = malloc(nf * sizeof *r->f0s);
    r->hf = malloc(nf * H * sizeof *r->hf);
    r->hm = malloc(nf * H * sizeof *r->hm);
    r->hp = malloc(nf * H * sizeof *r->hp);
    CU_ASSERT_FATAL(r->f0s && r->hf && r->hm && r->hp);
    CU_ASSERT_EQUAL_FATAL(dsp_harmonic_analyze(ha, x, len, r->f0s, r->hf, r->hm, r->hp, nf),
                          DSP_OK);
    dsp_harmonic_analysis_free(ha);
}

static void free_run(struct harmonic_run *r)
{
    free(r->f0s);
    free(r->hf);
    free(r->hm);
    free(r->hp);
}

/* The case: 220 Hz, 6 harmonics of amplitude 1/k, 1 s. Harmonic
 * analysis (Blackman-Harris M 2001, N 8192, H 256, -90 dB, f0 100..400)
 * and time-domain synthesis with the measured phases must give SNR > 40 dB
 * outside the first and last window (M samples at each end). */
static void test_harmonic_analysis_synthesis(void)
{
    const double fs = 44100.0, f0 = 220.0;
    const size_t len = 44100;
    double amps[6], *x = malloc(len * sizeof *x), *y = malloc(len * sizeof *y);
    CU_ASSERT_FATAL(x && y);
    for (int k = 0; k < 6; k++)
        amps[k] = 1.0 / (k + 1);
    dsp_gen_harmonics(f0, amps, NULL, 6, fs, x, len);
    struct harmonic_run r;
    analyze_220(x, len, fs, -90.0, &r);
    const struct dsp_harmonic_params p = r.p;
    size_t nf = r.nf, H = r.H;
    const double *f0s = r.f0s;
    /* f0 exact on every frame centred outside the first and last window.
     * Nearer the ends it is not: frames 0-3 see the abrupt start inside a
     * half-empty window and TWM answers 110-150 Hz; the course's
     * continuity rule then keeps frame 4's candidates within 55 Hz of
     * 110 Hz, so 220 Hz is only found again at frame 5. */
    size_t voiced = 0, inside = 0;
    for (size_t k = 0; k < nf; k++) {
        if (k * p.hop < p.m || k * p.hop + p.m >= len)
            continue;
        inside++;
        voiced += fabs(f0s[k] - f0) < 0.01;
    }
    CU_ASSERT(voiced == inside && inside > 150);   /* 157 frames */
    CU_ASSERT_EQUAL(dsp_sine_synth_time(r.hf, r.hm, r.hp, nf, H, p.hop, fs, y, len), DSP_OK);
    double snr = dsp_snr_db(x + p.m, y + p.m, len - 2 * p.m);
    CU_ASSERT(snr > 40.0);
    printf("\n    f0 within 0.01 Hz in %zu of %zu inner frames; SNR %.1f dB ", voiced, inside,
           snr);
    free(x);
    free(y);
    free_run(&r);
}

/* The 220 Hz stack of 6 harmonics (1/k) plus white noise 30 dB below it
 * (tone power 0.745), analysed as in the residual test (Blackman-Harris
 * 2001, N 8192, H 256, f0 100 .. 400 Hz) with the peak threshold at -90
 * and -80 dB, below the noise peaks (-54 dB): the ten strongest peaks are
 * then the six harmonics and four noise peaks. Counting those noise peaks
 * as partials gave 220 Hz ten predicted harmonics of which four land among
 * noise peaks at random distances, and 110 Hz won in 3 of 173 frames.
 * Every frame centred outside the first and last window must give 220 Hz
 * to 1 Hz (the noise moves the peaks by ~0.01 Hz).
 * The harmonic part must be the tone, not the noise: with ten harmonic
 * slots, the four above the tone's six find only noise peaks; their
 * synthesis may hold a little noise but its error against the clean tone
 * must stay near the noise's level in the tone's band, i.e. SNR against
 * the clean tone > 25 dB (an f0 an octave low would put noise peaks into
 * every other slot inside the band). */
static void test_twm_tone_plus_noise_frames(void)
{
    const double fs = 44100.0;
    const size_t len = 44100;
    double amps[6], tone_power = 0.0;
    for (int k = 0; k < 6; k++) {
        amps[k] = 1.0 / (k + 1);
        tone_power += 0.5 * amps[k] * amps[k];
    }
    double *clean = malloc(len * sizeof *clean), *x = malloc(len * sizeof *x);
    double *y = malloc(len * sizeof *y);
    CU_ASSERT_FATAL(clean && x && y);
    dsp_gen_harmonics(220.0, amps, NULL, 6, fs, clean, len);
    dsp_gen_noise(sqrt(3.0 * tone_power / 1000.0), 11, x, len);
    for (size_t i = 0; i < len; i++)
        x[i] += clean[i];
    const double thresholds[2] = {-90.0, -80.0};
    for (int t = 0; t < 2; t++) {
        struct harmonic_run r;
        analyze_220(x, len, fs, thresholds[t], &r);
        const struct dsp_harmonic_params p = r.p;
        size_t nf = r.nf, H = r.H;
        const double *f0s = r.f0s;
        size_t off = 0, inside = 0;
        for (size_t k = 0; k < nf; k++) {
            if (k * p.hop < p.m || k * p.hop + p.m >= len)
                continue;
            inside++;
            if (!(fabs(f0s[k] - 220.0) < 1.0)) {
                off++;
                printf("\n    %g dB: frame %zu: f0 %.2f Hz", p.threshold_db, k, f0s[k]);
            }
        }
        CU_ASSERT_EQUAL(off, 0);
        CU_ASSERT(inside > 150);
        CU_ASSERT_EQUAL(dsp_sine_synth_time(r.hf, r.hm, r.hp, nf, H, p.hop, fs, y, len), DSP_OK);
        double snr = dsp_snr_db(clean + p.m, y + p.m, len - 2 * p.m);
        CU_ASSERT(snr > 25.0);
        printf("\n    %g dB: f0 off in %zu of %zu inner frames; harmonic part vs clean tone "
               "%.1f dB",
               p.threshold_db, off, inside, snr);
        free_run(&r);
    }
    printf(" ");
    free(clean);
    free(x);
    free(y);
}

static void test_bad_parameters(void)
{
    double f[3] = {100, 200, 300}, m[3] = {0, 0, 0}, got;
    CU_ASSERT_EQUAL(dsp_f0_twm(f, m, 3, 300.0, 100.0, 5.0, 0.0, &got, NULL), DSP_EINVAL);
    CU_ASSERT(strstr(dsp_last_error(), "300") != NULL);
    double g[3] = {300, 200, 100};
    CU_ASSERT_EQUAL(dsp_f0_twm(g, m, 3, 50.0, 500.0, 5.0, 0.0, &got, NULL), DSP_EINVAL);
    CU_ASSERT(strstr(dsp_last_error(), "increase") != NULL);
    CU_ASSERT_PTR_NULL(dsp_yin_new(1024, 44100.0, 100.0, 20000.0, 0.1));
    CU_ASSERT(strstr(dsp_last_error(), "fs/4") != NULL);
    CU_ASSERT_PTR_NULL(dsp_yin_new(1024, 44100.0, 100.0, 500.0, 1.5));
    struct dsp_harmonic_params p;
    dsp_harmonic_params_default(&p, 44100.0);
    p.n_harmonics = 0;
    CU_ASSERT_PTR_NULL(dsp_harmonic_analysis_new(&p));
    CU_ASSERT(strstr(dsp_last_error(), "harmonics") != NULL);
    dsp_harmonic_params_default(&p, 44100.0);
    p.min_f0 = 0.0;
    CU_ASSERT_PTR_NULL(dsp_harmonic_analysis_new(&p));
    dsp_harmonic_params_default(&p, 44100.0);
    p.m = 4096;   /* > N */
    CU_ASSERT_PTR_NULL(dsp_harmonic_analysis_new(&p));
    double hf[2], hm[2];
    CU_ASSERT_EQUAL(dsp_harmonic_detect(f, m, NULL, 3, 100.0, 2, -1.0, 0.01, hf, hm, NULL),
                    DSP_EINVAL);
    dsp_yin_free(NULL);
    dsp_harmonic_analysis_free(NULL);
}

int main(void)
{
    static const struct test_case cases[] = {
        {"TWM error: closed form on exact harmonics", test_twm_error_closed_form},
        {"TWM on 40 tones 80-1000 Hz: median < 0.5 %, no octave errors", test_twm_tone_set},
        {"YIN on the same tones", test_yin_tone_set},
        {"YIN: exact period, and the no-dip fallback on noise", test_yin_paths},
        {"TWM continuity with the previous f0", test_twm_continuity},
        {"harmonic detection: tolerance, one peak per harmonic, fs/2", test_harmonic_detect_rules},
        {"the course's detection: previous-frame rule", test_harmonic_detect_course},
        {"220 Hz x 6 harmonics: analysis + synthesis > 40 dB", test_harmonic_analysis_synthesis},
        {"220 Hz x 6 + noise 30 dB below, -90/-80 dB: f0 in every frame, harmonic part = tone",
         test_twm_tone_plus_noise_frames},
        {"bad parameters give DSP_EINVAL / NULL with a message", test_bad_parameters},
    };
    return test_run("harmonic", cases, TEST_COUNT(cases));
}
