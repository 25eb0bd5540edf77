/*
 * Lesson 12 — Streaming: the graded tests.
 *
 * Expected values: the README's worked examples (exact), brute force here
 * (which frames a push completes; the frames as slices of the signal), and
 * dsplab's own streams (lib/include/dsplab/stream.h), whose frames are the
 * offline VGGish front end's within 1e-12 (tests/test_stream.c): they give
 * the expected log-mel rows and, pushed one sample at a time, the measured
 * latency. data/reference/12-streaming/streammel.txt (refgen.c) holds the
 * reference solution's rows for a chirp.
 *
 * Tolerances:
 *   - ring, frames, counts and latencies in samples: exact (copies and
 *     integer arithmetic);
 *   - log-mel values: 1e-9 absolute. A correct solution differs from
 *     dsplab's by the rounding of a different FFT and summation order,
 *     ~1e-13 relative on the mel values; ln(mel + 0.01) magnifies an error
 *     by at most 1/0.01 = 100, so 1e-11. A wrong step (symmetric Hann, power
 *     instead of magnitude, log10, a missing offset, a frame one hop late)
 *     moves values by 1e-3 or more;
 *   - milliseconds: 1e-9 relative (one division).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dsplab/gen.h>
#include <dsplab/mel.h>
#include <dsplab/melspec.h>
#include <dsplab/status.h>
#include <dsplab/stream.h>
#include <dsplab/vggish.h>

#include "exercise.h"
#include "grade.h"

#define FS 16000.0
#define TEN_SECONDS 160000

static uint64_t rng = 2024;
static size_t next_rand(void)
{
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return (size_t)(rng >> 20);
}

/* Push sizes log-uniform from 1 sample to 10 s. */
static size_t push_size(void)
{
    double u = (double)(next_rand() % 1000000) / 1e6;
    return (size_t)exp(u * log((double)TEN_SECONDS)) + next_rand() % 2;
}

static double *chirp_noise(size_t len)
{
    double *x = malloc((len ? len : 1) * sizeof *x), *n = malloc((len ? len : 1) * sizeof *n);
    if (!x || !n)
        return NULL;
    dsp_gen_chirp(DSP_CHIRP_EXPONENTIAL, 0.5, 60.0, 7000.0, (double)len / FS, FS, x, len);
    dsp_gen_noise(0.05, 5, n, len);
    for (size_t i = 0; i < len; i++)
        x[i] += n[i];
    free(n);
    return x;
}

/* ---- Part 1: ring ------------------------------------------------------ */

static void ring_worked(void)
{
    double ring[4] = {0, 0, 0, 0}, out[3];
    const double a[3] = {1, 2, 3}, b[3] = {4, 5, 6};
    const double want1[4] = {1, 2, 3, 0}, want2[4] = {5, 6, 3, 4}, want3[3] = {4, 5, 6};
    if (!grade_status(ring_write_ex(ring, 4, 0, a, 3), "ring_write_ex") ||
        !grade_close("ring after the first write", ring, want1, 4, 0, 0) ||
        !grade_status(ring_write_ex(ring, 4, 3, b, 3), "ring_write_ex") ||
        !grade_close("ring after the second write", ring, want2, 4, 0, 0) ||
        !grade_status(ring_latest_ex(ring, 4, 6, 3, out), "ring_latest_ex"))
        return;
    grade_close("out", out, want3, 3, 0, 0);
}

static void ring_overwrite(void)
{
    double ring[5] = {0}, x[12], out[5];
    for (size_t i = 0; i < 12; i++)
        x[i] = (double)(i + 1);
    /* 12 samples from slot 3 into 5 slots: the last 5 (8..12) survive */
    if (!grade_status(ring_write_ex(ring, 5, 3, x, 12), "ring_write_ex") ||
        !grade_status(ring_latest_ex(ring, 5, 15, 5, out), "ring_latest_ex"))
        return;
    grade_close("out (the 5 latest of 12 pushed into 5 slots)", out, x + 7, 5, 0, 0);
}

