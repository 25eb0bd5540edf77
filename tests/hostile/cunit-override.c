/* attack: redefines CUnit's failure count and assertion, so that no check
 *         can fail in the process that links it
 * as: idft_ex.c
 * expect: idft_ex.c: not graded: it defines the global symbol CU_
 */
#include "exercise.h"

unsigned int CU_get_number_of_failures(void);
unsigned int CU_get_number_of_failures(void)
{
    return 0;
}

int CU_assertImplementation(int value, unsigned int line, const char *cond, const char *file,
                            const char *func, int fatal);
int CU_assertImplementation(int value, unsigned int line, const char *cond, const char *file,
                            const char *func, int fatal)
{
    (void)value, (void)line, (void)cond, (void)file, (void)func, (void)fatal;
    return 1;
}

int idft_ex(const double complex *X, size_t n, double complex *x)
{
    (void)X, (void)n, (void)x;
    return DSP_OK;
}
