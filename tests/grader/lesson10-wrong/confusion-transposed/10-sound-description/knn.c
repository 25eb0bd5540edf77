/* Lesson 10, Part 4 — a k-nearest-neighbour classifier (reference solution). */
#include <math.h>
#include <stdlib.h>

#include "exercise.h"

int standardize_ex(const double *X, size_t n, size_t dim, double *mean, double *scale)
{
    if (n == 0 || dim == 0)
        return DSP_EINVAL;
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
        scale[j] = sd > 0.0 ? sd : 1.0;
    }
    return DSP_OK;
}

int knn_ex(const double *train, const int *labels, size_t n_train, size_t dim, int n_classes,
           size_t k, const double *query, size_t n_query, int *pred)
{
    if (n_train == 0 || dim == 0 || k == 0 || n_classes < 1)
        return DSP_EINVAL;
    for (size_t i = 0; i < n_train; i++)
        if (labels[i] < 0 || labels[i] >= n_classes)
            return DSP_EINVAL;
    if (k > n_train)
        k = n_train;
    double *d2 = malloc(n_train * sizeof *d2);
    int *votes = malloc((size_t)n_classes * sizeof *votes);
    int *rank = malloc((size_t)n_classes * sizeof *rank);
    if (!d2 || !votes || !rank) {
        free(d2);
        free(votes);
        free(rank);
        return DSP_ENOMEM;
    }
    for (size_t q = 0; q < n_query; q++) {
        /* squared distances: the same order as the distances, no sqrt needed */
        for (size_t i = 0; i < n_train; i++) {
            double s = 0.0;
            for (size_t j = 0; j < dim; j++) {
                double d = query[q * dim + j] - train[i * dim + j];
                s += d * d;
            }
            d2[i] = s;
        }
        for (int c = 0; c < n_classes; c++) {
            votes[c] = 0;
            rank[c] = -1;
        }
        /* k times: the nearest row not used yet (strict < keeps the lower
         * index on equal distances); rank[c] = when class c first voted */
        int order = 0;
        for (size_t pass = 0; pass < k; pass++) {
            size_t best = n_train;
            for (size_t i = 0; i < n_train; i++)
                if (d2[i] >= 0.0 && (best == n_train || d2[i] < d2[best]))
                    best = i;
            int c = labels[best];
            votes[c]++;
            if (rank[c] < 0)
                rank[c] = order++;
            d2[best] = -1.0;   /* used */
        }
        int win = -1;
        for (int c = 0; c < n_classes; c++)
            if (votes[c] > 0 && (win < 0 || votes[c] > votes[win] ||
                                 (votes[c] == votes[win] && rank[c] < rank[win])))
                win = c;
        pred[q] = win;
    }
    free(d2);
    free(votes);
    free(rank);
    return DSP_OK;
}
