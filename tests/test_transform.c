/* test_transform.c — sound transformations against closed forms: the phase
 * vocoder gives x back at factor 1, keeps a tone's frequency at other
 * factors and scales a burst's onset and offset times by the factor (within
 * one hop); a pure tone pitch-shifted by q lands on q f0 (within 0.1 Hz);
 * track scaling, envelope keeping and morphing on small hand-worked arrays;
 * a morph of two harmonic tones halfway sits at the mean f0. */
#include "testutil.h"

#include <dsplab/dftmodel.h>
#include <dsplab/gen.h>
#include <dsplab/peaks.h>
#include <dsplab/status.h>
#include <dsplab/transform.h>
#include <dsplab/window.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FS 44100.0

/* Frequency (Hz) of the strongest peak between lo and hi Hz of the M
 * samples from x: Blackman-Harris M = 8191, zero-padded to N = 65536
 * (0.67 Hz bins); parabolic interpolation on so smooth a main lobe is off
 * by far less than 0.01 Hz, so it resolves the 0.1 Hz checks. */
static double tone_freq(const double *x, double lo, double hi)
{
    enum { M = 8191, N = 65536, NB = N / 2 + 1 };
    static double w[M], mX[NB], pX[NB];
    dsp_window_fill(DSP_WIN_BLACKMANHARRIS, 0, DSP_WINDOW_PERIODIC, w, M);
    struct dsp_dftmodel *dm = dsp_dftmodel_new(w, M, N);
    CU_ASSERT_FATAL(dm != NULL);
    CU_ASSERT_EQUAL_FATAL(dsp_dftmodel_analyze(dm, x, mX, pX), DSP_OK);
    dsp_dftmodel_free(dm);
    size_t best = 0, k0 = (size_t)(lo * N / FS), k1 = (size_t)(hi * N / FS);
    for (size_t k = k0; k <= k1; k++)
        if (best == 0 || mX[k] > mX[best])
            best = k;
    double iloc = 0, imag = 0;
    CU_ASSERT_EQUAL_FATAL(dsp_peaks_interp(mX, NULL, NB, &best, 1, &iloc, &imag, NULL), DSP_OK);
    return iloc * FS / N;
}

/* Factor 1: every output frame reads the input frame at the same place
 * and the synthesis phases equal the analysed ones (mod 2 pi), so the
 * weighted overlap-add gives x back; only rounding of the phase sums
 * (~1e-12 rad after 170 frames) remains. Both lockings. */
static void test_stretch_identity(void)
{
    enum { LEN = 44100 };
    double *x = malloc(LEN * sizeof *x), *y = malloc(LEN * sizeof *y);
    CU_ASSERT_FATAL(x && y);
    dsp_gen_noise(0.5, 9, x, LEN);
    for (int lock = 0; lock < 2; lock++) {
        CU_ASSERT_EQUAL(dsp_time_stretch_len(LEN, 1.0), LEN);
        CU_ASSERT_EQUAL_FATAL(
            dsp_time_stretch(x, LEN, 1.0, 1024, 256, (enum dsp_pv_lock)lock, y, LEN), DSP_OK);
        test_close("y (factor 1)", y, x, LEN, 1e-9, 0.0);
    }
    free(x);
    free(y);
}

/* A steady 440 Hz tone (between bins of N = 2048) stretched by 1.5 and
 * 0.7: the output keeps 440 Hz within 0.1 Hz with or without locking
 * (the peak bin's instantaneous frequency is exact for a steady tone).
 * With identity locking each peak's main lobe is rebuilt whole, so the
 * amplitude 0.8 holds within 2 %; without it the lobe's outer bins (more
 * than fs / (2 Hs) = 43 Hz from the tone) measure aliased frequencies,
 * drift out of phase and partly cancel: the level drops (0.744 at 1.5,
 * "phasiness"), which the last check asserts so that the locking cannot
 * silently stop working. */
