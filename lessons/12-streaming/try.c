/*
 * try.c — lesson 12 on a real sound (`make try LESSON=12 ONLY=...`, see
 * lessons/try.h). The "try:" lines name each exercise, its file and its
 * default sound:
 *
 * try: ring ring.c sounds/speech-front-center.wav
 * try: frames_ready ready.c sounds/speech-front-center.wav
 * try: framer framer.c sounds/speech-front-center.wav
 * try: stream_mel streammel.c sounds/speech-front-center.wav
 * try: latency latency.c sounds/speech-front-center.wav
 *
 * The sound is resampled to 16 kHz and pushed in blocks of odd sizes
 * (1, 17, 160, 399, 1000, 3, 513 samples, over and over), as a live input
 * would arrive; the framing is VGGish's: windows of 400 samples every 160.
 * ring: each block written into your ring (1000 slots) and read back with
 * your ring_latest_ex: the blocks read back, one after the other, must be
 * the sound (yours.wav).
 * frames_ready: the frames each push completes by your frames_ready_ex
 * against the frames the library's VGGish stream delivers on that push.
 * framer: your framer_push_ex's frames against the sound's samples
 * k*160 .. k*160+399; yours.wav is the sound rebuilt from the first 160
 * samples of each of your frames.
 * stream_mel: your stream_mel_ex (Hann 400, N 512, VGGish's 64 bands,
 * ln(mel + 0.01)) against the library's VGGish stream, frame by frame.
 * latency: your latency_ex for VGGish's framing and for librosa's (n_fft
 * 2048, hop 512, centred) against the number of samples the library's
 * streams need, pushed one at a time, before frame 0 comes out.
 */
#include "try.h"

#include <dsplab/mel.h>
#include <dsplab/melspec.h>
#include <dsplab/resample.h>
#include <dsplab/stream.h>
#include <dsplab/vggish.h>

#include "exercise.h"

#pragma weak ring_write_ex
#pragma weak ring_latest_ex
#pragma weak frames_ready_ex
#pragma weak framer_push_ex
#pragma weak stream_mel_ex
#pragma weak latency_ex

#define FS 16000.0
#define WIN 400
#define HOP 160
#define NFFT 512
#define NB (NFFT / 2 + 1)
#define NMELS 64

static const size_t sizes[] = {1, 17, 160, 399, 1000, 3, 513};
#define NSIZES (sizeof sizes / sizeof sizes[0])

/* the size of push number i (the last one: what is left) */
static size_t push_size(size_t i, size_t pushed, size_t len)
{
    size_t n = sizes[i % NSIZES];
    return n < len - pushed ? n : len - pushed;
}

/* frames complete after `pushed` samples (inside framing) */
static size_t complete(size_t pushed)
{
    return pushed < WIN ? 0 : (pushed - WIN) / HOP + 1;
}

struct rows {
    double *v;
    size_t n, cols;
};

static void collect(void *ctx, size_t k, const double *frame, size_t n)
{
    struct rows *r = ctx;
    (void)k;
    if (r->v)
        memcpy(r->v + r->n * r->cols, frame, n * sizeof *frame);
    r->n++;
}

static struct dsp_stream *vggish_stream(void)
{
    struct dsp_vggish_params p = dsp_vggish_defaults();
    struct dsp_stream *s = dsp_stream_new_vggish(&p);
    if (!s)
        try_fail("%s", dsp_last_error());
    return s;
}

static void try_ring(const double *x, size_t len)
{
    TRY_NEED(ring_write_ex);
    TRY_NEED(ring_latest_ex);
    enum { CAP = 1000 };
    double ring[CAP] = {0}, *y = try_zeros(len);
    size_t pushes = 0;
    for (size_t pushed = 0, i = 0; pushed < len; i++, pushes++) {
        size_t n = push_size(i, pushed, len);
        try_status(ring_write_ex(ring, CAP, pushed % CAP, x + pushed, n), "ring_write_ex");
        try_status(ring_latest_ex(ring, CAP, (pushed + n) % CAP, n, y + pushed),
                   "ring_latest_ex");
        pushed += n;
    }
    printf("%zu samples in %zu pushes through a ring of %d slots\n", len, pushes, CAP);
    try_write_wav("yours.wav", y, len);
    try_write_compare("the stream read back from your ring, against the sound", y, x, 1, len);
    try_plot("waveform", try_path("yours.wav"), "yours-waveform.png",
             "the sound, through your ring buffer", NULL);
    free(y);
}

