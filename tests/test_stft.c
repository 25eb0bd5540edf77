/* Tests of the STFT (stft.h): librosa-style centred framing, agreement with
 * the DFT model of explicitly extracted frames, and overlap-add synthesis. */
#include "testutil.h"

#include <dsplab/dft.h>
#include <dsplab/dftmodel.h>
#include <dsplab/gen.h>
#include <dsplab/status.h>
#include <dsplab/stft.h>
#include <dsplab/window.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct dsp_stft *make(enum dsp_window type, size_t m, size_t n, size_t hop)
{
    double *w = malloc(m * sizeof *w);
    CU_ASSERT_FATAL(w != NULL);
    CU_ASSERT_FATAL(dsp_window_fill(type, 0.0, DSP_WINDOW_PERIODIC, w, m) == DSP_OK);
    struct dsp_stft *st = dsp_stft_new(w, m, n, hop);
    free(w);
    if (!st)
        printf("\n    dsp_stft_new: %s\n", dsp_last_error());
    CU_ASSERT_FATAL(st != NULL);
    return st;
}

/* librosa (center=True) pads n_fft//2 zeros on each side and counts
 * 1 + (L + 2*(n_fft//2) - n_fft) // H frames; for even n_fft that is
 * floor(L/H) + 1. Checked on hand-counted cases and against that formula. */
static void test_num_frames(void)
{
    struct dsp_stft *st = make(DSP_WIN_HANN, 1024, 1024, 256);
    const size_t lens[] = {0, 1, 255, 256, 257, 1000, 1024, 44100};
    const size_t want[] = {1, 1, 1, 2, 2, 4, 5, 173};
    for (size_t i = 0; i < TEST_COUNT(lens); i++) {
        CU_ASSERT_EQUAL(dsp_stft_num_frames(st, lens[i]), want[i]);
        CU_ASSERT_EQUAL(dsp_stft_num_frames(st, lens[i]), 1 + (lens[i] + 2 * 512 - 1024) / 256);
    }
    CU_ASSERT_EQUAL(dsp_stft_num_bins(st), 513);
    CU_ASSERT_EQUAL(dsp_stft_window_size(st), 1024);
    CU_ASSERT_EQUAL(dsp_stft_fft_size(st), 1024);
    CU_ASSERT_EQUAL(dsp_stft_hop(st), 256);
    dsp_stft_free(st);
}

/* Frame k of the STFT is the DFT model of samples k*H - floor(M/2) ..
 * + M-1, zeros outside — extracted here by index arithmetic in signed
 * integers, independently of the library's framing. The same FFT runs on
 * the same numbers, so the results agree to rounding; 1e-12 of the peak. */
static void test_frames_match_dft_model(void)
{
    struct {
        size_t m, n, hop, len;
    } cases[] = {
        {255, 512, 64, 3000},   /* odd M, N > M, L not a multiple of H */
        {256, 256, 100, 2000},
        {501, 1024, 128, 300},  /* M > L: every frame is zero-padded */
    };
    for (size_t c = 0; c < TEST_COUNT(cases); c++) {
        size_t m = cases[c].m, n = cases[c].n, hop = cases[c].hop, len = cases[c].len;
        size_t nb = n / 2 + 1;
        double *w = malloc(m * sizeof *w), *x = malloc(len * sizeof *x);
        double *frame = malloc(m * sizeof *frame), *got_frame = malloc(m * sizeof *got_frame);
        double *mX = malloc(nb * sizeof *mX), *pX = malloc(nb * sizeof *pX);
        double *mX2 = malloc(nb * sizeof *mX2), *pX2 = malloc(nb * sizeof *pX2);
        double complex *X = malloc(nb * sizeof *X), *X2 = malloc(nb * sizeof *X2);
        CU_ASSERT_FATAL(w && x && frame && got_frame && mX && pX && mX2 && pX2 && X && X2);
        dsp_window_fill(DSP_WIN_BLACKMAN, 0.0, DSP_WINDOW_PERIODIC, w, m);
        dsp_gen_noise(1.0, 3 + c, x, len);
        struct dsp_stft *st = dsp_stft_new(w, m, n, hop);
        struct dsp_dftmodel *dm = dsp_dftmodel_new(w, m, n);
        CU_ASSERT_FATAL(st && dm);
        size_t frames = dsp_stft_num_frames(st, len), bad = 0;
        for (size_t k = 0; k < frames; k++) {
            long long start = (long long)(k * hop) - (long long)(m / 2);
            for (size_t i = 0; i < m; i++) {
                long long t = start + (long long)i;
                frame[i] = (t >= 0 && t < (long long)len) ? x[t] : 0.0;
            }
            CU_ASSERT_EQUAL(dsp_stft_frame(st, x, len, k, got_frame), DSP_OK);
            bad += memcmp(frame, got_frame, m * sizeof *frame) != 0;
            dsp_dftmodel_spectrum(dm, frame, X2);
            dsp_dftmodel_analyze(dm, frame, mX2, pX2);
            CU_ASSERT_EQUAL(dsp_stft_spectrum(st, x, len, k, X), DSP_OK);
            CU_ASSERT_EQUAL(dsp_stft_analyze_frame(st, x, len, k, mX, pX), DSP_OK);
            double peak = 0.0;
            for (size_t b = 0; b < nb; b++)
                peak = fmax(peak, cabs(X2[b]));
            char what[64];
            snprintf(what, sizeof what, "case %zu frame %zu spectrum", c, k);
            test_close_complex(what, X, X2, nb, 1e-12 * peak, 0.0);
            snprintf(what, sizeof what, "case %zu frame %zu mX", c, k);
            test_close(what, mX, mX2, nb, 1e-9, 0.0);
        }
        CU_ASSERT_EQUAL(bad, 0);
        dsp_stft_free(st);
        dsp_dftmodel_free(dm);
        free(w);
        free(x);
        free(frame);
        free(got_frame);
        free(mX);
        free(pX);
        free(mX2);
        free(pX2);
        free(X);
        free(X2);
    }
}

