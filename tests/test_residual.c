/* test_residual.c — the residual (exact subtraction), the stochastic
 * envelope of white noise (flat, at the level the DFT model predicts), its
 * random-phase synthesis (power kept, seeded), and the harmonic
 * tone + noise decomposition (residual energy within 2 dB of the noise). */
#include "testutil.h"

#include <dsplab/gen.h>
#include <dsplab/harmonic.h>
#include <dsplab/residual.h>
#include <dsplab/signal.h>
#include <dsplab/status.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void test_subtract(void)
{
    double x[3] = {1, 2, 3}, y[3] = {0.5, 2, -1}, r[3];
    CU_ASSERT_EQUAL(dsp_residual_subtract(x, y, 3, r), DSP_OK);
    CU_ASSERT(r[0] == 0.5 && r[1] == 0 && r[2] == 4);
    CU_ASSERT_EQUAL(dsp_residual_subtract(x, y, 3, x), DSP_OK);   /* in place */
    CU_ASSERT(x[0] == 0.5 && x[2] == 4);
}

/* Band means over frames 1 .. nf-2 (the end frames hold half a window of
 * signal), in dB of the mean power. */
static void band_means(const double *env, size_t nf, size_t E, double *mean_db)
{
    for (size_t j = 0; j < E; j++) {
        double p = 0.0;
        for (size_t k = 1; k + 1 < nf; k++)
            p += pow(10.0, env[k * E + j] / 10.0);
        mean_db[j] = 10.0 * log10(p / (double)(nf - 2));
    }
}

/* White noise uniform in [-0.5, 0.5) (variance 1/12), 4 s at 44.1 kHz,
 * hop 128 (Hann N = 256), stocf 0.2: 26 bands of ~5 bins. Expected level
 * 10 log10(s^2 sum w_n^2) with sum w_n^2 = 1.5 / N for the unit-sum
 * periodic Hann window: -33.11 dB. Each band's mean over 1376 frames has a
 * standard error near 0.1 dB (5 correlated bins a frame), so every band
 * within 0.5 dB and the grand mean within 0.1 dB; the envelope of a
 * wrongly scaled window (sum instead of unit sum) or averaged in dB
 * (-2.5 dB) would be far off. */
