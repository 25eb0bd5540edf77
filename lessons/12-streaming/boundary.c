/*
 * Lesson 12 — how each exercise's arguments cross the sandbox (grader/rpc.h).
 * Compiled into the judge (the proxies the suite calls) and, with
 * RPC_SERVE, into the worker that runs the student's code. Lengths are the
 * ones exercise.h promises.
 */
#include <stddef.h>

#include "exercise.h"
#include "rpc.h"

/* file, its exercise functions, the library functions it may not call */
RPC_FILES = {
    {"ring.c", "ring_write_ex ring_latest_ex", "dsp_stream*"},
    {"ready.c", "frames_ready_ex", "dsp_stream*"},
    {"framer.c", "framer_push_ex", "dsp_stream* dsp_stft_frame"},
    {"streammel.c", "stream_mel_ex", "dsp_stream* dsp_melspec* dsp_vggish*"},
    {"latency.c", "latency_ex", "dsp_stream*"},
};

RPC_FUNCTION(ring_write_ex, (double *ring, size_t cap, size_t pos, const double *x, size_t n),
             (ring, cap, pos, x, n))
{
    RPC_SCALAR(cap);
    RPC_SCALAR(pos);
    RPC_SCALAR(n);
    RPC_IN(x, n);
    RPC_OUT(ring, cap);
    return RPC_CALL(ring_write_ex(ring, cap, pos, x, n));
}

RPC_FUNCTION(ring_latest_ex,
             (const double *ring, size_t cap, size_t pos, size_t count, double *out),
             (ring, cap, pos, count, out))
{
    RPC_SCALAR(cap);
    RPC_SCALAR(pos);
    RPC_SCALAR(count);
    RPC_IN(ring, cap);
    RPC_OUT(out, count);
    return RPC_CALL(ring_latest_ex(ring, cap, pos, count, out));
}

RPC_FUNCTION(frames_ready_ex,
             (size_t pushed, size_t n, size_t win, size_t hop, size_t *first, size_t *count),
             (pushed, n, win, hop, first, count))
{
    RPC_SCALAR(pushed);
    RPC_SCALAR(n);
    RPC_SCALAR(win);
    RPC_SCALAR(hop);
    RPC_OUT(first, 1);
    RPC_OUT(count, 1);
    return RPC_CALL(frames_ready_ex(pushed, n, win, hop, first, count));
}

RPC_FUNCTION(framer_push_ex,
             (double *ring, size_t cap, size_t pushed, const double *x, size_t n, size_t win,
              size_t hop, double *frames, size_t max_frames, size_t *n_frames),
             (ring, cap, pushed, x, n, win, hop, frames, max_frames, n_frames))
{
    RPC_SCALAR(cap);
    RPC_SCALAR(pushed);
    RPC_SCALAR(n);
    RPC_SCALAR(win);
    RPC_SCALAR(hop);
    RPC_SCALAR(max_frames);
    RPC_IN(x, n);
    RPC_OUT(ring, cap);
    RPC_OUT(frames, max_frames * win);
    RPC_OUT(n_frames, 1);
    return RPC_CALL(framer_push_ex(ring, cap, pushed, x, n, win, hop, frames, max_frames,
                                   n_frames));
}

RPC_FUNCTION(stream_mel_ex,
             (double *ring, size_t cap, size_t pushed, const double *x, size_t n, size_t win,
              size_t hop, size_t n_fft, const double *bank, size_t n_mels, double *logmel,
              size_t max_frames, size_t *n_frames),
             (ring, cap, pushed, x, n, win, hop, n_fft, bank, n_mels, logmel, max_frames,
              n_frames))
{
    RPC_SCALAR(cap);
    RPC_SCALAR(pushed);
    RPC_SCALAR(n);
    RPC_SCALAR(win);
    RPC_SCALAR(hop);
    RPC_SCALAR(n_fft);
    RPC_SCALAR(n_mels);
    RPC_SCALAR(max_frames);
    RPC_IN(x, n);
    RPC_IN(bank, n_mels * (n_fft / 2 + 1));
    RPC_OUT(ring, cap);
    RPC_OUT(logmel, max_frames * n_mels);
    RPC_OUT(n_frames, 1);
    return RPC_CALL(stream_mel_ex(ring, cap, pushed, x, n, win, hop, n_fft, bank, n_mels,
                                  logmel, max_frames, n_frames));
}

RPC_FUNCTION(latency_ex,
             (size_t win, size_t hop, size_t n_fft, int centered, double sample_rate,
              size_t *samples, double *ms),
             (win, hop, n_fft, centered, sample_rate, samples, ms))
{
    RPC_SCALAR(win);
    RPC_SCALAR(hop);
    RPC_SCALAR(n_fft);
    RPC_SCALAR(centered);
    RPC_SCALAR(sample_rate);
    RPC_OUT(samples, 1);
    RPC_OUT(ms, 1);
    return RPC_CALL(latency_ex(win, hop, n_fft, centered, sample_rate, samples, ms));
}

RPC_LESSON(ring_write_ex, ring_latest_ex, frames_ready_ex, framer_push_ex, stream_mel_ex,
           latency_ex);
