/* Lesson 10, Part 5 — cross-validation and the confusion matrix (reference
 * solution). */
#include <stdlib.h>
#include <string.h>

#include "exercise.h"

int confusion_ex(const int *truth, const int *pred, size_t n, int n_classes, int *C)
{
    if (n_classes < 1)
        return DSP_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (truth[i] < 0 || truth[i] >= n_classes || pred[i] < 0 || pred[i] >= n_classes)
            return DSP_EINVAL;
    memset(C, 0, (size_t)n_classes * (size_t)n_classes * sizeof *C);
    for (size_t i = 0; i < n; i++)
        C[pred[i] * n_classes + truth[i]]++;   /* MISTAKE: rows are the predictions */
    return DSP_OK;
}

int crossval_ex(const double *X, const int *labels, size_t n, size_t dim, int n_classes,
                size_t k, const int *fold, size_t n_folds, int *C, double *accuracy)
{
    if (n == 0 || dim == 0 || n_folds < 2 || k == 0 || n_classes < 1)
        return DSP_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (fold[i] < 0 || (size_t)fold[i] >= n_folds || labels[i] < 0 ||
            labels[i] >= n_classes)
            return DSP_EINVAL;
    double *train = malloc(n * dim * sizeof *train), *test = malloc(n * dim * sizeof *test);
    double *mean = malloc(dim * sizeof *mean), *scale = malloc(dim * sizeof *scale);
    int *train_labels = malloc(n * sizeof *train_labels), *pred = malloc(n * sizeof *pred);
    int *truth = malloc(n * sizeof *truth), *test_pred = malloc(n * sizeof *test_pred);
    int s = DSP_ENOMEM;
    size_t done = 0;
    if (!train || !test || !mean || !scale || !train_labels || !pred || !truth || !test_pred)
        goto out;
    for (size_t f = 0; f < n_folds; f++) {
        size_t n_train = 0, n_test = 0;
        for (size_t i = 0; i < n; i++) {
            if ((size_t)fold[i] == f) {
                memcpy(test + n_test * dim, X + i * dim, dim * sizeof *X);
                truth[done + n_test++] = labels[i];
            } else {
                memcpy(train + n_train * dim, X + i * dim, dim * sizeof *X);
                train_labels[n_train++] = labels[i];
            }
        }
        if (n_test == 0)
            continue;
        s = DSP_EINVAL;
        if (n_train == 0)
            goto out;
        /* the scaling is learnt from the training rows only */
        s = standardize_ex(train, n_train, dim, mean, scale);
        if (s != DSP_OK)
            goto out;
        for (size_t i = 0; i < n_train; i++)
            for (size_t j = 0; j < dim; j++)
                train[i * dim + j] = (train[i * dim + j] - mean[j]) / scale[j];
        for (size_t i = 0; i < n_test; i++)
            for (size_t j = 0; j < dim; j++)
                test[i * dim + j] = (test[i * dim + j] - mean[j]) / scale[j];
        s = knn_ex(train, train_labels, n_train, dim, n_classes, k, test, n_test, test_pred);
        if (s != DSP_OK)
            goto out;
        for (size_t i = 0; i < n_test; i++)
            pred[done + i] = test_pred[i];
        done += n_test;
    }
    s = confusion_ex(truth, pred, n, n_classes, C);
    if (s == DSP_OK) {
        int right = 0;
        for (int c = 0; c < n_classes; c++)
            right += C[c * n_classes + c];
        *accuracy = (double)right / (double)n;
    }
out:
    free(train);
    free(test);
    free(mean);
    free(scale);
    free(train_labels);
    free(pred);
    free(truth);
    free(test_pred);
    return s;
}