static void try_frames_ready(const double *x, size_t len)
{
    TRY_NEED(frames_ready_ex);
    size_t pushes = 0;
    for (size_t pushed = 0; pushed < len; pushes++)
        pushed += push_size(pushes, pushed, len);
    double *y = try_zeros(2 * pushes), *e = try_zeros(2 * pushes);
    struct dsp_stream *s = vggish_stream();
    struct rows got = {0};
    size_t pushed = 0, total = 0;
    for (size_t i = 0; i < pushes; i++) {
        size_t n = push_size(i, pushed, len), first = 0, count = 0, before = got.n;
        try_status(frames_ready_ex(pushed, n, WIN, HOP, &first, &count), "frames_ready_ex");
        if (dsp_stream_push(s, x + pushed, n, collect, &got) != DSP_OK)
            try_fail("%s", dsp_last_error());
        y[i] = (double)count, y[pushes + i] = (double)first;
        e[i] = (double)(got.n - before), e[pushes + i] = (double)before;
        total += count;
        pushed += n;
    }
    printf("%zu pushes of 1 .. 1000 samples: your frames_ready_ex completes %zu frames, the "
           "library's stream delivers %zu\n", pushes, total, got.n);
    try_write_compare("count of each push, then first of each push", y, e, 1, 2 * pushes);
    dsp_stream_free(s);
    free(y), free(e);
}

static void try_framer(const double *x, size_t len)
{
    TRY_NEED(framer_push_ex);
    enum { CAP = 1024 };
    size_t frames = complete(len), max_push = 1000 / HOP + 1;
    double ring[CAP] = {0}, *y = try_zeros((frames + max_push) * WIN), *e = try_zeros(frames * WIN);
    double *rebuilt = try_zeros(len);
    size_t got = 0, pushed = 0;
    for (size_t i = 0; pushed < len; i++) {
        size_t n = push_size(i, pushed, len), nf = 0;
        try_status(framer_push_ex(ring, CAP, pushed, x + pushed, n, WIN, HOP, y + got * WIN,
                                  max_push, &nf),
                   "framer_push_ex");
        got += nf;
        pushed += n;
        if (got > frames)
            try_fail("framer_push_ex: %zu frames after %zu samples, expected %zu", got, pushed,
                     complete(pushed));
    }
    if (got != frames)
        try_fail("framer_push_ex: %zu frames in all, expected %zu", got, frames);
    for (size_t k = 0; k < frames; k++) {
        memcpy(e + k * WIN, x + k * HOP, WIN * sizeof *e);
        for (size_t i = 0; i < HOP; i++)
            rebuilt[k * HOP + i] = y[k * WIN + i];
    }
    printf("%zu frames of %d samples, every %d, from %zu samples in odd-sized pushes\n", frames,
           WIN, HOP, len);
    try_write_wav("yours.wav", rebuilt, len);
    try_write_compare("your frames (row = frame, column = sample) against the sound's samples",
                      y, e, frames, WIN);
    try_plot("waveform", try_path("yours.wav"), "yours-waveform.png",
             "the sound rebuilt from your frames (160 samples of each)", NULL);
    free(y), free(e), free(rebuilt);
}

/* VGGish's mel bank as a dense NMELS x NB matrix */
static double *dense_bank(void)
{
    struct dsp_melbank_params mp = {.sample_rate = FS, .n_fft = NFFT, .n_mels = NMELS,
                                    .fmin = 125.0, .fmax = 7500.0, .scale = DSP_MEL_HTK_LN,
                                    .norm = DSP_MEL_NORM_NONE,
                                    .triangles = DSP_MEL_TRIANGLES_MEL, .zero_dc = 1};
    struct dsp_melbank *mb = dsp_melbank_new(&mp);
    if (!mb)
        try_fail("%s", dsp_last_error());
    double *bank = try_zeros(NMELS * NB);
    for (size_t m = 0; m < NMELS; m++) {
        size_t first, count;
        const double *w;
        dsp_melbank_band(mb, m, &first, &count, &w);
        memcpy(bank + m * NB + first, w, count * sizeof *w);
    }
    dsp_melbank_free(mb);
    return bank;
}

static void try_stream_mel(const double *x, size_t len)
{
    TRY_NEED(stream_mel_ex);
    enum { CAP = 1024 };
    size_t frames = complete(len), max_push = 1000 / HOP + 1;
    double ring[CAP] = {0}, *bank = dense_bank();
    double *y = try_zeros((frames + max_push) * NMELS), *e = try_zeros((frames + 1) * NMELS);
    struct dsp_stream *s = vggish_stream();
    struct rows want = {.v = e, .cols = NMELS};
    if (dsp_stream_push(s, x, len, collect, &want) != DSP_OK ||
        dsp_stream_finish(s, collect, &want) != DSP_OK)
        try_fail("%s", dsp_last_error());
    size_t got = 0, pushed = 0;
    for (size_t i = 0; pushed < len; i++) {
        size_t n = push_size(i, pushed, len), nf = 0;
        try_status(stream_mel_ex(ring, CAP, pushed, x + pushed, n, WIN, HOP, NFFT, bank, NMELS,
                                 y + got * NMELS, max_push, &nf),
                   "stream_mel_ex");
        got += nf;
        pushed += n;
        if (got > frames)
            try_fail("stream_mel_ex: %zu frames after %zu samples, expected %zu", got, pushed,
                     complete(pushed));
    }
    if (got != want.n)
        try_fail("stream_mel_ex: %zu frames in all, the library's stream %zu", got, want.n);
    printf("%zu log-mel frames (64 bands) from odd-sized pushes\n", got);
    const char *h[] = {"sample_rate", "16000", "n_fft", "512", "hop", "160", "db", "yes",
                       "what", "ln(mel + 0.01), VGGish", NULL};
    try_write_matrix("yours.txt", y, got, NMELS, h);
    try_write_matrix("library.txt", e, got, NMELS, h);
    try_write_compare("ln(mel + 0.01) (row = frame, column = band)", y, e, got, NMELS);
    /* drawn in dB, 20 log10(mel + 0.01) = (20 / ln 10) ln(mel + 0.01): the
     * figure's colour scale is in dB */
    double *db = try_zeros(got * NMELS);
    for (size_t i = 0; i < got * NMELS; i++)
        db[i] = 20 / log(10) * y[i];
    const char *hd[] = {"sample_rate", "16000", "n_fft", "512", "hop", "160", "db", "yes",
                        "what", "20 log10(mel + 0.01), VGGish", NULL};
    try_write_matrix("yours-db.txt", db, got, NMELS, hd);
    try_plot("melspec", try_path("yours-db.txt"), "yours-melspec.png",
             "your stream_mel_ex: 20 log10(mel + 0.01), 64 bands", NULL);
    free(db);
    dsp_stream_free(s);
    free(bank), free(y), free(e);
}

