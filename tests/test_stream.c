/* Tests for stream.h: pushed in random amounts (1 sample to 10 s), a
 * stream gives the offline objects' frames, frame for frame, within 1e-12,
 * each as soon as its last sample has arrived (the stated latency), and
 * allocates nothing after creation. */
#define _GNU_SOURCE
#include "testutil.h"

#include <dsplab/gen.h>
#include <dsplab/melspec.h>
#include <dsplab/mfcc.h>
#include <dsplab/status.h>
#include <dsplab/stft.h>
#include <dsplab/stream.h>
#include <dsplab/vggish.h>
#include <dsplab/window.h>

#include <malloc.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

#define FS 16000.0
#define TEN_SECONDS 160000

/* The offline reference: frame k's values. */
typedef int (*offline_fn)(void *obj, const double *x, size_t len, size_t k, double *row);

struct check {
    const double *ref;   /* frames x size, computed offline */
    size_t frames, size, hop, latency;
    long long pushed_before, pushed_after;   /* the push in progress: samples [before, after) */
    size_t got;
    double worst;
    int late_or_early, out_of_order;
};

static void on_frame(void *ctx, size_t k, const double *frame, size_t n)
{
    struct check *c = ctx;
    if (k != c->got || k >= c->frames || n != c->size) {
        c->out_of_order = 1;
        return;
    }
    const double *r = c->ref + k * c->size;
    double peak = 1.0;
    for (size_t i = 0; i < n; i++)
        peak = fmax(peak, fabs(r[i]));
    for (size_t i = 0; i < n; i++)
        c->worst = fmax(c->worst, fabs(frame[i] - r[i]) / peak);
    /* frame k exists once sample k*H + latency - 1 is in, and not before */
    long long ready = (long long)(k * c->hop + c->latency);
    if (c->pushed_after >= 0 && !(ready > c->pushed_before && ready <= c->pushed_after))
        c->late_or_early = 1;
    c->got++;
}

static uint64_t rng = 12345;
static uint64_t next_rand(void)
{
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return rng >> 11;
}

/* Push sizes log-uniform from 1 sample to 10 s (mode 0), all 1 (mode 1),
 * or all 10 s (mode 2). */
static size_t push_size(int mode)
{
    if (mode == 1)
        return 1;
    if (mode == 2)
        return TEN_SECONDS;
    double u = (double)(next_rand() % 1000000) / 1e6;
    return (size_t)exp(u * log((double)TEN_SECONDS)) + (next_rand() % 2);
}

static void run_stream(struct dsp_stream *s, const double *x, size_t len, struct check *c,
                       int mode)
{
    c->got = 0;
    c->worst = 0.0;
    c->late_or_early = c->out_of_order = 0;
    size_t at = 0;
    while (at < len) {
        size_t n = push_size(mode);
        if (n > len - at)
            n = len - at;
        c->pushed_before = (long long)at;
        c->pushed_after = (long long)(at + n);
        CU_ASSERT_EQUAL_FATAL(dsp_stream_push(s, x + at, n, on_frame, c), DSP_OK);
        at += n;
    }
    /* frames that need the end: their windows reach past the last sample */
    c->pushed_after = -1;
    size_t before_finish = c->got;
    CU_ASSERT_EQUAL(dsp_stream_finish(s, on_frame, c), DSP_OK);
    for (size_t k = before_finish; k < c->got; k++)
        CU_ASSERT(k * c->hop + c->latency > len);
    CU_ASSERT_EQUAL(c->got, c->frames);
    CU_ASSERT_EQUAL(dsp_stream_frames_done(s), c->frames);
    CU_ASSERT(c->worst <= 1e-12);
    CU_ASSERT(!c->late_or_early);
    CU_ASSERT(!c->out_of_order);
    /* a push after finish is an error until reset */
    CU_ASSERT_EQUAL(dsp_stream_push(s, x, 1, on_frame, c), DSP_EINVAL);
    dsp_stream_reset(s);
}

static double *make_signal(size_t len, uint64_t seed)
{
    double *x = malloc(len * sizeof *x), *n = malloc(len * sizeof *n);
    dsp_gen_chirp(DSP_CHIRP_EXPONENTIAL, 0.5, 50.0, 7000.0, (double)len / FS, FS, x, len);
    dsp_gen_noise(0.1, seed, n, len);
    for (size_t i = 0; i < len; i++)
        x[i] += n[i];
    free(n);
    return x;
}

/* Runs the stream over signals of several lengths (short ones too: no
 * frame complete before finish, or none at all) in every push mode. */