/* x[i] = 1 + i is non-zero everywhere, so padding zeros are unmistakable:
 * frame 0 starts with floor(M/2) zeros then x[0..]; the last frame is
 * centred on sample floor(L/H)*H and ends in zeros past x[L-1]. */
static void test_edge_frames_zero_padded(void)
{
    size_t m = 9, hop = 4, len = 18, frames;
    double x[18], f[9];
    for (size_t i = 0; i < len; i++)
        x[i] = 1.0 + (double)i;
    struct dsp_stft *st = make(DSP_WIN_HANN, m, 16, hop);
    frames = dsp_stft_num_frames(st, len);
    CU_ASSERT_EQUAL(frames, 5);
    CU_ASSERT_EQUAL(dsp_stft_frame(st, x, len, 0, f), DSP_OK);
    const double want0[9] = {0, 0, 0, 0, 1, 2, 3, 4, 5};
    test_close("frame 0", f, want0, m, 0.0, 0.0);
    CU_ASSERT_EQUAL(dsp_stft_frame(st, x, len, 4, f), DSP_OK);   /* centred on 16 */
    const double want4[9] = {13, 14, 15, 16, 17, 18, 0, 0, 0};
    test_close("last frame", f, want4, m, 0.0, 0.0);
    CU_ASSERT_EQUAL(dsp_stft_frame(st, x, len, 5, f), DSP_EINVAL);   /* one past the end */
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "frame 5"));
    dsp_stft_free(st);
}

/* Analysis then synthesis over whole matrices; returns max|y - x| / max|x|
 * and checks the first and last 10 samples one by one. */
static double round_trip(enum dsp_window type, size_t m, size_t n, size_t hop, size_t len)
{
    struct dsp_stft *st = make(type, m, n, hop);
    size_t frames = dsp_stft_num_frames(st, len), nb = dsp_stft_num_bins(st);
    double *x = malloc(len * sizeof *x), *y = malloc(len * sizeof *y);
    double *mX = malloc(frames * nb * sizeof *mX), *pX = malloc(frames * nb * sizeof *pX);
    CU_ASSERT_FATAL(x && y && mX && pX);
    dsp_gen_noise(1.0, 1000 + m + hop, x, len);
    for (size_t k = 0; k < frames; k++)
        CU_ASSERT_EQUAL(dsp_stft_analyze_frame(st, x, len, k, mX + k * nb, pX + k * nb), DSP_OK);
    int s = dsp_stft_synthesize(st, mX, pX, frames, y, len);
    if (s != DSP_OK)
        printf("\n    synthesize: %s\n", dsp_last_error());
    CU_ASSERT_EQUAL(s, DSP_OK);
    double peak = 0.0, err = 0.0;
    for (size_t i = 0; i < len; i++) {
        peak = fmax(peak, fabs(x[i]));
        err = fmax(err, fabs(y[i] - x[i]));
    }
    char what[96];
    snprintf(what, sizeof what, "%s M=%zu H=%zu first 10 samples", dsp_window_name(type), m,
             hop);
    test_close(what, y, x, 10, 1e-9 * peak, 0.0);
    snprintf(what, sizeof what, "%s M=%zu H=%zu last 10 samples", dsp_window_name(type), m,
             hop);
    test_close(what, y + len - 10, x + len - 10, 10, 1e-9 * peak, 0.0);
    free(x);
    free(y);
    free(mX);
    free(pX);
    dsp_stft_free(st);
    return err / peak;
}

