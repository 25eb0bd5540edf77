#include "clitest.h"
#include "testutil.h"

#include <dsplab/audio.h>
#include <dsplab/status.h>
#include <dirent.h>
#include <math.h>
#include <sndfile.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const double two_pi = 6.283185307179586476925286766559;

static char dir[4096];

static const char *tmp_path(const char *name)
{
    static char path[2][4200];
    static int which;
    which ^= 1;
    snprintf(path[which], sizeof path[which], "%s/%s", dir, name);
    return path[which];
}

/* Writes a file with libsndfile itself, independent of dsp_audio_write_wav. */
static int sf_write_file(const char *path, int format, int channels, int rate, const double *x,
                         size_t frames)
{
    SF_INFO info = {.samplerate = rate, .channels = channels, .format = format};
    SNDFILE *sf = sf_open(path, SFM_WRITE, &info);
    if (!sf) {
        printf("\n    libsndfile cannot write %s: %s\n", path, sf_strerror(NULL));
        return -1;
    }
    sf_count_t put = frames ? sf_writef_double(sf, x, (sf_count_t)frames) : 0;
    sf_close(sf);
    return put == (sf_count_t)frames ? 0 : -1;
}

static void write_bytes(const char *path, const void *bytes, size_t n)
{
    FILE *f = fopen(path, "wb");
    CU_ASSERT_FATAL(f != NULL);
    CU_ASSERT(fwrite(bytes, 1, n, f) == n);
    fclose(f);
}

static int mkdir_p(const char *path)
{
    return mkdir(path, 0777);
}

static int file_exists(const char *path)
{
    return access(path, F_OK) == 0;
}

/* what count_entries (clitest.h) lists; only the count is asserted */
static char listing[4096];

/* A stereo test signal: a 441 Hz sine at 0.6 on the left, 1323 Hz at 0.3 on the right. */
static void test_signal(double *x, size_t frames, double rate)
{
    for (size_t f = 0; f < frames; f++) {
        x[2 * f] = 0.6 * sin(two_pi * 441.0 * f / rate);
        x[2 * f + 1] = 0.3 * cos(two_pi * 1323.0 * f / rate);
    }
}

struct format_case {
    const char *file;
    int format;
    const char *name;   /* the format string dsp_audio_read must report */
    double tol;         /* largest allowed |read - written| */
};