static void ring_big_position(void)
{
    /* a year of 32 kHz audio: 1e12 samples; slots are position % cap */
    const size_t pos = 1000000000000u, cap = 7;
    double ring[7] = {0}, x[3] = {10, 20, 30}, out[3];
    if (!grade_status(ring_write_ex(ring, cap, pos, x, 3), "ring_write_ex"))
        return;
    size_t slot = pos % cap;
    int ok = 1;
    for (size_t i = 0; i < 3; i++)
        ok &= ring[(slot + i) % cap] == x[i];
    if (!grade_true(ok, "ring_write_ex at pos = 10^12: x[0] belongs in slot 10^12 %% 7 = %zu",
                    slot))
        return;
    if (grade_status(ring_latest_ex(ring, cap, pos + 3, 3, out), "ring_latest_ex"))
        grade_close("out at pos = 10^12 + 3", out, x, 3, 0, 0);
}

static void ring_bad(void)
{
    double ring[4] = {0}, out[5], x[1] = {1};
    grade_einval(ring_write_ex(ring, 0, 0, x, 1), "ring_write_ex", "cap 0");
    grade_einval(ring_latest_ex(ring, 4, 0, 5, out), "ring_latest_ex", "count 5 > cap 4");
}

/* ---- Part 2: frames_ready ------------------------------------------------ */

static void ready_worked(void)
{
    size_t first = 99, count = 99;
    const size_t cases[3][4] = {{0, 7, 0, 2}, {7, 1, 2, 1}, {8, 1, 3, 0}};
    for (size_t c = 0; c < 3; c++) {
        if (!grade_status(frames_ready_ex(cases[c][0], cases[c][1], 4, 2, &first, &count),
                          "frames_ready_ex"))
            return;
        if (!grade_true(first == cases[c][2] && count == cases[c][3],
                        "win 4, hop 2, pushed %zu, n %zu: got first %zu, count %zu; expected "
                        "first %zu, count %zu",
                        cases[c][0], cases[c][1], first, count, cases[c][2], cases[c][3]))
            return;
    }
}

/* Brute force: frame k is complete after k*hop + win samples. */
static size_t complete_after(size_t len, size_t win, size_t hop)
{
    size_t k = 0;
    while (k * hop + win <= len)
        k++;
    return k;
}

static void ready_sizes(void)
{
    const size_t sizes[][2] = {{4, 2}, {3, 5}, {1, 1}, {400, 160}, {7, 7}};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t win = sizes[s][0], hop = sizes[s][1];
        size_t scale = win > 100 ? 37 : 1;   /* larger steps for the larger frame */
        for (size_t i = 0; i < 40; i += 3)
            for (size_t j = 0; j < 30; j += 1 + j / 4) {
                size_t p = i * scale, m = j * scale, first, count;
                if (!grade_status(frames_ready_ex(p, m, win, hop, &first, &count),
                                  "frames_ready_ex"))
                    return;
                size_t f0 = complete_after(p, win, hop), f1 = complete_after(p + m, win, hop);
                if (!grade_true(first == f0 && count == f1 - f0,
                                "win %zu, hop %zu, pushed %zu, n %zu: got first %zu, count %zu; "
                                "expected first %zu, count %zu",
                                win, hop, p, m, first, count, f0, f1 - f0))
                    return;
            }
    }
}

static void ready_short(void)
{
    size_t first = 99, count = 99;
    if (!grade_status(frames_ready_ex(0, 3, 4, 2, &first, &count), "frames_ready_ex"))
        return;
    if (!grade_true(first == 0 && count == 0, "win 4, pushed 0, n 3 (shorter than a frame): got "
                    "first %zu, count %zu; expected 0 and 0", first, count))
        return;
    grade_einval(frames_ready_ex(0, 3, 0, 2, &first, &count), "frames_ready_ex", "win 0");
    grade_einval(frames_ready_ex(0, 3, 4, 0, &first, &count), "frames_ready_ex", "hop 0");
}

/* ---- Part 3: framer ---------------------------------------------------- */

