/* frames.c — frame ranges over threads, emitted in order (see frames.h). */
#include "frames.h"

#include "cli.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define MAX_THREADS 256

/* What every range of a run shares. */
struct job {
    cli_frame_fn fn;
    size_t cols;
    cli_format_fn format;   /* NULL: rows go to emit as values */
    void *format_arg;
    size_t line_max;        /* bytes per formatted row */
};

struct range {
    const struct job *job;
    void *ctx;
    size_t k0, k1;
    double *rows;   /* (k1 - k0) rows */
    char *lines;    /* with format: (k1 - k0) lines of line_max bytes */
    size_t *lens;   /* their lengths */
    int status;
    char message[512];   /* dsp_last_error() is per thread: copied here */
};

static void *run_range(void *arg)
{
    struct range *r = arg;
    const struct job *j = r->job;
    r->status = DSP_OK;
    for (size_t k = r->k0; k < r->k1; k++) {
        double *row = r->rows + (k - r->k0) * j->cols;
        int s = j->fn(r->ctx, k, row);
        if (s != DSP_OK) {
            r->status = s;
            snprintf(r->message, sizeof r->message, "%s", dsp_last_error());
            break;
        }
        if (j->format)
            r->lens[k - r->k0] = j->format(j->format_arg, row, r->lines + (k - r->k0) * j->line_max,
                                           j->line_max);
    }
    return NULL;
}

/* One block's buffers: rows, and with format their lines. */
struct block_buf {
    double *rows;
    char *lines;
    size_t *lens;
};

/* Starts block b0 (up to `block` frames from b0) on the threads:
 * contiguous ranges of n/threads frames, the first n%threads one more,
 * into buf. A range whose thread cannot be created is computed here and
 * now. *started: how many threads to join (tid[0 ..]). */
static void launch(const struct job *j, void *const *ctx, size_t threads, size_t frames,
                   size_t b0, size_t block, const struct block_buf *buf, struct range *r,
                   pthread_t *tid, size_t *started)
{
    size_t n = frames - b0 < block ? frames - b0 : block, k = b0;
    for (size_t t = 0; t < threads; t++) {
        size_t count = n / threads + (t < n % threads), i = k - b0;
        r[t] = (struct range){.job = j, .ctx = ctx[t], .k0 = k, .k1 = k + count,
                              .rows = buf->rows + i * j->cols,
                              .lines = buf->lines ? buf->lines + i * j->line_max : NULL,
                              .lens = buf->lens ? buf->lens + i : NULL};
        k += count;
    }
    *started = 0;
    for (size_t t = 0; t < threads; t++) {
        if (*started == t && pthread_create(&tid[t], NULL, run_range, &r[t]) == 0)
            ++*started;
        else
            run_range(&r[t]);   /* no thread for it: do it here */
    }
}

/* Hands frame k (row i of buf) to whichever emit the run has. */
static void hand_over(const struct job *j, const struct block_buf *buf, size_t i, size_t k,
                      cli_emit_fn emit, cli_emit_text_fn emit_text, void *emit_arg)
{
    if (j->format)
        emit_text(emit_arg, k, buf->lines + i * j->line_max, buf->lens[i]);
    else
        emit(emit_arg, k, buf->rows + i * j->cols);
}

