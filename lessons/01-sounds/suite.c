/*
 * Lesson 01 — Sounds: the graded tests.
 *
 * Expected values are closed forms computed here, or the reference files
 * files in data/reference/01-sounds/ written by refgen.c from the solution.
 * Tolerances: copies and single products are exact (atol 0 and a tiny rtol
 * only to survive a compiler contracting a*b into an FMA); sums over many
 * samples may be added in another order, so they get rtol 1e-12 (a sum of
 * 10^5 positive terms in double moves by well under 1e-13 relative);
 * anything read back from a 16-bit file is within one quantisation step.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dsplab/audio.h>
#include <dsplab/gen.h>

#include "exercise.h"
#include "grade.h"

#define SPEECH "sounds/speech-front-center.wav"
#define SUM_RTOL 1e-12
#define PI 3.14159265358979323846

/* Reads a committed sound; fails the test (an instructor's problem) if it cannot. */
static int read_sound(const char *rel, struct dsp_audio *a)
{
    int st = dsp_audio_read(grade_data_path(rel), a);
    return grade_true(st == DSP_OK, "cannot read data/%s: %s", rel, dsp_last_error());
}

static void check_info(const struct sound_info *got, const struct sound_info *want)
{
    grade_close_scalar("sample_rate", got->sample_rate, want->sample_rate, 0, 0);
    grade_true(got->channels == want->channels, "channels: got %d, expected %d", got->channels,
               want->channels);
    grade_true(got->frames == want->frames, "frames: got %zu, expected %zu", got->frames,
               want->frames);
    grade_close_scalar("duration (s)", got->duration, want->duration, 0, 1e-15);
    grade_close_scalar("peak", got->peak, want->peak, 0, 1e-15);
    grade_close_scalar("rms", got->rms, want->rms, 0, SUM_RTOL);
}

/* ---- Part 1: info ---- */

static void info_example(void)
{
    double data[] = {0.5, -1, 0.5, 0};
    struct dsp_audio a = {data, 4, 1, 4.0, "test"};
    struct sound_info got = {0}, want = {4.0, 1, 4, 1.0, 1.0, sqrt(1.5 / 4)};
    if (!grade_status(sound_info_ex(&a, &got), "sound_info_ex"))
        return;
    check_info(&got, &want);
}

/* Stereo: left = 0.8 cos(2 pi 3 i / 64) over 64 frames (3 whole periods, so
 * sum of squares = 0.64 * 64 / 2), right = the constant -0.3.
 * rms = sqrt((0.32 * 64 + 0.09 * 64) / 128), peak = 0.8 (at i = 0). */
static void info_stereo(void)
{
    enum { N = 64 };
    double data[2 * N];
    for (size_t i = 0; i < N; i++) {
        data[2 * i] = 0.8 * cos(2 * PI * 3 * (double)i / N);
        data[2 * i + 1] = -0.3;
    }
    struct dsp_audio a = {data, N, 2, 22050.0, "test"};
    struct sound_info got = {0}, want = {22050.0, 2, N, N / 22050.0, 0.8, sqrt((0.32 + 0.09) / 2)};
    if (!grade_status(sound_info_ex(&a, &got), "sound_info_ex"))
        return;
    grade_note("a stereo sound: 64 frames = 128 samples, interleaved L R L R ...");
    check_info(&got, &want);
}

/* The reference's row: sample_rate channels frames duration peak rms. */
static void info_speech(void)
{
    struct dsp_mat ref = {0};
    struct dsp_audio a = {0};
    if (!grade_reference("info.txt", &ref) || !read_sound(SPEECH, &a))
        goto done;
    if (!grade_true(ref.cols == 6 && ref.rows >= 1, "info.txt: expected 6 columns"))
        goto done;
    struct sound_info got = {0};
    struct sound_info want = {ref.data[0], (int)ref.data[1], (size_t)ref.data[2],
                              ref.data[3],  ref.data[4],      ref.data[5]};
    if (!grade_status(sound_info_ex(&a, &got), "sound_info_ex"))
        goto done;
    grade_note("data/%s", SPEECH);
    check_info(&got, &want);
done:
    dsp_audio_free(&a);
    dsp_mat_free(&ref);
}

static void info_bad(void)
{
    double data[] = {0.1};
    struct dsp_audio empty = {data, 0, 1, 44100.0, "test"};
    struct dsp_audio norate = {data, 1, 1, 0.0, "test"};
    struct sound_info got;
    grade_einval(sound_info_ex(&empty, &got), "sound_info_ex", "0 frames");
    grade_einval(sound_info_ex(&norate, &got), "sound_info_ex", "sample_rate 0");
}