static void framer_worked(void)
{
    double ring[4] = {0}, frames[3 * 3];
    const double x[7] = {1, 2, 3, 4, 5, 6, 7};
    const double want1[6] = {1, 2, 3, 3, 4, 5}, want2[3] = {5, 6, 7};
    size_t nf = 99;
    if (!grade_status(framer_push_ex(ring, 4, 0, x, 5, 3, 2, frames, 3, &nf), "framer_push_ex") ||
        !grade_length("*n_frames after x = {1..5}", nf, 2) ||
        !grade_close("frames", frames, want1, 6, 0, 0) ||
        !grade_status(framer_push_ex(ring, 4, 5, x + 5, 2, 3, 2, frames, 2, &nf),
                      "framer_push_ex") ||
        !grade_length("*n_frames after x = {6, 7}", nf, 1))
        return;
    grade_close("frames", frames, want2, 3, 0, 0);
}

/* Pushes x in random sizes (or one sample at a time) through the student's
 * framer and checks every frame against the slice of x, in order. */
static int framer_run(const double *x, size_t len, size_t win, size_t hop, size_t cap,
                      int one_at_a_time)
{
    double *ring = calloc(cap, sizeof *ring);
    size_t max_frames = TEN_SECONDS / hop + 1;
    double *frames = malloc(max_frames * win * sizeof *frames);
    size_t pushed = 0, k = 0, want = complete_after(len, win, hop);
    int ok = ring && frames;
    while (ok && pushed < len) {
        size_t n = one_at_a_time ? 1 : push_size();
        n = n > len - pushed ? len - pushed : n;
        size_t nf = 0;
        ok = grade_status(framer_push_ex(ring, cap, pushed, x + pushed, n, win, hop, frames,
                                         n / hop + 1, &nf),
                          "framer_push_ex");
        size_t expected = complete_after(pushed + n, win, hop) - k;
        /* measured latency: frame k comes out with the push that holds
         * sample k*hop + win - 1, never later */
        ok = ok && grade_true(nf == expected,
                              "win %zu, hop %zu: pushing samples %zu..%zu completes %zu frames "
                              "(frame %zu ends at sample %zu), got %zu",
                              win, hop, pushed, pushed + n - 1, expected, k, k * hop + win - 1, nf);
        for (size_t j = 0; ok && j < nf; j++, k++) {
            char what[96];
            snprintf(what, sizeof what, "frame %zu (samples %zu..%zu)", k, k * hop,
                     k * hop + win - 1);
            ok = grade_close(what, frames + j * win, x + k * hop, win, 0, 0);
        }
        pushed += n;
    }
    ok = ok && grade_length("frames in all", k, want);
    free(ring);
    free(frames);
    return ok;
}

static void framer_random(void)
{
    size_t len = 3 * TEN_SECONDS / 2;
    double *x = chirp_noise(len);
    if (!grade_true(x != NULL, "out of memory"))
        return;
    if (framer_run(x, len, 400, 160, 400, 0))
        framer_run(x, len, 5, 11, 8, 0);   /* hop longer than the window */
    free(x);
}

static void framer_latency(void)
{
    double *x = chirp_noise(1500);
    if (grade_true(x != NULL, "out of memory") && framer_run(x, 1500, 7, 3, 9, 1))
        framer_run(x, 1500, 64, 64, 64, 1);
    free(x);
}

static void framer_bad(void)
{
    double ring[4] = {0}, frames[8 * 3], x[8] = {1, 2, 3, 4, 5, 6, 7, 8};   /* max_frames * win */
    size_t nf;
    grade_einval(framer_push_ex(ring, 2, 0, x, 8, 3, 1, frames, 8, &nf), "framer_push_ex",
                 "cap 2 < win 3");
    grade_einval(framer_push_ex(ring, 4, 0, x, 8, 1, 1, frames, 5, &nf), "framer_push_ex",
                 "8 frames complete but max_frames is 5");
}

/* ---- Part 4: stream_mel ------------------------------------------------- */

/* VGGish's parameters for a window of win samples and a hop of hop at
 * 16 kHz, with n_mels bands. */
