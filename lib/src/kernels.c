/* kernels.c — vectorisable inner loops (see kernels.h). Built with
 * -fno-math-errno (Makefile). */
#include "kernels.h"

#include <math.h>
#include <string.h>

/* No fused multiply-add: clang contracts re*re + im*im into an FMA by
 * default where the target has one (AVX-512F implies FMA in clang), which
 * would make the AVX-512 version round differently from the others. GCC
 * keeps contraction off under -std=c11. */
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

/* Iterations per block: 8 doubles fill one AVX-512 register, two AVX2 ones
 * or four SSE2 ones; 16 floats likewise. */
#define BLOCK 8
#define BLOCK_F 16

/* The loop bodies, one definition each, instantiated below once per
 * instruction set. */
#define DEFINE_KERNELS(SUFFIX, ATTR)                                                        \
    ATTR static void mul_##SUFFIX(const double *restrict x, const double *restrict w,      \
                                  double *restrict out, size_t n)                           \
    {                                                                                       \
        size_t i = 0;                                                                       \
        for (; i + BLOCK <= n; i += BLOCK)                                                  \
            for (size_t j = 0; j < BLOCK; j++)                                              \
                out[i + j] = x[i + j] * w[i + j];                                           \
        for (; i < n; i++)                                                                  \
            out[i] = x[i] * w[i];                                                           \
    }                                                                                       \
    ATTR static void mag_##SUFFIX(const double *restrict ri, double *restrict out,         \
                                  size_t nb)                                                \
    {                                                                                       \
        size_t k = 0;                                                                       \
        for (; k + BLOCK <= nb; k += BLOCK)                                                 \
            for (size_t j = 0; j < BLOCK; j++) {                                            \
                double re = ri[2 * (k + j)], im = ri[2 * (k + j) + 1];                      \
                out[k + j] = sqrt(re * re + im * im);                                       \
            }                                                                               \
        for (; k < nb; k++)                                                                 \
            out[k] = sqrt(ri[2 * k] * ri[2 * k] + ri[2 * k + 1] * ri[2 * k + 1]);           \
    }                                                                                       \
    ATTR static void pow_##SUFFIX(const double *restrict ri, double *restrict out,         \
                                  size_t nb)                                                \
    {                                                                                       \
        size_t k = 0;                                                                       \
        for (; k + BLOCK <= nb; k += BLOCK)                                                 \
            for (size_t j = 0; j < BLOCK; j++) {                                            \
                double re = ri[2 * (k + j)], im = ri[2 * (k + j) + 1];                      \
                out[k + j] = re * re + im * im;                                             \
            }                                                                               \
        for (; k < nb; k++)                                                                 \
            out[k] = ri[2 * k] * ri[2 * k] + ri[2 * k + 1] * ri[2 * k + 1];                 \
    }                                                                                       \
    ATTR static void bands_##SUFFIX(const double *restrict spec, const double *restrict w, \
                                    const size_t *restrict first,                           \
                                    const size_t *restrict count, size_t n_bands,           \
                                    double *restrict out)                                   \
    {                                                                                       \
        for (size_t m = 0; m < n_bands; m++) {                                              \
            const double *restrict s = spec + first[m];                                     \
            const size_t n = count[m];                                                      \
            double acc[BLOCK] = {0.0};                                                      \
            size_t j = 0;                                                                   \
            for (; j + BLOCK <= n; j += BLOCK)                                              \
                for (size_t l = 0; l < BLOCK; l++)                                          \
                    acc[l] += w[j + l] * s[j + l];                                          \
            if (j < n) {                                                                    \
                /* a run that could not be widened (a spectrum under 8 bins): its    */    \
                /* last values through zero-filled copies, so that acc is only ever  */    \
                /* indexed by constants and stays in a register (an indexed tail     */    \
                /* sent it through the stack for every band, and cost as much as the */    \
                /* sums); a zero weight times a zero adds nothing                    */    \
                double tw[BLOCK] = {0.0}, ts[BLOCK] = {0.0};                                \
                memcpy(tw, w + j, (n - j) * sizeof *tw);                                    \
                memcpy(ts, s + j, (n - j) * sizeof *ts);                                    \
                for (size_t l = 0; l < BLOCK; l++)                                          \
                    acc[l] += tw[l] * ts[l];                                                \
            }                                                                               \
            /* ((0+4)+(2+6))+((1+5)+(3+7)): halves added, as vectors */                    \
            double half[BLOCK / 2], quarter[BLOCK / 4];                                     \
            for (size_t l = 0; l < BLOCK / 2; l++)                                          \
                half[l] = acc[l] + acc[l + BLOCK / 2];                                      \
            for (size_t l = 0; l < BLOCK / 4; l++)                                          \
                quarter[l] = half[l] + half[l + BLOCK / 4];                                 \
            out[m] = quarter[0] + quarter[1];                                               \
            w += n;                                                                         \
        }                                                                                   \
    }                                                                                       \
    ATTR static void mulf_##SUFFIX(const float *restrict x, const float *restrict w,       \
                                   float *restrict out, size_t n)                           \
    {                                                                                       \
        size_t i = 0;                                                                       \
        for (; i + BLOCK_F <= n; i += BLOCK_F)                                              \
            for (size_t j = 0; j < BLOCK_F; j++)                                            \
                out[i + j] = x[i + j] * w[i + j];                                           \
        for (; i < n; i++)                                                                  \
            out[i] = x[i] * w[i];                                                           \
    }                                                                                       \
    ATTR static void magf_##SUFFIX(const float *restrict ri, float *restrict out,          \
                                   size_t nb)                                               \
    {                                                                                       \
        size_t k = 0;                                                                       \
        for (; k + BLOCK_F <= nb; k += BLOCK_F)                                             \
            for (size_t j = 0; j < BLOCK_F; j++) {                                          \
                float re = ri[2 * (k + j)], im = ri[2 * (k + j) + 1];                       \
                out[k + j] = sqrtf(re * re + im * im);                                      \
            }                                                                               \
        for (; k < nb; k++)                                                                 \
            out[k] = sqrtf(ri[2 * k] * ri[2 * k] + ri[2 * k + 1] * ri[2 * k + 1]);          \
    }                                                                                       \
    ATTR static void powf_##SUFFIX(const float *restrict ri, float *restrict out,          \
                                   size_t nb)                                               \
    {                                                                                       \
        size_t k = 0;                                                                       \
        for (; k + BLOCK_F <= nb; k += BLOCK_F)                                             \
            for (size_t j = 0; j < BLOCK_F; j++) {                                          \
                float re = ri[2 * (k + j)], im = ri[2 * (k + j) + 1];                       \
                out[k + j] = re * re + im * im;                                             \
            }                                                                               \
        for (; k < nb; k++)                                                                 \
            out[k] = ri[2 * k] * ri[2 * k] + ri[2 * k + 1] * ri[2 * k + 1];                 \
    }                                                                                       \
    HALF_KERNEL(SUFFIX, ATTR, magf, sqrtf)                                                  \
    HALF_KERNEL(SUFFIX, ATTR, powf, )

