/* stream.c — frames of a pushed signal (see stream.h). */
#include "dsplab/stream.h"

#include "dsplab/dftmodel.h"
#include "dsplab/mfcc.h"
#include "dsplab/status.h"

#include "kernels.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum stream_kind { KIND_STFT, KIND_MEL, KIND_VGGISH };
enum framing { FRAMING_STFT, FRAMING_CENTERED, FRAMING_INSIDE };

struct dsp_stream {
    enum stream_kind kind;
    enum dsp_stream_mel mel_out;
    enum framing framing;
    size_t m;          /* samples under the window */
    size_t n_fft, hop;
    long long off;     /* frame k's window starts at sample k*H + off */
    size_t out_size;   /* values per frame */

    /* buf holds samples base .. base+count-1 (absolute indices; negative
     * ones are the zeros before sample 0 of a centred framing) */
    double *buf;
    size_t cap, count;
    long long base;
    long long pos;     /* samples pushed so far */
    size_t k;          /* next frame */
    int finished;

    double *seg;       /* m: a frame assembled at the end of the signal */
    double *out;       /* out_size */
    double *mel;       /* n_mels: the bands before dB / DCT (MFCC) */
    struct dsp_dftmodel *dm;
    struct dsp_melspec *ms;
    struct dsp_mfcc *mf;
    struct dsp_vggish *v;
};

static long long frame_start(const struct dsp_stream *s, size_t k)
{
    return (long long)(k * s->hop) + s->off;
}

/* The offline object's frame count for len samples. */
static size_t total_frames(const struct dsp_stream *s, size_t len)
{
    switch (s->framing) {
    case FRAMING_STFT:
        return len / s->hop + 1;
    case FRAMING_CENTERED:
        return len + 2 * (s->n_fft / 2) < s->n_fft
                   ? 0
                   : 1 + (len + 2 * (s->n_fft / 2) - s->n_fft) / s->hop;
    default:
        return len < s->m ? 0 : 1 + (len - s->m) / s->hop;
    }
}

void dsp_stream_reset(struct dsp_stream *s)
{
    s->k = 0;
    s->pos = 0;
    s->finished = 0;
    long long s0 = frame_start(s, 0);
    /* the zeros a centred first frame reads before sample 0 */
    s->base = s0 < 0 ? s0 : 0;
    s->count = s0 < 0 ? (size_t)(-s0) : 0;
    memset(s->buf, 0, s->count * sizeof *s->buf);
}

/* Common part of the constructors: geometry and buffers. */
static struct dsp_stream *stream_alloc(enum stream_kind kind, size_t m, size_t n_fft, size_t hop,
                                       long long off, enum framing framing, size_t out_size,
                                       size_t n_mels)
{
    struct dsp_stream *s = calloc(1, sizeof *s);
    if (!s)
        goto nomem;
    s->kind = kind;
    s->m = m;
    s->n_fft = n_fft;
    s->hop = hop;
    s->off = off;
    s->framing = framing;
    s->out_size = out_size;
    /* sixteen windows: compacted only when full, and then fewer than m
     * samples remain (those of the next, incomplete frame), so at most one
     * sample in fifteen is ever moved, and there is always room (with four
     * windows the moves were a quarter of the copying, 2 % of a 16 kHz mel
     * stream's time) */
    s->cap = 16 * m;
    s->buf = malloc(s->cap * sizeof *s->buf);
    s->seg = malloc(m * sizeof *s->seg);
    s->out = malloc(out_size * sizeof *s->out);
    s->mel = malloc((n_mels ? n_mels : 1) * sizeof *s->mel);
    if (!s->buf || !s->seg || !s->out || !s->mel)
        goto nomem;
    dsp_stream_reset(s);
    return s;
nomem:
    dsp_fail(DSP_ENOMEM, "stream: out of memory for a window of %zu samples", m);
    dsp_stream_free(s);
    return NULL;
}

struct dsp_stream *dsp_stream_new_stft(const double *window, size_t m, size_t n_fft, size_t hop)
{
    if (hop == 0) {
        dsp_fail(DSP_EINVAL, "hop size (0) must be at least 1");
        return NULL;
    }
    /* the model checks the window and sizes */
    struct dsp_dftmodel *dm = dsp_dftmodel_new(window, m, n_fft);
    if (!dm)
        return NULL;
    struct dsp_stream *s =
        stream_alloc(KIND_STFT, m, n_fft, hop, -(long long)(m / 2), FRAMING_STFT, n_fft / 2 + 1, 0);
    if (!s) {
        dsp_dftmodel_free(dm);
        return NULL;
    }
    s->dm = dm;
    return s;
}