static void test_stretch_tone(void)
{
    enum { LEN = 44100 };
    const double factors[2] = {1.5, 0.7};
    double *x = malloc(LEN * sizeof *x), level[2][2];
    CU_ASSERT_FATAL(x != NULL);
    dsp_gen_sine(0.8, 440.0, 0.4, FS, x, LEN);
    for (int t = 0; t < 2; t++)
        for (int lock = 0; lock < 2; lock++) {
            size_t n = dsp_time_stretch_len(LEN, factors[t]);
            CU_ASSERT_EQUAL(n, (size_t)llround(LEN * factors[t]));
            double *y = malloc(n * sizeof *y);
            CU_ASSERT_FATAL(y != NULL);
            CU_ASSERT_EQUAL_FATAL(
                dsp_time_stretch(x, LEN, factors[t], 2048, 512, (enum dsp_pv_lock)lock, y, n),
                DSP_OK);
            size_t mid = n / 2 - 4096;
            double f = tone_freq(y + mid, 300.0, 600.0), peak = 0.0;
            CU_ASSERT(fabs(f - 440.0) < 0.1);
            for (size_t i = mid; i < mid + 8191; i++)
                peak = fmax(peak, fabs(y[i]));
            level[t][lock] = peak;
            if (lock == DSP_PV_LOCK_IDENTITY)
                CU_ASSERT(fabs(peak - 0.8) < 0.016);
            if (fabs(f - 440.0) >= 0.1 || (lock && fabs(peak - 0.8) >= 0.016))
                printf("\n    factor %g, lock %d: %.4f Hz, peak %.4f\n", factors[t], lock, f,
                       peak);
            free(y);
        }
    CU_ASSERT(level[0][DSP_PV_LOCK_NONE] < 0.8 - 0.03);
    free(x);
}

/* First and last sample of y above half of amp. */
static void burst_edges(const double *y, size_t n, double amp, size_t *first, size_t *last)
{
    *first = n;
    *last = 0;
    for (size_t i = 0; i < n; i++)
        if (fabs(y[i]) > 0.5 * amp) {
            if (*first == n)
                *first = i;
            *last = i;
        }
}

/* A 1 kHz burst from 0.1 s to 0.3 s in 0.5 s, stretched by 2 and 0.5: its
 * onset and offset move to factor times their input times within one
 * (synthesis) hop, and the whole sound to round(len * factor) samples. */
static void test_stretch_duration(void)
{
    enum { LEN = 22050, HOP = 256 };
    const double factors[2] = {2.0, 0.5};
    double *x = calloc(LEN, sizeof *x);
    CU_ASSERT_FATAL(x != NULL);
    dsp_gen_sine(1.0, 1000.0, 0.0, FS, x + 4410, 8820);
    size_t f0, l0;
    burst_edges(x, LEN, 1.0, &f0, &l0);
    for (int t = 0; t < 2; t++) {
        size_t n = dsp_time_stretch_len(LEN, factors[t]);
        CU_ASSERT_EQUAL(n, (size_t)(LEN * factors[t]));
        double *y = malloc(n * sizeof *y);
        CU_ASSERT_FATAL(y != NULL);
        CU_ASSERT_EQUAL_FATAL(
            dsp_time_stretch(x, LEN, factors[t], 1024, HOP, DSP_PV_LOCK_IDENTITY, y, n), DSP_OK);
        size_t f1, l1;
        burst_edges(y, n, 1.0, &f1, &l1);
        double want_first = f0 * factors[t], want_last = l0 * factors[t];
        CU_ASSERT(fabs((double)f1 - want_first) <= HOP);
        CU_ASSERT(fabs((double)l1 - want_last) <= HOP);
        if (fabs((double)f1 - want_first) > HOP || fabs((double)l1 - want_last) > HOP)
            printf("\n    factor %g: burst %zu .. %zu, expected %.0f .. %.0f\n", factors[t], f1,
                   l1, want_first, want_last);
        free(y);
    }
    free(x);
}

