/*
 * Lesson 10, Part 4 — A k-nearest-neighbour classifier
 *
 * To label a new sound, find the k training sounds whose summaries are
 * nearest and let them vote. Two pieces:
 *
 *   standardize_ex  per column j of X (n rows of dim values): its mean and
 *       its population standard deviation, or 1 where that is 0. The caller
 *       then uses z = (x - mean[j]) / scale[j], so that a column in Hz
 *       (thousands) and a column of MFCCs (tens) count alike.
 *   knn_ex  for each query row: Euclidean distances to all n_train rows;
 *       the k nearest (equal distances: lower row index first; k larger
 *       than n_train means all rows) vote with their labels; the class with
 *       most votes wins; a tie goes to the tied class whose member came
 *       first in that nearest-first order.
 *
 * X, train, query  row-major, dim >= 1 values per row; n, n_train >= 1
 * labels           n_train ints in 0 .. n_classes-1;  k >= 1
 * mean, scale      dim values each;  pred  n_query ints
 * DSP_EINVAL for a bad argument (a label out of range, k 0, no rows).
 *
 * EXAMPLE  standardize_ex of {1, 10,  2, 20,  6, 30}: mean {3, 20},
 *          scale {2.1602469, 8.1649658}; of {5, 5, 5}: mean 5, scale 1.
 *          knn_ex with train = {0, 1, 10, 11} (dim 1), labels {0, 0, 1, 1}:
 *            k = 1: 0.4 -> 0,  5.4 -> 0 (4.4 from row 1, 4.6 from row 2),  5.6 -> 1
 *            k = 3: 5.4 -> 0 (rows 1, 2, 0 vote 0, 1, 0)
 *            k = 2: 5.5 -> 0 (a 1-1 tie; rows 1 and 2 are both 4.5 away,
 *                   row 1 has the lower index, so it is the nearest)
 *   Predictions are compared exactly.
 * HINT  Compare squared distances: same order, no sqrt. Count the votes per
 *       class in an array of n_classes, and remember which class voted first.
 * CHECK make grade LESSON=10 ONLY=standardize,knn
 */
#include <math.h>
#include <stdlib.h>

#include "exercise.h"

int standardize_ex(const double *X, size_t n, size_t dim, double *mean, double *scale)
{
    /* YOUR CODE HERE */
    (void)X;
    (void)n;
    (void)dim;
    (void)mean;
    (void)scale;
    return DSP_ETODO;
}

int knn_ex(const double *train, const int *labels, size_t n_train, size_t dim, int n_classes,
           size_t k, const double *query, size_t n_query, int *pred)
{
    /* YOUR CODE HERE */
    (void)train;
    (void)labels;
    (void)n_train;
    (void)dim;
    (void)n_classes;
    (void)k;
    (void)query;
    (void)n_query;
    (void)pred;
    return DSP_ETODO;
}