struct dsp_stream *dsp_stream_new_melspec(const struct dsp_melspec_params *p,
                                          enum dsp_stream_mel output, size_t n_mfcc)
{
    struct dsp_stream *s = NULL;
    if (output != DSP_STREAM_MEL_POWER && output != DSP_STREAM_MEL_DB &&
        output != DSP_STREAM_MFCC) {
        dsp_fail(DSP_EINVAL, "stream: unknown mel output (%d)", (int)output);
        return NULL;
    }
    struct dsp_melspec *ms = dsp_melspec_new(p);
    if (!ms)
        return NULL;
    size_t n_mels = dsp_melspec_num_bands(ms), n = p->n_fft, m = p->win_length;
    struct dsp_mfcc *mf = NULL;
    if (output == DSP_STREAM_MFCC && !(mf = dsp_mfcc_new(n_mels, n_mfcc)))
        goto fail;
    long long off = p->framing == DSP_FRAMES_CENTERED
                        ? (long long)((n - m) / 2) - (long long)(n / 2)
                        : 0;
    s = stream_alloc(KIND_MEL, m, n, p->hop, off,
                     p->framing == DSP_FRAMES_CENTERED ? FRAMING_CENTERED : FRAMING_INSIDE,
                     output == DSP_STREAM_MFCC ? n_mfcc : n_mels, n_mels);
    if (!s)
        goto fail;
    s->mel_out = output;
    s->ms = ms;
    s->mf = mf;
    return s;
fail:
    dsp_melspec_free(ms);
    dsp_mfcc_free(mf);
    return NULL;
}

struct dsp_stream *dsp_stream_new_vggish(const struct dsp_vggish_params *p)
{
    if (!p) {
        dsp_fail(DSP_EINVAL, "stream: no VGGish parameters given");
        return NULL;
    }
    struct dsp_vggish *v = dsp_vggish_new(p, p->sample_rate);
    if (!v)
        return NULL;
    size_t m = dsp_vggish_window_length(v);
    struct dsp_stream *s = stream_alloc(KIND_VGGISH, m, dsp_vggish_fft_size(v),
                                        dsp_vggish_hop_length(v), 0, FRAMING_INSIDE,
                                        dsp_vggish_num_bands(v), 0);
    if (!s) {
        dsp_vggish_free(v);
        return NULL;
    }
    s->v = v;
    return s;
}

void dsp_stream_free(struct dsp_stream *s)
{
    if (!s)
        return;
    dsp_dftmodel_free(s->dm);
    dsp_melspec_free(s->ms);
    dsp_mfcc_free(s->mf);
    dsp_vggish_free(s->v);
    free(s->buf);
    free(s->seg);
    free(s->out);
    free(s->mel);
    free(s);
}

size_t dsp_stream_frame_size(const struct dsp_stream *s)
{
    return s->out_size;
}

size_t dsp_stream_hop(const struct dsp_stream *s)
{
    return s->hop;
}

size_t dsp_stream_latency(const struct dsp_stream *s)
{
    return (size_t)(s->off + (long long)s->m);
}

size_t dsp_stream_frames_done(const struct dsp_stream *s)
{
    return s->k;
}

const struct dsp_melspec *dsp_stream_melspec(const struct dsp_stream *s)
{
    return s->ms;
}

/* Frame s->k from its m samples, to fn. */
static int deliver(struct dsp_stream *s, const double *seg, dsp_stream_frame_fn fn, void *ctx)
{
    int st;
    switch (s->kind) {
    case KIND_STFT:
        st = dsp_dftmodel_magnitude(s->dm, seg, s->out);
        break;
    case KIND_VGGISH:
        st = dsp_vggish_frame_samples(s->v, seg, s->out);
        break;
    default: {
        size_t n_mels = dsp_melspec_num_bands(s->ms);
        double *mel = s->mel_out == DSP_STREAM_MFCC ? s->mel : s->out;
        st = dsp_melspec_frame_samples(s->ms, seg, mel);
        if (st == DSP_OK && s->mel_out != DSP_STREAM_MEL_POWER)
            st = dsp_melspec_power_to_db(mel, n_mels, 1.0, 1e-10, DSP_DB_NO_TOP, mel);
        if (st == DSP_OK && s->mel_out == DSP_STREAM_MFCC)
            st = dsp_mfcc_frame(s->mf, mel, n_mels, s->out);
    }
    }
    if (st != DSP_OK)
        return st;
    if (fn)
        fn(ctx, s->k, s->out, s->out_size);
    s->k++;
    return DSP_OK;
}

