/*
 * Lesson @NN@ — @TITLE@: the exercises students write (see README.md).
 *
 * Every function returns DSP_OK, or DSP_EINVAL for a bad argument; the stubs
 * return DSP_ETODO until the student fills them in. Outputs go into arrays
 * the caller allocates; a length sits next to its pointer.
 */
#ifndef LESSON@NN@_EXERCISE_H
#define LESSON@NN@_EXERCISE_H

#include <stddef.h>

#include <dsplab/status.h>

/* Part 1: y[i] = gain * x[i], i = 0..n-1 (y may be x). */
int example_ex(const double *x, size_t n, double gain, double *y);

#endif