/* |X[k]| (ROOT sqrtf) or |X[k]|^2 (ROOT empty) of the n = 2m point real
 * FFT from z, the m-point complex FFT of the samples paired as (re, im)
 * (see kernels.h). Bins k and m-k come from z[k] and z[m-k] together:
 *     E = (z[k] + conj z[m-k]) / 2,  O = -i (z[k] - conj z[m-k]) / 2,
 *     X[k] = E + W^k O,  X[m-k] = conj(E - W^k O),  W = exp(-2 pi i / n),
 * so |X[m-k]| = |E - W^k O|. rev gets z[m-k] in ascending k (a reversed
 * copy, in blocks the compiler turns into vector permutes) and hi the
 * |E - W^k O| values, copied to out[m-k] afterwards in reversed blocks:
 * the main loop then reads and writes forward only. For m even, k = m/2
 * is its own partner; both formulas give it, and the second one is kept. */
#define HALF_KERNEL(SUFFIX, ATTR, NAME, ROOT)                                               \
    ATTR static void half##NAME##_##SUFFIX(const float *restrict z,                        \
                                           const float *restrict twr,                      \
                                           const float *restrict twi, size_t m,            \
                                           float *restrict rev, float *restrict hi,        \
                                           float *restrict out)                            \
    {                                                                                       \
        const size_t h = m / 2;                                                             \
        size_t k = 1;                                                                       \
        for (; k + HALF_BLOCK <= h + 1; k += HALF_BLOCK) {                                  \
            const float *restrict src = z + 2 * (m - k - (HALF_BLOCK - 1));                 \
            for (size_t l = 0; l < HALF_BLOCK; l++) {                                       \
                rev[2 * (k + l)] = src[2 * (HALF_BLOCK - 1 - l)];                           \
                rev[2 * (k + l) + 1] = src[2 * (HALF_BLOCK - 1 - l) + 1];                   \
            }                                                                               \
        }                                                                                   \
        for (; k <= h; k++) {                                                               \
            rev[2 * k] = z[2 * (m - k)];                                                    \
            rev[2 * k + 1] = z[2 * (m - k) + 1];                                            \
        }                                                                                   \
        const float z0r = z[0], z0i = z[1];                                                 \
        out[0] = ROOT((z0r + z0i) * (z0r + z0i));                                           \
        out[m] = ROOT((z0r - z0i) * (z0r - z0i));                                           \
        k = 1;                                                                              \
        for (; k + BLOCK_F <= h + 1; k += BLOCK_F)                                          \
            for (size_t l = 0; l < BLOCK_F; l++)                                            \
                HALF_BODY(k + l, ROOT)                                                      \
        for (; k <= h; k++)                                                                 \
            HALF_BODY(k, ROOT)                                                              \
        k = 1;                                                                              \
        for (; k + BLOCK_F <= h + 1; k += BLOCK_F) {                                        \
            float *restrict dst = out + (m - k - (BLOCK_F - 1));                            \
            for (size_t l = 0; l < BLOCK_F; l++)                                            \
                dst[BLOCK_F - 1 - l] = hi[k + l];                                           \
        }                                                                                   \
        for (; k <= h; k++)                                                                 \
            out[m - k] = hi[k];                                                             \
    }

