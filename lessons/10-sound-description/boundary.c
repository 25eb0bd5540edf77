/*
 * Lesson 10 — how each exercise's arguments cross the sandbox (grader/rpc.h).
 * Compiled into the judge (the proxies the suite calls) and, with
 * RPC_SERVE, into the worker that runs the student's code. Lengths are the
 * ones exercise.h promises.
 */
#include <stddef.h>

#include "exercise.h"
#include "rpc.h"

/* file, its exercise functions, the library functions it may not call (the
 * library's versions: features.h and classify.h) */
RPC_FILES = {
    {"descriptors.c", "centroid_ex spread_ex flatness_ex rolloff_ex",
     "dsp_spectral_* dsp_features_*"},
    {"frames.c", "flux_ex zcr_ex descriptors_ex",
     "dsp_spectral_* dsp_zero_crossing_rate dsp_features_*"},
    {"summary.c", "summary_ex", "dsp_summary_mean_std dsp_features_*"},
    {"knn.c", "standardize_ex knn_ex", "dsp_standardize_* dsp_knn_* dsp_summary_mean_std"},
    {"crossval.c", "confusion_ex crossval_ex",
     "dsp_confusion_* dsp_knn_* dsp_kfold_* dsp_standardize_*"},
};

/* n_classes * n_classes counts; nothing for a non-positive class count */
static size_t square(int n_classes)
{
    return n_classes > 0 ? (size_t)n_classes * (size_t)n_classes : 0;
}

RPC_FUNCTION(centroid_ex, (const double *mag, size_t n_bins, double bin_hz, double *centroid),
             (mag, n_bins, bin_hz, centroid))
{
    RPC_SCALAR(n_bins);
    RPC_SCALAR(bin_hz);
    RPC_IN(mag, n_bins);
    RPC_OUT(centroid, 1);
    return RPC_CALL(centroid_ex(mag, n_bins, bin_hz, centroid));
}

RPC_FUNCTION(spread_ex, (const double *mag, size_t n_bins, double bin_hz, double *spread),
             (mag, n_bins, bin_hz, spread))
{
    RPC_SCALAR(n_bins);
    RPC_SCALAR(bin_hz);
    RPC_IN(mag, n_bins);
    RPC_OUT(spread, 1);
    return RPC_CALL(spread_ex(mag, n_bins, bin_hz, spread));
}

RPC_FUNCTION(flatness_ex, (const double *mag, size_t n_bins, double *flatness),
             (mag, n_bins, flatness))
{
    RPC_SCALAR(n_bins);
    RPC_IN(mag, n_bins);
    RPC_OUT(flatness, 1);
    return RPC_CALL(flatness_ex(mag, n_bins, flatness));
}

RPC_FUNCTION(rolloff_ex,
             (const double *mag, size_t n_bins, double bin_hz, double fraction, double *rolloff),
             (mag, n_bins, bin_hz, fraction, rolloff))
{
    RPC_SCALAR(n_bins);
    RPC_SCALAR(bin_hz);
    RPC_SCALAR(fraction);
    RPC_IN(mag, n_bins);
    RPC_OUT(rolloff, 1);
    return RPC_CALL(rolloff_ex(mag, n_bins, bin_hz, fraction, rolloff));
}

RPC_FUNCTION(flux_ex, (const double *prev, const double *mag, size_t n_bins, double *flux),
             (prev, mag, n_bins, flux))
{
    RPC_SCALAR(n_bins);
    RPC_IN(prev, n_bins);
    RPC_IN(mag, n_bins);
    RPC_OUT(flux, 1);
    return RPC_CALL(flux_ex(prev, mag, n_bins, flux));
}

RPC_FUNCTION(zcr_ex, (const double *x, size_t n, double *zcr), (x, n, zcr))
{
    RPC_SCALAR(n);
    RPC_IN(x, n);
    RPC_OUT(zcr, 1);
    return RPC_CALL(zcr_ex(x, n, zcr));
}