static void test_round_trip_formats(void)
{
    /* libsndfile stores round(x * (2^(b-1) - 1)) and reads back the
     * integer / 2^(b-1), so the error is at most half a step of rounding
     * plus |x| / 2^(b-1) of scale mismatch: under 1.5 steps (1 step =
     * 2^-(b-1)) for |x| <= 1. 32-bit float keeps 24 significant bits: |x| < 1
     * is off by < 2^-24; double is exact. */
    static const struct format_case cases[] = {
        {"u8.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_U8, "WAV 8-bit unsigned PCM", 1.5 / 128},
        {"s16.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, "WAV 16-bit PCM", 1.5 / 32768},
        {"s24.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_24, "WAV 24-bit PCM", 1.5 / 8388608},
        {"s32.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_32, "WAV 32-bit PCM", 1.5 / 2147483648.0},
        {"f32.wav", SF_FORMAT_WAV | SF_FORMAT_FLOAT, "WAV 32-bit float", 0x1.0p-24},
        {"f64.wav", SF_FORMAT_WAV | SF_FORMAT_DOUBLE, "WAV 64-bit float", 0.0},
        {"s16.aiff", SF_FORMAT_AIFF | SF_FORMAT_PCM_16, "AIFF 16-bit PCM", 1.5 / 32768},
        {"s16.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, "FLAC 16-bit", 1.5 / 32768},
        {"s24.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_24, "FLAC 24-bit", 1.5 / 8388608},
    };
    enum { FRAMES = 4410 };
    double *x = malloc(2 * FRAMES * sizeof *x);
    test_signal(x, FRAMES, 44100.0);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *path = tmp_path(cases[i].file);
        CU_ASSERT_FATAL(sf_write_file(path, cases[i].format, 2, 44100, x, FRAMES) == 0);
        struct dsp_audio a;
        int s = dsp_audio_read(path, &a);
        CU_ASSERT_EQUAL(s, DSP_OK);
        if (s != DSP_OK) {
            printf("\n    %s: %s\n", cases[i].file, dsp_last_error());
            continue;
        }
        CU_ASSERT_EQUAL(a.frames, FRAMES);
        CU_ASSERT_EQUAL(a.channels, 2);
        CU_ASSERT_EQUAL(a.sample_rate, 44100.0);
        if (strcmp(a.format, cases[i].name) != 0)
            printf("\n    %s: format \"%s\", expected \"%s\"\n", cases[i].file, a.format,
                   cases[i].name);
        CU_ASSERT_STRING_EQUAL(a.format, cases[i].name);
        if (a.frames == FRAMES)
            test_close(cases[i].file, a.data, x, 2 * FRAMES, cases[i].tol, 0.0);
        dsp_audio_free(&a);
        CU_ASSERT_PTR_NULL(a.data);
        CU_ASSERT_EQUAL(a.frames, 0);
    }
    free(x);
}

static void test_vorbis(void)
{
    /* Vorbis is lossy: samples are not comparable one by one, so check the
     * length and that the decoded sound stays close in the energy sense. At
     * the default quality a pure tone comes back with an SNR well above
     * 20 dB; a broken decode (wrong channel order, scale, offset) gives
     * about 0 dB or less. */
    enum { FRAMES = 44100 };
    double *x = malloc(2 * FRAMES * sizeof *x);
    test_signal(x, FRAMES, 44100.0);
    const char *path = tmp_path("tone.ogg");
    CU_ASSERT_FATAL(sf_write_file(path, SF_FORMAT_OGG | SF_FORMAT_VORBIS, 2, 44100, x, FRAMES) == 0);
    struct dsp_audio a;
    CU_ASSERT_EQUAL_FATAL(dsp_audio_read(path, &a), DSP_OK);
    CU_ASSERT_STRING_EQUAL(a.format, "OGG Vorbis");
    CU_ASSERT_EQUAL(a.channels, 2);
    CU_ASSERT_EQUAL(a.frames, FRAMES);
    size_t n = a.frames < FRAMES ? a.frames : FRAMES;
    double sig = 0.0, err = 0.0;
    for (size_t i = 0; i < 2 * n; i++) {
        sig += x[i] * x[i];
        err += (a.data[i] - x[i]) * (a.data[i] - x[i]);
    }
    double snr = 10.0 * log10(sig / err);
    if (!(snr > 20.0))
        printf("\n    Vorbis round trip SNR %.1f dB\n", snr);
    CU_ASSERT(snr > 20.0);
    dsp_audio_free(&a);
    free(x);
}

static void test_mixdown(void)
{
    /* Three channels: constant 0.5, -0.25 and a ramp; the mean is exact in
     * binary for these values. */
    enum { FRAMES = 100 };
    double x[3 * FRAMES], want[FRAMES];
    for (int f = 0; f < FRAMES; f++) {
        x[3 * f] = 0.5;
        x[3 * f + 1] = -0.25;
        x[3 * f + 2] = (f - 50) / 64.0;
        want[f] = (0.5 - 0.25 + (f - 50) / 64.0) / 3.0;
    }
    const char *path = tmp_path("three.wav");
    CU_ASSERT_FATAL(sf_write_file(path, SF_FORMAT_WAV | SF_FORMAT_DOUBLE, 3, 8000, x, FRAMES) == 0);
    struct dsp_audio a;
    CU_ASSERT_EQUAL_FATAL(dsp_audio_read(path, &a), DSP_OK);
    CU_ASSERT_EQUAL(a.channels, 3);
    CU_ASSERT_EQUAL(a.data[3 * 7 + 1], -0.25);   /* interleaved: frame 7, channel 1 */
    double mono[FRAMES];
    CU_ASSERT_EQUAL(dsp_audio_mixdown(&a, mono), DSP_OK);
    test_close("mixdown", mono, want, FRAMES, 1e-16, 0.0);   /* one rounding of the mean */
    dsp_audio_free(&a);
    dsp_audio_free(&a);   /* twice is safe */

    double *m = NULL, rate = 0.0;
    size_t n = 0;
    CU_ASSERT_EQUAL_FATAL(dsp_audio_read_mono(path, &m, &n, &rate), DSP_OK);
    CU_ASSERT_EQUAL(n, FRAMES);
    CU_ASSERT_EQUAL(rate, 8000.0);
    test_close("read_mono", m, want, FRAMES, 1e-16, 0.0);
    free(m);
}

/* The error names the file and says why. */
static void expect_error(const char *path, int want_status, const char *reason)
{
    struct dsp_audio a;
    int s = dsp_audio_read(path, &a);
    if (s != want_status || !strstr(dsp_last_error(), path) ||
        (reason && !strstr(dsp_last_error(), reason)))
        printf("\n    %s: status %d (want %d), message \"%s\"\n", path, s, want_status,
               dsp_last_error());
    CU_ASSERT_EQUAL(s, want_status);
    CU_ASSERT(strstr(dsp_last_error(), path) != NULL);
    CU_ASSERT(strlen(dsp_last_error()) > strlen(path) + 10);   /* a reason follows the name */
    if (reason)
        CU_ASSERT(strstr(dsp_last_error(), reason) != NULL);
    CU_ASSERT_PTR_NULL(a.data);
    CU_ASSERT_EQUAL(a.frames, 0);
}

/* A canonical 44-byte PCM16 WAV header followed by data_bytes of zeros. */
static size_t wav_bytes(unsigned char *b, uint32_t rate, uint16_t channels, uint32_t data_bytes,
                        size_t actual_data)
{
    uint16_t bits = 16, align = (uint16_t)(channels * 2);
    uint32_t byte_rate = rate * align;
    memcpy(b, "RIFF", 4);
    uint32_t riff = 36 + data_bytes;
    memcpy(b + 4, (unsigned char[]){riff, riff >> 8, riff >> 16, riff >> 24}, 4);
    memcpy(b + 8, "WAVEfmt ", 8);
    memcpy(b + 16, (unsigned char[]){16, 0, 0, 0, 1, 0, channels & 0xff, channels >> 8}, 8);
    memcpy(b + 24, (unsigned char[]){rate, rate >> 8, rate >> 16, rate >> 24}, 4);
    memcpy(b + 28, (unsigned char[]){byte_rate, byte_rate >> 8, byte_rate >> 16, byte_rate >> 24},
           4);
    memcpy(b + 32, (unsigned char[]){align & 0xff, align >> 8, bits, 0}, 4);
    memcpy(b + 36, "data", 4);
    memcpy(b + 40, (unsigned char[]){data_bytes, data_bytes >> 8, data_bytes >> 16,
                                     data_bytes >> 24}, 4);
    memset(b + 44, 0, actual_data);
    for (size_t i = 0; i + 1 < actual_data; i += 2)
        b[44 + i + 1] = 0x10;   /* samples of 0x1000 = 4096/32768 = 0.125 */
    return 44 + actual_data;
}

static void test_bad_inputs(void)
{
    expect_error(tmp_path("missing.wav"), DSP_EIO, "No such file");

    const char *text = tmp_path("x.wav");
    write_bytes(text, "this is not a sound file\n", 25);
    expect_error(text, DSP_EFORMAT, NULL);

    const char *empty = tmp_path("empty.wav");
    CU_ASSERT_FATAL(sf_write_file(empty, SF_FORMAT_WAV | SF_FORMAT_PCM_16, 1, 8000, NULL, 0) == 0);
    expect_error(empty, DSP_EEMPTY, "no audio frames");

    unsigned char b[44 + 4096];
    size_t len = wav_bytes(b, 8000, 1, 4096, 4096);
    const char *cut = tmp_path("cut.wav");
    write_bytes(cut, b, 20);   /* stops inside the fmt chunk */
    expect_error(cut, DSP_EFORMAT, NULL);

    const char *valid = tmp_path("valid.wav");   /* the hand-made header is right */
    len = wav_bytes(b, 8000, 1, 4096, 4096);
    write_bytes(valid, b, len);
    struct dsp_audio v;
    CU_ASSERT_EQUAL(dsp_audio_read(valid, &v), DSP_OK);
    CU_ASSERT(v.frames == 2048 && v.data && v.data[5] == 0.125);
    dsp_audio_free(&v);

    const char *zero_rate = tmp_path("zero-rate.wav");
    len = wav_bytes(b, 0, 1, 4096, 4096);
    write_bytes(zero_rate, b, len);
    expect_error(zero_rate, DSP_EFORMAT, NULL);

    const char *many = tmp_path("many-channels.wav");
    /* The channel field of a WAV is 16 bits wide, so 70000 cannot be
     * written; 65535, the largest a WAV can claim, is as absurd. */
    len = wav_bytes(b, 8000, 65535, 4096, 4096);
    write_bytes(many, b, len);
    expect_error(many, DSP_EFORMAT, NULL);

    /* Sun .au keeps channels and rate in 32-bit big-endian fields, so
     * 70000 channels can be claimed there: ".snd", data offset 24, data
     * size, encoding 3 (16-bit PCM), rate, channels. */
    static const unsigned char au_many[24] = {'.', 's', 'n', 'd', 0, 0, 0, 24, 0, 0, 0x10, 0,
                                              0, 0, 0, 3, 0, 0, 0x1f, 0x40, 0, 1, 0x11, 0x70};
    unsigned char au[24 + 4096] = {0};
    memcpy(au, au_many, 24);
    const char *au_path = tmp_path("many-channels.au");
    write_bytes(au_path, au, sizeof au);
    expect_error(au_path, DSP_EFORMAT, "channels");
    memcpy(au + 16, "\0\0\0\0\0\0\0\1", 8);   /* 0 Hz, 1 channel */
    const char *au_rate = tmp_path("zero-rate.au");
    write_bytes(au_rate, au, sizeof au);
    expect_error(au_rate, DSP_EFORMAT, NULL);
    memcpy(au + 16, "\0\0\x1f\x40\0\0\0\1", 8);   /* 8000 Hz, 1 channel: valid */
    write_bytes(au_rate, au, sizeof au);
    struct dsp_audio ok;
    CU_ASSERT_EQUAL(dsp_audio_read(au_rate, &ok), DSP_OK);   /* the builder itself is right */
    CU_ASSERT_EQUAL(ok.frames, 2048);
    dsp_audio_free(&ok);

    const char *folder = tmp_path("folder.wav");
    CU_ASSERT(mkdir_p(folder) == 0);
    expect_error(folder, DSP_EIO, NULL);
}

static void test_short_data(void)
{
    /* The header claims 4096 bytes (2048 frames), the file holds 200 bytes:
     * read what is there, never garbage beyond it. */
    unsigned char b[44 + 4096];
    size_t len = wav_bytes(b, 8000, 1, 4096, 200);
    const char *path = tmp_path("short.wav");
    write_bytes(path, b, len);
    struct dsp_audio a;
    int s = dsp_audio_read(path, &a);
    CU_ASSERT(s == DSP_OK || s == DSP_EFORMAT);
    if (s == DSP_OK) {
        CU_ASSERT(a.frames <= 100);
        CU_ASSERT(a.frames >= 1);
        for (size_t i = 0; i < a.frames; i++)
            CU_ASSERT_EQUAL(a.data[i], 0.125);
        dsp_audio_free(&a);
    } else {
        CU_ASSERT(strstr(dsp_last_error(), path) != NULL);
    }
}

/* dsp_audio_probe must report exactly what dsp_audio_read does, for every
 * format, a truncated file and each bad input, without the samples. */
static void expect_probe_matches_read(const char *path)
{
    struct dsp_audio r, p;
    int sr = dsp_audio_read(path, &r);
    char read_error[512];
    snprintf(read_error, sizeof read_error, "%s", dsp_last_error());
    int sp = dsp_audio_probe(path, &p);
    if (sr != sp || (sr == DSP_OK && (p.frames != r.frames || p.channels != r.channels ||
                                      p.sample_rate != r.sample_rate ||
                                      strcmp(p.format, r.format) != 0)))
        printf("\n    %s: read %d (%zu frames, %s), probe %d (%zu frames, %s)\n", path, sr,
               r.frames, r.format, sp, p.frames, p.format);
    CU_ASSERT_EQUAL(sp, sr);
    CU_ASSERT_PTR_NULL(p.data);
    if (sr == DSP_OK) {
        CU_ASSERT_EQUAL(p.frames, r.frames);
        CU_ASSERT_EQUAL(p.channels, r.channels);
        CU_ASSERT_EQUAL(p.sample_rate, r.sample_rate);
        CU_ASSERT_STRING_EQUAL(p.format, r.format);
    } else {
        CU_ASSERT_STRING_EQUAL(dsp_last_error(), read_error);
    }
    dsp_audio_free(&r);
    dsp_audio_free(&p);   /* nothing to free, but allowed */
}

static void test_probe(void)
{
    /* Files left by the earlier cases, plus two sounds of the course. */
    static const char *const names[] = {
        "u8.wav", "s16.wav", "s24.wav", "s32.wav", "f32.wav", "f64.wav", "s16.aiff",
        "s16.flac", "s24.flac", "tone.ogg", "short.wav", "missing.wav", "x.wav", "empty.wav",
        "cut.wav", "zero-rate.wav", "many-channels.wav", "many-channels.au", "folder.wav"};
    for (size_t i = 0; i < TEST_COUNT(names); i++)
        expect_probe_matches_read(tmp_path(names[i]));
    expect_probe_matches_read("data/sounds/piano-a4.wav");
    CU_ASSERT_EQUAL(dsp_audio_probe(NULL, &(struct dsp_audio){0}), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_audio_probe("x.wav", NULL), DSP_EINVAL);

    /* Through a pipe, Ogg has no length in its header: probe decodes the
     * stream once (it cannot be opened twice) and still counts every frame. */
    int fds[2];
    CU_ASSERT_FATAL(pipe(fds) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        FILE *f = fopen(tmp_path("tone.ogg"), "rb");
        char chunk[4096];
        size_t got;
        while (f && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
            if (write(fds[1], chunk, got) != (ssize_t)got)
                break;
        _exit(0);
    }
    close(fds[1]);
    char pipe_path[64];
    snprintf(pipe_path, sizeof pipe_path, "/dev/fd/%d", fds[0]);
    struct dsp_audio piped;
    CU_ASSERT_EQUAL(dsp_audio_probe(pipe_path, &piped), DSP_OK);
    CU_ASSERT_EQUAL(piped.frames, 44100);   /* test_vorbis's tone */
    CU_ASSERT_EQUAL(piped.channels, 2);
    CU_ASSERT_STRING_EQUAL(piped.format, "OGG Vorbis");
    close(fds[0]);
    waitpid(pid, NULL, 0);

    /* The header is all it reads: a 2-hour file (produced by libsndfile in
     * seconds, 8-bit mono at 8 kHz = 57.6 MB) whose samples, read, would
     * take 460 MB of doubles. */
    enum { RATE = 8000 };
    const char *long_path = tmp_path("two-hours.wav");
    SF_INFO info = {.samplerate = RATE, .channels = 1, .format = SF_FORMAT_WAV | SF_FORMAT_PCM_U8};
    SNDFILE *sf = sf_open(long_path, SFM_WRITE, &info);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sf);
    static short zeros[RATE * 60];
    for (int minute = 0; minute < 120; minute++)
        sf_writef_short(sf, zeros, RATE * 60);
    sf_close(sf);
    struct dsp_audio p;
    struct rusage before, after;
    getrusage(RUSAGE_SELF, &before);
    CU_ASSERT_EQUAL(dsp_audio_probe(long_path, &p), DSP_OK);
    getrusage(RUSAGE_SELF, &after);
    CU_ASSERT_EQUAL(p.frames, (size_t)RATE * 60 * 120);
    CU_ASSERT_PTR_NULL(p.data);
    /* Peak memory grew by far less than the 460 MB a read would take. */
    long grew_kb = after.ru_maxrss - before.ru_maxrss;
    if (grew_kb >= 50 * 1024)
        printf("\n    probe raised the peak memory by %ld kB\n", grew_kb);
    CU_ASSERT(grew_kb < 50 * 1024);
    unlink(long_path);
}

static void test_write_read_back(void)
{
    enum { FRAMES = 1000 };
    double x[2 * FRAMES];
    test_signal(x, FRAMES, 16000.0);
    x[10] = 1.5;     /* clipped to the largest 16-bit value, 32767/32768 */
    x[11] = -1.5;    /* clipped to -1 */
    const char *p16 = tmp_path("out16.wav"), *p32 = tmp_path("out32.wav");
    CU_ASSERT_EQUAL_FATAL(dsp_audio_write_wav(p16, x, FRAMES, 2, 16000.0, DSP_WAV_PCM16), DSP_OK);
    CU_ASSERT_EQUAL_FATAL(dsp_audio_write_wav(p32, x, FRAMES, 2, 16000.0, DSP_WAV_FLOAT32),
                          DSP_OK);
    struct dsp_audio a;
    CU_ASSERT_EQUAL_FATAL(dsp_audio_read(p16, &a), DSP_OK);
    CU_ASSERT_STRING_EQUAL(a.format, "WAV 16-bit PCM");
    CU_ASSERT_EQUAL(a.frames, FRAMES);
    CU_ASSERT_EQUAL(a.channels, 2);
    CU_ASSERT_EQUAL(a.sample_rate, 16000.0);
    CU_ASSERT_EQUAL(a.data[10], 32767.0 / 32768.0);
    CU_ASSERT_EQUAL(a.data[12], round(x[12] * 32768.0) / 32768.0);   /* exact quantiser */
    CU_ASSERT_EQUAL(a.data[11], -1.0);
    x[10] = 32767.0 / 32768.0;
    x[11] = -1.0;
    /* dsp_audio_write_wav rounds x * 32768: half a step, plus 1e-15 slack
     * for the rounding of the product itself. */
    test_close("PCM16 write/read", a.data, x, 2 * FRAMES, 0.5 / 32768 + 1e-15, 0.0);
    dsp_audio_free(&a);
    x[10] = 1.5;
    x[11] = -1.5;
    CU_ASSERT_EQUAL_FATAL(dsp_audio_read(p32, &a), DSP_OK);
    CU_ASSERT_STRING_EQUAL(a.format, "WAV 32-bit float");
    CU_ASSERT_EQUAL(a.data[10], 1.5);   /* float keeps values beyond [-1, 1] */
    /* float32 keeps 24 bits: relative error <= 2^-24 */
    test_close("FLOAT32 write/read", a.data, x, 2 * FRAMES, 0.0, 0x1.0p-24);
    dsp_audio_free(&a);
}

static void test_write_failures(void)
{
    double x[4] = {0.1, 0.2, 0.3, 0.4};
    char sub[4400];
    /* The parent is a regular file: no folder to write into (root ignores
     * permission bits, so an unwritable folder cannot be made that way). */
    const char *plain = tmp_path("plain-file");
    write_bytes(plain, "x", 1);
    snprintf(sub, sizeof sub, "%s/out.wav", plain);
    CU_ASSERT_EQUAL(dsp_audio_write_wav(sub, x, 4, 1, 8000.0, DSP_WAV_PCM16), DSP_EIO);
    CU_ASSERT(strstr(dsp_last_error(), sub) != NULL);
    snprintf(sub, sizeof sub, "%s/no-such-folder/out.wav", dir);
    CU_ASSERT_EQUAL(dsp_audio_write_wav(sub, x, 4, 1, 8000.0, DSP_WAV_PCM16), DSP_EIO);
    CU_ASSERT(strstr(dsp_last_error(), sub) != NULL);
    CU_ASSERT(!file_exists(sub));

    /* Invalid arguments: nothing is created, the message names the path. */
    char clean[4200];
    snprintf(clean, sizeof clean, "%s/clean", dir);
    CU_ASSERT_FATAL(mkdir_p(clean) == 0);
    snprintf(sub, sizeof sub, "%s/out.wav", clean);
    double with_nan[4] = {0.1, NAN, 0.3, 0.4};
    CU_ASSERT_EQUAL(dsp_audio_write_wav(sub, with_nan, 4, 1, 8000.0, DSP_WAV_FLOAT32), DSP_EINVAL);
    CU_ASSERT(strstr(dsp_last_error(), sub) != NULL);
    CU_ASSERT_EQUAL(dsp_audio_write_wav(sub, x, 4, 0, 8000.0, DSP_WAV_PCM16), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_audio_write_wav(sub, x, 4, 1, 0.0, DSP_WAV_PCM16), DSP_EINVAL);
    CU_ASSERT_EQUAL(dsp_audio_write_wav(sub, x, 0, 1, 8000.0, DSP_WAV_PCM16), DSP_EINVAL);
    CU_ASSERT(strstr(dsp_last_error(), sub) != NULL);
    CU_ASSERT_EQUAL(count_entries(clean, listing, sizeof listing), 0);   /* no file, no temporary */
    /* A success leaves exactly the one file, no temporary beside it. */
    CU_ASSERT_EQUAL(dsp_audio_write_wav(sub, x, 4, 1, 8000.0, DSP_WAV_PCM16), DSP_OK);
    CU_ASSERT_EQUAL(count_entries(clean, listing, sizeof listing), 1);
}

int main(void)
{
    snprintf(dir, sizeof dir, "%s", test_tmpdir());
    static const struct test_case cases[] = {
        {"round trips: WAV u8/16/24/32/float/double, AIFF, FLAC", test_round_trip_formats},
        {"OGG Vorbis: length and SNR", test_vorbis},
        {"mixdown and read_mono", test_mixdown},
        {"bad inputs fail with file and reason", test_bad_inputs},
        {"data shorter than the header claims", test_short_data},
        {"probe reports what read does, without the samples", test_probe},
        {"write PCM16 (clipped) and FLOAT32, read back", test_write_read_back},
        {"failed writes leave no file", test_write_failures},
    };
    int s = test_run("audio", cases, TEST_COUNT(cases));
    test_rmdir(dir);
    return s;
}