static void check_stream(struct dsp_stream *s, offline_fn fn, void *obj,
                         size_t (*num_frames)(void *obj, size_t len))
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    size_t lens[] = {176011, 33333, 399, 1, 0}, size = dsp_stream_frame_size(s);
    for (size_t li = 0; li < sizeof lens / sizeof lens[0]; li++) {
        size_t len = lens[li];
        double *x = make_signal(len ? len : 1, li + 1);
        struct check c = {.frames = num_frames(obj, len), .size = size,
                          .hop = dsp_stream_hop(s), .latency = dsp_stream_latency(s)};
        double *ref = malloc((c.frames ? c.frames : 1) * size * sizeof *ref);
        for (size_t k = 0; k < c.frames; k++)
            CU_ASSERT_EQUAL_FATAL(fn(obj, x, len, k, ref + k * size), DSP_OK);
        c.ref = ref;
        for (int mode = 0; mode < 3; mode++) {
            if (mode == 1 && len > 40000)
                continue;   /* 1-sample pushes: on the shorter signals */
            run_stream(s, x, len, &c, mode);
        }
        free(ref);
        free(x);
    }
}

/* ---- STFT ---- */

struct stft_obj {
    struct dsp_stft *st;
};

static int stft_offline(void *obj, const double *x, size_t len, size_t k, double *row)
{
    return dsp_stft_magnitude(((struct stft_obj *)obj)->st, x, len, k, row);
}

static size_t stft_frames(void *obj, size_t len)
{
    return dsp_stft_num_frames(((struct stft_obj *)obj)->st, len);
}

static void check_stft(enum dsp_window type, size_t m, size_t n, size_t hop)
{
    double *w = malloc(m * sizeof *w);
    dsp_window_fill(type, 0.0, DSP_WINDOW_PERIODIC, w, m);
    struct stft_obj o = {dsp_stft_new(w, m, n, hop)};
    CU_ASSERT_PTR_NOT_NULL_FATAL(o.st);
    struct dsp_stream *s = dsp_stream_new_stft(w, m, n, hop);
    CU_ASSERT_EQUAL(dsp_stream_latency(s), m - m / 2);   /* ceil(M/2) after the centre */
    check_stream(s, stft_offline, &o, stft_frames);
    dsp_stream_free(s);
    dsp_stft_free(o.st);
    free(w);
}

static void test_stft(void)
{
    check_stft(DSP_WIN_HANN, 2048, 2048, 512);
    check_stft(DSP_WIN_BLACKMAN, 1001, 2048, 250);
    check_stft(DSP_WIN_HAMMING, 255, 256, 300);   /* hop longer than the window */
}

/* ---- mel, dB, MFCC ---- */

struct mel_obj {
    struct dsp_melspec *ms;
    struct dsp_mfcc *mf;
    enum dsp_stream_mel out;
    double mel[256];
};

static int mel_offline(void *obj, const double *x, size_t len, size_t k, double *row)
{
    struct mel_obj *o = obj;
    size_t nm = dsp_melspec_num_bands(o->ms);
    double *mel = o->out == DSP_STREAM_MFCC ? o->mel : row;
    int s = dsp_melspec_frame(o->ms, x, len, k, mel);
    if (s == DSP_OK && o->out != DSP_STREAM_MEL_POWER)
        s = dsp_melspec_power_to_db(mel, nm, 1.0, 1e-10, DSP_DB_NO_TOP, mel);
    if (s == DSP_OK && o->out == DSP_STREAM_MFCC)
        s = dsp_mfcc_frame(o->mf, mel, nm, row);
    return s;
}

static size_t mel_frames(void *obj, size_t len)
{
    return dsp_melspec_num_frames(((struct mel_obj *)obj)->ms, len);
}

static void check_mel(const struct dsp_melspec_params *p, enum dsp_stream_mel out)
{
    struct mel_obj o = {.ms = dsp_melspec_new(p), .out = out};
    CU_ASSERT_PTR_NOT_NULL_FATAL(o.ms);
    if (out == DSP_STREAM_MFCC)
        o.mf = dsp_mfcc_new(dsp_melspec_num_bands(o.ms), 13);
    struct dsp_stream *s = dsp_stream_new_melspec(p, out, 13);
    size_t n = p->n_fft, m = p->win_length;
    CU_ASSERT_EQUAL(dsp_stream_latency(s), p->framing == DSP_FRAMES_CENTERED
                                               ? m + (n - m) / 2 - n / 2
                                               : m);
    check_stream(s, mel_offline, &o, mel_frames);
    dsp_stream_free(s);
    dsp_melspec_free(o.ms);
    dsp_mfcc_free(o.mf);
}

static void test_mel_librosa(void)
{
    struct dsp_melspec_params p = dsp_melspec_defaults(FS);
    check_mel(&p, DSP_STREAM_MEL_POWER);
    check_mel(&p, DSP_STREAM_MEL_DB);
    check_mel(&p, DSP_STREAM_MFCC);
}

static void test_mel_sizes(void)
{
    /* window shorter than the FFT, odd sizes, magnitude, HTK */
    struct dsp_melspec_params p = dsp_melspec_defaults(FS);
    p.n_fft = 513;
    p.win_length = 401;
    p.hop = 160;
    p.power = 1.0;
    p.mel = dsp_melbank_defaults(FS, 513);
    p.mel.n_mels = 40;
    p.mel.scale = DSP_MEL_HTK;
    check_mel(&p, DSP_STREAM_MEL_POWER);
    p.framing = DSP_FRAMES_INSIDE;
    p.hop = 450;   /* longer than the window: samples between frames are skipped */
    check_mel(&p, DSP_STREAM_MEL_DB);
}