/* D: n_frames rows of DESCRIPTOR_COUNT values. */
RPC_FUNCTION(descriptors_ex,
             (const double *x, size_t len, double sample_rate, size_t n_fft, size_t hop,
              double *D, size_t n_frames),
             (x, len, sample_rate, n_fft, hop, D, n_frames))
{
    RPC_SCALAR(len);
    RPC_SCALAR(sample_rate);
    RPC_SCALAR(n_fft);
    RPC_SCALAR(hop);
    RPC_SCALAR(n_frames);
    RPC_IN(x, len);
    RPC_OUT(D, n_frames * DESCRIPTOR_COUNT);
    return RPC_CALL(descriptors_ex(x, len, sample_rate, n_fft, hop, D, n_frames));
}

RPC_FUNCTION(summary_ex, (const double *F, size_t n_frames, size_t n_cols, double *summary),
             (F, n_frames, n_cols, summary))
{
    RPC_SCALAR(n_frames);
    RPC_SCALAR(n_cols);
    RPC_IN(F, n_frames * n_cols);
    RPC_OUT(summary, 2 * n_cols);
    return RPC_CALL(summary_ex(F, n_frames, n_cols, summary));
}

RPC_FUNCTION(standardize_ex,
             (const double *X, size_t n, size_t dim, double *mean, double *scale),
             (X, n, dim, mean, scale))
{
    RPC_SCALAR(n);
    RPC_SCALAR(dim);
    RPC_IN(X, n * dim);
    RPC_OUT(mean, dim);
    RPC_OUT(scale, dim);
    return RPC_CALL(standardize_ex(X, n, dim, mean, scale));
}

RPC_FUNCTION(knn_ex,
             (const double *train, const int *labels, size_t n_train, size_t dim, int n_classes,
              size_t k, const double *query, size_t n_query, int *pred),
             (train, labels, n_train, dim, n_classes, k, query, n_query, pred))
{
    RPC_SCALAR(n_train);
    RPC_SCALAR(dim);
    RPC_SCALAR(n_classes);
    RPC_SCALAR(k);
    RPC_SCALAR(n_query);
    RPC_IN(train, n_train * dim);
    RPC_IN(labels, n_train);
    RPC_IN(query, n_query * dim);
    RPC_OUT(pred, n_query);
    return RPC_CALL(knn_ex(train, labels, n_train, dim, n_classes, k, query, n_query, pred));
}

RPC_FUNCTION(confusion_ex,
             (const int *truth, const int *pred, size_t n, int n_classes, int *C),
             (truth, pred, n, n_classes, C))
{
    RPC_SCALAR(n);
    RPC_SCALAR(n_classes);
    RPC_IN(truth, n);
    RPC_IN(pred, n);
    RPC_OUT(C, square(n_classes));
    return RPC_CALL(confusion_ex(truth, pred, n, n_classes, C));
}

RPC_FUNCTION(crossval_ex,
             (const double *X, const int *labels, size_t n, size_t dim, int n_classes, size_t k,
              const int *fold, size_t n_folds, int *C, double *accuracy),
             (X, labels, n, dim, n_classes, k, fold, n_folds, C, accuracy))
{
    RPC_SCALAR(n);
    RPC_SCALAR(dim);
    RPC_SCALAR(n_classes);
    RPC_SCALAR(k);
    RPC_SCALAR(n_folds);
    RPC_IN(X, n * dim);
    RPC_IN(labels, n);
    RPC_IN(fold, n);
    RPC_OUT(C, square(n_classes));
    RPC_OUT(accuracy, 1);
    return RPC_CALL(
        crossval_ex(X, labels, n, dim, n_classes, k, fold, n_folds, C, accuracy));
}

RPC_LESSON(centroid_ex, spread_ex, flatness_ex, rolloff_ex, flux_ex, zcr_ex, descriptors_ex,
           summary_ex, standardize_ex, knn_ex, confusion_ex, crossval_ex);