static void test_freq_scale(void)
{
    /* 2 frames x 3 slots, fs 1000: frame 0 x 2, frame 1 x 0.5; 300 Hz x 2
     * reaches 600 >= fs/2 and is dropped, empty slots stay empty */
    const double f[6] = {100, 0, 300, 200, 400, 0}, m[6] = {-1, 0, -3, -4, -5, 0};
    const double sc[2] = {2.0, 0.5};
    double of[6], om[6];
    CU_ASSERT_EQUAL_FATAL(dsp_sine_freq_scale(f, m, 2, 3, sc, 1000.0, of, om), DSP_OK);
    const double wf[6] = {200, 0, 0, 100, 200, 0}, wm[6] = {-1, 0, 0, -4, -5, 0};
    test_close("freq", of, wf, 6, 0, 0);
    test_close("mag", om, wm, 6, 0, 0);
    const double bad[2] = {1.0, 0.0};
    CU_ASSERT_EQUAL(dsp_sine_freq_scale(f, m, 2, 3, bad, 1000.0, of, om), DSP_EINVAL);
}

static void test_time_scale(void)
{
    /* 5 frames, factor 2 (map (0,0) (4,8)): 9 output frames, frame j reads
     * input frame round(j / 2) (halves round away from zero): 0 1 1 2 2 3 3 4 4 */
    double f[5], m[5], of[9], om[9];
    for (int k = 0; k < 5; k++) {
        f[k] = 100.0 * (k + 1);
        m[k] = -(double)k;
    }
    const double in[2] = {0, 4}, out[2] = {0, 8};
    CU_ASSERT_EQUAL(dsp_sine_time_scale_frames(out, 2), 9);
    CU_ASSERT_EQUAL_FATAL(dsp_sine_time_scale(f, m, 5, 1, in, out, 2, of, om, 9), DSP_OK);
    const int src[9] = {0, 1, 1, 2, 2, 3, 3, 4, 4};
    for (int j = 0; j < 9; j++) {
        CU_ASSERT_EQUAL(of[j], f[src[j]]);
        CU_ASSERT_EQUAL(om[j], m[src[j]]);
    }
    /* a map with a slow first half and a fast second: (0,0) (2,6) (4,7) */
    const double in2[3] = {0, 2, 4}, out2[3] = {0, 6, 7};
    double of2[8], om2[8];
    CU_ASSERT_EQUAL_FATAL(dsp_sine_time_scale(f, m, 5, 1, in2, out2, 3, of2, om2, 8), DSP_OK);
    /* j = 0..6: round(j/3) = 0 0 1 1 1 2 2; j = 7: 4 */
    const int src2[8] = {0, 0, 1, 1, 1, 2, 2, 4};
    for (int j = 0; j < 8; j++)
        CU_ASSERT_EQUAL(of2[j], f[src2[j]]);
    CU_ASSERT_EQUAL(dsp_sine_time_scale(f, m, 5, 1, in, out, 2, of, om, 8), DSP_EINVAL);
    const double notup[2] = {0, 0};
    CU_ASSERT_EQUAL(dsp_sine_time_scale(f, m, 5, 1, notup, out, 2, of, om, 9), DSP_EINVAL);
}

static void test_pitch_shift_envelope(void)
{
    /* harmonics 100, 200, 300 Hz at -10, -20, -30 dB, fs 800, ratio 1.5:
     * 150 Hz (envelope between 100 and 200: -15 dB), 300 Hz (-30), 450 Hz
     * >= fs/2: dropped. MOVE keeps -10, -20. */
    const double f[3] = {100, 200, 300}, m[3] = {-10, -20, -30};
    double of[3], om[3];
    CU_ASSERT_EQUAL_FATAL(
        dsp_harmonic_pitch_shift(f, m, 1, 3, 1.5, DSP_ENVELOPE_KEEP, 800.0, of, om), DSP_OK);
    const double wf[3] = {150, 300, 0}, wk[3] = {-15, -30, 0}, wm[3] = {-10, -20, 0};
    test_close("freq", of, wf, 3, 1e-12, 0);
    test_close("mag (keep)", om, wk, 3, 1e-12, 0);
    CU_ASSERT_EQUAL_FATAL(
        dsp_harmonic_pitch_shift(f, m, 1, 3, 1.5, DSP_ENVELOPE_MOVE, 800.0, of, om), DSP_OK);
    test_close("mag (move)", om, wm, 3, 1e-12, 0);
    /* ratio 0.5 with keep: 50 Hz below the first point holds -10; 100 Hz
     * -10; 150 Hz -15 */
    CU_ASSERT_EQUAL_FATAL(
        dsp_harmonic_pitch_shift(f, m, 1, 3, 0.5, DSP_ENVELOPE_KEEP, 800.0, of, om), DSP_OK);
    const double wk2[3] = {-10, -10, -15};
    test_close("mag (keep, down an octave)", om, wk2, 3, 1e-12, 0);
    CU_ASSERT_EQUAL(dsp_harmonic_pitch_shift(f, m, 1, 3, 0.0, DSP_ENVELOPE_KEEP, 800.0, of, om),
                    DSP_EINVAL);
}