/* Delivers every frame whose window lies in the buffer. */
static int deliver_ready(struct dsp_stream *s, dsp_stream_frame_fn fn, void *ctx)
{
    for (;;) {
        long long start = frame_start(s, s->k);
        if (start < s->base || start + (long long)s->m > s->base + (long long)s->count)
            return DSP_OK;
        int st = deliver(s, s->buf + (start - s->base), fn, ctx);
        if (st != DSP_OK)
            return st;
    }
}

/* Drops the samples before the next frame's start. */
static void compact(struct dsp_stream *s)
{
    long long keep_from = frame_start(s, s->k);
    long long end = s->base + (long long)s->count;
    if (keep_from <= s->base)
        return;
    if (keep_from >= end) {
        s->count = 0;
        s->base = end;
        return;
    }
    size_t drop = (size_t)(keep_from - s->base);
    memmove(s->buf, s->buf + drop, (s->count - drop) * sizeof *s->buf);
    s->count -= drop;
    s->base = keep_from;
}

/* Hints the n samples after x[0..n-1]: callers mostly push consecutive
 * blocks of one array, and the copy of a block waits on memory at every new
 * 4 KB page as the offline objects' window multiply would without their
 * prefetch (see dsp_k_prefetch). A prefetch never faults; the address is
 * formed as an integer, not as a pointer past the caller's array. */
static void prefetch_following(const double *x, size_t n)
{
    dsp_k_prefetch((const void *)((uintptr_t)(x + n)), n * sizeof *x);
}

int dsp_stream_push(struct dsp_stream *s, const double *x, size_t n, dsp_stream_frame_fn fn,
                    void *ctx)
{
    if (!s || (!x && n > 0))
        return dsp_fail(DSP_EINVAL, "stream: NULL stream or samples");
    if (s->finished)
        return dsp_fail(DSP_EINVAL, "stream: push after finish (call dsp_stream_reset first)");
    if (n > 0)
        prefetch_following(x, n);
    while (n > 0) {
        /* samples before the next frame's window (a hop longer than the
         * window) are never read: skip them */
        long long need = frame_start(s, s->k);
        if (s->count == 0 && s->pos < need) {
            size_t skip = (size_t)(need - s->pos) < n ? (size_t)(need - s->pos) : n;
            x += skip;
            n -= skip;
            s->pos += (long long)skip;
            s->base = s->pos;
            continue;
        }
        if (s->count == s->cap)
            compact(s);
        if (s->count == 0)
            s->base = s->pos;
        size_t room = s->cap - s->count, take = n < room ? n : room;
        memcpy(s->buf + s->count, x, take * sizeof *x);
        s->count += take;
        s->pos += (long long)take;
        x += take;
        n -= take;
        int st = deliver_ready(s, fn, ctx);
        if (st != DSP_OK)
            return st;
    }
    return DSP_OK;
}

int dsp_stream_finish(struct dsp_stream *s, dsp_stream_frame_fn fn, void *ctx)
{
    if (!s)
        return dsp_fail(DSP_EINVAL, "stream: NULL stream");
    if (s->finished)
        return DSP_OK;
    s->finished = 1;
    size_t total = total_frames(s, (size_t)s->pos);
    long long end = s->base + (long long)s->count;   /* == pos, or the skipped-to point */
    while (s->k < total) {
        /* the window from the buffer where it has samples, zeros past the
         * signal's end (every sample from the next frame's start on is
         * still in the buffer) */
        long long start = frame_start(s, s->k);
        for (size_t i = 0; i < s->m; i++) {
            long long t = start + (long long)i;
            s->seg[i] = t >= s->base && t < end && t < s->pos ? s->buf[t - s->base] : 0.0;
        }
        int st = deliver(s, s->seg, fn, ctx);
        if (st != DSP_OK)
            return st;
    }
    return DSP_OK;
}
