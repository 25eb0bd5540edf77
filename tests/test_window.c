/*
 * test_window.c — windows against scipy's values, and their properties.
 *
 * Reference values: tests/data/windows.txt, written by tests/gen/gen_windows.py
 * from scipy.signal.get_window (scipy 1.10). Tolerance 1e-12 absolute, as the
 * window contract promises: every window is a short closed form of values in
 * [0, 1], so both sides round to ~1e-16 and any formula slip (an off-by-one in
 * M, a wrong coefficient, the wrong symmetry) shows up at 1e-3 or more.
 */
#include "testutil.h"

#include <dsplab/status.h>
#include <dsplab/window.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define REF_FILE "tests/data/windows.txt"
#define MAX_N 2048
#define TOL 1e-12

static const enum dsp_window all_types[] = {
    DSP_WIN_RECTANGULAR, DSP_WIN_TRIANGULAR, DSP_WIN_BARTLETT,
    DSP_WIN_HANN,        DSP_WIN_HAMMING,    DSP_WIN_BLACKMAN,
    DSP_WIN_BLACKMANHARRIS, DSP_WIN_KAISER,  DSP_WIN_GAUSSIAN,
};
#define N_TYPES (sizeof all_types / sizeof all_types[0])

/* A parameter that is valid for every window (ignored by most). */
static double some_param(enum dsp_window type, size_t n)
{
    if (type == DSP_WIN_KAISER)
        return 8.6;
    if (type == DSP_WIN_GAUSSIAN)
        return 0.4 * (double)n + 0.5;
    return 0.0;
}

/* Skips '#' lines; returns 1 at the next record, 0 at the end. Reads the
 * declared record count from "# records: N" on the way. */
static int skip_comments(FILE *f, long *declared)
{
    int c;
    while ((c = fgetc(f)) != EOF) {
        if (c == '#') {
            char line[256];
            if (!fgets(line, sizeof line, f))
                return 0;
            long r;
            if (sscanf(line, " records: %ld", &r) == 1)
                *declared = r;
        } else if (c != '\n' && c != ' ') {
            ungetc(c, f);
            return 1;
        }
    }
    return 0;
}

