/*
 * frames.h — one long input's frames over several threads (--threads N),
 * with the same output bytes whatever N is.
 *
 * The frames are taken in blocks of FRAMES_PER_THREAD * N; each block is
 * split into N contiguous ranges, one per thread, computed into a buffer,
 * then handed to `emit` in frame order by the calling thread, while the N
 * threads compute the next block into a second buffer. Each thread has its
 * own context (its own FFT plan and scratch, as the library's objects are
 * one-thread-at-a-time) and each frame's value depends only on the input
 * and k, so the rows are the same bits for any N (and any block size).
 * Memory: two blocks, 2 * FRAMES_PER_THREAD * N * cols doubles (2 MB per
 * thread for 1025 columns), on top of the input; where that passes
 * FRAMES_MAX_BYTES, fewer frames per thread (halved until it fits, down to
 * one). N = 1 computes and emits one row at a time on the calling thread
 * alone.
 *
 *     void *ctx[4] = {st0, st1, st2, st3};
 *     cli_frames_run(magnitude_of_frame, ctx, 4, frames, bins, write_row, out);
 */
#ifndef DSPLAB_CLI_FRAMES_H
#define DSPLAB_CLI_FRAMES_H

#include <stddef.h>

#define FRAMES_PER_THREAD 128
#define FRAMES_MAX_BYTES ((size_t)64 << 20)

/* Computes frame k into row (cols values) with the thread's context;
 * DSP_OK or a DSP_E* status with dsp_last_error() set. */
typedef int (*cli_frame_fn)(void *ctx, size_t k, double *row);
/* Receives frame k's row, in order 0, 1, 2, ... on the calling thread. */
typedef void (*cli_emit_fn)(void *arg, size_t k, const double *row);

/* Runs fn over frames 0..frames-1 on `threads` threads (ctx[0..threads-1]).
 * DSP_OK, or the status of the first frame that failed (the rows before
 * its block are emitted; its message is in dsp_last_error()). */
int cli_frames_run(cli_frame_fn fn, void *const *ctx, size_t threads, size_t frames, size_t cols,
                   cli_emit_fn emit, void *emit_arg);

/* Text output: the row's line (at most cap bytes, its NUL included) into
 * buf, on the thread that computed the row; returns its length. */
typedef size_t (*cli_format_fn)(void *arg, const double *row, char *buf, size_t cap);
/* Receives frame k's line, in order, on the calling thread. */
typedef void (*cli_emit_text_fn)(void *arg, size_t k, const char *line, size_t len);

/* As cli_frames_run, but each row is also formatted by format (line_max
 * bytes at most) on its thread, and emit gets the line: formatting a
 * number as text costs more than computing it, so it is spread over the
 * threads too. */
int cli_frames_run_text(cli_frame_fn fn, void *const *ctx, size_t threads, size_t frames,
                        size_t cols, cli_format_fn format, void *format_arg, size_t line_max,
                        cli_emit_text_fn emit, void *emit_arg);

/* The default for --threads: the online CPUs (at least 1). */
size_t cli_default_threads(void);

/* --threads N, 1 <= N <= 256 (a usage error otherwise). */
size_t cli_parse_threads(const char *name, const char *arg);

#endif