/* samples pushed one at a time until the stream gives frame 0 */
static size_t measured_latency(struct dsp_stream *s, const double *x, size_t len)
{
    struct rows r = {0};
    size_t i = 0;
    while (r.n == 0 && i < len)
        if (dsp_stream_push(s, x + i++, 1, collect, &r) != DSP_OK)
            try_fail("%s", dsp_last_error());
    if (r.n == 0)
        try_fail("%s: too short for a first frame", try_sound);
    dsp_stream_free(s);
    return i;
}

static void try_latency(const double *x, size_t len)
{
    TRY_NEED(latency_ex);
    struct dsp_melspec_params mp = dsp_melspec_defaults(FS);
    struct dsp_stream *ms = dsp_stream_new_melspec(&mp, DSP_STREAM_MEL_POWER, 0);
    if (!ms)
        try_fail("%s", dsp_last_error());
    size_t v = 0, l = 0;
    double vms = 0, lms = 0;
    try_status(latency_ex(WIN, HOP, NFFT, 0, FS, &v, &vms), "latency_ex");
    try_status(latency_ex(mp.win_length, mp.hop, mp.n_fft, 1, FS, &l, &lms), "latency_ex");
    size_t ev = measured_latency(vggish_stream(), x, len), el = measured_latency(ms, x, len);
    printf("VGGish (win 400, hop 160, inside): yours %zu samples = %.3f ms; the library's "
           "stream gives frame 0 after %zu\n", v, vms, ev);
    printf("librosa (n_fft %zu, hop %zu, centred): yours %zu samples = %.3f ms; the library's "
           "stream gives frame 0 after %zu\n", mp.n_fft, mp.hop, l, lms, el);
    double y[4] = {(double)v, vms, (double)l, lms};
    double e[4] = {(double)ev, 1000 * (double)ev / FS, (double)el, 1000 * (double)el / FS};
    try_write_compare("VGGish samples, ms, then librosa samples, ms", y, e, 1, 4);
}

int main(int argc, char **argv)
{
    const char *ex = try_start(argc, argv);
    size_t len0;
    double *x0 = try_read(&len0);
    /* to 16 kHz, VGGish's rate */
    struct dsp_resample_params rp = dsp_resample_defaults();
    struct dsp_resample *rs = dsp_resample_new(try_fs, FS, &rp);
    if (!rs)
        try_fail("%s", dsp_last_error());
    size_t len = dsp_resample_out_len(rs, len0);
    double *x = try_zeros(len);
    if (dsp_resample_process(rs, x0, len0, x, len) != DSP_OK)
        try_fail("%s", dsp_last_error());
    dsp_resample_free(rs);
    free(x0);
    if (len < 2 * WIN)
        try_fail("%s: shorter than %d samples at 16 kHz", try_sound, 2 * WIN);
    if (try_fs != FS)
        printf("%s resampled from %g Hz to 16 kHz: %zu samples\n", try_sound, try_fs, len);
    try_fs = FS;
    if (strcmp(ex, "ring") == 0)
        try_ring(x, len);
    else if (strcmp(ex, "frames_ready") == 0)
        try_frames_ready(x, len);
    else if (strcmp(ex, "framer") == 0)
        try_framer(x, len);
    else if (strcmp(ex, "stream_mel") == 0)
        try_stream_mel(x, len);
    else if (strcmp(ex, "latency") == 0)
        try_latency(x, len);
    else
        try_fail("no exercise \"%s\" in lesson 12's try.c (ring, frames_ready, framer, "
                 "stream_mel, latency)", ex);
    try_plot("feedback", try_path("compare.txt"), "compare.png", "yours against the library's",
             NULL);
    free(x);
    return 0;
}
