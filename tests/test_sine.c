/* test_sine.c — tracking rules (birth, continuation, death, slot reuse,
 * max sines, larger peaks first, cleaning), the Blackman-Harris lobe against
 * a direct transform, analysis of a chirp (the case), and both
 * syntheses of stationary sinusoids. */
#include "testutil.h"

#include <dsplab/gen.h>
#include <dsplab/signal.h>
#include <dsplab/sine.h>
#include <dsplab/status.h>
#include <dsplab/window.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PI 3.14159265358979323846

/* one tracking step with peaks given as {freq, mag} pairs */
static void step(struct dsp_sine_tracker *tr, const double (*pk)[2], size_t np, double *tf,
                 double *tm)
{
    double f[8], m[8], ph[8], tph[8];
    for (size_t i = 0; i < np; i++) {
        f[i] = pk[i][0];
        m[i] = pk[i][1];
        ph[i] = (double)i;
    }
    CU_ASSERT_EQUAL(dsp_sine_tracker_update(tr, f, m, ph, np, tf, tm, tph), DSP_OK);
}

static void test_birth_continuation_death_reuse(void)
{
    struct dsp_sine_tracker *tr = dsp_sine_tracker_new(5, 8, 10.0, 0.0);
    CU_ASSERT_FATAL(tr != NULL);
    double tf[5], tm[5];
    const double f0[][2] = {{500, -20}, {100, -10}};
    step(tr, f0, 2, tf, tm);   /* larger first: 100 Hz takes slot 0 */
    CU_ASSERT(tf[0] == 100 && tf[1] == 500 && tf[2] == 0 && tm[0] == -10);
    const double f1[][2] = {{102, -10}, {505, -20}, {900, -30}};
    step(tr, f1, 3, tf, tm);   /* two continue, 900 is born in slot 2 */
    CU_ASSERT(tf[0] == 102 && tf[1] == 505 && tf[2] == 900 && tf[3] == 0);
    const double f2[][2] = {{103, -10}, {950, -30}};
    step(tr, f2, 2, tf, tm);   /* 500 dies; 950 is 50 Hz from 900 (> 10): a birth in slot 3 */
    CU_ASSERT(tf[0] == 103 && tf[1] == 0 && tf[2] == 0 && tf[3] == 950);
    const double f3[][2] = {{400, -25}, {104, -10}, {300, -15}};
    step(tr, f3, 3, tf, tm);   /* slots 1 and 2 died last frame: reused, larger peak first */
    CU_ASSERT(tf[0] == 104 && tf[1] == 300 && tf[2] == 400 && tf[3] == 0 && tf[4] == 0);
    dsp_sine_tracker_reset(tr);
    const double f4[][2] = {{300, -15}};
    step(tr, f4, 1, tf, tm);   /* after reset: a birth in slot 0 */
    CU_ASSERT(tf[0] == 300 && tf[1] == 0);
    dsp_sine_tracker_free(tr);
}

static void test_larger_peak_wins_and_max_sines(void)
{
    struct dsp_sine_tracker *tr = dsp_sine_tracker_new(2, 8, 10.0, 0.01);
    CU_ASSERT_FATAL(tr != NULL);
    double tf[2], tm[2];
    const double f0[][2] = {{100, -10}};
    step(tr, f0, 1, tf, tm);
    /* both within 10 + 0.01 f of the track: the larger one (103) continues it,
     * the nearer (98) becomes a new track */
    const double f1[][2] = {{98, -30}, {103, -10}};
    step(tr, f1, 2, tf, tm);
    CU_ASSERT(tf[0] == 103 && tf[1] == 98);
    dsp_sine_tracker_free(tr);

    tr = dsp_sine_tracker_new(2, 8, 10.0, 0.0);
    const double f2[][2] = {{100, -40}, {200, -10}, {300, -20}};
    step(tr, f2, 3, tf, tm);   /* room for 2: the two largest */
    CU_ASSERT(tf[0] == 200 && tf[1] == 300);
    dsp_sine_tracker_free(tr);
}

static void test_clean_short_tracks(void)
{
    /* one slot (and a second, untouched): runs of 1, 3 and 2 frames */
    enum { F = 10, S = 2 };
    const double col[F] = {5, 0, 6, 6, 6, 0, 0, 7, 7, 0};
    double f[F * S], m[F * S], ph[F * S];
    for (size_t k = 0; k < F; k++) {
        f[k * S] = col[k];
        m[k * S] = col[k] > 0 ? -3 : 0;
        ph[k * S] = col[k] > 0 ? 1 : 0;
        f[k * S + 1] = 50;
        m[k * S + 1] = -1;
        ph[k * S + 1] = 2;
    }
    CU_ASSERT_EQUAL(dsp_sine_tracks_clean(f, m, ph, F, S, 3), DSP_OK);
    const double want[F] = {0, 0, 6, 6, 6, 0, 0, 0, 0, 0};
    for (size_t k = 0; k < F; k++) {
        CU_ASSERT_EQUAL(f[k * S], want[k]);
        CU_ASSERT_EQUAL(m[k * S], want[k] > 0 ? -3 : 0);
        CU_ASSERT_EQUAL(ph[k * S], want[k] > 0 ? 1 : 0);
        CU_ASSERT_EQUAL(f[k * S + 1], 50);   /* a 10-frame track stays */
    }
}