static int run(const struct job *j, void *const *ctx, size_t threads, size_t frames,
               cli_emit_fn emit, cli_emit_text_fn emit_text, void *emit_arg)
{
    if (threads < 1)
        threads = 1;
    if (threads == 1) {   /* no block, no copy: one row at a time */
        struct block_buf one = {cli_malloc(j->cols, sizeof *one.rows),
                                j->format ? cli_malloc(1, j->line_max) : NULL,
                                j->format ? cli_malloc(1, sizeof *one.lens) : NULL};
        struct range r = {.job = j, .ctx = ctx[0], .rows = one.rows, .lines = one.lines,
                          .lens = one.lens};
        int status = DSP_OK;
        for (size_t k = 0; k < frames && status == DSP_OK; k++) {
            r.k0 = k;
            r.k1 = k + 1;
            run_range(&r);
            if ((status = r.status) != DSP_OK)
                dsp_fail(status, "%s", r.message);
            else
                hand_over(j, &one, 0, k, emit, emit_text, emit_arg);
        }
        free(one.rows);
        free(one.lines);
        free(one.lens);
        return status;
    }
    /* Two blocks: the threads compute block b+1 into one while this
     * thread hands block b, from the other, to emit (writing a row can
     * cost as much as computing it: .npy output is 8 bytes per value, and
     * text lines are formatted by the threads, with their row). Fewer
     * frames per thread where the two blocks would pass FRAMES_MAX_BYTES
     * (very wide rows, or many threads). */
    double frame_bytes = (double)(j->cols * sizeof(double)) +
                         (j->format ? (double)(j->line_max + sizeof(size_t)) : 0.0);
    size_t per = FRAMES_PER_THREAD;
    while (per > 1 && 2.0 * (double)per * (double)threads * frame_bytes > (double)FRAMES_MAX_BYTES)
        per /= 2;
    size_t block = per * threads;
    struct block_buf buf[2];
    for (int h = 0; h < 2; h++)
        buf[h] = (struct block_buf){cli_malloc(block, j->cols * sizeof(double)),
                                    j->format ? cli_malloc(block, j->line_max) : NULL,
                                    j->format ? cli_malloc(block, sizeof(size_t)) : NULL};
    struct range *r = cli_malloc(2 * threads, sizeof *r);
    pthread_t *tid = cli_malloc(2 * threads, sizeof *tid);
    size_t started[2] = {0, 0};
    int status = DSP_OK;
    if (frames > 0)   /* every block launched is joined in the loop below */
        launch(j, ctx, threads, frames, 0, block, &buf[0], r, tid, &started[0]);
    for (size_t b0 = 0, half = 0; b0 < frames; b0 += block, half ^= 1) {
        size_t n = frames - b0 < block ? frames - b0 : block;
        struct range *rb = r + half * threads;
        for (size_t t = 0; t < started[half]; t++)
            pthread_join(tid[half * threads + t], NULL);
        for (size_t t = 0; t < threads && status == DSP_OK; t++)
            if (rb[t].status != DSP_OK) {
                status = rb[t].status;
                dsp_fail(status, "%s", rb[t].message);
            }
        if (status != DSP_OK)
            break;
        if (b0 + block < frames)
            launch(j, ctx, threads, frames, b0 + block, block, &buf[half ^ 1],
                   r + (half ^ 1) * threads, tid + (half ^ 1) * threads, &started[half ^ 1]);
        for (size_t i = 0; i < n; i++)
            hand_over(j, &buf[half], i, b0 + i, emit, emit_text, emit_arg);
    }
    for (int h = 0; h < 2; h++) {
        free(buf[h].rows);
        free(buf[h].lines);
        free(buf[h].lens);
    }
    free(r);
    free(tid);
    return status;
}

int cli_frames_run(cli_frame_fn fn, void *const *ctx, size_t threads, size_t frames, size_t cols,
                   cli_emit_fn emit, void *emit_arg)
{
    struct job j = {.fn = fn, .cols = cols};
    return run(&j, ctx, threads, frames, emit, NULL, emit_arg);
}

int cli_frames_run_text(cli_frame_fn fn, void *const *ctx, size_t threads, size_t frames,
                        size_t cols, cli_format_fn format, void *format_arg, size_t line_max,
                        cli_emit_text_fn emit, void *emit_arg)
{
    struct job j = {.fn = fn, .cols = cols, .format = format, .format_arg = format_arg,
                    .line_max = line_max};
    return run(&j, ctx, threads, frames, NULL, emit, emit_arg);
}

size_t cli_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (size_t)n;
}

size_t cli_parse_threads(const char *name, const char *arg)
{
    size_t n = cli_parse_size(name, arg, 1);
    if (n > MAX_THREADS)
        cli_usage_error("%s must be at most %d (got %s)", name, MAX_THREADS, arg);
    return n;
}
