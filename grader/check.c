/*
 * check.c — the checks a graded test makes (grader/check.h) and the feedback
 * lines they leave for the student. Runs inside the test's child process.
 *
 * A failed check does two things: it records a CUnit failure (so a suite
 * mixing these checks with bare CU_ASSERTs behaves as CUnit expects) and it
 * appends indented lines to a feedback buffer that the child sends back to
 * the grader with its verdict. The hints look for classic mistakes by
 * re-comparing the arrays under one simple transformation each (shift by
 * one, constant ratio, constant offset, conjugate, swap, reversal); each
 * test costs O(n), and they only run after a failure.
 */
#include "check.h"

#include <CUnit/CUnit.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <dsplab/audio.h>
#include <dsplab/status.h>

#include "harness.h"
#include "plotfb.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

const char harness_check_file[] = "dsplab-grader-check";

/* Feedback is capped: a check inside a loop must not build megabytes. */
#define FEEDBACK_CAP 16384

static char feedback[FEEDBACK_CAP + 64];
static size_t feedback_len;
static int feedback_truncated;
static int failures;

static const char *ref_dir = "data/reference";
static const char *data_dir = "data";
static const char *hidden_dir = "data/reference-hidden";
static const char *lesson_name = "";
static const char *tmpdir_path;
static int tmpdir_made;

void harness_set_paths(const char *reference_dir, const char *data, const char *lesson)
{
    if (reference_dir)
        ref_dir = reference_dir;
    if (data)
        data_dir = data;
    if (lesson)
        lesson_name = lesson;
}

void harness_set_hidden_dir(const char *dir)
{
    if (dir)
        hidden_dir = dir;
}

void harness_set_tmpdir(const char *path)
{
    tmpdir_path = path;
    tmpdir_made = 0;
}

void harness_reset(void)
{
    feedback[0] = '\0';
    feedback_len = 0;
    feedback_truncated = 0;
    failures = 0;
}

int harness_failures(void)
{
    return failures;
}

const char *harness_feedback(void)
{
    return feedback;
}

void harness_note_line(const char *line)
{
    if (feedback_truncated)
        return;
    size_t n = strlen(line);
    if (feedback_len + n + 6 > FEEDBACK_CAP) {
        const char *more = "    ... (more feedback cut)\n";
        memcpy(feedback + feedback_len, more, strlen(more) + 1);
        feedback_len += strlen(more);
        feedback_truncated = 1;
        return;
    }
    memcpy(feedback + feedback_len, "    ", 4);
    memcpy(feedback + feedback_len + 4, line, n);
    feedback_len += 4 + n;
    feedback[feedback_len++] = '\n';
    feedback[feedback_len] = '\0';
}

static void vnote(const char *fmt, va_list ap)
{
    char line[1024];
    vsnprintf(line, sizeof line, fmt, ap);
    /* One feedback line per '\n' in the message. */
    char *s = line;
    for (;;) {
        char *nl = strchr(s, '\n');
        if (nl)
            *nl = '\0';
        harness_note_line(s);
        if (!nl || nl[1] == '\0')
            break;
        s = nl + 1;
    }
}

void grade_note(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vnote(fmt, ap);
    va_end(ap);
}

/* Records a failure: one CUnit failure plus the message as feedback. */
static void fail_note(const char *condition, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void fail_note(const char *condition, const char *fmt, ...)
{
    failures++;
    CU_assertImplementation(CU_FALSE, 0, condition, harness_check_file, "", CU_FALSE);
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vnote(fmt, ap);
        va_end(ap);
    }
}

static void pass_note(const char *condition)
{
    CU_assertImplementation(CU_TRUE, 0, condition, harness_check_file, "", CU_FALSE);
}