static void test_matches_scipy(void)
{
    static double got[MAX_N], want[MAX_N];
    static size_t idx[MAX_N];
    FILE *f = fopen(REF_FILE, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    long records = 0, declared = -1, bad_records = 0, values = 0;
    double worst = 0.0;
    char worst_desc[128] = "";
    while (skip_comments(f, &declared)) {
        char name[64];
        double param;
        int sym;
        size_t n, count;
        if (fscanf(f, "%63s %lf %d %zu %zu", name, &param, &sym, &n, &count) != 5 ||
            n == 0 || n > MAX_N || count == 0 || count > n) {
            CU_FAIL("malformed record in " REF_FILE);
            break;
        }
        int ok = 1;
        for (size_t j = 0; j < count && ok; j++) {
            idx[j] = j;
            if (count < n)
                ok = fscanf(f, "%zu", &idx[j]) == 1 && idx[j] < n;
            ok = ok && fscanf(f, "%lf", &want[j]) == 1;
        }
        if (!ok) {
            CU_FAIL("malformed values in " REF_FILE);
            break;
        }
        enum dsp_window type;
        int st = dsp_window_from_name(name, &type);
        if (st == DSP_OK)
            st = dsp_window_fill(type, param, sym ? DSP_WINDOW_SYMMETRIC : DSP_WINDOW_PERIODIC,
                                 got, n);
        if (st != DSP_OK) {
            printf("\n    %s: %s\n", name, dsp_last_error());
            bad_records++;
            records++;
            continue;
        }
        int record_bad = 0;
        for (size_t j = 0; j < count; j++) {
            double err = fabs(got[idx[j]] - want[j]);
            if (!(err <= TOL))
                record_bad = 1;
            if (!(err <= worst)) {
                worst = err;
                snprintf(worst_desc, sizeof worst_desc, "%s(%g) %s n=%zu at [%zu]", name, param,
                         sym ? "symmetric" : "periodic", n, idx[j]);
            }
            values++;
        }
        if (record_bad && bad_records++ < 10)
            printf("\n    %s param %g %s n=%zu differs from scipy by more than %g", name, param,
                   sym ? "symmetric" : "periodic", n, TOL);
        records++;
    }
    fclose(f);
    printf("\n    %ld windows, %ld values; largest |dsplab - scipy| %.3g (%s)\n", records, values,
           worst, worst_desc);
    CU_ASSERT_EQUAL(bad_records, 0);
    /* the file says how many records it holds: a truncated file must fail */
    CU_ASSERT(declared > 1000);
    CU_ASSERT_EQUAL(records, declared);
}

/* Symmetric windows are mirror images bit for bit: the library computes one
 * half and copies it, so any difference at all is a defect. */
static void test_symmetric_is_symmetric(void)
{
    static double w[MAX_N];
    for (size_t t = 0; t < N_TYPES; t++) {
        for (size_t n = 1; n <= 300; n++) {
            CU_ASSERT_EQUAL_FATAL(dsp_window_fill(all_types[t], some_param(all_types[t], n),
                                                  DSP_WINDOW_SYMMETRIC, w, n),
                                  DSP_OK);
            size_t bad = 0;
            for (size_t i = 0; i < n; i++)
                bad += w[i] != w[n - 1 - i];
            if (bad)
                printf("\n    %s n=%zu: %zu samples not mirrored\n",
                       dsp_window_name(all_types[t]), n, bad);
            CU_ASSERT_EQUAL(bad, 0);
        }
    }
}

/* periodic(n) is symmetric(n+1) without its last sample (n >= 2; n == 1 is
 * {1} in both forms, as in scipy). Same formulas, same order: exact. */
static void test_periodic_is_truncated_symmetric(void)
{
    static double p[MAX_N], s[MAX_N];
    for (size_t t = 0; t < N_TYPES; t++) {
        for (size_t n = 2; n <= 300; n++) {
            double param = some_param(all_types[t], n);
            CU_ASSERT_EQUAL_FATAL(
                dsp_window_fill(all_types[t], param, DSP_WINDOW_PERIODIC, p, n), DSP_OK);
            CU_ASSERT_EQUAL_FATAL(
                dsp_window_fill(all_types[t], param, DSP_WINDOW_SYMMETRIC, s, n + 1), DSP_OK);
            CU_ASSERT(test_close(dsp_window_name(all_types[t]), p, s, n, 0.0, 0.0));
        }
    }
}

static void test_length_one_is_one(void)
{
    for (size_t t = 0; t < N_TYPES; t++) {
        double w[1] = {-1.0};
        CU_ASSERT_EQUAL(dsp_window_fill(all_types[t], some_param(all_types[t], 1),
                                        DSP_WINDOW_PERIODIC, w, 1),
                        DSP_OK);
        CU_ASSERT_EQUAL(w[0], 1.0);
        w[0] = -1.0;
        CU_ASSERT_EQUAL(dsp_window_fill(all_types[t], some_param(all_types[t], 1),
                                        DSP_WINDOW_SYMMETRIC, w, 1),
                        DSP_OK);
        CU_ASSERT_EQUAL(w[0], 1.0);
    }
}

static void test_names_round_trip(void)
{
    for (size_t t = 0; t < N_TYPES; t++) {
        enum dsp_window back = (enum dsp_window)-1;
        const char *name = dsp_window_name(all_types[t]);
        CU_ASSERT_EQUAL(dsp_window_from_name(name, &back), DSP_OK);
        CU_ASSERT_EQUAL(back, all_types[t]);
    }
    static const struct {
        const char *name;
        enum dsp_window type;
    } expected[] = {
        {"rectangular", DSP_WIN_RECTANGULAR}, {"boxcar", DSP_WIN_RECTANGULAR},
        {"rect", DSP_WIN_RECTANGULAR},        {"triangular", DSP_WIN_TRIANGULAR},
        {"bartlett", DSP_WIN_BARTLETT},       {"hann", DSP_WIN_HANN},
        {"hamming", DSP_WIN_HAMMING},         {"blackman", DSP_WIN_BLACKMAN},
        {"blackmanharris", DSP_WIN_BLACKMANHARRIS}, {"kaiser", DSP_WIN_KAISER},
        {"gaussian", DSP_WIN_GAUSSIAN},
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        enum dsp_window type = (enum dsp_window)-1;
        CU_ASSERT_EQUAL(dsp_window_from_name(expected[i].name, &type), DSP_OK);
        CU_ASSERT_EQUAL(type, expected[i].type);
    }
    CU_ASSERT_STRING_EQUAL(dsp_window_name(DSP_WIN_RECTANGULAR), "rectangular");
    CU_ASSERT_STRING_EQUAL(dsp_window_name(DSP_WIN_BLACKMANHARRIS), "blackmanharris");
}

static void test_bad_names_fail(void)
{
    static const char *bad[] = {"", "hannn", "Hann", "kaiser ", "blackman-harris", "gauss"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        enum dsp_window type = DSP_WIN_HAMMING;
        CU_ASSERT_EQUAL(dsp_window_from_name(bad[i], &type), DSP_EINVAL);
        CU_ASSERT_EQUAL(type, DSP_WIN_HAMMING); /* untouched on failure */
    }
    /* the message names the culprit and lists what is valid */
    dsp_window_from_name("hannn", &(enum dsp_window){0});
    const char *msg = dsp_last_error();
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, "\"hannn\""));
    for (size_t t = 0; t < N_TYPES; t++)
        CU_ASSERT_PTR_NOT_NULL(strstr(msg, dsp_window_name(all_types[t])));
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, "boxcar"));
    CU_ASSERT_EQUAL(dsp_window_from_name(NULL, &(enum dsp_window){0}), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_window_from_name("hann", NULL), DSP_EINVAL);
    CU_ASSERT_STRING_EQUAL(dsp_window_name((enum dsp_window)99), "unknown");
}

