/*
 * plotfb.h — a figure for a failed comparison (grader/plotfb.c).
 *
 * When grade_close() fails on an array long enough to be a signal or a
 * spectrum, the student's values and the expected ones are written to
 *     <grade program's folder>/feedback/<test>--<what>.txt
 * (e.g. build/grade/02-sinusoids-dft/feedback/mag-db-piano-frame--mX-dB.txt,
 * next to the lesson's result.txt) and drawn by `dsplab plot feedback` into
 * the same name with .png, which the failure message names. Without the
 * dsplab tool or gnuplot the message names the .txt instead. DSPLAB_NO_PLOTS=1
 * in the environment turns this off (e.g. when grading a whole class).
 */
#ifndef DSPLAB_GRADER_PLOTFB_H
#define DSPLAB_GRADER_PLOTFB_H

#include <complex.h>
#include <stddef.h>

/* Arrays shorter than this are read well enough in the text feedback. */
#define PLOTFB_MIN_LENGTH 16

/* Writes the data and the figure for the current test, at most once per
 * test (the first failing array), and adds a feedback line naming it. */
/* Where the figures go (default: feedback/ beside the judge). */
void plotfb_set_dir(const char *dir);

/* The shape of the next arrays compared (rows x cols, row by row); 0, 0:
 * a flat array. The figure of a matrix is three heat maps. */
void plotfb_set_shape(size_t rows, size_t cols);

void plotfb_close(const char *what, const double *got, const double *expected, size_t n,
                  double atol, double rtol);

/* The same for complex arrays: their magnitudes are drawn, and the error is
 * the complex |got - expected| that the comparison used. */
void plotfb_close_complex(const char *what, const double complex *got,
                          const double complex *expected, size_t n, double atol, double rtol);

#endif
