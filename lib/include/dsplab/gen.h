/*
 * gen.h — test signals: sinusoids, complex exponentials, chirps, harmonic
 * stacks and seeded white noise.
 *
 * Time runs t = i / fs for sample i = 0 .. n-1; phases are in radians and
 * frequencies in Hz. Every generator fills a caller-allocated array of n
 * values and returns DSP_OK, or DSP_EINVAL for fs <= 0 or non-finite inputs.
 *
 * The noise generator is a fixed integer algorithm (xoshiro256** seeded by
 * splitmix64), so a seed gives the same numbers on every machine.
 *
 *     double x[44100];
 *     dsp_gen_sine(0.8, 440.0, 0.0, 44100.0, x, 44100);   // 1 s of A4
 */
#ifndef DSPLAB_GEN_H
#define DSPLAB_GEN_H

#include <complex.h>
#include <stddef.h>
#include <stdint.h>

/* x[i] = amp * cos(2*pi*freq*i/fs + phase) */
int dsp_gen_sine(double amp, double freq, double phase, double fs, double *x, size_t n);

/* x[i] = amp * exp(j*(2*pi*freq*i/fs + phase)); a negative freq turns the other way. */
int dsp_gen_cexp(double amp, double freq, double phase, double fs, double complex *x, size_t n);

enum dsp_chirp_kind {
    DSP_CHIRP_LINEAR,       /* f(t) = f0 + (f1 - f0) * t / t1 */
    DSP_CHIRP_EXPONENTIAL,  /* f(t) = f0 * (f1 / f0)^(t / t1); f0, f1 > 0 (scipy's 'logarithmic') */
};

/* x[i] = amp * cos(phi(t)), phi(t) = 2*pi * integral_0^t f(s) ds, t = i/fs:
 * the sweep reaches f1 at time t1 seconds (scipy.signal.chirp's convention). */
int dsp_gen_chirp(enum dsp_chirp_kind kind, double amp, double f0, double f1, double t1,
                  double fs, double *x, size_t n);

/* Instantaneous frequency in Hz of that chirp at time t seconds. */
double dsp_chirp_frequency(enum dsp_chirp_kind kind, double f0, double f1, double t1, double t);

/* x[i] = sum_{h=1..n_harmonics} amps[h-1] * cos(2*pi*h*f0*i/fs + phases[h-1]).
 * phases may be NULL (all zero). Harmonics at or above fs/2 are left out. */
int dsp_gen_harmonics(double f0, const double *amps, const double *phases, size_t n_harmonics,
                      double fs, double *x, size_t n);

/* A seeded pseudo-random generator, also used for the grader's random inputs. */
struct dsp_rng {
    uint64_t s[4];
};
void dsp_rng_seed(struct dsp_rng *rng, uint64_t seed);
uint64_t dsp_rng_next(struct dsp_rng *rng);
/* Uniform in [0, 1), 53 random bits. */
double dsp_rng_uniform(struct dsp_rng *rng);
/* Standard normal (Box-Muller); bit-identical only where libm is. */
double dsp_rng_normal(struct dsp_rng *rng);

/* White noise, uniform in [-amp, amp), from the generator seeded with seed.
 * Exactly reproducible on every machine (integer arithmetic and one scaling). */
int dsp_gen_noise(double amp, uint64_t seed, double *x, size_t n);

#endif
