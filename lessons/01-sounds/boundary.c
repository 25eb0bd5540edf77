/*
 * Lesson 01 — how each exercise's arguments cross the sandbox (grader/rpc.h).
 * Compiled into the judge (the proxies the suite calls) and, with
 * RPC_SERVE, into the worker that runs the student's code. Lengths are the
 * ones exercise.h promises.
 */
#include <stddef.h>

#include "exercise.h"
#include "rpc.h"

/* file, its exercise functions, the library functions it may not call */
RPC_FILES = {
    {"info.c", "sound_info_ex", "dsp_energy"},
    {"scale.c", "scale_ex normalize_ex", ""},
    {"downsample.c", "downsample_ex", "dsp_resample*"},
    {"block_energy.c", "block_energy_ex", "dsp_energy"},
    {"write_tone.c", "write_tone_ex", "dsp_gen_*"},
};

/* The struct crosses as it is; its data pointer means nothing on the other
 * side, so the samples (frames * channels) follow separately and the
 * exercise gets a copy of the struct that points at them. */
RPC_FUNCTION(sound_info_ex, (const struct dsp_audio *a, struct sound_info *info), (a, info))
{
    RPC_IN(a, 1);
    size_t count = 0;
    if (a && a->channels > 0)
        count = a->frames * (size_t)a->channels;
    RPC_SCALAR(count);
    const double *samples = a ? a->data : NULL;
    RPC_IN(samples, count);
    RPC_OUT(info, 1);
    struct dsp_audio copy = {0};
    const struct dsp_audio *arg = NULL;
    if (a) {
        copy = *a;
        copy.data = (double *)samples;
        arg = &copy;
    }
    return RPC_CALL(sound_info_ex(arg, info));
}

RPC_FUNCTION(scale_ex, (const double *x, size_t n, double gain, double *y), (x, n, gain, y))
{
    RPC_SCALAR(n);
    RPC_SCALAR(gain);
    RPC_IN(x, n);
    RPC_OUT(y, n);
    return RPC_CALL(scale_ex(x, n, gain, y));
}

RPC_FUNCTION(normalize_ex, (const double *x, size_t n, double target, double *y, double *gain),
             (x, n, target, y, gain))
{
    RPC_SCALAR(n);
    RPC_SCALAR(target);
    RPC_IN(x, n);
    RPC_OUT(y, n);
    RPC_OUT(gain, 1);
    return RPC_CALL(normalize_ex(x, n, target, y, gain));
}

/* y has room for ceil(n / factor) values (none when factor is 0). */
RPC_FUNCTION(downsample_ex, (const double *x, size_t n, size_t factor, double *y, size_t *ny),
             (x, n, factor, y, ny))
{
    RPC_SCALAR(n);
    RPC_SCALAR(factor);
    RPC_IN(x, n);
    RPC_OUT(y, factor ? n / factor + (n % factor != 0) : 0);
    RPC_OUT(ny, 1);
    return RPC_CALL(downsample_ex(x, n, factor, y, ny));
}

/* e has room for (n - size) / hop + 1 values when n >= size (none for a
 * zero size or hop). */
RPC_FUNCTION(block_energy_ex,
             (const double *x, size_t n, size_t size, size_t hop, double *e, size_t *nblocks),
             (x, n, size, hop, e, nblocks))
{
    RPC_SCALAR(n);
    RPC_SCALAR(size);
    RPC_SCALAR(hop);
    RPC_IN(x, n);
    RPC_OUT(e, size && hop && n >= size ? (n - size) / hop + 1 : 0);
    RPC_OUT(nblocks, 1);
    return RPC_CALL(block_energy_ex(x, n, size, hop, e, nblocks));
}

RPC_FUNCTION(write_tone_ex, (const char *path, double amp, double freq, double seconds, double fs),
             (path, amp, freq, seconds, fs))
{
    RPC_OUT_FILE(path);
    RPC_SCALAR(amp);
    RPC_SCALAR(freq);
    RPC_SCALAR(seconds);
    RPC_SCALAR(fs);
    return RPC_CALL(write_tone_ex(path, amp, freq, seconds, fs));
}

RPC_LESSON(sound_info_ex, scale_ex, normalize_ex, downsample_ex, block_energy_ex, write_tone_ex);
