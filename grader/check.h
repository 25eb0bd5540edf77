/*
 * check.h — the checks a graded test makes, and the feedback they give.
 *
 * Every check returns 1 when it holds. When it fails it records a CUnit
 * failure (so the test fails) and writes indented feedback lines for the
 * student: where the first mismatch is, expected and actual values, the
 * largest error and where, how many values differ, and a hint when the
 * mismatch looks like a classic mistake (off by one bin or sample, missing
 * 1/N or window normalisation, conjugated or swapped real/imaginary parts,
 * dB of power instead of amplitude, NaN or Inf, ...).
 *
 * Comparisons use |got - expected| <= atol + rtol * |expected|.
 */
#ifndef DSPLAB_CHECK_H
#define DSPLAB_CHECK_H

#include <complex.h>
#include <stddef.h>

#include <dsplab/datafile.h>

/* Checks an exercise's return value: DSP_OK passes; DSP_ETODO fails with
 * "not implemented yet"; anything else fails naming fn and the code. */
int grade_status(int status, const char *fn);

/* Checks a call that must be refused: DSP_EINVAL passes; DSP_ETODO fails
 * with "not implemented yet" as in grade_status; anything else fails naming
 * the call as fn(args), e.g. grade_einval(s, "stft_ex", "hop 0"). */
int grade_einval(int status, const char *fn, const char *args);

/* Checks the student's claimed output length. */
int grade_length(const char *what, size_t got, size_t expected);

/* Real arrays. what names the output ("X", "mX (dB)", ...). */
int grade_close(const char *what, const double *got, const double *expected, size_t n,
                double atol, double rtol);

/* A matrix stored row by row (rows x cols, index = row * cols + col), e.g.
 * an STFT's frames x bins: grade_close, plus the row and column of the first
 * mismatch, and a failure's figure shows three heat maps (yours, expected,
 * difference) instead of one long line. */
int grade_close_matrix(const char *what, const double *got, const double *expected, size_t rows,
                       size_t cols, double atol, double rtol);

/* Complex arrays (atol/rtol on |got - expected|). */
int grade_close_complex(const char *what, const double complex *got,
                        const double complex *expected, size_t n, double atol, double rtol);

/* A single number. */
int grade_close_scalar(const char *what, double got, double expected, double atol, double rtol);

/* Phases in radians, compared (modulo 2*pi) only at indices where the
 * expected magnitude in dB is above floor_db. */
int grade_phase_close(const char *what, const double *got, const double *expected,
                      const double *expected_mag_db, size_t n, double floor_db, double atol);

/* A free-form condition with a printf-style message shown when it fails. */
int grade_true(int condition, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* An extra feedback line (shown under failures with V=1, under passes with V=2). */
void grade_note(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Loads data/reference/<this lesson>/<name> (the dsplab text format, see
 * lib/include/dsplab/datafile.h). On failure the test fails with a message
 * telling the instructor to run `make references`; returns 0. */
int grade_reference(const char *name, struct dsp_mat *m);

/* Loads data/reference-hidden/<this lesson>/<name>: a hidden test's private
 * input (the instructor's copy only; the student edition has no such
 * folder). On failure the test fails naming the file; returns 0. */
int grade_hidden_data(const char *name, struct dsp_mat *m);

/* Path of a file under data/ (e.g. "sounds/voice.wav") in the repository
 * being graded; the string is valid until the next call. */
const char *grade_data_path(const char *relative);

/* Reads a committed sound (relative to data/, e.g. "sounds/flute-a5.wav")
 * mixed down to mono, as dsp_audio_read_mono: the caller frees *x, which is
 * NULL after a failure. On failure the test fails saying the file cannot
 * be read, and why (an installation problem, not the student's); returns 0. */
int grade_read_mono(const char *relative, double **x, size_t *n, double *fs);

/* A fresh scratch directory for this test (removed afterwards), for tests of
 * exercises that write files. */
const char *grade_tmpdir(void);

#endif
