/* Tests for f32.h: the float32 STFT magnitude and mel frames against the
 * double path (stft.h, melspec.h), within the bound f32.h states. */
#include "testutil.h"

#include <dsplab/f32.h>
#include <dsplab/gen.h>
#include <dsplab/melspec.h>
#include <dsplab/status.h>
#include <dsplab/stft.h>
#include <dsplab/window.h>

#include <fftw3.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/src/f32_wisdom.h"   /* WISDOM_F32: the plans dsplab should use */
#include "../lib/src/kernels.h"      /* dsp_k_half_magf: the split step */

#define LEN 20000

/* noise, then a chirp, then silence (frames of zeros must stay zeros) */
static void make_signal(double *x, float *xf)
{
    dsp_gen_noise(0.5, 7, x, 8000);
    dsp_gen_chirp(DSP_CHIRP_LINEAR, 0.8, 100.0, 10000.0, 8000.0 / 22050.0, 22050.0, x + 8000,
                  8000);
    for (size_t i = 16000; i < LEN; i++)
        x[i] = 0.0;
    for (size_t i = 0; i < LEN; i++)
        xf[i] = (float)x[i];
}

/* Largest |a - b| over the frame, divided by max |b| (0 for a silent frame
 * that both sides leave exactly 0). */
static double rel_to_peak(const double *a, const double *b, size_t n)
{
    double peak = 0.0, err = 0.0;
    for (size_t i = 0; i < n; i++) {
        peak = fmax(peak, fabs(b[i]));
        err = fmax(err, fabs(a[i] - b[i]));
    }
    return peak > 0.0 ? err / peak : (err > 0.0 ? INFINITY : 0.0);
}

static void check_stft(size_t m, size_t n, size_t hop, enum dsp_window type)
{
    double *x = malloc(LEN * sizeof *x), *w = malloc(m * sizeof *w);
    float *xf = malloc(LEN * sizeof *xf);
    make_signal(x, xf);
    dsp_window_fill(type, 0.0, DSP_WINDOW_PERIODIC, w, m);
    struct dsp_stft *st = dsp_stft_new(w, m, n, hop);
    struct dsp_stft_f32 *sf = dsp_stft_f32_new(w, m, n, hop);
    CU_ASSERT_PTR_NOT_NULL_FATAL(st);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sf);
    size_t frames = dsp_stft_num_frames(st, LEN), nb = dsp_stft_num_bins(st);
    CU_ASSERT_EQUAL(dsp_stft_f32_num_frames(sf, LEN), frames);
    CU_ASSERT_EQUAL(dsp_stft_f32_num_bins(sf), nb);
    double *m64 = malloc(nb * sizeof *m64), *m32d = malloc(nb * sizeof *m32d);
    float *m32 = malloc(nb * sizeof *m32);
    double worst = 0.0;
    int silent_exact = 1;
    for (size_t k = 0; k < frames; k++) {
        CU_ASSERT_EQUAL(dsp_stft_magnitude(st, x, LEN, k, m64), DSP_OK);
        CU_ASSERT_EQUAL(dsp_stft_f32_magnitude(sf, xf, LEN, k, m32), DSP_OK);
        for (size_t b = 0; b < nb; b++)
            m32d[b] = m32[b];
        worst = fmax(worst, rel_to_peak(m32d, m64, nb));
        if (k * hop >= 16000 + m)   /* wholly in the silence */
            for (size_t b = 0; b < nb; b++)
                silent_exact &= m32[b] == 0.0f;
    }
    /* f32.h's bound: 1e-5 of the frame's peak */
    printf(" [worst %.2g of the peak] ", worst);
    CU_ASSERT(worst <= 1e-5);
    /* and the comparison is not vacuous: float rounding is visible */
    CU_ASSERT(worst > 1e-9);
    CU_ASSERT(silent_exact);
    CU_ASSERT_EQUAL(dsp_stft_f32_magnitude(sf, xf, LEN, frames, m32), DSP_EINVAL);
    free(x);
    free(w);
    free(xf);
    free(m64);
    free(m32d);
    free(m32);
    dsp_stft_free(st);
    dsp_stft_f32_free(sf);
}