/* grade_close, then a hint when the error is only float's precision: a
 * correct double computation is off by ~1e-16 of the values here, float
 * (24-bit mantissa) by ~6e-8, a wrong formula by far more. */
static int close_real(const char *what, const double *got, const double *want, size_t n,
                      double atol, double rtol)
{
    if (grade_close(what, got, want, n, atol, rtol))
        return 1;
    double err = 0, big = 0;
    for (size_t i = 0; i < n; i++) {
        double e = fabs(got[i] - want[i]);
        if (!isfinite(e))
            return 0;
        err = fmax(err, e);
        big = fmax(big, fabs(want[i]));
    }
    if (big > 0 && err / big > 1e-10 && err / big < 1e-5)
        grade_note("hint: the largest error is %.2g of the largest value: about float's "
                   "precision (7 digits), not a wrong formula. A float variable or cast where "
                   "double is needed?",
                   err / big);
    return 0;
}

/* ---- Part 2: scale ---- */

static void scale_example(void)
{
    double x[] = {0.5, -0.25, 0}, y[3], want[] = {1, -0.5, 0};
    if (!grade_status(scale_ex(x, 3, 2.0, y), "scale_ex"))
        return;
    grade_close("y", y, want, 3, 0, 0);
}

/* A hidden test (lessons/README.md, "Hidden tests"): the gain and the
 * signal are private (data/reference-hidden/01-sounds/scale.txt, first row
 * the gain); the expected values are computed here. */
static void scale_hidden(void)
{
    struct dsp_mat m = {0};
    double y[64], want[64];
    if (!grade_hidden_data("scale.txt", &m))
        return;
    if (grade_true(m.cols == 1 && m.rows >= 2 && m.rows <= 65, "scale.txt: expected 2..65 x 1")) {
        size_t n = m.rows - 1;
        double gain = m.data[0];
        for (size_t i = 0; i < n; i++)
            want[i] = gain * m.data[1 + i];
        if (grade_status(scale_ex(m.data + 1, n, gain, y), "scale_ex")) {
            grade_note("a hidden signal, n = %zu", n);
            /* one multiplication each: exact */
            grade_close("y", y, want, n, 0, 0);
        }
    }
    dsp_mat_free(&m);
}

static void scale_in_place(void)
{
    enum { N = 1000 };
    double x[N], want[N];
    dsp_gen_noise(1.0, 101, x, N);
    for (size_t i = 0; i < N; i++)
        want[i] = 0.3 * x[i];
    if (!grade_status(scale_ex(x, N, 0.3, x), "scale_ex(x, n, 0.3, x)"))
        return;
    grade_note("y is the same array as x");
    close_real("y", x, want, N, 0, 1e-15);
}

/* ---- Part 3: normalize ---- */

static void normalize_example(void)
{
    double x[] = {0.1, -0.4, 0.2}, y[3], want[] = {0.2, -0.8, 0.4}, gain = 0;
    if (!grade_status(normalize_ex(x, 3, 0.8, y, &gain), "normalize_ex"))
        return;
    if (!grade_close_scalar("gain", gain, 2.0, 0, 1e-15) && fabs(gain - 4.0) <= 1e-12)
        grade_note("hint: 4 = 0.8 / 0.2, the largest value, not the largest ABSOLUTE value "
                   "(|-0.4| = 0.4)");
    close_real("y", y, want, 3, 0, 1e-15);
}

/* Speech to -1 dBFS: the new peak is the target and y = gain * x. */
static void normalize_speech(void)
{
    struct dsp_audio a = {0};
    struct dsp_mat ref = {0};
    double *y = NULL, *want = NULL;
    if (!grade_reference("info.txt", &ref) || !read_sound(SPEECH, &a))
        goto done;
    double target = pow(10.0, -1.0 / 20.0), gain = 0, peak = 0;
    y = malloc(a.frames * sizeof *y);
    want = malloc(a.frames * sizeof *want);
    if (!grade_true(y && want, "out of memory"))
        goto done;
    if (!grade_status(normalize_ex(a.data, a.frames, target, y, &gain), "normalize_ex"))
        goto done;
    grade_note("data/%s, target %.6f (-1 dBFS), its peak is %.6f", SPEECH, target, ref.data[4]);
    grade_close_scalar("gain", gain, target / ref.data[4], 0, 1e-15);
    for (size_t i = 0; i < a.frames; i++) {
        want[i] = target / ref.data[4] * a.data[i];
        if (fabs(y[i]) > peak)
            peak = fabs(y[i]);
    }
    grade_close_scalar("max |y|", peak, target, 0, 1e-14);
    close_real("y", y, want, a.frames, 0, 1e-14);
done:
    free(y);
    free(want);
    dsp_audio_free(&a);
    dsp_mat_free(&ref);
}

