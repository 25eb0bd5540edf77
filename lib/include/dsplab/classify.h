/*
 * classify.h — a k-nearest-neighbour classifier for feature vectors, and
 * how to measure it honestly: stratified k-fold cross-validation and a
 * confusion matrix (lesson 10).
 *
 * Conventions:
 *   data      n rows of dim values, row-major: X[i * dim + j]
 *   labels    ints 0 .. n_classes-1, one per row
 *   scaling   z-scores fitted on the training rows only:
 *             z = (x - mean_j) / scale_j, scale_j = population std
 *             (divided by n, numpy's ddof=0), or 1 where the std is 0
 *   distance  Euclidean on the scaled vectors
 *   k-NN      the k training rows nearest to a query, ordered by distance
 *             and, for equal distances, by row index; each votes for its
 *             label; the most votes win, and a tie goes to the tied class
 *             whose member comes first in that order (the nearest one).
 *             k is clamped to n_train.
 *   folds     fold[i] in 0 .. n_folds-1. dsp_kfold_stratified shuffles each
 *             class's rows (seeded dsp_rng, gen.h) and deals them to the
 *             folds in turn, continuing from class to class, so every fold
 *             holds nearly the same share of every class and the split is
 *             the same on every machine for a given seed.
 *   confusion C[t * n_classes + p] counts the rows of true class t
 *             predicted as p: rows are the truth, columns the prediction;
 *             accuracy = trace / total.
 *
 *     int fold[N], C[5 * 5];
 *     dsp_kfold_stratified(labels, N, 5, 5, 2026, fold);
 *     dsp_knn_cross_validate(X, labels, N, dim, 5, 3, fold, 5, C);
 *     printf("accuracy %.3f\n", dsp_confusion_accuracy(C, 5));
 */
#ifndef DSPLAB_CLASSIFY_H
#define DSPLAB_CLASSIFY_H

#include <stddef.h>
#include <stdint.h>

/* mean and scale (dim values each) of the n >= 1 rows of X. */
int dsp_standardize_fit(const double *X, size_t n, size_t dim, double *mean, double *scale);
/* Z = (X - mean) / scale, row by row (n rows); Z may be X. */
int dsp_standardize_apply(const double *mean, const double *scale, size_t dim, const double *X,
                          size_t n, double *Z);

/* pred[q] for each of the n_query rows of query (already scaled like
 * train): the k-NN vote above. n_train >= 1, k >= 1, labels in range, or
 * DSP_EINVAL. Allocates n_train distances (DSP_ENOMEM). */
int dsp_knn_predict(const double *train, const int *labels, size_t n_train, size_t dim,
                    int n_classes, size_t k, const double *query, size_t n_query, int *pred);

/* fold[0..n-1] as described above; 2 <= n_folds <= n. */
int dsp_kfold_stratified(const int *labels, size_t n, int n_classes, size_t n_folds,
                         uint64_t seed, int *fold);

/* C (n_classes^2 counts) from n true and predicted labels. */
int dsp_confusion_matrix(const int *truth, const int *pred, size_t n, int n_classes, int *C);
/* trace(C) / sum(C); 0 for an empty matrix. */
double dsp_confusion_accuracy(const int *C, int n_classes);

/* For each fold f: fit the scaling on the rows with fold != f, scale
 * everything with it, predict the rows of fold f with k-NN from the others,
 * and add them to C (n_classes^2 counts, zeroed first). Every row is
 * predicted exactly once, by a model that never saw it. */
int dsp_knn_cross_validate(const double *X, const int *labels, size_t n, size_t dim,
                           int n_classes, size_t k, const int *fold, size_t n_folds, int *C);

#endif
