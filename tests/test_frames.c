/* Tests of lib/cli/frames.c, the tool's frames over threads: every frame
 * reaches emit exactly once, in order, with its own row, for any thread
 * count and any number of frames around the block sizes (the two row
 * buffers alternate); no context is used by two threads at once; a frame
 * that fails stops the run with its message, after the rows of the blocks
 * before its own and none after. */
#include "testutil.h"

#include "frames.h"

#include <dsplab/status.h>

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define COLS 3
#define MAX_T 8

struct ctx {
    atomic_int busy;       /* 1 while a thread computes with this context */
    atomic_int overlaps;   /* times a second thread found it busy */
    size_t fail_at;        /* the frame that fails, or SIZE_MAX */
};

static int row_of(void *arg, size_t k, double *row)
{
    struct ctx *c = arg;
    if (atomic_exchange(&c->busy, 1) != 0)
        atomic_fetch_add(&c->overlaps, 1);
    int s = DSP_OK;
    if (k == c->fail_at)
        s = dsp_fail(DSP_EINVAL, "frame %zu cannot be computed", k);
    for (size_t j = 0; j < COLS; j++)
        row[j] = (double)k * 10.0 + (double)j;
    atomic_store(&c->busy, 0);
    return s;
}

struct seen {
    size_t next;     /* the frame emit expects next */
    size_t wrong;    /* rows out of order or with another frame's values */
};

static void emit_row(void *arg, size_t k, const double *row)
{
    struct seen *s = arg;
    s->wrong += k != s->next;
    for (size_t j = 0; j < COLS; j++)
        s->wrong += row[j] != (double)k * 10.0 + (double)j;
    s->next = k + 1;
}

/* Runs frames frames on t threads, frame fail_at failing (SIZE_MAX: none). */
static int run(size_t t, size_t frames, size_t fail_at, struct seen *s, int *overlaps)
{
    static struct ctx c[MAX_T];
    void *ctx[MAX_T] = {0};
    for (size_t i = 0; i < t; i++) {
        atomic_store(&c[i].busy, 0);
        atomic_store(&c[i].overlaps, 0);
        c[i].fail_at = fail_at;
        ctx[i] = &c[i];
    }
    *s = (struct seen){0, 0};
    int status = cli_frames_run(row_of, ctx, t, frames, COLS, emit_row, s);
    *overlaps = 0;
    for (size_t i = 0; i < t; i++)
        *overlaps += atomic_load(&c[i].overlaps);
    return status;
}

static void test_every_frame_in_order(void)
{
    const size_t threads[] = {1, 2, 3, 4, 7};
    const size_t counts[] = {0, 1, 5, 127, 128, 255, 256, 257, 511, 512, 513, 1000, 3000};
    size_t bad = 0;
    for (size_t i = 0; i < sizeof threads / sizeof *threads; i++)
        for (size_t j = 0; j < sizeof counts / sizeof *counts; j++) {
            struct seen s;
            int overlaps;
            int status = run(threads[i], counts[j], SIZE_MAX, &s, &overlaps);
            if (status != DSP_OK || s.next != counts[j] || s.wrong || overlaps) {
                printf("\n%zu threads, %zu frames: status %d, %zu rows, %zu wrong, %d overlaps",
                       threads[i], counts[j], status, s.next, s.wrong, overlaps);
                bad++;
            }
        }
    CU_ASSERT_EQUAL(bad, 0);
}

/* A block holds FRAMES_PER_THREAD * t frames: with 2 threads frame 700 is
 * in the third block (512 .. 767), so rows 0 .. 511 are emitted, and not
 * one more, although the threads may have started the block after. */
static void test_failure_stops_after_earlier_blocks(void)
{
    struct seen s;
    int overlaps;
    size_t block = FRAMES_PER_THREAD * 2;
    CU_ASSERT_EQUAL(run(2, 2000, 700, &s, &overlaps), DSP_EINVAL);
    CU_ASSERT_EQUAL(s.next, 700 / block * block);
    CU_ASSERT_EQUAL(s.wrong, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "frame 700 cannot be computed"));
    /* one thread: every row before the failing frame */
    CU_ASSERT_EQUAL(run(1, 2000, 700, &s, &overlaps), DSP_EINVAL);
    CU_ASSERT_EQUAL(s.next, 700);
    /* the first frame of a later block, and the last frame of all */
    CU_ASSERT_EQUAL(run(3, 1000, 384, &s, &overlaps), DSP_EINVAL);
    CU_ASSERT_EQUAL(s.next, 384);
    CU_ASSERT_EQUAL(run(4, 1000, 999, &s, &overlaps), DSP_EINVAL);
    CU_ASSERT_EQUAL(s.next, 512);
}