static void normalize_bad(void)
{
    double x[4] = {0, 0, 0, 0}, y[4], gain;
    double one[1] = {0.5};
    grade_einval(normalize_ex(x, 4, 0.5, y, &gain), "normalize_ex", "all zeros");
    grade_einval(normalize_ex(one, 1, 1.5, y, &gain), "normalize_ex", "target 1.5");
    grade_einval(normalize_ex(one, 1, 0.0, y, &gain), "normalize_ex", "target 0");
}

/* ---- Part 4: downsample ---- */

static void downsample_example(void)
{
    double x[10], y[10];
    double want3[] = {0, 3, 6, 9}, want4[] = {0, 4, 8};
    size_t ny = 0;
    for (int i = 0; i < 10; i++)
        x[i] = i;
    if (!grade_status(downsample_ex(x, 10, 3, y, &ny), "downsample_ex(factor 3)"))
        return;
    if (grade_length("ny (factor 3)", ny, 4))
        grade_close("y (factor 3)", y, want3, 4, 0, 0);
    if (!grade_status(downsample_ex(x, 10, 4, y, &ny), "downsample_ex(factor 4)"))
        return;
    if (grade_length("ny (factor 4)", ny, 3))
        grade_close("y (factor 4)", y, want4, 3, 0, 0);
}

/* A 5000 Hz cosine at 16 kHz, decimated by 2 (new rate 8 kHz, Nyquist
 * 4 kHz), becomes exactly a 3000 Hz cosine: 5000 = 8000 - 3000 folds over.
 * Both sides are cosines of angles equal modulo 2*pi, evaluated at angles
 * below 2*pi*1300, so they agree to ~1e-12. */
static void downsample_alias(void)
{
    enum { N = 800, F = 2 };
    double x[N], y[N / F], want[N / F];
    size_t ny = 0;
    for (size_t i = 0; i < N; i++)
        x[i] = cos(2 * PI * 5000.0 * (double)i / 16000.0);
    for (size_t m = 0; m < N / F; m++)
        want[m] = cos(2 * PI * 3000.0 * (double)m / 8000.0);
    if (!grade_status(downsample_ex(x, N, F, y, &ny), "downsample_ex"))
        return;
    grade_note("5000 Hz at 16 kHz, factor 2 -> must equal 3000 Hz at 8 kHz (aliasing)");
    if (grade_length("ny", ny, N / F))
        grade_close("y", y, want, N / F, 1e-9, 0);
}

/* Random lengths and factors; 1 must copy. Expected y[m] = x[m * factor]. */
static void downsample_random(void)
{
    enum { NMAX = 1000 };
    double x[NMAX], y[NMAX + 1], want[NMAX];
    struct dsp_rng rng;
    dsp_rng_seed(&rng, 1234);
    dsp_gen_noise(1.0, 7, x, NMAX);
    for (int trial = 0; trial < 8; trial++) {
        size_t n = 1 + (size_t)(dsp_rng_uniform(&rng) * (NMAX - 1));
        size_t factor = trial == 0 ? 1 : 1 + (size_t)(dsp_rng_uniform(&rng) * 9);
        size_t want_n = (n + factor - 1) / factor, ny = 0;
        for (size_t m = 0; m < want_n; m++)
            want[m] = x[m * factor];
        if (!grade_status(downsample_ex(x, n, factor, y, &ny), "downsample_ex"))
            return;
        grade_note("n = %zu, factor = %zu", n, factor);
        /* a write past y[want_n - 1] hits the worker's fence page */
        if (!grade_length("ny", ny, want_n) || !grade_close("y", y, want, want_n, 0, 0))
            return;
    }
}

static void downsample_bad(void)
{
    double x[2] = {1, 2}, y[2];
    size_t ny;
    grade_einval(downsample_ex(x, 2, 0, y, &ny), "downsample_ex", "factor 0");
}

/* ---- Part 5: energy per block ---- */