/* ---- VGGish ---- */

static int vggish_offline(void *obj, const double *x, size_t len, size_t k, double *row)
{
    return dsp_vggish_frame(obj, x, len, k, row);
}

static size_t vggish_frames(void *obj, size_t len)
{
    return dsp_vggish_num_frames(obj, len);
}

static void test_vggish(void)
{
    struct dsp_vggish_params p = dsp_vggish_defaults();
    struct dsp_vggish *v = dsp_vggish_new(&p, 16000.0);
    struct dsp_stream *s = dsp_stream_new_vggish(&p);
    CU_ASSERT_EQUAL(dsp_stream_latency(s), 400);   /* 25 ms: the whole window */
    CU_ASSERT_EQUAL(dsp_stream_hop(s), 160);
    check_stream(s, vggish_offline, v, vggish_frames);
    dsp_stream_free(s);
    dsp_vggish_free(v);
}

/* ---- no allocation ---- */

static long long heap_in_use(void)
{
    struct mallinfo2 mi = mallinfo2();
    return (long long)mi.uordblks + (long long)mi.hblkhd;
}

static void count_frames(void *ctx, size_t k, const double *frame, size_t n)
{
    (void)k;
    (void)frame;
    (void)n;
    ++*(size_t *)ctx;
}

static void test_no_allocation(void)
{
    if (UNDER_ASAN) {
        /* ASan's allocator does not report to mallinfo2 */
        printf(" [skipped under AddressSanitizer: glibc's counters do not see its heap] ");
        return;
    }
    /* the counter sees an allocation (so this test can fail) */
    long long a = heap_in_use();
    char *volatile probe = malloc(100000);   /* volatile: not elided */
    probe[0] = 1;
    CU_ASSERT(heap_in_use() - a >= 100000);
    free(probe);

    size_t len = 5 * TEN_SECONDS / 10;
    double *x = make_signal(len, 9);
    struct dsp_melspec_params p = dsp_melspec_defaults(FS);
    struct dsp_vggish_params vp = dsp_vggish_defaults();
    double w[512];
    dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, 512);
    struct dsp_stream *s[] = {dsp_stream_new_stft(w, 512, 512, 128),
                              dsp_stream_new_melspec(&p, DSP_STREAM_MFCC, 20),
                              dsp_stream_new_vggish(&vp)};
    for (size_t i = 0; i < 3; i++) {
        CU_ASSERT_PTR_NOT_NULL_FATAL(s[i]);
        size_t frames = 0, at = 0;
        long long before = heap_in_use();
        while (at < len) {
            size_t n = push_size(0);
            n = n > len - at ? len - at : n;
            dsp_stream_push(s[i], x + at, n, count_frames, &frames);
            at += n;
        }
        dsp_stream_finish(s[i], count_frames, &frames);
        long long after = heap_in_use();
        CU_ASSERT(frames > 100);
        CU_ASSERT_EQUAL(after, before);
        dsp_stream_free(s[i]);
    }
    free(x);
}

static void test_bad(void)
{
    double w[4] = {1, 1, 1, 1};
    CU_ASSERT_PTR_NULL(dsp_stream_new_stft(w, 4, 4, 0));
    CU_ASSERT_PTR_NULL(dsp_stream_new_stft(w, 4, 2, 1));
    struct dsp_melspec_params p = dsp_melspec_defaults(FS);
    p.win_length = 4096;
    CU_ASSERT_PTR_NULL(dsp_stream_new_melspec(&p, DSP_STREAM_MEL_POWER, 0));
    p = dsp_melspec_defaults(FS);
    CU_ASSERT_PTR_NULL(dsp_stream_new_melspec(&p, DSP_STREAM_MFCC, 500));   /* > n_mels */
    CU_ASSERT_PTR_NULL(dsp_stream_new_vggish(NULL));
    struct dsp_stream *s = dsp_stream_new_stft(w, 4, 4, 1);
    CU_ASSERT_EQUAL(dsp_stream_push(s, NULL, 3, NULL, NULL), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_stream_push(s, NULL, 0, NULL, NULL), DSP_OK);
    dsp_stream_free(s);
    dsp_stream_free(NULL);
}

static const struct test_case cases[] = {
    {"stft magnitude: streamed = offline, random pushes, latency ceil(M/2)", test_stft},
    {"librosa mel, dB, MFCC: streamed = offline", test_mel_librosa},
    {"odd sizes, inside framing, hop > window: streamed = offline", test_mel_sizes},
    {"VGGish preset: streamed = offline, latency 400", test_vggish},
    {"no allocation after creation (mallinfo2)", test_no_allocation},
    {"bad parameters", test_bad},
};

int main(void)
{
    return test_run("stream", cases, TEST_COUNT(cases));
}