/* Text: each row formatted on its thread ("k: a b c"), the lines handed
 * over in order with their lengths. */
static size_t format_row(void *arg, const double *row, char *buf, size_t cap)
{
    (void)arg;
    int n = snprintf(buf, cap, "%.0f: %.0f %.0f %.0f\n", row[0] / 10.0, row[0], row[1], row[2]);
    return n > 0 ? (size_t)n : 0;
}

static void emit_line(void *arg, size_t k, const char *line, size_t len)
{
    struct seen *s = arg;
    char want[128];
    int n = snprintf(want, sizeof want, "%zu: %zu %zu %zu\n", k, k * 10, k * 10 + 1, k * 10 + 2);
    s->wrong += k != s->next || len != (size_t)n || memcmp(line, want, len) != 0;
    s->next = k + 1;
}

static void test_text_lines(void)
{
    static struct ctx c[4];
    void *ctx[4];
    for (size_t i = 0; i < 4; i++) {
        c[i].fail_at = SIZE_MAX;
        ctx[i] = &c[i];
    }
    const size_t threads[] = {1, 2, 4}, counts[] = {0, 1, 300, 1025};
    for (size_t i = 0; i < 3; i++)
        for (size_t j = 0; j < 4; j++) {
            struct seen s = {0, 0};
            CU_ASSERT_EQUAL(cli_frames_run_text(row_of, ctx, threads[i], counts[j], COLS,
                                                format_row, NULL, 64, emit_line, &s),
                            DSP_OK);
            CU_ASSERT_EQUAL(s.next, counts[j]);
            CU_ASSERT_EQUAL(s.wrong, 0);
        }
    /* a failing frame: the lines of the blocks before its own (2 threads,
     * blocks of 256: frame 600 is in the third) */
    for (size_t i = 0; i < 2; i++)
        c[i].fail_at = 600;
    struct seen s = {0, 0};
    CU_ASSERT_EQUAL(cli_frames_run_text(row_of, ctx, 2, 1000, COLS, format_row, NULL, 64,
                                        emit_line, &s),
                    DSP_EINVAL);
    CU_ASSERT_EQUAL(s.next, 512);
    CU_ASSERT_EQUAL(s.wrong, 0);
}

/* Rows so wide that two blocks of FRAMES_PER_THREAD rows per thread would
 * pass FRAMES_MAX_BYTES (4 threads x 2 x 128 rows of 40000 doubles: 328
 * MB): the blocks shrink, and every frame still arrives in order. How far
 * the computing runs ahead of the writing shows the block size: two
 * blocks at most. */
#define WIDE 40000
static atomic_size_t wide_emitted, wide_lead;

static int wide_row(void *arg, size_t k, double *row)
{
    (void)arg;
    size_t lead = k - atomic_load(&wide_emitted), seen = atomic_load(&wide_lead);
    while (lead > seen && !atomic_compare_exchange_weak(&wide_lead, &seen, lead))
        ;
    row[0] = (double)k;
    row[WIDE - 1] = -(double)k;
    return DSP_OK;
}

static void emit_wide(void *arg, size_t k, const double *row)
{
    struct seen *s = arg;
    s->wrong += k != s->next || row[0] != (double)k || row[WIDE - 1] != -(double)k;
    s->next = k + 1;
    atomic_store(&wide_emitted, k + 1);
}

static void test_wide_rows(void)
{
    void *ctx[4] = {0};
    struct seen s = {0, 0};
    /* at most 26 frames per thread fit (the loop halves 128 down to 16) */
    size_t per = FRAMES_MAX_BYTES / (2 * 4 * WIDE * sizeof(double));
    CU_ASSERT_EQUAL(cli_frames_run(wide_row, ctx, 4, 700, WIDE, emit_wide, &s), DSP_OK);
    CU_ASSERT_EQUAL(s.next, 700);
    CU_ASSERT_EQUAL(s.wrong, 0);
    printf(" [computing ran at most %zu frames ahead of writing] ", atomic_load(&wide_lead));
    CU_ASSERT(atomic_load(&wide_lead) < 2 * 4 * per);
}

int main(void)
{
    static const struct test_case cases[] = {
        {"every frame once, in order, with its row; no context shared at once",
         test_every_frame_in_order},
        {"a failing frame: its message, the earlier blocks' rows and none after",
         test_failure_stops_after_earlier_blocks},
        {"rows too wide for full blocks: smaller blocks, the same frames", test_wide_rows},
        {"text: rows formatted on their threads, lines in order; the failure path",
         test_text_lines},
    };
    return test_run("frames", cases, TEST_COUNT(cases));
}