/* One pair of bins (see HALF_KERNEL): out[K] = |E + T|, hi[K] = |E - T|
 * with T = W^K O, squared or not. */
#define HALF_BODY(K, ROOT)                                                                  \
    {                                                                                       \
        const float ar = z[2 * (K)], ai = z[2 * (K) + 1];                                   \
        const float br = rev[2 * (K)], bi = -rev[2 * (K) + 1];                              \
        const float er = 0.5f * (ar + br), ei = 0.5f * (ai + bi);                           \
        const float orr = 0.5f * (ai - bi), oi = -0.5f * (ar - br);                         \
        const float tr = twr[K] * orr - twi[K] * oi, ti = twr[K] * oi + twi[K] * orr;       \
        const float pr = er + tr, pi = ei + ti, qr = er - tr, qi = ei - ti;                 \
        out[K] = ROOT(pr * pr + pi * pi);                                                   \
        hi[K] = ROOT(qr * qr + qi * qi);                                                    \
    }

/* Complex values reversed per block in the half-size kernels. */
#define HALF_BLOCK 8

DEFINE_KERNELS(base, )

/* Wider versions on x86-64 with GCC or clang, chosen once at load time by
 * what the running CPU has (__builtin_cpu_supports). Explicit dispatch
 * rather than target_clones: clang 14 names a target_clones function's
 * ifunc "f.ifunc", which callers in other files do not find. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(DSP_NO_CLONES)
#define KERNELS_DISPATCH 1
DEFINE_KERNELS(avx2, __attribute__((target("avx2"))))
DEFINE_KERNELS(avx512, __attribute__((target("avx512f"))))
#endif

struct kernel_set {
    void (*mul)(const double *restrict, const double *restrict, double *restrict, size_t);
    void (*mag)(const double *restrict, double *restrict, size_t);
    void (*pow)(const double *restrict, double *restrict, size_t);
    void (*bands)(const double *restrict, const double *restrict, const size_t *restrict,
                  const size_t *restrict, size_t, double *restrict);
    void (*mulf)(const float *restrict, const float *restrict, float *restrict, size_t);
    void (*magf)(const float *restrict, float *restrict, size_t);
    void (*powf)(const float *restrict, float *restrict, size_t);
    void (*halfmagf)(const float *restrict, const float *restrict, const float *restrict, size_t,
                     float *restrict, float *restrict, float *restrict);
    void (*halfpowf)(const float *restrict, const float *restrict, const float *restrict, size_t,
                     float *restrict, float *restrict, float *restrict);
};

#define KERNEL_SET(SUFFIX)                                                                  \
    {mul_##SUFFIX,   mag_##SUFFIX,  pow_##SUFFIX,     bands_##SUFFIX,                       \
     mulf_##SUFFIX,  magf_##SUFFIX, powf_##SUFFIX,    halfmagf_##SUFFIX,                    \
     halfpowf_##SUFFIX}

static struct kernel_set use = KERNEL_SET(base);

#ifdef KERNELS_DISPATCH
/* Runs before main (and before any other thread exists). */
__attribute__((constructor)) static void choose_kernels(void)
{
    static const struct kernel_set avx2 = KERNEL_SET(avx2), avx512 = KERNEL_SET(avx512);
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f"))
        use = avx512;
    else if (__builtin_cpu_supports("avx2"))
        use = avx2;
}
#endif