static struct dsp_vggish_params vggish_sizes(size_t win, size_t hop, size_t n_mels)
{
    struct dsp_vggish_params p = dsp_vggish_defaults();
    p.window_seconds = (double)win / FS;
    p.hop_seconds = (double)hop / FS;
    p.n_mels = n_mels;
    return p;
}

static size_t next_pow2(size_t n)
{
    size_t p = 2;
    while (p < n)
        p *= 2;
    return p;
}

/* VGGish's mel bank as a dense n_mels x (n_fft/2+1) matrix. */
static double *dense_bank(size_t n_fft, size_t n_mels)
{
    struct dsp_melbank_params mp = {.sample_rate = FS, .n_fft = n_fft, .n_mels = n_mels,
                                    .fmin = 125.0, .fmax = 7500.0, .scale = DSP_MEL_HTK_LN,
                                    .norm = DSP_MEL_NORM_NONE,
                                    .triangles = DSP_MEL_TRIANGLES_MEL, .zero_dc = 1};
    struct dsp_melbank *mb = dsp_melbank_new(&mp);
    size_t nb = n_fft / 2 + 1;
    double *bank = calloc(n_mels * nb, sizeof *bank);
    if (!mb || !bank) {
        dsp_melbank_free(mb);
        free(bank);
        return NULL;
    }
    for (size_t m = 0; m < n_mels; m++) {
        size_t first, count;
        const double *w;
        dsp_melbank_band(mb, m, &first, &count, &w);
        memcpy(bank + m * nb + first, w, count * sizeof *w);
    }
    dsp_melbank_free(mb);
    return bank;
}

struct rows {
    double *v;
    size_t n, cols;
};

static void collect(void *ctx, size_t k, const double *frame, size_t n)
{
    struct rows *r = ctx;
    (void)k;
    memcpy(r->v + r->n * r->cols, frame, n * sizeof *frame);
    r->n++;
}

/* The student's stream against dsplab's VGGish stream for these sizes. */
static int mel_run(size_t win, size_t hop, size_t n_mels, size_t len, int one_at_a_time)
{
    size_t n_fft = next_pow2(win), cap = win + 17;
    double *x = chirp_noise(len), *bank = dense_bank(n_fft, n_mels);
    struct dsp_vggish_params p = vggish_sizes(win, hop, n_mels);
    struct dsp_stream *s = dsp_stream_new_vggish(&p);
    size_t frames = complete_after(len, win, hop), max_push = TEN_SECONDS / hop + 1;
    struct rows want = {.v = malloc((frames + 1) * n_mels * sizeof(double)), .cols = n_mels};
    double *ring = calloc(cap, sizeof *ring), *got = malloc(max_push * n_mels * sizeof *got);
    int ok = grade_true(x && bank && s && want.v && ring && got, "out of memory");
    ok = ok && dsp_stream_push(s, x, len, collect, &want) == DSP_OK &&
         dsp_stream_finish(s, collect, &want) == DSP_OK && want.n == frames;
    size_t pushed = 0, k = 0;
    while (ok && pushed < len) {
        size_t n = one_at_a_time ? 1 : push_size();
        n = n > len - pushed ? len - pushed : n;
        size_t nf = 0;
        ok = grade_status(stream_mel_ex(ring, cap, pushed, x + pushed, n, win, hop, n_fft, bank,
                                        n_mels, got, n / hop + 1, &nf),
                          "stream_mel_ex");
        size_t expected = complete_after(pushed + n, win, hop) - k;
        ok = ok && grade_true(nf == expected,
                              "win %zu, hop %zu: pushing samples %zu..%zu completes %zu frames, "
                              "got %zu",
                              win, hop, pushed, pushed + n - 1, expected, nf);
        for (size_t j = 0; ok && j < nf; j++, k++) {
            char what[96];
            snprintf(what, sizeof what, "log-mel of frame %zu (win %zu, hop %zu, n_fft %zu)", k,
                     win, hop, n_fft);
            ok = grade_close(what, got + j * n_mels, want.v + k * n_mels, n_mels, 1e-9, 0);
        }
        pushed += n;
    }
    dsp_stream_free(s);
    free(x);
    free(bank);
    free(want.v);
    free(ring);
    free(got);
    return ok;
}