static const char *status_name(int status)
{
    switch (status) {
    case DSP_OK: return "DSP_OK";
    case DSP_EINVAL: return "DSP_EINVAL";
    case DSP_ENOMEM: return "DSP_ENOMEM";
    case DSP_EIO: return "DSP_EIO";
    case DSP_EFORMAT: return "DSP_EFORMAT";
    case DSP_EEMPTY: return "DSP_EEMPTY";
    case DSP_ETODO: return "DSP_ETODO";
    default: return "an unknown status";
    }
}

int grade_status(int status, const char *fn)
{
    if (status == DSP_OK) {
        pass_note("status");
        return 1;
    }
    if (status == DSP_ETODO) {
        fail_note("status", "not implemented yet (%s returned DSP_ETODO)", fn);
        return 0;
    }
    const char *msg = dsp_last_error();
    if (msg && msg[0])
        fail_note("status", "%s returned %d (%s): %s", fn, status, status_name(status), msg);
    else
        fail_note("status", "%s returned %d (%s), expected DSP_OK", fn, status,
                  status_name(status));
    return 0;
}

int grade_einval(int status, const char *fn, const char *args)
{
    if (status == DSP_EINVAL) {
        pass_note("einval");
        return 1;
    }
    if (status == DSP_ETODO) /* a stub: "not implemented yet", as everywhere */
        return grade_status(status, fn);
    fail_note("einval", "%s(%s) returned %d (%s), expected DSP_EINVAL (%d)%s", fn, args, status,
              status_name(status), DSP_EINVAL,
              status == DSP_OK ? ": these arguments must be refused" : "");
    return 0;
}

int grade_length(const char *what, size_t got, size_t expected)
{
    if (got == expected) {
        pass_note("length");
        return 1;
    }
    const char *hint = "";
    if (got + 1 == expected || got == expected + 1)
        hint = " (off by one?)";
    else if (expected > 1 && got == 2 * (expected - 1))
        hint = " (all n_fft bins instead of n_fft/2+1?)";
    else if (expected > 1 && got == expected / 2)
        hint = " (half the expected length?)";
    fail_note("length", "%s: length %zu, expected %zu%s", what, got, expected, hint);
    return 0;
}

static int close_enough(double got, double expected, double atol, double rtol)
{
    /* Written so that NaN in either never counts as close. */
    return fabs(got - expected) <= atol + rtol * fabs(expected);
}

/* ---- hints for real arrays ---- */

static int shifted_match(const double *got, const double *expected, size_t n, int shift,
                         double atol, double rtol)
{
    if (n < 3)
        return 0;
    for (size_t i = 0; i + 1 < n; i++) {
        double g = shift > 0 ? got[i + 1] : got[i];
        double e = shift > 0 ? expected[i] : expected[i + 1];
        if (!close_enough(g, e, atol, rtol))
            return 0;
    }
    return 1;
}

/*
 * A hint names a transformation T (a factor, an offset) only when it explains
 * the whole mismatch: got[i] must match T(expected[i]) within the check's own
 * tolerance plus room for rounding (1e-9 of the values involved, per value,
 * so one huge entry such as a -6153 dB floor loosens nothing elsewhere), and
 * T must not be the identity. An error that varies from value to value (a
 * float computation, a wrong window) therefore draws no hint at all, rather
 * than a misleading one.
 */
#define HINT_ROUNDING 1e-9

/* A constant factor got = r * expected, with r from the largest |expected|. */
static int constant_ratio(const double *got, const double *expected, size_t n, double atol,
                          double rtol, double *ratio)
{
    size_t imax = 0;
    for (size_t i = 1; i < n; i++)
        if (fabs(expected[i]) > fabs(expected[imax]))
            imax = i;
    double big = fabs(expected[imax]);
    if (!(big > 0) || !isfinite(big))
        return 0;
    double r = got[imax] / expected[imax];
    if (!isfinite(r) || r == 0 || fabs(r - 1) <= 1e-12)
        return 0;
    /* got / r must pass the check; rounding of the student's sums scales with
     * the largest value. */
    for (size_t i = 0; i < n; i++) {
        double tol = fabs(r) * (atol + rtol * fabs(expected[i]) + HINT_ROUNDING * big);
        if (!(fabs(got[i] - r * expected[i]) <= tol))
            return 0;
    }
    *ratio = r;
    return 1;
}