/* dsp_stft_f32_magnitude of 512 .. 4096 points must give the bits of the
 * complex plan of N/2 points that WISDOM_F32 describes, where FFTW takes it
 * here (else FFTW_ESTIMATE's), followed by the split step: the same plan in
 * every run, whatever the timings. The wisdom text itself must parse on any
 * machine (FFTW then declines plans whose codelets this CPU lacks). A
 * rectangular window of N points is 1/N per sample, a power of two, so the
 * windowed samples are the same floats on both sides. */
static void test_wisdom_plan(void)
{
    const double pi = 3.14159265358979323846;
    size_t used = 0;
    fftwf_forget_wisdom();
    CU_ASSERT_EQUAL(fftwf_import_wisdom_from_string(WISDOM_F32), 1);
    fftwf_forget_wisdom();
    for (size_t n = 512; n <= 4096; n *= 2) {
        size_t m = n / 2, len = 3 * n;
        double *w = malloc(n * sizeof *w);
        float *x = malloc(len * sizeof *x), *mag = malloc((m + 1) * sizeof *mag);
        float *want = malloc((m + 1) * sizeof *want), *twr = malloc((m / 2 + 1) * sizeof *twr);
        float *twi = malloc((m / 2 + 1) * sizeof *twi);
        float *scratch = malloc(DSP_K_HALF_SCRATCH(m) * sizeof *scratch);
        fftwf_complex *in = fftwf_malloc(m * sizeof *in), *out = fftwf_malloc(m * sizeof *out);
        CU_ASSERT_FATAL(w && x && mag && want && twr && twi && scratch && in && out);
        dsp_window_fill(DSP_WIN_RECTANGULAR, 0.0, DSP_WINDOW_PERIODIC, w, n);
        struct dsp_stft_f32 *sf = dsp_stft_f32_new(w, n, n, n / 4);
        CU_ASSERT_PTR_NOT_NULL_FATAL(sf);
        uint64_t seed = 11;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            x[i] = (float)((double)(int64_t)(seed >> 11) / 9.0e15);
        }
        /* frame 4 starts at 4 * N/4 - N/2 = N/2, wholly inside the signal */
        CU_ASSERT_EQUAL(dsp_stft_f32_magnitude(sf, x, len, 4, mag), DSP_OK);
        fftwf_plan ref = NULL;
        if (fftwf_import_wisdom_from_string(WISDOM_F32))
            ref = fftwf_plan_dft_1d((int)m, in, out, FFTW_FORWARD, FFTW_PATIENT | FFTW_WISDOM_ONLY);
        fftwf_forget_wisdom();
        used += ref != NULL;
        if (!ref)
            ref = fftwf_plan_dft_1d((int)m, in, out, FFTW_FORWARD, FFTW_ESTIMATE);
        CU_ASSERT_PTR_NOT_NULL_FATAL(ref);
        float *pairs = (float *)in, wn = (float)(1.0 / (double)n);
        for (size_t i = 0; i < n; i++)
            pairs[i] = x[n / 2 + i] * wn;
        for (size_t k = 0; k <= m / 2; k++) {
            double a = 2.0 * pi * (double)k / (double)n;
            twr[k] = 4 * k == n ? 0.0f : (float)cos(a);
            twi[k] = 4 * k == n ? -1.0f : (float)-sin(a);
        }
        fftwf_execute(ref);
        dsp_k_half_magf((const float *)out, twr, twi, m, scratch, want);
        CU_ASSERT(memcmp(mag, want, (m + 1) * sizeof *mag) == 0);
        fftwf_destroy_plan(ref);
        dsp_stft_f32_free(sf);
        fftwf_free(in);
        fftwf_free(out);
        free(w);
        free(x);
        free(mag);
        free(want);
        free(twr);
        free(twi);
        free(scratch);
    }
    printf(" [sizes with a wisdom plan FFTW takes here: %zu of 4] ", used);
}

static void test_stft_defaults(void)
{
    check_stft(2048, 2048, 512, DSP_WIN_HANN);
}

static void test_stft_odd_padded(void)
{
    check_stft(1001, 4096, 250, DSP_WIN_BLACKMAN);
}

/* Even N runs as a complex FFT of N/2 points and a split step (f32.c), odd
 * N as a real FFT: both, at sizes with and without compiled-in wisdom,
 * and the smallest even ones, where the split has one or two pairs. */