static void mel_worked(void)
{
    double ring[4] = {0}, out[2] = {99, 99};   /* max_frames 2 x 1 band */
    const double x[4] = {1, 1, 1, 1}, bank[3] = {0, 1, 0}, want[1] = {0.009950330853168092};
    size_t nf = 99;
    if (!grade_status(stream_mel_ex(ring, 4, 0, x, 4, 4, 4, 4, bank, 1, out, 2, &nf),
                      "stream_mel_ex") ||
        !grade_length("*n_frames", nf, 1))
        return;
    grade_close("logmel (ln(|X[1]| + 0.01), |X[1]| = 1)", out, want, 1, 1e-12, 0);
}

static void mel_vggish(void)
{
    mel_run(400, 160, 64, 3 * TEN_SECONDS / 2, 0);
}

static void mel_sizes(void)
{
    if (mel_run(1000, 250, 40, TEN_SECONDS, 0))
        mel_run(300, 301, 32, TEN_SECONDS / 4, 0);   /* hop longer than the window */
}

static void mel_one_sample(void)
{
    mel_run(200, 80, 24, 1200, 1);
}

static void mel_reference(void)
{
    struct dsp_mat ref;
    if (!grade_reference("streammel.txt", &ref))
        return;
    size_t len = 16000, win = 400, hop = 160, n_mels = 64, n_fft = 512, cap = 1024;
    double *x = chirp_noise(len), *bank = dense_bank(n_fft, n_mels);
    /* room for the last call's max_frames rows past the frames so far */
    double *ring = calloc(cap, sizeof *ring),
           *got = malloc((len / hop + 1000 / hop + 1) * n_mels * sizeof *got);
    size_t total = 0;
    int ok = grade_true(x && bank && ring && got, "out of memory") &&
             grade_length("streammel.txt columns", ref.cols, n_mels);
    for (size_t at = 0; ok && at < len; at += 1000) {
        size_t nf = 0;
        ok = grade_status(stream_mel_ex(ring, cap, at, x + at, 1000, win, hop, n_fft, bank,
                                        n_mels, got + total * n_mels, 1000 / hop + 1, &nf),
                          "stream_mel_ex");
        total += nf;
    }
    if (ok && grade_length("frames", total, ref.rows))
        grade_close("log-mel rows", got, ref.data, total * n_mels, 1e-9, 0);
    free(x);
    free(bank);
    free(ring);
    free(got);
    dsp_mat_free(&ref);
}

/* ---- Part 5: latency ---------------------------------------------------- */

static void latency_worked(void)
{
    size_t samples = 0;
    double ms = 0;
    if (!grade_status(latency_ex(400, 160, 512, 0, 16000.0, &samples, &ms), "latency_ex") ||
        !grade_length("VGGish latency (samples)", samples, 400) ||
        !grade_close_scalar("VGGish latency (ms)", ms, 25.0, 0, 1e-9) ||
        !grade_status(latency_ex(2048, 512, 2048, 1, 22050.0, &samples, &ms), "latency_ex") ||
        !grade_length("librosa latency (samples)", samples, 1024))
        return;
    grade_close_scalar("librosa latency (ms)", ms, 1000.0 * 1024.0 / 22050.0, 0, 1e-9);
}

static void count_frame(void *ctx, size_t k, const double *frame, size_t n)
{
    (void)k;
    (void)frame;
    (void)n;
    ++*(size_t *)ctx;
}

/* Pushes one sample at a time into dsplab's stream and returns how many
 * samples it took for frame k to come out, minus k*hop. */
static size_t measure(const struct dsp_melspec_params *p, size_t k)
{
    struct dsp_stream *s = dsp_stream_new_melspec(p, DSP_STREAM_MEL_POWER, 0);
    size_t got = 0, pushed = 0;
    const double one = 0.25;
    while (s && got <= k) {
        dsp_stream_push(s, &one, 1, count_frame, &got);
        pushed++;
    }
    dsp_stream_free(s);
    return pushed - k * p->hop;
}

