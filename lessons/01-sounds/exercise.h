/*
 * Lesson 01 — Sounds: the exercises you write (see README.md).
 *
 * Every function returns DSP_OK, or DSP_EINVAL for a bad argument (the
 * stubs return DSP_ETODO until you fill them in). Outputs go into arrays the
 * caller allocates; a length sits next to its pointer.
 */
#ifndef LESSON01_EXERCISE_H
#define LESSON01_EXERCISE_H

#include <stddef.h>

#include <dsplab/audio.h>
#include <dsplab/status.h>

/* What sound_info_ex() reports about a sound. */
struct sound_info {
    double sample_rate;  /* Hz, as in the file */
    int channels;        /* 1 = mono, 2 = stereo, ... */
    size_t frames;       /* samples per channel */
    double duration;     /* seconds = frames / sample_rate */
    double peak;         /* max |sample| over all channels, in [0, 1] */
    double rms;          /* sqrt(mean of sample^2) over all channels */
};

/* Part 1: the properties of a sound already read into memory. */
int sound_info_ex(const struct dsp_audio *a, struct sound_info *info);

/* Part 2: y[i] = gain * x[i], i = 0..n-1 (y may be x). */
int scale_ex(const double *x, size_t n, double gain, double *y);

/* Part 3: scale x so that its peak |y[i]| equals target (0 < target <= 1);
 * *gain receives the factor used. DSP_EINVAL if x is all zeros. */
int normalize_ex(const double *x, size_t n, double target, double *y, double *gain);

/* Part 4: keep every factor-th sample: y[m] = x[m * factor] for
 * m = 0..*ny-1, *ny = ceil(n / factor). y has room for that many. */
int downsample_ex(const double *x, size_t n, size_t factor, double *y, size_t *ny);

/* Part 5: energy of each block of size samples, blocks starting every hop:
 * e[b] = sum_{i=0}^{size-1} x[b*hop + i]^2, b = 0..*nblocks-1, with
 * *nblocks = (n - size) / hop + 1 when n >= size, else 0. e has room for
 * that many. */
int block_energy_ex(const double *x, size_t n, size_t size, size_t hop, double *e,
                    size_t *nblocks);

/* Part 6: write a tone you can listen to: a mono 16-bit WAV file at path,
 * n = round(seconds * fs) samples x[i] = amp * cos(2*pi*freq*i/fs). */
int write_tone_ex(const char *path, double amp, double freq, double seconds, double fs);

#endif
