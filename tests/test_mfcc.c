/* Tests for mfcc.h: the DCT against closed forms, and librosa.feature.mfcc
 * re-computed in float64 numpy by tests/gen/mel_ref.py. */
#include "melref.h"
#include "testutil.h"

#include <dsplab/mfcc.h>
#include <dsplab/status.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double pi = 3.14159265358979323846;

/* A constant spectrum has only a DC term: c0 = sqrt(M) * v. */
static void test_dct_constant(void)
{
    struct dsp_mfcc *mf = dsp_mfcc_new(40, 13);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mf);
    double db[40], c[13];
    for (int m = 0; m < 40; m++)
        db[m] = -3.0;
    CU_ASSERT_EQUAL(dsp_mfcc_frame(mf, db, 40, c), DSP_OK);
    CU_ASSERT_DOUBLE_EQUAL(c[0], -3.0 * sqrt(40.0), 1e-12);
    for (int q = 1; q < 13; q++)
        CU_ASSERT_DOUBLE_EQUAL(c[q], 0.0, 1e-12);
    CU_ASSERT_EQUAL(dsp_mfcc_frame(mf, db, 39, c), DSP_EINVAL);
    dsp_mfcc_free(mf);
}

/* Orthonormal: with n_mfcc = n_mels the transform keeps the energy, and a
 * cosine at basis frequency q lands in coefficient q alone. */
static void test_dct_orthonormal(void)
{
    size_t M = 16;
    struct dsp_mfcc *mf = dsp_mfcc_new(M, M);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mf);
    double x[16], c[16], ex = 0.0, ec = 0.0;
    for (size_t m = 0; m < M; m++) {
        x[m] = sin(1.7 * (double)m) + 0.1 * (double)m;
        ex += x[m] * x[m];
    }
    dsp_mfcc_frame(mf, x, M, c);
    for (size_t q = 0; q < M; q++)
        ec += c[q] * c[q];
    CU_ASSERT_DOUBLE_EQUAL(ec, ex, 1e-12 * ex);
    for (size_t m = 0; m < M; m++)
        x[m] = cos(pi * 3.0 * (double)(2 * m + 1) / (2.0 * (double)M));
    dsp_mfcc_frame(mf, x, M, c);
    for (size_t q = 0; q < M; q++)
        CU_ASSERT_DOUBLE_EQUAL(c[q], q == 3 ? sqrt((double)M / 2.0) : 0.0, 1e-12);
    dsp_mfcc_free(mf);
}

/* librosa.feature.mfcc(y, sr=22050) defaults: 20 coefficients of 128 Slaney
 * bands. Tolerance 1e-6 absolute on coefficients of size 1..1000 (the dB
 * values agree to ~3e-12; the DCT sums 128 of them). */
static void test_mfcc_matches_librosa(void)
{
    size_t len = 11125;
    double *x = malloc(len * sizeof *x);
    mel_ref_signal(x, len, 22050.0, 0.01);
    struct dsp_melspec_params p = dsp_melspec_defaults(22050.0);
    struct dsp_melspec *ms = dsp_melspec_new(&p);
    struct dsp_mfcc *mf = dsp_mfcc_new(128, 20);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mf);
    CU_ASSERT_EQUAL(dsp_mfcc_num_coeffs(mf), 20);
    size_t frames = dsp_melspec_num_frames(ms, len);
    double *S = malloc(frames * 128 * sizeof *S), *C = malloc(frames * 20 * sizeof *C);
    double *ref = malloc(frames * 20 * sizeof *ref);
    CU_ASSERT_EQUAL(mel_ref_read("tests/data/mel_mfcc_a.txt", ref, frames * 20), frames * 20);
    CU_ASSERT_EQUAL(dsp_mfcc_compute(mf, ms, x, len, S, C, frames), DSP_OK);
    test_close("mfcc vs librosa", C, ref, frames * 20, 1e-6, 0.0);
    CU_ASSERT_EQUAL(dsp_mfcc_compute(mf, ms, x, len, S, C, frames + 1), DSP_EINVAL);
    free(x);
    free(S);
    free(C);
    free(ref);
    dsp_melspec_free(ms);
    dsp_mfcc_free(mf);
}

static void test_silent_and_bad(void)
{
    size_t len = 3000;
    double *x = calloc(len, sizeof *x);
    struct dsp_melspec_params p = dsp_melspec_defaults(16000.0);
    p.mel.n_mels = 40;
    struct dsp_melspec *ms = dsp_melspec_new(&p);
    struct dsp_mfcc *mf = dsp_mfcc_new(40, 20);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mf);
    size_t frames = dsp_melspec_num_frames(ms, len);
    double *S = malloc(frames * 40 * sizeof *S), *C = malloc(frames * 20 * sizeof *C);
    CU_ASSERT_EQUAL(dsp_mfcc_compute(mf, ms, x, len, S, C, frames), DSP_OK);
    /* every band at -100 dB: c0 = -100 sqrt(40), the rest 0, all finite */
    for (size_t k = 0; k < frames; k++) {
        CU_ASSERT_DOUBLE_EQUAL(C[k * 20], -100.0 * sqrt(40.0), 1e-9);
        for (size_t q = 0; q < 20; q++)
            CU_ASSERT(isfinite(C[k * 20 + q]));
    }
    struct dsp_mfcc *wrong = dsp_mfcc_new(128, 20);
    CU_ASSERT_EQUAL(dsp_mfcc_compute(wrong, ms, x, len, S, C, frames), DSP_EINVAL);
    dsp_mfcc_free(wrong);
    CU_ASSERT_PTR_NULL(dsp_mfcc_new(40, 41));
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "n_mfcc (41)"));
    CU_ASSERT_PTR_NULL(dsp_mfcc_new(0, 0));
    dsp_mfcc_free(NULL);
    free(x);
    free(S);
    free(C);
    dsp_melspec_free(ms);
    dsp_mfcc_free(mf);
}

int main(void)
{
    static const struct test_case cases[] = {
        {"DCT of a constant is DC only", test_dct_constant},
        {"DCT is orthonormal", test_dct_orthonormal},
        {"mfcc equals librosa (20 of 128 bands)", test_mfcc_matches_librosa},
        {"silent input is finite; bad sizes are reported", test_silent_and_bad},
    };
    return test_run("mfcc", cases, TEST_COUNT(cases));
}
