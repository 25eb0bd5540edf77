#include "exercise.h"

int ramp_ex(double *y, size_t n) { (void)y; (void)n; return DSP_ETODO; }
int loop_ex(void) { return DSP_ETODO; }
int segv_ex(void) { return DSP_ETODO; }
int abort_ex(void) { return DSP_ETODO; }
int fpe_ex(void) { return DSP_ETODO; }
int stack_ex(int depth) { (void)depth; return DSP_ETODO; }
int exit_ex(void) { return DSP_ETODO; }
int fake_ex(double *y, size_t n) { (void)y; (void)n; return DSP_ETODO; }
int flood_ex(double *y, size_t n) { (void)y; (void)n; return DSP_ETODO; }
int alloc_ex(void) { return DSP_ETODO; }
int sleep_ex(void) { return DSP_ETODO; }
int escape_ex(void) { return DSP_ETODO; }
int scaled_ex(double *y, size_t n) { (void)y; (void)n; return DSP_ETODO; }
int conj_ex(double complex *X, size_t n) { (void)X; (void)n; return DSP_ETODO; }
int shift_ex(double *y, size_t n) { (void)y; (void)n; return DSP_ETODO; }