static void energy_example(void)
{
    double x[] = {1, 2, 3, 4, 5}, e[5];
    double want_a[] = {5, 25}, want_b[] = {14, 29, 50};
    size_t nb = 0;
    if (!grade_status(block_energy_ex(x, 5, 2, 2, e, &nb), "block_energy_ex(size 2, hop 2)"))
        return;
    if (grade_length("nblocks (size 2, hop 2)", nb, 2))
        grade_close("e (size 2, hop 2)", e, want_a, 2, 0, 0);
    if (!grade_status(block_energy_ex(x, 5, 3, 1, e, &nb), "block_energy_ex(size 3, hop 1)"))
        return;
    if (grade_length("nblocks (size 3, hop 1)", nb, 3))
        grade_close("e (size 3, hop 1)", e, want_b, 3, 0, 0);
}

/* Edges of the block count: n < size gives 0 blocks; n == size gives 1;
 * a hop larger than the block skips samples. Sums of squares of integers
 * are exact. */
static void energy_edges(void)
{
    double x[] = {1, 2, 3, 4, 5, 6, 7}, e[8];
    double want_one[] = {140}, want_skip[] = {5, 85};
    size_t nb = 99;
    if (!grade_status(block_energy_ex(x, 3, 4, 1, e, &nb), "block_energy_ex(n 3, size 4)"))
        return;
    grade_length("nblocks (n 3 < size 4)", nb, 0);
    if (!grade_status(block_energy_ex(x, 7, 7, 3, e, &nb), "block_energy_ex(n 7, size 7)"))
        return;
    if (grade_length("nblocks (n 7 = size 7)", nb, 1))
        grade_close("e (n 7 = size 7)", e, want_one, 1, 0, 0);
    if (!grade_status(block_energy_ex(x, 7, 2, 5, e, &nb), "block_energy_ex(size 2, hop 5)"))
        return;
    if (grade_length("nblocks (size 2, hop 5)", nb, 2))
        grade_close("e (size 2, hop 5)", e, want_skip, 2, 0, 0);
}

/* n < size at several hops. Without a test n >= size first, (n - size)
 * wraps around to 2^64 - (size - n): divided by hop 1 and plus 1 that is
 * 0 again for size = n + 1 (so a hop-1 test alone passes by luck), but a
 * huge block count for any other hop or gap, and the loop runs off the
 * end of x and e. Every case must give 0 blocks and write nothing. */
static void energy_short(void)
{
    static const size_t cases[][3] = {
        /* n, size, hop */
        {3, 4, 1}, {3, 4, 2}, {3, 4, 3}, {3, 5, 1}, {2, 7, 5}, {0, 1, 1}, {0, 2, 2},
    };
    double x[] = {1, 2, 3, 4, 5, 6, 7}, e[4];
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t n = cases[c][0], size = cases[c][1], hop = cases[c][2], nb = 99;
        char call[96];
        snprintf(call, sizeof call, "block_energy_ex(n %zu, size %zu, hop %zu)", n, size, hop);
        for (size_t i = 0; i < 4; i++)
            e[i] = -1.0;
        if (!grade_status(block_energy_ex(x, n, size, hop, e, &nb), call))
            return;
        if (!grade_length("nblocks (n < size)", nb, 0)) {
            grade_note("%s: n - size with size_t operands wraps around to a huge number "
                       "when n < size: test n >= size first",
                       call);
            return;
        }
        if (!grade_true(e[0] == -1.0 && e[1] == -1.0, "%s wrote into e, which has no room: "
                        "0 blocks, nothing to write", call))
            return;
    }
}

/* Speech, blocks of 2048 with hop 512, against the solution's energies. */
static void energy_speech(void)
{
    struct dsp_audio a = {0};
    struct dsp_mat ref = {0};
    double *e = NULL;
    size_t nb = 0;
    if (!grade_reference("energy.txt", &ref) || !read_sound(SPEECH, &a))
        goto done;
    e = calloc(a.frames / 512 + 1, sizeof *e);
    if (!grade_true(e != NULL, "out of memory"))
        goto done;
    if (!grade_status(block_energy_ex(a.data, a.frames, 2048, 512, e, &nb), "block_energy_ex"))
        goto done;
    grade_note("data/%s (%zu samples), size 2048, hop 512", SPEECH, a.frames);
    if (grade_length("nblocks", nb, ref.rows))
        grade_close("e", e, ref.data, ref.rows, 1e-15, SUM_RTOL);
done:
    free(e);
    dsp_audio_free(&a);
    dsp_mat_free(&ref);
}

