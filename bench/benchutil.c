/*
 * benchutil.c — the timing helpers every benchmark uses (benchutil.h).
 */
#define _GNU_SOURCE /* program_invocation_short_name */
#include "benchutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <dsplab/status.h>

double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double bench_median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

void bench_die(const char *what)
{
    /* The binary's name (bench_stft, ...) says which benchmark stopped. */
    fprintf(stderr, "%s: %s: %s\n", program_invocation_short_name, what, dsp_last_error());
    exit(1);
}
