/*
 * kernels.h — the per-frame inner loops of the STFT and the mel front ends
 * (internal to libdsplab, not installed).
 *
 * Each loop is written so that GCC and clang vectorise it at -O2 for the
 * baseline ISA (SSE2 on x86-64): restrict pointers, no branch in the body,
 * the main loop in blocks of KERNEL_BLOCK independent iterations (GCC's -O2
 * "very cheap" vectoriser packs such a block with SLP even when the trip
 * count is unknown) and a scalar remainder. kernels.c is compiled with
 * -fno-math-errno (Makefile), so sqrt becomes sqrtpd instead of a call that
 * might set errno; an argument re^2 + im^2 is never negative, so errno
 * would never be set anyway.
 *
 * On x86-64 with GCC or clang each kernel is also built for AVX2 and
 * AVX-512F (function multi-versioning by target attributes), and the
 * widest one the running CPU has is chosen once, at load time
 * (__builtin_cpu_supports), so a binary built on one machine runs on any
 * x86-64. The versions do the same IEEE operations in the same order (no
 * FMA: contraction is off, see kernels.c), so every one returns the same
 * bits.
 *
 * Buffers from fftw_malloc are 16- or 32-byte aligned; the kernels do not
 * require it (unaligned loads cost little on current CPUs) so that callers'
 * arrays work as well.
 */
#ifndef DSPLAB_KERNELS_H
#define DSPLAB_KERNELS_H

#include <stddef.h>

/* out[i] = x[i] * w[i], i < n. */
void dsp_k_mul(const double *restrict x, const double *restrict w, double *restrict out,
               size_t n);
/* ri: nb interleaved (re, im) pairs -> out[k] = sqrt(re^2 + im^2). */
void dsp_k_mag(const double *restrict ri, double *restrict out, size_t nb);
/* ri: nb interleaved (re, im) pairs -> out[k] = re^2 + im^2. */
void dsp_k_pow(const double *restrict ri, double *restrict out, size_t nb);
/* Sparse band sums (the mel filterbank): out[m] = sum over j < count[m] of
 * w[j] * spec[first[m] + j], band m's weights following band m-1's in w.
 * A term with weight 0 and a finite spec value adds +0 or -0, which leaves
 * a partial sum (never -0: each starts at +0) unchanged, so zero weights
 * can pad a band to a multiple of 8 without changing a bit. Each sum is
 * kept in 8 partial sums, element j going to lane j % 8, and the lanes
 * are added in one fixed tree, ((0+4)+(2+6))+((1+5)+(3+7)), so every
 * instruction set gives the same bits (and one 8-lane vector does the work
 * of 8 scalar sums). */
void dsp_k_bands(const double *restrict spec, const double *restrict w,
                 const size_t *restrict first, const size_t *restrict count, size_t n_bands,
                 double *restrict out);

/* The same in single precision. */
void dsp_k_mulf(const float *restrict x, const float *restrict w, float *restrict out, size_t n);
void dsp_k_magf(const float *restrict ri, float *restrict out, size_t nb);
void dsp_k_powf(const float *restrict ri, float *restrict out, size_t nb);

/* |X| (magf) or |X|^2 (powf) of an n = 2m point real FFT, out[0 .. m],
 * from z: the m-point complex FFT (m interleaved (re, im) pairs) of the n
 * samples read as m complex values (x[2j] + i x[2j+1]). twr[k] =
 * cos(2 pi k / n) and twi[k] = -sin(2 pi k / n) for k = 0 .. m/2; scratch
 * holds DSP_K_HALF_SCRATCH(m) floats. FFTW's complex transforms of m
 * points in float are 2-3x faster than its real ones of 2m (its real
 * plans mix SSE2 and AVX codelets); this split step is the rest. */
#define DSP_K_HALF_SCRATCH(m) (3 * ((m) / 2 + 1))
void dsp_k_half_magf(const float *restrict z, const float *restrict twr,
                     const float *restrict twi, size_t m, float *restrict scratch,
                     float *restrict out);
void dsp_k_half_powf(const float *restrict z, const float *restrict twr,
                     const float *restrict twi, size_t m, float *restrict scratch,
                     float *restrict out);

/* A hint that bytes [p, p + bytes) will be read soon: one prefetch per
 * 64-byte line, no effect on any result. The STFT loops call it for the
 * samples the next frame reads and this one did not: a hop of 512 doubles
 * is one new 4 KB page per frame, where the hardware prefetcher (which
 * stops at page boundaries) starts late, so without it the window multiply
 * waits on memory; with it the lines arrive during this frame's FFT. */
void dsp_k_prefetch(const void *p, size_t bytes);

/* Frames of m samples, frame k starting at signal sample start (negative
 * before sample 0), the next one hop later. Shared by the STFT, mel and
 * float32 front ends:
 *   dsp_k_frame_span          the window samples i in [*lo, *hi) that fall
 *                             inside the signal's len samples (the rest
 *                             read as zeros);
 *   dsp_k_prefetch_next_frame dsp_k_prefetch of the samples the next frame
 *                             reads and this one did not, within the
 *                             signal (x: len values of elem_size bytes). */
void dsp_k_frame_span(long long start, size_t len, size_t m, size_t *lo, size_t *hi);
void dsp_k_prefetch_next_frame(const void *x, size_t elem_size, size_t len, long long start,
                               size_t m, size_t hop);

/* For tests: use the kernels for isa ("baseline", "avx2", "avx512f") from
 * now on. 0, or -1 (nothing changed) if this CPU or build lacks it. Not
 * thread-safe: call while no other thread runs kernels. */
int dsp_k_select(const char *isa);
/* The instruction set in use: "avx512f", "avx2" or "baseline". */
const char *dsp_k_isa(void);

#endif
