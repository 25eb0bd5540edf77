/*
 * bench_features.c — speed of lesson 10's sound description, in one run:
 *   (a) dsp_features_summary (13 MFCCs and 6 descriptors per frame, their
 *       means and stds; n_fft 512, hop 256, 40 bands) of one minute of
 *       16 kHz audio, against dsp_mfcc_compute with the same frames and
 *       bands (the MFCCs alone); repetitions interleaved, medians and their
 *       ratio (target <= 3x: per frame the MFCCs are one 512-point FFT,
 *       40 bands and a 13 x 40 DCT; the descriptors add a square root per
 *       bin and five more passes over 257 bins and 512 samples; measured
 *       2.5-2.7x on a loaded 2-core machine);
 *   (b) the classifier on lesson 10's shape of data: 5-fold cross-validated
 *       3-NN of 100 rows of 38 values, and of 2000 rows (1600 per training
 *       set, O(n^2) distances), in ms.
 * Prints a table; asserts nothing. A few seconds.
 */
#include <dsplab/classify.h>
#include <dsplab/features.h>
#include <dsplab/gen.h>
#include <dsplab/melspec.h>
#include <dsplab/mfcc.h>
#include <dsplab/status.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "benchutil.h"

#define REPS 7

static const double pi = 3.14159265358979323846;

static double *make_signal(size_t n, double sr)
{
    double *x = malloc(n * sizeof *x);
    if (!x) {
        fprintf(stderr, "bench_features: out of memory for %zu samples\n", n);
        exit(1);
    }
    dsp_gen_noise(0.01, 7, x, n);
    for (size_t i = 0; i < n; i++) {
        double t = (double)i / sr;
        x[i] += 0.5 * sin(2.0 * pi * 440.0 * t) + 0.25 * sin(2.0 * pi * 3000.5 * t);
    }
    return x;
}

/* Cross-validated 3-NN of n rows in 5 classes: the median time in ms. */
static double time_crossval(size_t n, size_t dim)
{
    double *X = malloc(n * dim * sizeof *X);
    int *labels = malloc(n * sizeof *labels), *fold = malloc(n * sizeof *fold);
    int C[25];
    if (!X || !labels || !fold) {
        fprintf(stderr, "bench_features: out of memory\n");
        exit(1);
    }
    struct dsp_rng rng;
    dsp_rng_seed(&rng, 10);
    for (size_t i = 0; i < n; i++) {
        labels[i] = (int)(i % 5);
        for (size_t j = 0; j < dim; j++)
            X[i * dim + j] = dsp_rng_normal(&rng) + (j % 5 == (size_t)labels[i] ? 2.0 : 0.0);
    }
    if (dsp_kfold_stratified(labels, n, 5, 5, 1, fold) != DSP_OK)
        bench_die("dsp_kfold_stratified");
    double t[REPS];
    for (int r = 0; r < REPS; r++) {
        double t0 = bench_now();
        if (dsp_knn_cross_validate(X, labels, n, dim, 5, 3, fold, 5, C) != DSP_OK)
            bench_die("dsp_knn_cross_validate");
        t[r] = bench_now() - t0;
    }
    free(X);
    free(labels);
    free(fold);
    return 1e3 * bench_median(t, REPS);
}

int main(void)
{
    printf("bench_features: times are medians of interleaved repetitions on THIS machine,\n"
           "shared with whatever else runs; read the ratios.\n\n");

    double sr = 16000.0;
    size_t len = (size_t)(60.0 * sr);
    double *x = make_signal(len, sr);
    struct dsp_features_params fp = dsp_features_defaults(sr);
    struct dsp_features *ft = dsp_features_new(&fp);
    if (!ft)
        bench_die("dsp_features_new");
    struct dsp_melspec_params mp = dsp_melspec_defaults(sr);
    mp.n_fft = mp.win_length = fp.n_fft;
    mp.hop = fp.hop;
    mp.mel.n_mels = fp.n_mels;
    mp.mel.fmax = sr / 2;
    struct dsp_melspec *ms = dsp_melspec_new(&mp);
    struct dsp_mfcc *mf = dsp_mfcc_new(fp.n_mels, fp.n_mfcc);
    if (!ms || !mf)
        bench_die("dsp_melspec_new / dsp_mfcc_new");
    size_t frames = dsp_melspec_num_frames(ms, len);
    double *S = malloc(frames * fp.n_mels * sizeof *S), *C = malloc(frames * fp.n_mfcc * sizeof *C);
    size_t n_sum = dsp_features_summary_len(ft);
    double *v = malloc(n_sum * sizeof *v);
    if (!S || !C || !v) {
        fprintf(stderr, "bench_features: out of memory\n");
        return 1;
    }
    double t_sum[REPS], t_mfcc[REPS];
    for (int r = 0; r < REPS; r++) {
        double t0 = bench_now();
        if (dsp_features_summary(ft, x, len, v, n_sum) != DSP_OK)
            bench_die("dsp_features_summary");
        double t1 = bench_now();
        if (dsp_mfcc_compute(mf, ms, x, len, S, C, frames) != DSP_OK)
            bench_die("dsp_mfcc_compute");
        double t2 = bench_now();
        t_sum[r] = t1 - t0;
        t_mfcc[r] = t2 - t1;
    }
    double a = bench_median(t_sum, REPS), b = bench_median(t_mfcc, REPS);
    printf("(a) one minute at 16 kHz, n_fft 512, hop 256 (%zu frames), 40 bands, 13 MFCCs\n",
           frames);
    printf("    %-44s %8.1f ms  %6.0fx realtime\n", "dsp_mfcc_compute (baseline)", 1e3 * b,
           60.0 / b);
    printf("    %-44s %8.1f ms  %6.0fx realtime\n", "dsp_features_summary (MFCCs + descriptors)",
           1e3 * a, 60.0 / a);
    printf("    ratio summary / mfcc: %.2fx (target <= 3x)\n\n", a / b);

    printf("(b) 5-fold cross-validated 3-NN, 38 values per row, 5 classes\n");
    printf("    %5d rows: %8.2f ms\n", 100, time_crossval(100, 38));
    printf("    %5d rows: %8.2f ms\n", 2000, time_crossval(2000, 38));

    free(x);
    free(S);
    free(C);
    free(v);
    dsp_features_free(ft);
    dsp_melspec_free(ms);
    dsp_mfcc_free(mf);
    return 0;
}
