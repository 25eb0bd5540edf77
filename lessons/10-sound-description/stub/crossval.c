/*
 * Lesson 10, Part 5 — Measuring a classifier honestly
 *
 * A classifier must be judged on sounds it never saw. k-fold
 * cross-validation deals the rows into n_folds folds (fold[i] is given);
 * each fold in turn is the test set, the others the training set, so every
 * row is predicted once by a model that never saw it. The confusion matrix
 * shows which classes are taken for which:
 *
 *   confusion_ex  C[t * n_classes + p] = number of rows with truth t and
 *                 prediction p (rows: truth, columns: prediction)
 *   crossval_ex   for f = 0 .. n_folds-1:
 *                   train = rows with fold != f, test = rows with fold == f
 *                   mean, scale = standardize_ex(train)      <- train only!
 *                   scale train and test with them
 *                   predict the test rows with knn_ex(train, k)
 *                 C = the confusion of all n predictions, and
 *                 accuracy = trace(C) / n
 *
 * truth, pred, labels  ints in 0 .. n_classes-1;  fold  n ints in 0 .. n_folds-1
 * X        n >= 1 rows of dim >= 1 values;  n_folds >= 2;  k >= 1
 * C        n_classes * n_classes ints;  accuracy  one value
 * DSP_EINVAL for a bad argument (a label or fold out of range).
 *
 * EXAMPLE  confusion_ex of truth {0, 0, 1, 1, 2, 2}, pred {0, 1, 1, 1, 2, 0}:
 *            C = {1, 1, 0,
 *                 0, 2, 0,
 *                 1, 0, 1}
 *          crossval_ex of X = {0, 1, 2, 10, 11, 12} (dim 1), labels
 *          {0, 0, 0, 1, 1, 1}, fold {0, 1, 2, 0, 1, 2}, k = 1:
 *            C = {3, 0,  0, 3}, accuracy 1
 *          on the 100 clips of data/clips (README, Part 5), k = 3, 5 folds:
 *            accuracy 0.94
 *   Counts are compared exactly; the accuracy to 1e-12.
 * HINT  Fitting the scaling on all rows lets the test rows leak into the
 *       model: the grader notices. Do not forget to zero C first.
 * CHECK make grade LESSON=10 ONLY=confusion,crossval
 */
#include <stdlib.h>
#include <string.h>

#include "exercise.h"

int confusion_ex(const int *truth, const int *pred, size_t n, int n_classes, int *C)
{
    /* YOUR CODE HERE */
    (void)truth;
    (void)pred;
    (void)n;
    (void)n_classes;
    (void)C;
    return DSP_ETODO;
}

int crossval_ex(const double *X, const int *labels, size_t n, size_t dim, int n_classes,
                size_t k, const int *fold, size_t n_folds, int *C, double *accuracy)
{
    /* YOUR CODE HERE */
    (void)X;
    (void)labels;
    (void)n;
    (void)dim;
    (void)n_classes;
    (void)k;
    (void)fold;
    (void)n_folds;
    (void)C;
    (void)accuracy;
    return DSP_ETODO;
}
