/* Fixture lesson for tests/test_grader.c: every exercise misbehaves in the
 * submission under tests/grader/submission/01-bad/. */
#ifndef FIXTURE_BAD_EXERCISE_H
#define FIXTURE_BAD_EXERCISE_H

#include <complex.h>
#include <stddef.h>

#include <dsplab/status.h>

int ramp_ex(double *y, size_t n);            /* y[i] = i */
int loop_ex(void);
int segv_ex(void);
int abort_ex(void);
int fpe_ex(void);
int stack_ex(int depth);
int exit_ex(void);
int fake_ex(double *y, size_t n);
int flood_ex(double *y, size_t n);
int alloc_ex(void);
int sleep_ex(void);
int escape_ex(void);                         /* leaves a grandchild running */
int todo_ex(void);
int scaled_ex(double *y, size_t n);          /* should be y[i] = i / n */
int conj_ex(double complex *X, size_t n);    /* should be X[k] = exp(-j 2 pi k / n) */
int shift_ex(double *y, size_t n);           /* should be y[i] = i * i */

#endif