/* The lobe against the real part of the window's transform summed
 * directly: sum over n in [-n/2, n/2) of w(n) cos(2 pi x n / n_fft). The
 * closed form drops a factor cos(pi x / n) of the even-length sum's
 * asymmetry, below 1 - 3e-4 at |x| <= 4 for n = 512, hence 1e-3. */
static void test_bh92_lobe(void)
{
    const size_t n = 512;
    double w[512];
    dsp_window_fill(DSP_WIN_BLACKMANHARRIS, 0.0, DSP_WINDOW_PERIODIC, w, n);
    double sum = dsp_window_sum(w, n);
    CU_ASSERT_DOUBLE_EQUAL(dsp_sine_bh92_lobe(0.0, n), 1.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(dsp_sine_bh92_lobe(1.0, n), 0.48829 / (2 * 0.35875), 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(dsp_sine_bh92_lobe(4.0, n), 0.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(dsp_sine_bh92_lobe(-4.0, n), 0.0, 1e-12);
    double worst = 0.0;
    for (double x = -4.5; x <= 4.5; x += 0.0625) {
        double direct = 0.0;
        for (size_t i = 0; i < n; i++)   /* w[i] is at time i - n/2 */
            direct += w[i] / sum * cos(2.0 * PI * x * ((double)i - n / 2.0) / (double)n);
        worst = fmax(worst, fabs(dsp_sine_bh92_lobe(x, n) - direct));
    }
    CU_ASSERT(worst < 1e-3);
    if (!(worst < 1e-3))
        printf("\n    lobe vs direct transform: max error %g\n", worst);
}

/* The chirp: 300 -> 1200 Hz over 2 s (fs 44100, amplitude 0.5).
 * Blackman M 2001 (main lobe 6 bins; its -58 dB side lobes stay under the
 * -60 dB threshold at a -12 dB peak), N 4096, H 256: 345 frames. One track
 * (one run of one slot) must cover 95 % of them, and on every frame of it
 * whose window lies wholly inside the signal (337 of them) its frequency
 * must be within 2 Hz of the instantaneous frequency at the frame centre.
 * (Half-empty edge windows see a centre shifted by ~M/4 samples, 5 Hz of
 * sweep, so they are left out of the 2 Hz check, not of the coverage.) */
static void test_chirp_track(void)
{
    const double fs = 44100.0, T = 2.0;
    const size_t len = (size_t)(T * fs);
    double *x = malloc(len * sizeof *x);
    CU_ASSERT_FATAL(x != NULL);
    dsp_gen_chirp(DSP_CHIRP_LINEAR, 0.5, 300.0, 1200.0, T, fs, x, len);
    struct dsp_sine_params p = {.fs = fs, .window = DSP_WIN_BLACKMAN, .m = 2001, .n_fft = 4096,
                                .hop = 256, .threshold_db = -60.0, .max_sines = 10,
                                .freq_dev_offset = 20.0, .freq_dev_slope = 0.01};
    struct dsp_sine_analysis *sa = dsp_sine_analysis_new(&p);
    CU_ASSERT_FATAL(sa != NULL);
    size_t nf = dsp_sine_analysis_num_frames(sa, len), S = p.max_sines;
    double *f = malloc(nf * S * sizeof *f), *m = malloc(nf * S * sizeof *m);
    double *ph = malloc(nf * S * sizeof *ph);
    CU_ASSERT_FATAL(f && m && ph);
    CU_ASSERT_EQUAL_FATAL(dsp_sine_analyze(sa, x, len, f, m, ph, nf), DSP_OK);
    size_t best_len = 0, best_s = 0, best_start = 0;
    for (size_t s = 0; s < S; s++)
        for (size_t k = 0; k < nf;) {
            size_t k0 = k;
            while (k < nf && f[k * S + s] > 0)
                k++;
            if (k - k0 > best_len) {
                best_len = k - k0;
                best_s = s;
                best_start = k0;
            }
            k += (k == k0);
        }
    CU_ASSERT(best_len >= (size_t)ceil(0.95 * (double)nf));
    double worst = 0.0;
    size_t checked = 0;
    for (size_t k = best_start; k < best_start + best_len; k++) {
        size_t c = k * p.hop;
        if (c < p.m / 2 || c + p.m / 2 >= len)
            continue;
        double want = dsp_chirp_frequency(DSP_CHIRP_LINEAR, 300.0, 1200.0, T, (double)c / fs);
        worst = fmax(worst, fabs(f[k * S + best_s] - want));
        checked++;
    }
    CU_ASSERT(checked >= 330);
    CU_ASSERT(worst < 2.0);
    printf("\n    longest track %zu of %zu frames, worst error %.3f Hz over %zu frames\n",
               best_len, nf, worst, checked);
    free(f);
    free(m);
    free(ph);
    free(x);
    dsp_sine_analysis_free(sa);
}

/* SNR in dB of y against x over samples [a, b) */
static double snr_range(const double *x, const double *y, size_t a, size_t b)
{
    return dsp_snr_db(x + a, y + a, b - a);
}

/* Two stationary sinusoids through analysis (Blackman-Harris M 1501,
 * N 4096, H 128) and both syntheses. Away from the first and last
 * half-window, the time-domain synthesis with measured phases is limited
 * only by the peak estimates (a 4x padded Blackman-Harris lobe: ~1e-4
 * relative), the spectral one also by the 9-bin lobe truncation (-92 dB
 * side lobes) and the division by the window: both measure about 99 dB
 * here; 80 dB leaves room for other libm's and still catches a wrong
 * phase convention, amplitude scale or half-sample shift (< 40 dB). */
static void test_analysis_synthesis_stationary(void)
{
    const double fs = 44100.0;
    const size_t len = 22050;
    double *x = malloc(len * sizeof *x), *tmp = malloc(len * sizeof *tmp);
    double *y = malloc(len * sizeof *y);
    CU_ASSERT_FATAL(x && tmp && y);
    dsp_gen_sine(0.6, 440.7, 0.3, fs, x, len);
    dsp_gen_sine(0.2, 1234.5, -1.1, fs, tmp, len);
    for (size_t i = 0; i < len; i++)
        x[i] += tmp[i];
    struct dsp_sine_params p = {.fs = fs, .window = DSP_WIN_BLACKMANHARRIS, .m = 1501,
                                .n_fft = 4096, .hop = 128, .threshold_db = -80.0,
                                .max_sines = 8, .freq_dev_offset = 10.0, .freq_dev_slope = 0.0};
    struct dsp_sine_analysis *sa = dsp_sine_analysis_new(&p);
    CU_ASSERT_FATAL(sa != NULL);
    size_t nf = dsp_sine_analysis_num_frames(sa, len), S = p.max_sines;
    double *f = malloc(nf * S * sizeof *f), *m = malloc(nf * S * sizeof *m);
    double *ph = malloc(nf * S * sizeof *ph);
    CU_ASSERT_FATAL(f && m && ph);
    CU_ASSERT_EQUAL_FATAL(dsp_sine_analyze(sa, x, len, f, m, ph, nf), DSP_OK);
    size_t a = p.m, b = len - p.m;
    CU_ASSERT_EQUAL(dsp_sine_synth_time(f, m, ph, nf, S, p.hop, fs, y, len), DSP_OK);
    double snr_t = snr_range(x, y, a, b);
    struct dsp_sine_synth *ss = dsp_sine_synth_new(512, 128, fs, S);
    CU_ASSERT_FATAL(ss != NULL);
    CU_ASSERT_EQUAL(dsp_sine_synth_spectral(ss, f, m, ph, nf, S, y, len), DSP_OK);
    double snr_s = snr_range(x, y, a, b);
    CU_ASSERT(snr_t > 80.0);   /* measured 99 dB */
    CU_ASSERT(snr_s > 80.0);   /* measured 99 dB */
    printf("\n    SNR time-domain %.1f dB, spectral %.1f dB ", snr_t, snr_s);
    dsp_sine_synth_free(ss);
    free(f);
    free(m);
    free(ph);
    free(x);
    free(tmp);
    free(y);
    dsp_sine_analysis_free(sa);
}

/* Spectral synthesis of one sinusoid from constant tracks without phases:
 * the output must be a sinusoid of the track's frequency and amplitude.
 * Measured by least squares against cos and sin at the track frequency
 * (amplitude within 0.5 %) and by the residual of that fit (a different
 * frequency would leave a large one: 0.1 Hz off over 0.3 s already drifts
 * 0.19 rad). */
static void test_spectral_one_sinusoid(void)
{
    const double fs = 44100.0, fr = 1000.3, A = 0.7;
    const size_t hop = 128, nf = 120, len = (nf - 1) * hop;
    double f[120], m[120], *y = malloc(len * sizeof *y);
    CU_ASSERT_FATAL(y != NULL);
    for (size_t k = 0; k < nf; k++) {
        f[k] = fr;
        m[k] = 20.0 * log10(A / 2.0);
    }
    struct dsp_sine_synth *ss = dsp_sine_synth_new(512, hop, fs, 1);
    CU_ASSERT_FATAL(ss != NULL);
    CU_ASSERT_EQUAL(dsp_sine_synth_spectral(ss, f, m, NULL, nf, 1, y, len), DSP_OK);
    /* fit y ~ c cos(wt) + s sin(wt) away from the ends */
    double cc = 0, cs = 0, ss2 = 0, yc = 0, ys = 0, w = 2.0 * PI * fr / fs;
    size_t a = 2 * hop, b = len - 2 * hop;
    for (size_t t = a; t < b; t++) {
        double co = cos(w * t), si = sin(w * t);
        cc += co * co;
        cs += co * si;
        ss2 += si * si;
        yc += y[t] * co;
        ys += y[t] * si;
    }
    double det = cc * ss2 - cs * cs;
    double c = (yc * ss2 - ys * cs) / det, s = (ys * cc - yc * cs) / det;
    double amp = hypot(c, s), err = 0.0, en = 0.0;
    for (size_t t = a; t < b; t++) {
        double e = y[t] - (c * cos(w * t) + s * sin(w * t));
        err += e * e;
        en += y[t] * y[t];
    }
    CU_ASSERT(fabs(amp - A) < 0.005 * A);
    CU_ASSERT(10.0 * log10(en / err) > 80.0);   /* measured 99 dB */
    printf("\n    amplitude %.6f (want %.1f), fit SNR %.1f dB ", amp, A, 10.0 * log10(en / err));
    dsp_sine_synth_free(ss);
    free(y);
}

static void test_bad_parameters(void)
{
    CU_ASSERT_PTR_NULL(dsp_sine_tracker_new(0, 10, 10.0, 0.0));
    CU_ASSERT(strstr(dsp_last_error(), "max_sines") != NULL);
    CU_ASSERT_PTR_NULL(dsp_sine_tracker_new(4, 10, -1.0, 0.0));
    CU_ASSERT(strstr(dsp_last_error(), "-1") != NULL);
    struct dsp_sine_params p;
    dsp_sine_params_default(&p, 44100.0);
    p.n_fft = 1024;   /* < M = 2001 */
    CU_ASSERT_PTR_NULL(dsp_sine_analysis_new(&p));
    CU_ASSERT(strstr(dsp_last_error(), "2001") != NULL);
    dsp_sine_params_default(&p, 0.0);
    CU_ASSERT_PTR_NULL(dsp_sine_analysis_new(&p));
    CU_ASSERT(strstr(dsp_last_error(), "sampling rate") != NULL);
    dsp_sine_params_default(&p, 44100.0);
    p.hop = 0;
    CU_ASSERT_PTR_NULL(dsp_sine_analysis_new(&p));
    CU_ASSERT_PTR_NULL(dsp_sine_synth_new(512, 300, 44100.0, 4));
    CU_ASSERT(strstr(dsp_last_error(), "300") != NULL);
    CU_ASSERT_PTR_NULL(dsp_sine_synth_new(511, 128, 44100.0, 4));
    double y[4];
    CU_ASSERT_EQUAL(dsp_sine_synth_time(NULL, NULL, NULL, 0, 0, 0, 44100.0, y, 4), DSP_EINVAL);
    struct dsp_sine_tracker *tr = dsp_sine_tracker_new(2, 1, 10.0, 0.0);
    double pf[2] = {100, 200}, pm[2] = {0, 0}, tf[2], tm[2];
    CU_ASSERT_EQUAL(dsp_sine_tracker_update(tr, pf, pm, NULL, 2, tf, tm, NULL), DSP_EINVAL);
    CU_ASSERT(strstr(dsp_last_error(), "2 peaks") != NULL);
    dsp_sine_tracker_free(tr);
    dsp_sine_tracker_free(NULL);
    dsp_sine_analysis_free(NULL);
    dsp_sine_synth_free(NULL);
}

int main(void)
{
    static const struct test_case cases[] = {
        {"tracking: birth, continuation, death, slot reuse", test_birth_continuation_death_reuse},
        {"tracking: larger peaks first, at most max_sines", test_larger_peak_wins_and_max_sines},
        {"cleaning removes tracks shorter than min frames", test_clean_short_tracks},
        {"Blackman-Harris lobe matches the direct transform", test_bh92_lobe},
        {"chirp 300-1200 Hz: one track, 95 % of frames, < 2 Hz", test_chirp_track},
        {"two sinusoids: analysis + both syntheses", test_analysis_synthesis_stationary},
        {"spectral synthesis of one sinusoid: frequency, amplitude", test_spectral_one_sinusoid},
        {"bad parameters give DSP_EINVAL / NULL with a message", test_bad_parameters},
    };
    return test_run("sine", cases, TEST_COUNT(cases));
}