static void energy_bad(void)
{
    double x[4] = {1, 2, 3, 4}, e[4];
    size_t nb;
    grade_einval(block_energy_ex(x, 4, 0, 1, e, &nb), "block_energy_ex", "size 0");
    grade_einval(block_energy_ex(x, 4, 2, 0, e, &nb), "block_energy_ex", "hop 0");
}

/* ---- Part 6: write a tone ---- */

/* Writes, reads back and compares with amp cos(2 pi f i / fs). A 16-bit
 * file stores steps of 1/32768; whichever scaling (32767 or 32768) the
 * writer uses, a sample read back is within 2/32768 of the value written. */
static int check_tone(double amp, double freq, double seconds, double fs, size_t want_n)
{
    char path[4096];
    struct dsp_audio a = {0};
    snprintf(path, sizeof path, "%s/tone.wav", grade_tmpdir());
    if (!grade_status(write_tone_ex(path, amp, freq, seconds, fs), "write_tone_ex"))
        return 0;
    int st = dsp_audio_read(path, &a);
    if (!grade_true(st == DSP_OK, "reading your file back: %s", dsp_last_error()))
        return 0;
    int ok = grade_true(a.channels == 1, "channels: got %d, expected 1 (mono)", a.channels) &&
             grade_close_scalar("sample rate", a.sample_rate, fs, 0, 0) &&
             grade_true(strstr(a.format, "16") != NULL, "format: got \"%s\", expected 16-bit PCM",
                        a.format) &&
             grade_length("frames", a.frames, want_n);
    if (ok) {
        double *want = malloc(want_n * sizeof *want);
        if (grade_true(want != NULL, "out of memory")) {
            for (size_t i = 0; i < want_n; i++)
                want[i] = amp * cos(2 * PI * freq * (double)i / fs);
            ok = grade_close("samples read back", a.data, want, want_n, 2.0 / 32768, 0);
        }
        free(want);
    }
    dsp_audio_free(&a);
    return ok;
}

static void tone_example(void)
{
    grade_note("0.5 * cos(2 pi 440 i / 8000), 0.25 s -> 2000 samples");
    check_tone(0.5, 440.0, 0.25, 8000.0, 2000);
}

/* round(seconds * fs): 1/3 s at 8000 Hz is 2666.67 -> 2667 samples;
 * 0.0001 s at 44100 Hz is 4.41 -> 4. */
static void tone_rounding(void)
{
    if (check_tone(0.9, 1000.0, 1.0 / 3.0, 8000.0, 2667))
        check_tone(-0.25, 3000.0, 0.0001, 44100.0, 4);
}

static const struct grade_test tests[] = {
    {"info: example", 2, info_example, NULL, 0},
    {"info: stereo", 1, info_stereo, "info: example", 0},
    {"info: speech file", 2, info_speech, "info: example", 0},
    {"info: bad input", 1, info_bad, "info: example", 0},
    {"scale: example", 1, scale_example, NULL, 0},
    {"scale: in place", 1, scale_in_place, "scale: example", 0},
    {"normalize: example", 2, normalize_example, NULL, 0},
    {"normalize: speech to -1 dBFS", 1, normalize_speech, "normalize: example", 0},
    {"normalize: bad input", 1, normalize_bad, "normalize: example", 0},
    {"downsample: example", 2, downsample_example, NULL, 0},
    {"downsample: aliasing", 2, downsample_alias, "downsample: example", 0},
    {"downsample: random", 1, downsample_random, "downsample: example", 0},
    {"downsample: factor 0", 1, downsample_bad, "downsample: example", 0},
    {"energy: example", 2, energy_example, NULL, 0},
    {"energy: edges", 1, energy_edges, "energy: example", 0},
    {"energy: n < size at several hops", 1, energy_short, "energy: example", 0},
    {"energy: speech", 2, energy_speech, "energy: example", 0},
    {"energy: bad input", 1, energy_bad, "energy: example", 0},
    {"tone: example", 3, tone_example, NULL, 0},
    {"tone: length rounding", 1, tone_rounding, "tone: example", 0},
};

GRADE_SUITE("01-sounds", tests);

/* Private inputs: data/reference-hidden/ (instructor's copy only). */
static const struct grade_test hidden_tests[] = {
    {"scale: hidden", 2, scale_hidden, "scale: example", 0},
};
GRADE_HIDDEN_TESTS(hidden_tests);