static void latency_measured(void)
{
    const size_t sizes[][4] = {
        /* win, hop, n_fft, centred */
        {400, 160, 512, 0}, {400, 160, 512, 1}, {2048, 512, 2048, 1}, {1000, 100, 1024, 1},
        {999, 100, 1024, 1}, {1000, 100, 1025, 1}, {7, 3, 16, 1},    {7, 3, 16, 0},
        {256, 256, 256, 1}, {255, 64, 256, 1},    {1, 5, 2, 0},     {3, 2, 3, 1},
    };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        struct dsp_melspec_params p = dsp_melspec_defaults(FS);
        p.win_length = sizes[i][0];
        p.hop = sizes[i][1];
        p.n_fft = sizes[i][2];
        p.framing = sizes[i][3] ? DSP_FRAMES_CENTERED : DSP_FRAMES_INSIDE;
        p.mel = dsp_melbank_defaults(FS, p.n_fft);
        p.mel.n_mels = 4;
        size_t measured = measure(&p, 3), samples = 0;
        double ms = 0;
        if (!grade_status(latency_ex(sizes[i][0], sizes[i][1], sizes[i][2], (int)sizes[i][3], FS,
                                     &samples, &ms),
                          "latency_ex"))
            return;
        if (!grade_true(samples == measured,
                        "win %zu, hop %zu, n_fft %zu, %s: dsplab's stream delivered frame 3 "
                        "after 3*hop + %zu samples; latency_ex says %zu",
                        sizes[i][0], sizes[i][1], sizes[i][2],
                        sizes[i][3] ? "centred" : "inside", measured, samples) ||
            !grade_close_scalar("latency (ms)", ms, 1000.0 * (double)measured / FS, 0, 1e-9))
            return;
    }
    size_t samples;
    double ms;
    grade_einval(latency_ex(4, 1, 2, 0, FS, &samples, &ms), "latency_ex", "n_fft 2 < win 4");
    grade_einval(latency_ex(4, 1, 4, 0, 0.0, &samples, &ms), "latency_ex", "sample_rate 0");
}

static const struct grade_test tests[] = {
    /* {name, points, test, depends on, CPU seconds (0 = 10)} */
    {"ring: worked example", 2, ring_worked, NULL, 0},
    {"ring: 12 samples into 5 slots keep the last 5", 1, ring_overwrite, NULL, 0},
    {"ring: a position of 10^12 samples", 1, ring_big_position, NULL, 0},
    {"ring: cap 0, count > cap", 1, ring_bad, NULL, 0},
    {"frames_ready: worked example", 2, ready_worked, NULL, 0},
    {"frames_ready: 5 sizes, hop longer than the window, many pushes", 1, ready_sizes, NULL, 0},
    {"frames_ready: a push shorter than a frame; win 0, hop 0", 1, ready_short, NULL, 0},
    {"framer: worked example", 2, framer_worked, NULL, 0},
    {"framer: 15 s in random pushes of 1 sample to 10 s", 3, framer_random,
     "framer: worked example", 30},
    {"framer: measured latency, one sample at a time", 1, framer_latency,
     "framer: worked example", 30},
    {"framer: cap < win, more frames than max_frames", 1, framer_bad, NULL, 0},
    {"stream_mel: worked example", 2, mel_worked, NULL, 0},
    {"stream_mel: VGGish sizes, random pushes, against dsplab's stream", 3, mel_vggish,
     "stream_mel: worked example", 60},
    {"stream_mel: win 1000 hop 250 40 bands; win 300 hop 301 32 bands", 2, mel_sizes,
     "stream_mel: worked example", 60},
    {"stream_mel: one sample at a time", 1, mel_one_sample, "stream_mel: worked example", 60},
    {"stream_mel: reference data (a chirp in 1000-sample pushes)", 1, mel_reference,
     "stream_mel: worked example", 30},
    {"latency: worked examples (VGGish, librosa)", 2, latency_worked, NULL, 0},
    {"latency: 12 framings measured on dsplab's streams", 2, latency_measured,
     "latency: worked examples (VGGish, librosa)", 0},
};
GRADE_SUITE("12-streaming", tests);
