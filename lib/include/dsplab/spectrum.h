/*
 * spectrum.h — magnitudes, decibels and phases of spectra.
 *
 * Decibels of an amplitude are 20*log10(a); of a power, 10*log10(p). A zero
 * has no logarithm, so amplitudes below DSP_DB_FLOOR_AMP (the smallest
 * positive normal double, DBL_MIN = 2.2e-308) are raised to it first: the
 * result is at least DSP_DB_FLOOR (about -6153.05 dB) and never -inf.
 */
#ifndef DSPLAB_SPECTRUM_H
#define DSPLAB_SPECTRUM_H

#include <complex.h>
#include <float.h>
#include <stddef.h>

#define DSP_DB_FLOOR_AMP DBL_MIN
#define DSP_DB_FLOOR (-6153.053111371775)  /* 20*log10(DBL_MIN); a power floors at half this */

/* 20*log10(max(a, DBL_MIN)) */
double dsp_amp_to_db(double amp);
/* 10^(db/20) */
double dsp_db_to_amp(double db);
/* 10*log10(max(p, DBL_MIN)) */
double dsp_power_to_db(double power);
/* 10^(db/10) */
double dsp_db_to_power(double db);

/* Array forms: out[i] = f(in[i]); in and out may be the same array. */
void dsp_amp_to_db_array(const double *amp, double *db, size_t n);
void dsp_db_to_amp_array(const double *db, double *amp, size_t n);

/* |X[k]| and arg X[k] (in (-pi, pi]) for n bins. */
void dsp_magnitude(const double complex *X, double *mag, size_t n);
void dsp_phase(const double complex *X, double *phase, size_t n);

/* Unwraps phase in place as numpy.unwrap does: where consecutive values
 * jump by more than pi, adds the multiple of 2*pi that removes the jump. */
void dsp_unwrap(double *phase, size_t n);

#endif