static void test_stft_other_sizes(void)
{
    check_stft(2, 2, 1, DSP_WIN_HANN);
    check_stft(4, 4, 2, DSP_WIN_HANN);
    check_stft(5, 6, 3, DSP_WIN_HAMMING);
    check_stft(401, 1001, 100, DSP_WIN_HANN);
    check_stft(400, 400, 160, DSP_WIN_HANN);
    check_stft(512, 512, 128, DSP_WIN_BLACKMAN);
    check_stft(1024, 1024, 256, DSP_WIN_HANN);
    check_stft(3000, 4096, 1024, DSP_WIN_HANN);
}

static void check_mel(const struct dsp_melspec_params *p, double bound)
{
    double *x = malloc(LEN * sizeof *x);
    float *xf = malloc(LEN * sizeof *xf);
    make_signal(x, xf);
    struct dsp_melspec *ms = dsp_melspec_new(p);
    struct dsp_melspec_f32 *mf = dsp_melspec_f32_new(p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mf);
    size_t frames = dsp_melspec_num_frames(ms, LEN), nm = dsp_melspec_num_bands(ms);
    CU_ASSERT_EQUAL(dsp_melspec_f32_num_frames(mf, LEN), frames);
    CU_ASSERT_EQUAL(dsp_melspec_f32_num_bands(mf), nm);
    double *a = malloc(nm * sizeof *a), *b = malloc(nm * sizeof *b), worst = 0.0;
    for (size_t k = 0; k < frames; k++) {
        CU_ASSERT_EQUAL(dsp_melspec_frame(ms, x, LEN, k, a), DSP_OK);
        CU_ASSERT_EQUAL(dsp_melspec_f32_frame(mf, xf, LEN, k, b), DSP_OK);
        worst = fmax(worst, rel_to_peak(b, a, nm));
    }
    printf(" [worst %.2g of the peak, bound %g] ", worst, bound);
    CU_ASSERT(worst <= bound);
    CU_ASSERT(worst > 1e-10);
    free(x);
    free(xf);
    free(a);
    free(b);
    dsp_melspec_free(ms);
    dsp_melspec_f32_free(mf);
}

static void test_mel_librosa(void)
{
    struct dsp_melspec_params p = dsp_melspec_defaults(22050.0);
    check_mel(&p, 2e-5);   /* power 2: twice the magnitude's relative error */
}

static void test_mel_vggish_like(void)
{
    struct dsp_melspec_params p = dsp_melspec_defaults(16000.0);
    p.n_fft = 512;
    p.win_length = 400;
    p.hop = 160;
    p.power = 1.0;
    p.framing = DSP_FRAMES_INSIDE;
    p.mel.n_mels = 64;
    p.mel.fmin = 125.0;
    p.mel.fmax = 7500.0;
    p.mel.scale = DSP_MEL_HTK_LN;
    p.mel.norm = DSP_MEL_NORM_NONE;
    p.mel.triangles = DSP_MEL_TRIANGLES_MEL;
    p.mel.zero_dc = 1;
    check_mel(&p, 1e-5);
}

static void test_bad_params(void)
{
    double w[4] = {0, 0, 0, 0};
    CU_ASSERT_PTR_NULL(dsp_stft_f32_new(w, 4, 4, 1));   /* sums to 0 */
    CU_ASSERT_PTR_NULL(dsp_stft_f32_new(w, 4, 2, 1));   /* N < M */
    struct dsp_melspec_params p = dsp_melspec_defaults(22050.0);
    p.win_length = 4096;
    CU_ASSERT_PTR_NULL(dsp_melspec_f32_new(&p));
    p = dsp_melspec_defaults(22050.0);
    p.power = 1.5;
    CU_ASSERT_PTR_NULL(dsp_melspec_f32_new(&p));
    dsp_stft_f32_free(NULL);
    dsp_melspec_f32_free(NULL);
}

static const struct test_case cases[] = {
    {"stft magnitude float32 vs double, M = N = 2048", test_stft_defaults},
    {"stft magnitude float32 vs double, odd M, padded N", test_stft_odd_padded},
    {"stft magnitude float32 vs double, even N (split) and odd N (real plan)", test_stft_other_sizes},
    {"float32: the compiled-in wisdom's complex plan and the split step, bit for bit", test_wisdom_plan},
    {"mel float32 vs double, librosa defaults", test_mel_librosa},
    {"mel float32 vs double, VGGish-like inside frames", test_mel_vggish_like},
    {"bad parameters", test_bad_params},
};

int main(void)
{
    return test_run("f32", cases, TEST_COUNT(cases));
}