/* A constant offset got = expected + c, with c from the first value. */
static int constant_offset(const double *got, const double *expected, size_t n, double atol,
                           double rtol, double *offset)
{
    if (n < 2)
        return 0;
    double c = got[0] - expected[0];
    if (!isfinite(c) || c == 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        double d = got[i] - expected[i];
        double tol = atol + rtol * fabs(expected[i]) +
                     HINT_ROUNDING * (fabs(c) + fabs(expected[i]));
        /* ... and the spread is small next to the offset itself. */
        if (!(fabs(d - c) <= fmin(tol, 0.05 * fabs(c))))
            return 0;
    }
    *offset = c;
    return 1;
}

static int near(double a, double b)
{
    return fabs(a - b) <= 1e-6 * fabs(b);
}

static void ratio_hint(const char *what, double r, size_t n)
{
    double dn = (double)n;
    if (near(r, -1))
        grade_note("hint: %s has the opposite sign everywhere (a sign error?)", what);
    else if (strstr(what, "dB") && near(r, 2))
        grade_note("hint: %s is 2x the expected dB values: 20*log10 of a power (|X|^2)?", what);
    else if (strstr(what, "dB") && near(r, 0.5))
        grade_note("hint: %s is half the expected dB values: 10*log10 of an amplitude "
                   "instead of 20*log10?", what);
    else if (n > 1 && near(r, dn))
        grade_note("hint: %s is %zu x too large: a missing 1/N normalisation?", what, n);
    else if (n > 1 && near(r, 1 / dn))
        grade_note("hint: %s is %zu x too small: an extra 1/N normalisation?", what, n);
    else if (n > 1 && near(r * r, dn))
        grade_note("hint: %s is sqrt(%zu) x too large: a missing 1/sqrt(N)?", what, n);
    else if (n > 1 && !strstr(what, "dB"))
        /* one value always "has a constant ratio", and a ratio of dB values
         * is no gain: say it only where it means something */
        grade_note("hint: %s = %.*g x expected everywhere: one wrong factor on every value "
                   "(a gain, or a missing or extra normalisation such as 1/N or the window's "
                   "sum?)", what, fabs(r - 1) < 1e-4 ? 12 : 6, r);
}

static void offset_hint(const char *what, double c, size_t n)
{
    double n_db = 20 * log10((double)(n ? n : 1));
    if (!strstr(what, "dB"))
        grade_note("hint: %s = expected %+.6g everywhere: a constant offset", what, c);
    else if (n > 1 && (near(c, n_db) || near(c, -n_db)))
        grade_note("hint: %s = expected %+.6g dB everywhere, 20*log10(%zu): %s 1/N "
                   "normalisation?", what, c, n, c > 0 ? "a missing" : "an extra");
    else
        grade_note("hint: %s = expected %+.6g dB everywhere: a constant factor %.6g on the "
                   "amplitudes before the log (a missing or extra normalisation, such as the "
                   "window's sum?)", what, c, pow(10, c / 20));
}

/* ---- the comparison core shared by real and complex arrays ---- */

struct cmp_stats {
    size_t bad, first_bad, worst;
    double worst_err;
    size_t nonfinite, first_nonfinite;
};

int grade_close_matrix(const char *what, const double *got, const double *expected, size_t rows,
                       size_t cols, double atol, double rtol)
{
    plotfb_set_shape(rows, cols);
    int ok = grade_close(what, got, expected, rows * cols, atol, rtol);
    plotfb_set_shape(0, 0);
    if (!ok && cols > 0)
        for (size_t i = 0; i < rows * cols; i++)
            if (!close_enough(got[i], expected[i], atol, rtol)) {
                grade_note("the first mismatch is at row %zu, column %zu (of %zu x %zu)",
                           i / cols, i % cols, rows, cols);
                break;
            }
    return ok;
}

