/*
 * benchutil.h — the timing helpers every benchmark uses (bench/bench_*.c).
 *
 * Benchmarks time a pass with two bench_now() readings, repeat it (the
 * repetitions of competing passes interleaved, so that load from other
 * processes hits them alike) and report the median, which one slow run
 * does not move. The Makefile links bench/benchutil.c into every benchmark.
 *
 *     double t[5];
 *     for (int r = 0; r < 5; r++) {
 *         double t0 = bench_now();
 *         work();
 *         t[r] = bench_now() - t0;
 *     }
 *     printf("%.3f s\n", bench_median(t, 5));
 */
#ifndef DSPLAB_BENCHUTIL_H
#define DSPLAB_BENCHUTIL_H

#include <stddef.h>

/* Seconds on the monotonic clock (the origin is arbitrary: take differences). */
double bench_now(void);

/* The median of v[0..n-1], n >= 1; sorts v in place. */
double bench_median(double *v, size_t n);

/* Prints "<program>: <what>: <dsp_last_error()>" to stderr and exits 1: a
 * benchmark has nothing sensible to measure after a failed call. */
void bench_die(const char *what);

#endif
