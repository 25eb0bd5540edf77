/* classify.c — k-NN, z-scores, stratified folds, confusion (see classify.h). */
#include "dsplab/classify.h"

#include "dsplab/gen.h"
#include "dsplab/status.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int check_labels(const char *what, const int *labels, size_t n, int n_classes)
{
    if (n_classes < 1)
        return dsp_fail(DSP_EINVAL, "%s: %d classes (needs at least 1)", what, n_classes);
    for (size_t i = 0; i < n; i++)
        if (labels[i] < 0 || labels[i] >= n_classes)
            return dsp_fail(DSP_EINVAL, "%s: label %d of row %zu is not in 0 .. %d", what,
                            labels[i], i, n_classes - 1);
    return DSP_OK;
}

int dsp_standardize_fit(const double *X, size_t n, size_t dim, double *mean, double *scale)
{
    if (n == 0 || dim == 0)
        return dsp_fail(DSP_EINVAL, "standardize: %zu rows of %zu values (both must be >= 1)",
                        n, dim);
    for (size_t j = 0; j < dim; j++) {
        double m = 0.0, v = 0.0;
        for (size_t i = 0; i < n; i++)
            m += X[i * dim + j];
        m /= (double)n;
        for (size_t i = 0; i < n; i++) {
            double d = X[i * dim + j] - m;
            v += d * d;
        }
        double sd = sqrt(v / (double)n);
        mean[j] = m;
        /* a constant column carries no information: leave it at 0 */
        scale[j] = sd > 0.0 ? sd : 1.0;
    }
    return DSP_OK;
}

int dsp_standardize_apply(const double *mean, const double *scale, size_t dim, const double *X,
                          size_t n, double *Z)
{
    if (dim == 0)
        return dsp_fail(DSP_EINVAL, "standardize: rows of 0 values");
    for (size_t j = 0; j < dim; j++)
        if (!(scale[j] > 0.0))
            return dsp_fail(DSP_EINVAL, "standardize: scale %g of column %zu (must be > 0)",
                            scale[j], j);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < dim; j++)
            Z[i * dim + j] = (X[i * dim + j] - mean[j]) / scale[j];
    return DSP_OK;
}

static double squared_distance(const double *a, const double *b, size_t dim)
{
    double s = 0.0;
    for (size_t j = 0; j < dim; j++) {
        double d = a[j] - b[j];
        s += d * d;
    }
    return s;
}

/* The vote for one query; d2 holds the n_train squared distances and is
 * used up (chosen rows are marked with -1). votes has n_classes zeros. */
static int vote(double *d2, const int *labels, size_t n_train, int n_classes, size_t k,
                int *votes, int *first_seen)
{
    /* k passes of "the nearest row not chosen yet": O(k n), plenty for the
     * small k of a k-NN, and the order (distance, then index) is explicit */
    int order = 0;
    for (int c = 0; c < n_classes; c++) {
        votes[c] = 0;
        first_seen[c] = -1;
    }
    for (size_t pass = 0; pass < k; pass++) {
        size_t best = n_train;
        for (size_t i = 0; i < n_train; i++)
            if (d2[i] >= 0.0 && (best == n_train || d2[i] < d2[best]))
                best = i;
        int c = labels[best];
        votes[c]++;
        if (first_seen[c] < 0)
            first_seen[c] = order++;
        d2[best] = -1.0;
    }
    int winner = -1;
    for (int c = 0; c < n_classes; c++)
        if (votes[c] > 0 && (winner < 0 || votes[c] > votes[winner] ||
                             (votes[c] == votes[winner] && first_seen[c] < first_seen[winner])))
            winner = c;
    return winner;
}

int dsp_knn_predict(const double *train, const int *labels, size_t n_train, size_t dim,
                    int n_classes, size_t k, const double *query, size_t n_query, int *pred)
{
    if (n_train == 0 || dim == 0 || k == 0)
        return dsp_fail(DSP_EINVAL, "k-NN: %zu training rows of %zu values, k = %zu "
                        "(all must be >= 1)", n_train, dim, k);
    int s = check_labels("k-NN", labels, n_train, n_classes);
    if (s != DSP_OK)
        return s;
    if (k > n_train)
        k = n_train;
    double *d2 = malloc(n_train * sizeof *d2);
    int *votes = malloc(2 * (size_t)n_classes * sizeof *votes);
    if (!d2 || !votes) {
        free(d2);
        free(votes);
        return dsp_fail(DSP_ENOMEM, "k-NN: out of memory (%zu training rows)", n_train);
    }
    for (size_t q = 0; q < n_query; q++) {
        for (size_t i = 0; i < n_train; i++)
            d2[i] = squared_distance(query + q * dim, train + i * dim, dim);
        pred[q] = vote(d2, labels, n_train, n_classes, k, votes, votes + n_classes);
    }
    free(d2);
    free(votes);
    return DSP_OK;
}