static void hps_params(struct dsp_decompose_params *p, double fmin, double fmax)
{
    memset(p, 0, sizeof *p);
    p->model = DSP_DECOMPOSE_HARMONIC;
    dsp_harmonic_params_default(&p->harmonic, FS);
    p->harmonic.n_harmonics = 10;
    p->harmonic.min_f0 = fmin;
    p->harmonic.max_f0 = fmax;
    p->min_frames = 5;
    p->stoch_hop = 128;
    p->stocf = 0.2;
    p->seed = 5;
}

/* The closed form: a pure 220 Hz tone pitch-shifted by q lands on
 * q * 220 Hz within 0.1 Hz (ratios up a fifth and down a fourth), in
 * both envelope modes (a single harmonic's envelope is flat). */
static void test_pitch_shift_tone(void)
{
    enum { LEN = 44100 };
    const double ratios[2] = {1.5, 0.75};
    double *x = malloc(LEN * sizeof *x), *y = malloc(LEN * sizeof *y);
    CU_ASSERT_FATAL(x && y);
    dsp_gen_sine(0.5, 220.0, 0.0, FS, x, LEN);
    struct dsp_decompose_params p;
    hps_params(&p, 100.0, 300.0);
    for (int t = 0; t < 2; t++)
        for (int e = 0; e < 2; e++) {
            CU_ASSERT_EQUAL_FATAL(
                dsp_pitch_shift(&p, x, LEN, ratios[t], (enum dsp_envelope)e, y, LEN), DSP_OK);
            double f = tone_freq(y + LEN / 2 - 4096, 100.0, 400.0);
            CU_ASSERT(fabs(f - 220.0 * ratios[t]) < 0.1);
            if (fabs(f - 220.0 * ratios[t]) >= 0.1)
                printf("\n    ratio %g, envelope %d: %.4f Hz\n", ratios[t], e, f);
        }
    free(x);
    free(y);
}

static void test_morph_arrays(void)
{
    /* A: 3 frames, B: 2 frames (A's frames meet B's 0, round(0.5) = 1, 1),
     * 2 slots; slot 1 of B's frame 0 is empty -> empty in the morph */
    const double fa[6] = {100, 200, 100, 200, 100, 200}, ma[6] = {-10, -20, -10, -20, -10, -20};
    const double fb[4] = {150, 0, 160, 320}, mb[4] = {-30, 0, -40, -60};
    double of[6], om[6];
    CU_ASSERT_EQUAL_FATAL(dsp_harmonic_morph(fa, ma, 3, fb, mb, 2, 2, 0.5, 0.25, of, om), DSP_OK);
    const double wf[6] = {125, 0, 130, 260, 130, 260};
    const double wm[6] = {-15, 0, -17.5, -30, -17.5, -30};
    test_close("freq", of, wf, 6, 1e-12, 0);
    test_close("mag", om, wm, 6, 1e-12, 0);
    const double ea[4] = {-10, -20, -30, -40}, eb[2] = {-50, -60};
    double oe[4];
    CU_ASSERT_EQUAL_FATAL(dsp_env_morph(ea, 2, eb, 1, 2, 0.5, oe), DSP_OK);
    const double we[4] = {-30, -40, -40, -50};
    test_close("env", oe, we, 4, 1e-12, 0);
    CU_ASSERT_EQUAL(dsp_harmonic_morph(fa, ma, 3, fb, mb, 2, 2, 1.5, 0.25, of, om), DSP_EINVAL);
}