int grade_close(const char *what, const double *got, const double *expected, size_t n,
                double atol, double rtol)
{
    struct cmp_stats s = {0, 0, 0, -1, 0, 0};
    for (size_t i = 0; i < n; i++) {
        double err = fabs(got[i] - expected[i]);
        if (!isfinite(got[i]) && s.nonfinite++ == 0)
            s.first_nonfinite = i;
        if (!close_enough(got[i], expected[i], atol, rtol)) {
            if (s.bad++ == 0)
                s.first_bad = i;
        }
        double eff = isnan(err) ? INFINITY : err;
        if (eff > s.worst_err)
            s.worst_err = eff, s.worst = i;
    }
    if (s.bad == 0) {
        pass_note(what);
        return 1;
    }
    size_t k = s.first_bad;
    fail_note(what, "%s[%zu]: got %.10g, expected %.10g", what, k, got[k], expected[k]);
    grade_note("max |err| = %.3g at index %zu; %zu of %zu values differ (atol %g, rtol %g)",
               s.worst_err, s.worst, s.bad, n, atol, rtol);
    plotfb_close(what, got, expected, n, atol, rtol);   /* a figure for long arrays */
    if (s.nonfinite) {
        grade_note("hint: %zu values are NaN or Inf, the first at index %zu "
                   "(a division by zero, log of 0, or an uninitialised value?)",
                   s.nonfinite, s.first_nonfinite);
        return 0;
    }
    double r, c;
    if (shifted_match(got, expected, n, +1, atol, rtol))
        grade_note("hint: got[i+1] matches expected[i]: shifted by one sample/bin (off by one?)");
    else if (shifted_match(got, expected, n, -1, atol, rtol))
        grade_note("hint: got[i] matches expected[i+1]: shifted by one sample/bin (off by one?)");
    else if (constant_ratio(got, expected, n, atol, rtol, &r))
        ratio_hint(what, r, n);
    else if (constant_offset(got, expected, n, atol, rtol, &c))
        offset_hint(what, c, n);
    else {
        int reversed = n > 2;
        for (size_t i = 0; reversed && i < n; i++)
            reversed = close_enough(got[i], expected[n - 1 - i], atol, rtol);
        if (reversed)
            grade_note("hint: %s is the expected sequence reversed", what);
    }
    return 0;
}

static void fmt_complex(char *buf, size_t size, double complex z)
{
    snprintf(buf, size, "%.10g%+.10gj", creal(z), cimag(z));
}

static int complex_all(const double complex *got, const double complex *expected, size_t n,
                       double atol, double rtol, int mode)
{
    for (size_t i = 0; i < n; i++) {
        double complex e = expected[i];
        if (mode == 1)
            e = conj(e);
        else if (mode == 2)
            e = cimag(e) + I * creal(e);
        if (!(cabs(got[i] - e) <= atol + rtol * cabs(e)))
            return 0;
    }
    return 1;
}

static int complex_shift(const double complex *got, const double complex *expected, size_t n,
                         int shift, double atol, double rtol)
{
    if (n < 3)
        return 0;
    for (size_t i = 0; i + 1 < n; i++) {
        double complex g = shift > 0 ? got[i + 1] : got[i];
        double complex e = shift > 0 ? expected[i] : expected[i + 1];
        if (!(cabs(g - e) <= atol + rtol * cabs(e)))
            return 0;
    }
    return 1;
}