int dsp_kfold_stratified(const int *labels, size_t n, int n_classes, size_t n_folds,
                         uint64_t seed, int *fold)
{
    if (n_folds < 2 || n_folds > n)
        return dsp_fail(DSP_EINVAL, "k-fold: %zu folds for %zu rows (needs 2 .. rows)", n_folds,
                        n);
    int s = check_labels("k-fold", labels, n, n_classes);
    if (s != DSP_OK)
        return s;
    size_t *rows = malloc(n * sizeof *rows);
    if (!rows)
        return dsp_fail(DSP_ENOMEM, "k-fold: out of memory (%zu rows)", n);
    struct dsp_rng rng;
    dsp_rng_seed(&rng, seed);
    size_t next_fold = 0;
    for (int c = 0; c < n_classes; c++) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (labels[i] == c)
                rows[m++] = i;
        /* Fisher-Yates, j uniform in 0 .. i */
        for (size_t i = m; i-- > 1;) {
            size_t j = (size_t)(dsp_rng_uniform(&rng) * (double)(i + 1));
            size_t t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
        for (size_t i = 0; i < m; i++) {
            fold[rows[i]] = (int)next_fold;
            next_fold = (next_fold + 1) % n_folds;
        }
    }
    free(rows);
    return DSP_OK;
}

int dsp_confusion_matrix(const int *truth, const int *pred, size_t n, int n_classes, int *C)
{
    int s = check_labels("confusion matrix (truth)", truth, n, n_classes);
    if (s == DSP_OK)
        s = check_labels("confusion matrix (prediction)", pred, n, n_classes);
    if (s != DSP_OK)
        return s;
    memset(C, 0, (size_t)n_classes * (size_t)n_classes * sizeof *C);
    for (size_t i = 0; i < n; i++)
        C[truth[i] * n_classes + pred[i]]++;
    return DSP_OK;
}

double dsp_confusion_accuracy(const int *C, int n_classes)
{
    long total = 0, right = 0;
    for (int t = 0; t < n_classes; t++)
        for (int p = 0; p < n_classes; p++) {
            total += C[t * n_classes + p];
            if (t == p)
                right += C[t * n_classes + p];
        }
    return total > 0 ? (double)right / (double)total : 0.0;
}

int dsp_knn_cross_validate(const double *X, const int *labels, size_t n, size_t dim,
                           int n_classes, size_t k, const int *fold, size_t n_folds, int *C)
{
    if (n == 0 || dim == 0 || n_folds < 2)
        return dsp_fail(DSP_EINVAL, "cross-validation: %zu rows of %zu values in %zu folds "
                        "(needs rows, values and 2 folds)", n, dim, n_folds);
    int s = check_labels("cross-validation", labels, n, n_classes);
    if (s != DSP_OK)
        return s;
    for (size_t i = 0; i < n; i++)
        if (fold[i] < 0 || (size_t)fold[i] >= n_folds)
            return dsp_fail(DSP_EINVAL, "cross-validation: fold %d of row %zu is not in 0 .. %zu",
                            fold[i], i, n_folds - 1);
    memset(C, 0, (size_t)n_classes * (size_t)n_classes * sizeof *C);
    double *train = malloc(n * dim * sizeof *train), *test = malloc(n * dim * sizeof *test);
    double *mean = malloc(dim * sizeof *mean), *scale = malloc(dim * sizeof *scale);
    int *train_labels = malloc(n * sizeof *train_labels), *pred = malloc(n * sizeof *pred);
    size_t *test_rows = malloc(n * sizeof *test_rows);
    if (!train || !test || !mean || !scale || !train_labels || !pred || !test_rows) {
        s = dsp_fail(DSP_ENOMEM, "cross-validation: out of memory (%zu x %zu)", n, dim);
        goto done;
    }
    for (size_t f = 0; f < n_folds && s == DSP_OK; f++) {
        size_t n_train = 0, n_test = 0;
        for (size_t i = 0; i < n; i++) {
            if ((size_t)fold[i] == f) {
                memcpy(test + n_test * dim, X + i * dim, dim * sizeof *X);
                test_rows[n_test++] = i;
            } else {
                memcpy(train + n_train * dim, X + i * dim, dim * sizeof *X);
                train_labels[n_train++] = labels[i];
            }
        }
        if (n_test == 0)
            continue;
        if (n_train == 0) {
            s = dsp_fail(DSP_EINVAL, "cross-validation: fold %zu holds every row", f);
            break;
        }
        /* the scaling is part of the model: fitted without the test rows */
        s = dsp_standardize_fit(train, n_train, dim, mean, scale);
        if (s == DSP_OK)
            s = dsp_standardize_apply(mean, scale, dim, train, n_train, train);
        if (s == DSP_OK)
            s = dsp_standardize_apply(mean, scale, dim, test, n_test, test);
        if (s == DSP_OK)
            s = dsp_knn_predict(train, train_labels, n_train, dim, n_classes, k, test, n_test,
                                pred);
        for (size_t q = 0; q < n_test && s == DSP_OK; q++)
            C[labels[test_rows[q]] * n_classes + pred[q]]++;
    }
done:
    free(train);
    free(test);
    free(mean);
    free(scale);
    free(train_labels);
    free(pred);
    free(test_rows);
    return s;
}