void dsp_k_mul(const double *restrict x, const double *restrict w, double *restrict out,
               size_t n)
{
    use.mul(x, w, out, n);
}

void dsp_k_mag(const double *restrict ri, double *restrict out, size_t nb)
{
    use.mag(ri, out, nb);
}

void dsp_k_pow(const double *restrict ri, double *restrict out, size_t nb)
{
    use.pow(ri, out, nb);
}

void dsp_k_bands(const double *restrict spec, const double *restrict w,
                 const size_t *restrict first, const size_t *restrict count, size_t n_bands,
                 double *restrict out)
{
    use.bands(spec, w, first, count, n_bands, out);
}

void dsp_k_mulf(const float *restrict x, const float *restrict w, float *restrict out, size_t n)
{
    use.mulf(x, w, out, n);
}

void dsp_k_magf(const float *restrict ri, float *restrict out, size_t nb)
{
    use.magf(ri, out, nb);
}

void dsp_k_powf(const float *restrict ri, float *restrict out, size_t nb)
{
    use.powf(ri, out, nb);
}

void dsp_k_half_magf(const float *restrict z, const float *restrict twr,
                     const float *restrict twi, size_t m, float *restrict scratch,
                     float *restrict out)
{
    use.halfmagf(z, twr, twi, m, scratch, scratch + 2 * (m / 2 + 1), out);
}

void dsp_k_half_powf(const float *restrict z, const float *restrict twr,
                     const float *restrict twi, size_t m, float *restrict scratch,
                     float *restrict out)
{
    use.halfpowf(z, twr, twi, m, scratch, scratch + 2 * (m / 2 + 1), out);
}

void dsp_k_prefetch(const void *p, size_t bytes)
{
#if defined(__GNUC__) || defined(__clang__)
    const char *c = p;
    for (size_t i = 0; i < bytes; i += 64)
        __builtin_prefetch(c + i, 0, 3);
#else
    (void)p;
    (void)bytes;
#endif
}

void dsp_k_frame_span(long long start, size_t len, size_t m, size_t *lo, size_t *hi)
{
    long long lo_ll = start < 0 ? -start : 0, hi_ll = (long long)len - start;
    *lo = (size_t)(lo_ll < (long long)m ? lo_ll : (long long)m);
    *hi = hi_ll <= (long long)*lo ? *lo : (hi_ll > (long long)m ? m : (size_t)hi_ll);
}

void dsp_k_prefetch_next_frame(const void *x, size_t elem_size, size_t len, long long start,
                               size_t m, size_t hop)
{
    /* next frame: [start + hop, start + hop + m); this one ends at start + m */
    long long from = start + (long long)(m > hop ? m : hop);
    long long to = start + (long long)hop + (long long)m;
    if (from < 0)
        from = 0;
    if (to > (long long)len)
        to = (long long)len;
    if (from < to)
        dsp_k_prefetch((const char *)x + (size_t)from * elem_size, (size_t)(to - from) * elem_size);
}

int dsp_k_select(const char *isa)
{
    static const struct kernel_set base = KERNEL_SET(base);
    if (strcmp(isa, "baseline") == 0) {
        use = base;
        return 0;
    }
#ifdef KERNELS_DISPATCH
    static const struct kernel_set avx2 = KERNEL_SET(avx2), avx512 = KERNEL_SET(avx512);
    __builtin_cpu_init();
    if (strcmp(isa, "avx2") == 0 && __builtin_cpu_supports("avx2")) {
        use = avx2;
        return 0;
    }
    if (strcmp(isa, "avx512f") == 0 && __builtin_cpu_supports("avx512f")) {
        use = avx512;
        return 0;
    }
#endif
    return -1;
}

const char *dsp_k_isa(void)
{
#ifdef KERNELS_DISPATCH
    if (use.mul == mul_avx512)
        return "avx512f";
    if (use.mul == mul_avx2)
        return "avx2";
#endif
    return "baseline";
}