int grade_close_complex(const char *what, const double complex *got,
                        const double complex *expected, size_t n, double atol, double rtol)
{
    struct cmp_stats s = {0, 0, 0, -1, 0, 0};
    for (size_t i = 0; i < n; i++) {
        double err = cabs(got[i] - expected[i]);
        if ((!isfinite(creal(got[i])) || !isfinite(cimag(got[i]))) && s.nonfinite++ == 0)
            s.first_nonfinite = i;
        if (!(err <= atol + rtol * cabs(expected[i])) && s.bad++ == 0)
            s.first_bad = i;
        double eff = isnan(err) ? INFINITY : err;
        if (eff > s.worst_err)
            s.worst_err = eff, s.worst = i;
    }
    if (s.bad == 0) {
        pass_note(what);
        return 1;
    }
    char g[64], e[64];
    size_t k = s.first_bad;
    fmt_complex(g, sizeof g, got[k]);
    fmt_complex(e, sizeof e, expected[k]);
    fail_note(what, "%s[%zu]: got %s, expected %s", what, k, g, e);
    grade_note("max |err| = %.3g at index %zu; %zu of %zu values differ (atol %g, rtol %g)",
               s.worst_err, s.worst, s.bad, n, atol, rtol);
    plotfb_close_complex(what, got, expected, n, atol, rtol);   /* a figure for long arrays */
    if (s.nonfinite) {
        grade_note("hint: %zu values are NaN or Inf, the first at index %zu "
                   "(a division by zero or an uninitialised value?)",
                   s.nonfinite, s.first_nonfinite);
        return 0;
    }
    if (complex_all(got, expected, n, atol, rtol, 1))
        grade_note("hint: got is the complex conjugate of expected: the sign of the exponent "
                   "(e^{-j...} for the forward transform)?");
    else if (complex_all(got, expected, n, atol, rtol, 2))
        grade_note("hint: the real and imaginary parts are swapped");
    else if (complex_shift(got, expected, n, +1, atol, rtol))
        grade_note("hint: got[k+1] matches expected[k]: shifted by one bin (off by one?)");
    else if (complex_shift(got, expected, n, -1, atol, rtol))
        grade_note("hint: got[k] matches expected[k+1]: shifted by one bin (off by one?)");
    else {
        /* A constant real factor, measured at the largest expected value. */
        size_t imax = 0;
        for (size_t i = 1; i < n; i++)
            if (cabs(expected[i]) > cabs(expected[imax]))
                imax = i;
        double big = cabs(expected[imax]);
        if (big > 0) {
            /* As for real arrays: r * expected must explain got within the
             * check's tolerance plus rounding, and r must not be 1. */
            double complex r = got[imax] / expected[imax];
            int same = fabs(cimag(r)) <= 1e-9 * cabs(r) && creal(r) != 0 &&
                       fabs(creal(r) - 1) > 1e-12;
            r = creal(r);
            for (size_t i = 0; same && i < n; i++)
                same = cabs(got[i] - r * expected[i]) <=
                       cabs(r) * (atol + rtol * cabs(expected[i]) + HINT_ROUNDING * big);
            if (same)
                ratio_hint(what, creal(r), n);
        }
    }
    return 0;
}

int grade_close_scalar(const char *what, double got, double expected, double atol, double rtol)
{
    if (close_enough(got, expected, atol, rtol)) {
        pass_note(what);
        return 1;
    }
    fail_note(what, "%s: got %.10g, expected %.10g (|err| %.3g; atol %g, rtol %g)", what, got,
              expected, fabs(got - expected), atol, rtol);
    if (!isfinite(got))
        grade_note("hint: %s is %s", what, isnan(got) ? "NaN" : "infinite");
    else if (expected != 0 && near(got / expected, -1))
        grade_note("hint: the sign is flipped");
    else if (expected != 0 && strstr(what, "dB") && near(got / expected, 2))
        grade_note("hint: 2x the expected dB value: 20*log10 of a power?");
    else if (expected != 0 && strstr(what, "dB") && near(got / expected, 0.5))
        grade_note("hint: half the expected dB value: 10*log10 of an amplitude?");
    return 0;
}

/* Wraps a phase difference into (-pi, pi]. */
static double wrap(double a)
{
    a = remainder(a, 2 * M_PI);
    return a <= -M_PI ? a + 2 * M_PI : a;
}