/* Dividing the overlap-add of w*(x*w) by the overlapped sum of w^2 gives x
 * back exactly whatever the window and hop, so the only error is rounding:
 * the dB round trip (~1e-14 relative) and the FFTs (~1e-15 log N), amplified
 * where the sum of w^2 is small (a single frame's end, w ~ 1e-3 of its
 * peak). 1e-9 relative leaves that margin and still fails on any sample
 * that is lost or misplaced (errors of order 1). */
static void test_reconstruction(void)
{
    const enum dsp_window wins[] = {DSP_WIN_HANN, DSP_WIN_HAMMING, DSP_WIN_BLACKMAN,
                                    DSP_WIN_BLACKMANHARRIS};
    const size_t m = 512, divs[] = {2, 4, 8};
    for (size_t wi = 0; wi < TEST_COUNT(wins); wi++)
        for (size_t d = 0; d < TEST_COUNT(divs); d++) {
            double e = round_trip(wins[wi], m, m, m / divs[d], 5001);
            if (!(e <= 1e-9))
                printf("\n    %s M=%zu H=%zu: relative error %g\n", dsp_window_name(wins[wi]),
                       m, m / divs[d], e);
            CU_ASSERT(e <= 1e-9);
        }
    struct {
        enum dsp_window type;
        size_t m, n, hop, len;
    } odd[] = {
        {DSP_WIN_HANN, 1001, 1024, 300, 10007},   /* not COLA */
        {DSP_WIN_RECTANGULAR, 256, 256, 256, 2560}, /* no overlap; L/H frames tile x */
        {DSP_WIN_HAMMING, 511, 2048, 128, 4000},  /* odd M, N = 4M */
        {DSP_WIN_BLACKMANHARRIS, 255, 256, 37, 999},
        /* the last sample sits on w[M-2] = sin(2*pi/M)^2 = 2e-6 of the last frame
         * alone: small but valid, must not be refused */
        {DSP_WIN_HANN, 4096, 4096, 2048, 3 * 2048 + 2047},
    };
    for (size_t i = 0; i < TEST_COUNT(odd); i++) {
        double e = round_trip(odd[i].type, odd[i].m, odd[i].n, odd[i].hop, odd[i].len);
        if (!(e <= 1e-9))
            printf("\n    %s M=%zu H=%zu: relative error %g\n", dsp_window_name(odd[i].type),
                   odd[i].m, odd[i].hop, e);
        CU_ASSERT(e <= 1e-9);
    }
}

/* Where no frame covers a sample with a non-zero window value, the sum of
 * w^2 is zero there and the sample is lost: synthesis must refuse. Periodic
 * Hann with H = M leaves w[0] = 0 alone on every k*H - M/2; a Gaussian of
 * sigma = M/16 leaves w[0] = exp(-32) = 1.3e-14 there, not zero but too
 * small to divide by (1e-28 of the peak w^2); a hop larger than the window
 * leaves gaps. */
static void test_uncovered_sample_fails(void)
{
    struct {
        enum dsp_window type;
        double param;
        size_t m, hop;
    } cases[] = {{DSP_WIN_HANN, 0.0, 256, 256}, {DSP_WIN_GAUSSIAN, 16.0, 256, 256},
                 {DSP_WIN_RECTANGULAR, 0.0, 100, 150}};
    for (size_t c = 0; c < TEST_COUNT(cases); c++) {
        /* 8*256 + 100: the last frame (centre 2048) reaches past the end, so
         * the only uncovered samples are the ones described above */
        size_t m = cases[c].m, hop = cases[c].hop, len = 8 * 256 + 100;
        double w[256];
        CU_ASSERT_FATAL(dsp_window_fill(cases[c].type, cases[c].param, DSP_WINDOW_PERIODIC, w,
                                        m) == DSP_OK);
        struct dsp_stft *st = dsp_stft_new(w, m, m, hop);
        CU_ASSERT_FATAL(st != NULL);
        size_t frames = dsp_stft_num_frames(st, len), nb = dsp_stft_num_bins(st);
        double *x = malloc(len * sizeof *x), *y = malloc(len * sizeof *y);
        double *mX = malloc(frames * nb * sizeof *mX), *pX = malloc(frames * nb * sizeof *pX);
        CU_ASSERT_FATAL(x && y && mX && pX);
        dsp_gen_noise(1.0, 5, x, len);
        for (size_t k = 0; k < frames; k++)
            dsp_stft_analyze_frame(st, x, len, k, mX + k * nb, pX + k * nb);
        CU_ASSERT_EQUAL(dsp_stft_synthesize(st, mX, pX, frames, y, len), DSP_EINVAL);
        char m_str[32], h_str[32];
        snprintf(m_str, sizeof m_str, "M = %zu", m);
        snprintf(h_str, sizeof h_str, "H = %zu", hop);
        CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), m_str));
        CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), h_str));
        /* the first uncovered sample: frame 1's w[0] at H - M/2 = 128 (Hann);
         * the gap after frame 0's last sample M - M/2 = 50. The Gaussian is
         * refused where its tail falls below the threshold, before 128, and
         * for a sum that is small but not 0. */
        const char *where = c == 0 ? "sample 128 (" : c == 2 ? "sample 50 (" : "squared";
        if (c == 1)
            CU_ASSERT_PTR_NULL(strstr(dsp_last_error(), "is 0 at"));
        if (!strstr(dsp_last_error(), where))
            printf("\n    case %zu: expected \"%s\" in: %s\n", c, where, dsp_last_error());
        CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), where));
        /* a wrong frame count is refused too */
        CU_ASSERT_EQUAL(dsp_stft_synthesize(st, mX, pX, frames - 1, y, len), DSP_EINVAL);
        free(x);
        free(y);
        free(mX);
        free(pX);
        dsp_stft_free(st);
    }
}

