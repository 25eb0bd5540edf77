/* attack: a file named like a grader source (check.c), so that the build
 *         would link it in place of the grader's checks
 * as: check.c
 * expect: ignored: check.c: not one of this lesson's exercise files
 */
int grade_close(const double *got, const double *expected, unsigned long n, double atol,
                double rtol);
int grade_close(const double *got, const double *expected, unsigned long n, double atol,
                double rtol)
{
    (void)got, (void)expected, (void)n, (void)atol, (void)rtol;
    return 1;
}