/* Two harmonic tones (220 and 330 Hz, three harmonics 0.5, 0.25, 0.125):
 * halfway in frequency their morph has its fundamental at 275 Hz
 * (within 0.1 Hz); at alpha 0 it is sound A's 220 Hz. */
static void test_morph_tones(void)
{
    enum { LEN = 44100 };
    const double amps[3] = {0.5, 0.25, 0.125};
    double *a = malloc(LEN * sizeof *a), *b = malloc(LEN * sizeof *b), *y = malloc(LEN * sizeof *y);
    CU_ASSERT_FATAL(a && b && y);
    dsp_gen_harmonics(220.0, amps, NULL, 3, FS, a, LEN);
    dsp_gen_harmonics(330.0, amps, NULL, 3, FS, b, LEN);
    struct dsp_decompose_params pa, pb;
    hps_params(&pa, 150.0, 400.0);
    hps_params(&pb, 150.0, 400.0);
    const double alphas[2] = {0.5, 0.0}, want[2] = {275.0, 220.0};
    for (int t = 0; t < 2; t++) {
        CU_ASSERT_EQUAL_FATAL(dsp_morph(&pa, a, LEN, &pb, b, LEN, alphas[t], 0.5, 0.5, y, LEN),
                              DSP_OK);
        double f = tone_freq(y + LEN / 2 - 4096, 150.0, 320.0);
        CU_ASSERT(fabs(f - want[t]) < 0.1);
        if (fabs(f - want[t]) >= 0.1)
            printf("\n    alpha %g: %.4f Hz\n", alphas[t], f);
    }
    free(a);
    free(b);
    free(y);
}

static void test_bad_parameters(void)
{
    double x[100] = {0}, y[200];
    CU_ASSERT_EQUAL(dsp_time_stretch(x, 100, 2.0, 1024, 0, DSP_PV_LOCK_NONE, y, 200), DSP_EINVAL);
    CU_ASSERT(strstr(dsp_last_error(), "hop") != NULL);
    CU_ASSERT_EQUAL(dsp_time_stretch(x, 100, 2.0, 1000, 600, DSP_PV_LOCK_NONE, y, 200),
                    DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_time_stretch(x, 100, 2.0, 1024, 256, DSP_PV_LOCK_NONE, y, 199),
                    DSP_EINVAL);
    CU_ASSERT(strstr(dsp_last_error(), "200") != NULL);
    CU_ASSERT_EQUAL(dsp_time_stretch(x, 100, -1.0, 1024, 256, DSP_PV_LOCK_NONE, y, 0),
                    DSP_EINVAL);
    CU_ASSERT(strstr(dsp_last_error(), "factor (-1)") != NULL);
    struct dsp_decompose_params p;
    hps_params(&p, 100, 300);
    p.model = DSP_DECOMPOSE_SINE;
    CU_ASSERT_EQUAL(dsp_pitch_shift(&p, x, 100, 1.5, DSP_ENVELOPE_KEEP, y, 100), DSP_EINVAL);
    CU_ASSERT(strstr(dsp_last_error(), "harmonic") != NULL);
}

int main(void)
{
    static const struct test_case cases[] = {
        {"phase vocoder at factor 1 gives x back", test_stretch_identity},
        {"phase vocoder keeps a tone's frequency and level", test_stretch_tone},
        {"phase vocoder scales a burst's times within one hop", test_stretch_duration},
        {"sine frequency scaling, dropped at fs/2", test_freq_scale},
        {"sine time scaling through a frame map", test_time_scale},
        {"pitch shift keeps or moves the envelope", test_pitch_shift_envelope},
        {"pure tone pitch-shifted by q lands on q f0 within 0.1 Hz", test_pitch_shift_tone},
        {"morph of harmonic and envelope arrays", test_morph_arrays},
        {"morph of 220 and 330 Hz tones halfway: 275 Hz", test_morph_tones},
        {"bad parameters give DSP_EINVAL with a message", test_bad_parameters},
    };
    return test_run("transform", cases, TEST_COUNT(cases));
}