static void test_bad_parameters(void)
{
    double w[16];
    dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, 16);
    CU_ASSERT_PTR_NULL(dsp_stft_new(w, 16, 16, 0));
    CU_ASSERT_STRING_EQUAL(dsp_last_error(), "hop size (0) must be at least 1");
    CU_ASSERT_PTR_NULL(dsp_stft_new(w, 16, 8, 4));
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "(8)"));
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "(16)"));
    CU_ASSERT_PTR_NULL(dsp_stft_new(w, 0, 16, 4));
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "window size (0)"));
    dsp_stft_free(NULL);
}

/* The fast paths against the full spectrum, on every frame (edge frames go
 * through the padded copy, inner ones read x in place): |X| to 1e-12 of the
 * peak; the power with the window as given equals |naive DFT of x*w_raw|^2
 * of the unrotated frame (librosa's |stft|^2 when M == N), 1e-12 of the
 * peak (naive DFT rounding ~ M eps). */
static void test_magnitude_and_power(void)
{
    size_t m = 128, n = 128, hop = 32, len = 700, nb = n / 2 + 1;
    double w[128], x[700], frame[128], mag[65], want[65], power[65];
    double complex X[65], D[128];
    dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, m);
    dsp_gen_noise(1.0, 77, x, len);
    struct dsp_stft *st = dsp_stft_new(w, m, n, hop);
    CU_ASSERT_FATAL(st != NULL);
    for (size_t k = 0; k < dsp_stft_num_frames(st, len); k++) {
        CU_ASSERT_EQUAL(dsp_stft_spectrum(st, x, len, k, X), DSP_OK);
        CU_ASSERT_EQUAL(dsp_stft_magnitude(st, x, len, k, mag), DSP_OK);
        double peak = 0.0;
        for (size_t b = 0; b < nb; b++) {
            want[b] = cabs(X[b]);
            peak = fmax(peak, want[b]);
        }
        test_close("magnitude vs |spectrum|", mag, want, nb, 1e-12 * peak, 0.0);

        dsp_stft_frame(st, x, len, k, frame);
        for (size_t i = 0; i < m; i++)
            frame[i] *= w[i];
        dsp_dft_real(frame, m, D);
        CU_ASSERT_EQUAL(dsp_stft_power(st, x, len, k, power), DSP_OK);
        peak = 0.0;
        for (size_t b = 0; b < nb; b++) {
            want[b] = creal(D[b]) * creal(D[b]) + cimag(D[b]) * cimag(D[b]);
            peak = fmax(peak, want[b]);
        }
        test_close("power vs naive |DFT|^2", power, want, nb, 1e-12 * peak, 0.0);
    }
    CU_ASSERT_EQUAL(dsp_stft_magnitude(st, x, len, 1000, mag), DSP_EINVAL);
    dsp_stft_free(st);
}

int main(void)
{
    static const struct test_case cases[] = {
        {"number of frames is floor(L/H)+1", test_num_frames},
        {"frame k equals the DFT model of the extracted frame", test_frames_match_dft_model},
        {"first and last frames are zero-padded", test_edge_frames_zero_padded},
        {"synthesis reconstructs x (COLA or not)", test_reconstruction},
        {"uncovered sample fails with DSP_EINVAL", test_uncovered_sample_fails},
        {"bad parameters give NULL and a message", test_bad_parameters},
        {"magnitude and power fast paths", test_magnitude_and_power},
    };
    return test_run("stft", cases, TEST_COUNT(cases));
}
