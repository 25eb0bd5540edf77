/*
 * Lesson 10 — Sound description and classification: the exercises you
 * write (see README.md).
 *
 * Conventions (the same as lib/include/dsplab/features.h and classify.h):
 *   spectrum    mag[k] = |X_k|, a linear magnitude, k = 0 .. n_bins-1,
 *               bin k at f_k = k * bin_hz Hz; with w_k = mag[k] / sum_j mag[j]
 *   frames      one frame per row: D[t * DESCRIPTOR_COUNT + j],
 *               F[t * n_cols + j]
 *   data        n rows of dim values: X[i * dim + j]
 *   labels      int, 0 .. n_classes-1, one per row
 *   confusion   C[t * n_classes + p] counts rows of true class t predicted
 *               as p (rows: truth, columns: prediction)
 * Every function returns DSP_OK, or DSP_EINVAL for a bad argument (the
 * stubs return DSP_ETODO until you fill them in). Outputs go into arrays
 * the caller allocates; every length is stated below.
 */
#ifndef LESSON10_EXERCISE_H
#define LESSON10_EXERCISE_H

#include <stddef.h>

#include <dsplab/status.h>

/* ---- Part 1: descriptors of one spectrum (descriptors.c) ----------------------- */
/* mag: n_bins >= 1 values, each finite and >= 0; bin_hz > 0; one output
 * value each. DSP_EINVAL otherwise. A silent spectrum (all zeros) has
 * centroid, spread and rolloff 0. */

/* centroid = sum_k f_k w_k (Hz) */
int centroid_ex(const double *mag, size_t n_bins, double bin_hz, double *centroid);
/* spread = sqrt(sum_k (f_k - centroid)^2 w_k) (Hz) */
int spread_ex(const double *mag, size_t n_bins, double bin_hz, double *spread);
/* flatness = exp(mean_k ln P_k) / mean_k P_k,  P_k = max(mag[k]^2, 1e-10) */
int flatness_ex(const double *mag, size_t n_bins, double *flatness);
/* rolloff = the lowest f_k with sum_{j<=k} mag[j] >= fraction * sum_j mag[j];
 * 0 < fraction <= 1 */
int rolloff_ex(const double *mag, size_t n_bins, double bin_hz, double fraction,
               double *rolloff);

/* ---- Part 2: change and noisiness, then a whole sound (frames.c) ---------------- */

/* flux = sqrt(sum_k (mag[k] - prev[k])^2); prev and mag: n_bins >= 1
 * values each, finite and >= 0. */
int flux_ex(const double *prev, const double *mag, size_t n_bins, double *flux);
/* zcr = #{i in 1..n-1 : (x[i-1] >= 0) != (x[i] >= 0)} / (n - 1); n >= 2. */
int zcr_ex(const double *x, size_t n, double *zcr);

/* The columns of a descriptor frame. */
enum {
    DESC_CENTROID, DESC_SPREAD, DESC_FLATNESS, DESC_ROLLOFF, DESC_FLUX, DESC_ZCR,
    DESCRIPTOR_COUNT
};

/* Every frame of x (len >= 1 samples at sample_rate Hz): frame t centred
 * on sample t * hop (zeros outside the signal), n_fft samples (even, >= 4),
 * periodic Hann window divided by its sum, mag = |DFT|, n_fft/2 + 1 bins,
 * bin_hz = sample_rate / n_fft; rolloff fraction 0.85; flux of frame 0 is
 * 0; the zcr over the frame's n_fft samples. D receives n_frames rows of
 * DESCRIPTOR_COUNT values; n_frames must be len / hop + 1. */
int descriptors_ex(const double *x, size_t len, double sample_rate, size_t n_fft, size_t hop,
                   double *D, size_t n_frames);

/* ---- Part 3: summarising a sound (summary.c) ----------------------------------- */

/* F: n_frames >= 1 rows of n_cols >= 1 values. summary receives 2 * n_cols
 * values: summary[j] = mean of column j, summary[n_cols + j] = its
 * standard deviation sqrt(sum_t (F[t][j] - mean)^2 / n_frames). */
int summary_ex(const double *F, size_t n_frames, size_t n_cols, double *summary);

/* ---- Part 4: a k-nearest-neighbour classifier (knn.c) -------------------------- */

/* mean and scale: dim values each, over the n >= 1 rows of X (dim >= 1):
 * scale[j] = the population standard deviation of column j, or 1 where it
 * is 0. */
int standardize_ex(const double *X, size_t n, size_t dim, double *mean, double *scale);

/* pred: n_query labels. For each of the n_query rows of query, the k
 * training rows nearest in Euclidean distance (equal distances: the lower
 * row index first; k is clamped to n_train) vote with their labels; the
 * most votes win; a tie goes to the tied class whose member comes first in
 * that nearest-first order. train: n_train >= 1 rows of dim values;
 * labels: n_train ints in 0 .. n_classes-1; k >= 1. */
int knn_ex(const double *train, const int *labels, size_t n_train, size_t dim, int n_classes,
           size_t k, const double *query, size_t n_query, int *pred);

/* ---- Part 5: measuring it honestly (crossval.c) -------------------------------- */

/* C: n_classes * n_classes counts from n true and predicted labels. */
int confusion_ex(const int *truth, const int *pred, size_t n, int n_classes, int *C);

/* k-fold cross-validation: fold[i] in 0 .. n_folds-1 for each of the n rows
 * of X (dim values each). For each fold f: fit standardize_ex on the rows
 * with fold != f only, scale all rows with it, predict the rows of fold f
 * with knn_ex (k neighbours) from the other rows. C: n_classes * n_classes
 * counts over all n predictions; accuracy: one value, trace(C) / n. */
int crossval_ex(const double *X, const int *labels, size_t n, size_t dim, int n_classes,
                size_t k, const int *fold, size_t n_folds, int *C, double *accuracy);

#endif
