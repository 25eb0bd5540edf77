/* frames.c — frame ranges over threads, emitted in order (see frames.h). */
#include "frames.h"

#include "cli.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define MAX_THREADS 256

struct range {
    cli_frame_fn fn;
    void *ctx;
    size_t k0, k1, cols;
    double *rows;   /* (k1 - k0) rows */
    int status;
    char message[512];   /* dsp_last_error() is per thread: copied here */
};

static void *run_range(void *arg)
{
    struct range *r = arg;
    r->status = DSP_OK;
    for (size_t k = r->k0; k < r->k1; k++) {
        int s = r->fn(r->ctx, k, r->rows + (k - r->k0) * r->cols);
        if (s != DSP_OK) {
            r->status = s;
            snprintf(r->message, sizeof r->message, "%s", dsp_last_error());
            break;
        }
    }
    return NULL;
}

/* Starts block b0 (up to `block` frames from b0) on the threads:
 * contiguous ranges of n/threads frames, the first n%threads one more,
 * into rows. A range whose thread cannot be created is computed here and
 * now. *started: how many threads to join (tid[0 ..]). */
static void launch(cli_frame_fn fn, void *const *ctx, size_t threads, size_t frames,
                   size_t cols, size_t b0, size_t block, double *rows, struct range *r,
                   pthread_t *tid, size_t *started)
{
    size_t n = frames - b0 < block ? frames - b0 : block, k = b0;
    for (size_t t = 0; t < threads; t++) {
        size_t count = n / threads + (t < n % threads);
        r[t] = (struct range){.fn = fn, .ctx = ctx[t], .k0 = k, .k1 = k + count,
                              .cols = cols, .rows = rows + (k - b0) * cols};
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

int cli_frames_run(cli_frame_fn fn, void *const *ctx, size_t threads, size_t frames, size_t cols,
                   cli_emit_fn emit, void *emit_arg)
{
    if (threads < 1)
        threads = 1;
    if (threads == 1) {   /* no block, no copy: one row at a time */
        double *row = cli_malloc(cols, sizeof *row);
        for (size_t k = 0; k < frames; k++) {
            int s = fn(ctx[0], k, row);
            if (s != DSP_OK) {
                free(row);
                return s;
            }
            emit(emit_arg, k, row);
        }
        free(row);
        return DSP_OK;
    }
    /* Two blocks of rows: the threads compute block b+1 into one while this
     * thread hands block b, from the other, to emit (writing a row can
     * cost as much as computing it: .npy output is 8 bytes per value). */
    /* fewer frames per thread where the two blocks would pass
     * FRAMES_MAX_BYTES (very wide rows, or many threads) */
    size_t per = FRAMES_PER_THREAD;
    while (per > 1 && 2.0 * (double)per * (double)threads * (double)cols * sizeof(double) >
                          (double)FRAMES_MAX_BYTES)
        per /= 2;
    size_t block = per * threads;
    double *rows[2] = {cli_malloc(block, cols * sizeof **rows),
                       cli_malloc(block, cols * sizeof **rows)};
    struct range *r = cli_malloc(2 * threads, sizeof *r);
    pthread_t *tid = cli_malloc(2 * threads, sizeof *tid);
    size_t started[2] = {0, 0};
    int status = DSP_OK;
    if (frames > 0)   /* every block launched is joined in the loop below */
        launch(fn, ctx, threads, frames, cols, 0, block, rows[0], r, tid, &started[0]);
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
            launch(fn, ctx, threads, frames, cols, b0 + block, block, rows[half ^ 1],
                   r + (half ^ 1) * threads, tid + (half ^ 1) * threads, &started[half ^ 1]);
        for (size_t i = 0; i < n; i++)
            emit(emit_arg, b0 + i, rows[half] + i * cols);
    }
    free(rows[0]);
    free(rows[1]);
    free(r);
    free(tid);
    return status;
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