static void test_envelope_of_white_noise(void)
{
    const size_t len = 4 * 44100, hop = 128;
    const double var = 1.0 / 12.0, want = 10.0 * log10(var * 1.5 / 256.0);
    double *x = malloc(len * sizeof *x);
    CU_ASSERT_FATAL(x != NULL);
    dsp_gen_noise(0.5, 7, x, len);
    struct dsp_stochastic *st = dsp_stochastic_new(hop, 0.2);
    CU_ASSERT_FATAL(st != NULL);
    size_t nf = dsp_stochastic_num_frames(st, len), E = dsp_stochastic_env_size(st);
    CU_ASSERT_EQUAL(E, 26);
    CU_ASSERT_EQUAL(nf, len / hop + 1);
    double *env = malloc(nf * E * sizeof *env), mean[64], grand = 0.0, worst = 0.0;
    CU_ASSERT_FATAL(env != NULL);
    CU_ASSERT_EQUAL_FATAL(dsp_stochastic_analyze(st, x, len, env, nf), DSP_OK);
    band_means(env, nf, E, mean);
    for (size_t j = 0; j < E; j++) {
        grand += pow(10.0, mean[j] / 10.0) / (double)E;
        worst = fmax(worst, fabs(mean[j] - want));
    }
    grand = 10.0 * log10(grand);
    CU_ASSERT(worst < 0.5);
    CU_ASSERT(fabs(grand - want) < 0.1);
    printf("\n    expected %.3f dB, grand mean %.3f dB, worst band off by %.3f dB ", want, grand,
           worst);
    /* band centres: band 0 is bins 0..3 -> 1.5; the last band ends at bin 128 */
    CU_ASSERT_DOUBLE_EQUAL(dsp_stochastic_band_centre(st, 0), 1.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(dsp_stochastic_band_centre(st, E - 1), 126.0, 1e-12);
    free(env);
    free(x);
    dsp_stochastic_free(st);
}

/* Synthesis from a constant flat envelope at the level of unit-variance
 * white noise must give variance 1 (within 0.2 dB over 2 s; independent
 * frames whose squared windows sum to 1), re-analyse flat at that level,
 * and repeat exactly for a seed. */
static void test_stochastic_synthesis_level(void)
{
    const size_t len = 2 * 44100, hop = 256;
    struct dsp_stochastic *st = dsp_stochastic_new(hop, 0.1);
    CU_ASSERT_FATAL(st != NULL);
    size_t nf = dsp_stochastic_num_frames(st, len), E = dsp_stochastic_env_size(st);
    double level = 10.0 * log10(1.0 * 1.5 / (2.0 * hop));
    double *env = malloc(nf * E * sizeof *env), *y = malloc(len * sizeof *y);
    double *y2 = malloc(len * sizeof *y2), *env2 = malloc(nf * E * sizeof *env2);
    CU_ASSERT_FATAL(env && y && y2 && env2);
    for (size_t i = 0; i < nf * E; i++)
        env[i] = level;
    CU_ASSERT_EQUAL(dsp_stochastic_synthesize(st, env, nf, 99, y, len), DSP_OK);
    double var_db = 10.0 * log10(dsp_energy(y, len) / (double)len);
    CU_ASSERT(fabs(var_db) < 0.2);
    CU_ASSERT_EQUAL(dsp_stochastic_analyze(st, y, len, env2, nf), DSP_OK);
    double mean[64], worst = 0.0;
    band_means(env2, nf, E, mean);
    for (size_t j = 0; j < E; j++)
        worst = fmax(worst, fabs(mean[j] - level));
    CU_ASSERT(worst < 1.0);
    printf("\n    variance %.3f dB (want 0), re-analysed bands within %.3f dB ", var_db, worst);
    dsp_stochastic_synthesize(st, env, nf, 99, y2, len);
    CU_ASSERT_EQUAL(memcmp(y, y2, len * sizeof *y), 0);
    dsp_stochastic_synthesize(st, env, nf, 100, y2, len);
    CU_ASSERT(memcmp(y, y2, len * sizeof *y) != 0);
    free(env);
    free(env2);
    free(y);
    free(y2);
    dsp_stochastic_free(st);
}

/* The case: the 220 Hz stack of 6 harmonics (1/k) plus white
 * noise 30 dB below it (tone power 0.745, noise variance 7.45e-4). The
 * harmonic model (Blackman-Harris 2001, N 8192, H 256) takes the
 * harmonics, with a -80 dB threshold: below the noise's peaks (its bins
 * average -61 dB, its peaks reach -54 dB), so TWM must not take the noise
 * peaks for partials (test_harmonic checks f0 in every frame) and the 4
 * harmonic slots above the tone's 6 pick up only a little noise. The
 * residual's energy must be within 2 dB of the noise's
 * (outside the first and last window), and the stochastic part's energy
 * too. sines + residual is x to rounding. */
static void test_decompose_tone_plus_noise(void)
{
    const double fs = 44100.0;
    const size_t len = 44100;
    double amps[6], tone_power = 0.0;
    for (int k = 0; k < 6; k++) {
        amps[k] = 1.0 / (k + 1);
        tone_power += 0.5 * amps[k] * amps[k];
    }
    double noise_var = tone_power / 1000.0, a = sqrt(3.0 * noise_var);
    double *x = malloc(len * sizeof *x), *noise = malloc(len * sizeof *noise);
    double *sines = malloc(len * sizeof *sines), *res = malloc(len * sizeof *res);
    double *stoch = malloc(len * sizeof *stoch);
    CU_ASSERT_FATAL(x && noise && sines && res && stoch);
    dsp_gen_harmonics(220.0, amps, NULL, 6, fs, x, len);
    dsp_gen_noise(a, 11, noise, len);
    for (size_t i = 0; i < len; i++)
        x[i] += noise[i];
    struct dsp_decompose_params p = {.model = DSP_DECOMPOSE_HARMONIC, .min_frames = 3,
                                     .stoch_hop = 128, .stocf = 0.2, .seed = 5};
    dsp_harmonic_params_default(&p.harmonic, fs);
    p.harmonic.window = DSP_WIN_BLACKMANHARRIS;
    p.harmonic.m = 2001;
    p.harmonic.n_fft = 8192;
    p.harmonic.hop = 256;
    p.harmonic.threshold_db = -80.0;
    p.harmonic.n_harmonics = 10;
    p.harmonic.min_f0 = 100.0;
    p.harmonic.max_f0 = 400.0;
    CU_ASSERT_EQUAL_FATAL(dsp_decompose(&p, x, len, sines, res, stoch), DSP_OK);
    double worst = 0.0;
    for (size_t i = 0; i < len; i++)
        worst = fmax(worst, fabs(sines[i] + res[i] - x[i]));
    CU_ASSERT(worst < 1e-12);
    size_t lo = p.harmonic.m, n = len - 2 * p.harmonic.m;
    double e_noise = dsp_energy(noise + lo, n), e_res = dsp_energy(res + lo, n);
    double e_sto = dsp_energy(stoch + lo, n);
    double d_res = 10.0 * log10(e_res / e_noise), d_sto = 10.0 * log10(e_sto / e_noise);
    CU_ASSERT(fabs(d_res) < 2.0);
    CU_ASSERT(fabs(d_sto) < 2.0);
    printf("\n    residual %+.3f dB, stochastic %+.3f dB against the noise ", d_res, d_sto);
    free(x);
    free(noise);
    free(sines);
    free(res);
    free(stoch);
}

static void test_bad_parameters(void)
{
    CU_ASSERT_PTR_NULL(dsp_stochastic_new(1, 0.2));
    CU_ASSERT(strstr(dsp_last_error(), "hop (1)") != NULL);
    CU_ASSERT_PTR_NULL(dsp_stochastic_new(128, 0.0));
    CU_ASSERT(strstr(dsp_last_error(), "stochastic factor (0)") != NULL);
    CU_ASSERT_PTR_NULL(dsp_stochastic_new(128, 1.5));
    struct dsp_stochastic *st = dsp_stochastic_new(64, 0.5);
    CU_ASSERT_FATAL(st != NULL);
    double x[1000] = {0}, env[1000];
    CU_ASSERT_EQUAL(dsp_stochastic_analyze(st, x, 1000, env, 3), DSP_EINVAL);
    CU_ASSERT(strstr(dsp_last_error(), "3 frames") != NULL);
    dsp_stochastic_free(st);
    dsp_stochastic_free(NULL);
    struct dsp_decompose_params p = {.model = (enum dsp_decompose_model)7};
    double s[4], r[4];
    CU_ASSERT_EQUAL(dsp_decompose(&p, x, 4, s, r, NULL), DSP_EINVAL);
    CU_ASSERT(strstr(dsp_last_error(), "model 7") != NULL);
    p.model = DSP_DECOMPOSE_SINE;   /* all-zero sine parameters: fs 0 */
    CU_ASSERT_EQUAL(dsp_decompose(&p, x, 4, s, r, NULL), DSP_EINVAL);
    CU_ASSERT(strstr(dsp_last_error(), "sampling rate") != NULL);
    CU_ASSERT_EQUAL(dsp_residual_subtract(NULL, x, 4, r), DSP_EINVAL);
}

int main(void)
{
    static const struct test_case cases[] = {
        {"residual is x - y", test_subtract},
        {"stochastic envelope of white noise: flat at the expected level",
         test_envelope_of_white_noise},
        {"stochastic synthesis keeps the power, seeded", test_stochastic_synthesis_level},
        {"harmonic tone + noise 30 dB below: residual within 2 dB", test_decompose_tone_plus_noise},
        {"bad parameters give DSP_EINVAL / NULL with a message", test_bad_parameters},
    };
    return test_run("residual", cases, TEST_COUNT(cases));
}
