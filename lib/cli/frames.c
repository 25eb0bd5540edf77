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
    size_t block = FRAMES_PER_THREAD * threads;
    double *rows = cli_malloc(block, cols * sizeof *rows);
    struct range *r = cli_malloc(threads, sizeof *r);
    pthread_t *tid = cli_malloc(threads, sizeof *tid);
    int status = DSP_OK;
    for (size_t b0 = 0; b0 < frames && status == DSP_OK; b0 += block) {
        size_t n = frames - b0 < block ? frames - b0 : block;
        /* contiguous ranges of n/threads frames, the first n%threads one more */
        size_t k = b0;
        for (size_t t = 0; t < threads; t++) {
            size_t count = n / threads + (t < n % threads);
            r[t] = (struct range){.fn = fn, .ctx = ctx[t], .k0 = k, .k1 = k + count,
                                  .cols = cols, .rows = rows + (k - b0) * cols};
            k += count;
        }
        size_t started = 1;
        for (size_t t = 1; t < threads; t++, started++)
            if (pthread_create(&tid[t], NULL, run_range, &r[t]) != 0)
                break;
        run_range(&r[0]);
        for (size_t t = started; t < threads; t++)
            run_range(&r[t]);   /* a thread that could not start: do it here */
        for (size_t t = 1; t < started; t++)
            pthread_join(tid[t], NULL);
        for (size_t t = 0; t < threads && status == DSP_OK; t++)
            if (r[t].status != DSP_OK) {
                status = r[t].status;
                dsp_fail(status, "%s", r[t].message);
            }
        if (status == DSP_OK)
            for (size_t i = 0; i < n; i++)
                emit(emit_arg, b0 + i, rows + i * cols);
    }
    free(rows);
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
