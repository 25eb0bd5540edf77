/* attack: defines the grader's own functions (iso_run, grade_close,
 *         grade_status), hoping the linker takes them instead of the grader's
 * as: mag_db_ex.c
 * expect: mag_db_ex.c: not graded: it defines the global symbol
 */
#include "exercise.h"

int grade_status(int status, const char *fn);
int grade_status(int status, const char *fn)
{
    (void)status, (void)fn;
    return 1;
}

int grade_close(const double *got, const double *expected, size_t n, double atol, double rtol);
int grade_close(const double *got, const double *expected, size_t n, double atol, double rtol)
{
    (void)got, (void)expected, (void)n, (void)atol, (void)rtol;
    return 1;
}

int iso_run(void *a, void *b, void *c, void *d);
int iso_run(void *a, void *b, void *c, void *d)
{
    (void)a, (void)b, (void)c, (void)d;
    return 0;
}

int mag_db_ex(const double complex *X, size_t n, double *mX, size_t *n_bins)
{
    (void)X, (void)n, (void)mX, (void)n_bins;
    return DSP_OK;
}