int grade_phase_close(const char *what, const double *got, const double *expected,
                      const double *expected_mag_db, size_t n, double floor_db, double atol)
{
    size_t compared = 0, bad = 0, first = 0, worst = 0, flipped = 0;
    double worst_err = -1;
    for (size_t i = 0; i < n; i++) {
        if (!(expected_mag_db[i] > floor_db))
            continue;
        compared++;
        double err = fabs(wrap(got[i] - expected[i]));
        if (!(err <= atol)) {
            if (bad++ == 0)
                first = i;
        }
        if (fabs(wrap(got[i] + expected[i])) <= atol)
            flipped++;
        double eff = isnan(err) ? INFINITY : err;
        if (eff > worst_err)
            worst_err = eff, worst = i;
    }
    if (bad == 0) {
        pass_note(what);
        return 1;
    }
    fail_note(what, "%s[%zu]: got %.10g rad, expected %.10g rad (compared modulo 2*pi)", what,
              first, got[first], expected[first]);
    grade_note("max |err| = %.3g rad at index %zu; %zu of %zu compared values differ "
               "(atol %g; only where the magnitude is above %g dB: %zu of %zu)",
               worst_err, worst, bad, compared, atol, floor_db, compared, n);
    if (flipped == compared)
        grade_note("hint: the phases have the opposite sign: a conjugate, or atan2(re, im) "
                   "in place of atan2(im, re)?");
    return 0;
}

int grade_true(int condition, const char *fmt, ...)
{
    if (condition) {
        pass_note("grade_true");
        return 1;
    }
    failures++;
    CU_assertImplementation(CU_FALSE, 0, "grade_true", harness_check_file, "", CU_FALSE);
    va_list ap;
    va_start(ap, fmt);
    vnote(fmt, ap);
    va_end(ap);
    return 0;
}

int grade_reference(const char *name, struct dsp_mat *m)
{
    char path[4096];
    memset(m, 0, sizeof *m);
    snprintf(path, sizeof path, "%s/%s/%s", ref_dir, lesson_name, name);
    if (dsp_mat_read(path, m) == DSP_OK) {
        pass_note("reference");
        return 1;
    }
    fail_note("reference", "cannot read the reference data %s: %s", path, dsp_last_error());
    grade_note("(instructor: run `make references` to generate it)");
    return 0;
}

int grade_hidden_data(const char *name, struct dsp_mat *m)
{
    char path[4096];
    memset(m, 0, sizeof *m);
    snprintf(path, sizeof path, "%s/%s/%s", hidden_dir, lesson_name, name);
    if (dsp_mat_read(path, m) == DSP_OK) {
        pass_note("hidden data");
        return 1;
    }
    fail_note("hidden data", "cannot read the hidden test's data %s: %s", path, dsp_last_error());
    return 0;
}

const char *grade_data_path(const char *relative)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", data_dir, relative);
    return path;
}

int grade_read_mono(const char *relative, double **x, size_t *n, double *fs)
{
    const char *path = grade_data_path(relative);
    if (dsp_audio_read_mono(path, x, n, fs) == DSP_OK) {
        pass_note("read");
        return 1;
    }
    /* The library's message usually names the path already. */
    const char *msg = dsp_last_error();
    if (strstr(msg, path))
        fail_note("read", "cannot read a sound the course ships: %s", msg);
    else
        fail_note("read", "cannot read %s: %s", path, msg);
    return 0;
}

const char *grade_tmpdir(void)
{
    if (!tmpdir_path)
        return "/tmp";
    if (!tmpdir_made) {
        if (mkdir(tmpdir_path, 0700) != 0 && errno != EEXIST)
            grade_note("cannot create the scratch folder %s: %s", tmpdir_path, strerror(errno));
        tmpdir_made = 1;
    }
    return tmpdir_path;
}