static void test_bad_params_fail(void)
{
    double w[16];
    CU_ASSERT_EQUAL(dsp_window_fill(DSP_WIN_KAISER, -1.0, DSP_WINDOW_PERIODIC, w, 16),
                    DSP_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "beta (-1)"));
    CU_ASSERT_EQUAL(dsp_window_fill(DSP_WIN_KAISER, NAN, DSP_WINDOW_PERIODIC, w, 16),
                    DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_window_fill(DSP_WIN_KAISER, 1e6, DSP_WINDOW_PERIODIC, w, 16),
                    DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_window_fill(DSP_WIN_GAUSSIAN, 0.0, DSP_WINDOW_SYMMETRIC, w, 16),
                    DSP_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "sigma (0"));
    CU_ASSERT_EQUAL(dsp_window_fill(DSP_WIN_GAUSSIAN, -2.0, DSP_WINDOW_SYMMETRIC, w, 16),
                    DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_window_fill(DSP_WIN_GAUSSIAN, INFINITY, DSP_WINDOW_SYMMETRIC, w, 16),
                    DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, 0), DSP_EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "length (0)"));
    CU_ASSERT_EQUAL(dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, NULL, 16),
                    DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_window_fill((enum dsp_window)99, 0.0, DSP_WINDOW_PERIODIC, w, 16),
                    DSP_EINVAL);
    CU_ASSERT_EQUAL(
        dsp_window_fill(DSP_WIN_HANN, 0.0, (enum dsp_window_symmetry)7, w, 16), DSP_EINVAL);
    /* windows without a parameter ignore it, whatever it is */
    CU_ASSERT_EQUAL(dsp_window_fill(DSP_WIN_HANN, -5.0, DSP_WINDOW_PERIODIC, w, 16), DSP_OK);
    /* beta 0 is allowed: Kaiser(0) is the rectangular window */
    CU_ASSERT_EQUAL(dsp_window_fill(DSP_WIN_KAISER, 0.0, DSP_WINDOW_PERIODIC, w, 16), DSP_OK);
}

static void test_has_param(void)
{
    for (size_t t = 0; t < N_TYPES; t++) {
        int want = all_types[t] == DSP_WIN_KAISER || all_types[t] == DSP_WIN_GAUSSIAN;
        CU_ASSERT_EQUAL(dsp_window_has_param(all_types[t]), want);
    }
}

/* Sum and ENBW of periodic cosine windows have closed forms: over a full
 * period the cosines sum to 0 and cos^2 sums to n/2 (n = 64 > 2*3 keeps every
 * product of the 4-term window alias-free), so
 *   sum = a0*n,  ENBW = (a0^2 + (a1^2 + a2^2 + a3^2)/2) / a0^2.
 * Hann's ENBW is 1.5 bins, Hamming's 1.3628, Blackman-Harris's 2.0044.
 * Tolerance 1e-12: sums of 64 terms of size <= 1. */
static void test_sum_and_enbw(void)
{
    static const struct {
        enum dsp_window type;
        double a[4];
    } cases[] = {
        {DSP_WIN_RECTANGULAR, {1.0, 0, 0, 0}},
        {DSP_WIN_HANN, {0.5, 0.5, 0, 0}},
        {DSP_WIN_HAMMING, {0.54, 0.46, 0, 0}},
        {DSP_WIN_BLACKMAN, {0.42, 0.5, 0.08, 0}},
        {DSP_WIN_BLACKMANHARRIS, {0.35875, 0.48829, 0.14128, 0.01168}},
    };
    const size_t n = 64;
    double w[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const double *a = cases[i].a;
        CU_ASSERT_EQUAL_FATAL(dsp_window_fill(cases[i].type, 0.0, DSP_WINDOW_PERIODIC, w, n),
                              DSP_OK);
        double enbw = (a[0] * a[0] + 0.5 * (a[1] * a[1] + a[2] * a[2] + a[3] * a[3])) /
                      (a[0] * a[0]);
        CU_ASSERT_DOUBLE_EQUAL(dsp_window_sum(w, n), a[0] * (double)n, 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(dsp_window_enbw(w, n), enbw, 1e-12);
    }
    /* no samples: the sum is 0 and the ENBW undefined */
    CU_ASSERT_EQUAL(dsp_window_sum(w, 0), 0.0);
    CU_ASSERT(isnan(dsp_window_enbw(w, 0)));
}

int main(void)
{
    static const struct test_case cases[] = {
        {"every window, both symmetries, n = 1..64 and long: equal to scipy within 1e-12",
         test_matches_scipy},
        {"symmetric windows are exact mirror images", test_symmetric_is_symmetric},
        {"periodic(n) == symmetric(n+1) without its last sample", test_periodic_is_truncated_symmetric},
        {"n == 1 gives {1}", test_length_one_is_one},
        {"names round trip, aliases", test_names_round_trip},
        {"bad names fail with a message listing valid names", test_bad_names_fail},
        {"bad parameters fail", test_bad_params_fail},
        {"has_param: kaiser and gaussian only", test_has_param},
        {"sum and ENBW of cosine windows: closed forms", test_sum_and_enbw},
    };
    return test_run("window", cases, TEST_COUNT(cases));
}
