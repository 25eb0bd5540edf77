/* kernels.c — vectorisable inner loops (see kernels.h). Built with
 * -fno-math-errno (Makefile). */
#include "kernels.h"

#include <math.h>

/* No fused multiply-add: clang contracts re*re + im*im into an FMA by
 * default where the target has one (AVX-512F implies FMA in clang), which
 * would make the AVX-512 clone round differently from the others. GCC
 * keeps contraction off under -std=c11. */
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

/* Iterations per block: 8 doubles fill one AVX-512 register, two AVX2 ones
 * or four SSE2 ones. */
#define KERNEL_BLOCK 8

#if defined(__x86_64__) && defined(__has_attribute)
#if __has_attribute(target_clones) && !defined(DSP_NO_CLONES)
#define CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#endif
#endif
#ifndef CLONES
#define CLONES
#endif

CLONES void dsp_k_mul(const double *restrict x, const double *restrict w, double *restrict out,
                      size_t n)
{
    size_t i = 0;
    for (; i + KERNEL_BLOCK <= n; i += KERNEL_BLOCK)
        for (size_t j = 0; j < KERNEL_BLOCK; j++)
            out[i + j] = x[i + j] * w[i + j];
    for (; i < n; i++)
        out[i] = x[i] * w[i];
}

CLONES void dsp_k_mag(const double *restrict ri, double *restrict out, size_t nb)
{
    size_t k = 0;
    for (; k + KERNEL_BLOCK <= nb; k += KERNEL_BLOCK)
        for (size_t j = 0; j < KERNEL_BLOCK; j++) {
            double re = ri[2 * (k + j)], im = ri[2 * (k + j) + 1];
            out[k + j] = sqrt(re * re + im * im);
        }
    for (; k < nb; k++)
        out[k] = sqrt(ri[2 * k] * ri[2 * k] + ri[2 * k + 1] * ri[2 * k + 1]);
}

CLONES void dsp_k_pow(const double *restrict ri, double *restrict out, size_t nb)
{
    size_t k = 0;
    for (; k + KERNEL_BLOCK <= nb; k += KERNEL_BLOCK)
        for (size_t j = 0; j < KERNEL_BLOCK; j++) {
            double re = ri[2 * (k + j)], im = ri[2 * (k + j) + 1];
            out[k + j] = re * re + im * im;
        }
    for (; k < nb; k++)
        out[k] = ri[2 * k] * ri[2 * k] + ri[2 * k + 1] * ri[2 * k + 1];
}

/* Single precision: blocks of 16 floats (one AVX-512 register). */
#define KERNEL_BLOCK_F 16

CLONES void dsp_k_mulf(const float *restrict x, const float *restrict w, float *restrict out,
                       size_t n)
{
    size_t i = 0;
    for (; i + KERNEL_BLOCK_F <= n; i += KERNEL_BLOCK_F)
        for (size_t j = 0; j < KERNEL_BLOCK_F; j++)
            out[i + j] = x[i + j] * w[i + j];
    for (; i < n; i++)
        out[i] = x[i] * w[i];
}

CLONES void dsp_k_magf(const float *restrict ri, float *restrict out, size_t nb)
{
    size_t k = 0;
    for (; k + KERNEL_BLOCK_F <= nb; k += KERNEL_BLOCK_F)
        for (size_t j = 0; j < KERNEL_BLOCK_F; j++) {
            float re = ri[2 * (k + j)], im = ri[2 * (k + j) + 1];
            out[k + j] = sqrtf(re * re + im * im);
        }
    for (; k < nb; k++)
        out[k] = sqrtf(ri[2 * k] * ri[2 * k] + ri[2 * k + 1] * ri[2 * k + 1]);
}

CLONES void dsp_k_powf(const float *restrict ri, float *restrict out, size_t nb)
{
    size_t k = 0;
    for (; k + KERNEL_BLOCK_F <= nb; k += KERNEL_BLOCK_F)
        for (size_t j = 0; j < KERNEL_BLOCK_F; j++) {
            float re = ri[2 * (k + j)], im = ri[2 * (k + j) + 1];
            out[k + j] = re * re + im * im;
        }
    for (; k < nb; k++)
        out[k] = ri[2 * k] * ri[2 * k] + ri[2 * k + 1] * ri[2 * k + 1];
}
