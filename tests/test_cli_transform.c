/* Tests of the transformation commands of the dsplab tool ($DSPLAB):
 * stretch, pitch, morph. Outputs are checked against closed forms (the
 * stretched length round(R * L) and an unchanged 440 Hz tone; a 220 Hz
 * harmonic sound shifted by 1.5 or 12 semitones sounds at 330 or 440 Hz;
 * the halfway morph of 220 and 330 Hz sounds at 275 Hz, each within
 * 0.1 Hz); usage errors exit 2, runtime errors exit 1 naming the file, and
 * a failure leaves nothing behind and keeps an existing output file.
 *
 * Inputs are generated here at 8 kHz, 1 s: short runs, long enough for the
 * default 1201-sample harmonic analysis window. */
#include "clitest.h"

#include <dsplab/dsplab.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FS 8000.0
#define LEN 8000

static char dir[4096];
static char tone_wav[4200];   /* 0.5 cos(2 pi 440 t), float32 */
static char a_wav[4200];      /* harmonics of 220 Hz, 0.3/h, h = 1..5 */
static char b_wav[4200];      /* harmonics of 330 Hz, the same amplitudes */
static char fast_wav[4200];   /* a_wav's samples at 16 kHz */
static char text_file[4200];
static char outdir[4200];
static char out[1 << 16], err[1 << 16];

static void fixture(void)
{
    if (dir[0])
        return;
    snprintf(dir, sizeof dir, "%s", test_tmpdir());
    snprintf(tone_wav, sizeof tone_wav, "%s/tone.wav", dir);
    snprintf(a_wav, sizeof a_wav, "%s/a.wav", dir);
    snprintf(b_wav, sizeof b_wav, "%s/b.wav", dir);
    snprintf(fast_wav, sizeof fast_wav, "%s/fast.wav", dir);
    snprintf(text_file, sizeof text_file, "%s/notes.txt", dir);
    snprintf(outdir, sizeof outdir, "%s/out", dir);
    static double x[LEN];
    const double amps[5] = {0.3, 0.15, 0.1, 0.075, 0.06};
    CU_ASSERT_FATAL(dsp_gen_sine(0.5, 440.0, 0.0, FS, x, LEN) == DSP_OK);
    write_mono_wav(tone_wav, x, LEN, FS);
    CU_ASSERT_FATAL(dsp_gen_harmonics(220.0, amps, NULL, 5, FS, x, LEN) == DSP_OK);
    write_mono_wav(a_wav, x, LEN, FS);
    write_mono_wav(fast_wav, x, LEN, 2 * FS);
    CU_ASSERT_FATAL(dsp_gen_harmonics(330.0, amps, NULL, 5, FS, x, LEN) == DSP_OK);
    write_mono_wav(b_wav, x, LEN, FS);
    write_text(text_file, "not a sound\n");
    make_dir(outdir);
}

/* The strongest peak between lo and hi Hz of the 4001 samples of the WAV
 * at path centred on its middle: Blackman-Harris, N = 32768 (0.24 Hz
 * bins); the interpolated peak of a steady tone is off by < 0.01 Hz.
 * *frames receives the file's length. */
static double wav_freq(const char *path, double lo, double hi, size_t *frames)
{
    enum { M = 4001, N = 32768, NB = N / 2 + 1 };
    static double w[M], mX[NB], pX[NB];
    double *y = NULL, fs = 0;
    size_t n = 0;
    CU_ASSERT_FATAL(dsp_audio_read_mono(path, &y, &n, &fs) == DSP_OK);
    *frames = n;
    CU_ASSERT_FATAL(n > M && fs == FS);
    dsp_window_fill(DSP_WIN_BLACKMANHARRIS, 0, DSP_WINDOW_PERIODIC, w, M);
    struct dsp_dftmodel *dm = dsp_dftmodel_new(w, M, N);
    CU_ASSERT_FATAL(dm != NULL);
    CU_ASSERT_FATAL(dsp_dftmodel_analyze(dm, y + n / 2 - M / 2, mX, pX) == DSP_OK);
    dsp_dftmodel_free(dm);
    free(y);
    size_t best = 0;
    for (size_t k = (size_t)(lo * N / FS); k <= (size_t)(hi * N / FS); k++)
        if (best == 0 || mX[k] > mX[best])
            best = k;
    double iloc = 0, imag = 0;
    CU_ASSERT_FATAL(dsp_peaks_interp(mX, NULL, NB, &best, 1, &iloc, &imag, NULL) == DSP_OK);
    return iloc * FS / N;
}

static void expect_freq(const char *what, double got, double want)
{
    CU_ASSERT(fabs(got - want) < 0.1);
    if (!(fabs(got - want) < 0.1))
        printf("\n    %s: %.4f Hz, expected %.4f\n", what, got, want);
}

static void test_help(void)
{
    fixture();
    const char *names[] = {"stretch", "pitch", "morph"};
    expect_command_help(names, TEST_COUNT(names));
}

static void test_stretch(void)
{
    fixture();
    char o[4300];
    snprintf(o, sizeof o, "%s/slow.wav", dir);
    const double factors[3] = {1.5, 0.6, 1.0};
    const char *locks[3] = {"identity", "none", "identity"};
    for (int t = 0; t < 3; t++) {
        CU_ASSERT_EQUAL_FATAL(dsplab("stretch '%s' --factor %g --lock %s --float -o '%s'",
                                     tone_wav, factors[t], locks[t], o),
                              0);
        char line[64];
        snprintf(line, sizeof line, "duration_s: 1.000000 -> %.6f", factors[t]);
        CU_ASSERT(strstr(out, line) != NULL);
        size_t n = 0;
        expect_freq("stretched tone", wav_freq(o, 300, 600, &n), 440.0);
        CU_ASSERT_EQUAL(n, (size_t)llround(LEN * factors[t]));
    }
}

static void test_pitch(void)
{
    fixture();
    char o[4300];
    snprintf(o, sizeof o, "%s/shifted.wav", dir);
    size_t n = 0;
    CU_ASSERT_EQUAL_FATAL(dsplab("pitch '%s' --ratio 1.5 --fmin 150 --fmax 300 --float -o '%s'",
                                 a_wav, o),
                          0);
    CU_ASSERT(strstr(out, "ratio: 1.500000") != NULL);
    expect_freq("220 Hz x 1.5", wav_freq(o, 250, 400, &n), 330.0);
    CU_ASSERT_EQUAL(n, LEN);
    CU_ASSERT_EQUAL_FATAL(dsplab("pitch '%s' --semitones 12 --envelope move --fmin 150 "
                                 "--fmax 300 --float -o '%s'",
                                 a_wav, o),
                          0);
    expect_freq("220 Hz up 12 semitones", wav_freq(o, 350, 550, &n), 440.0);
}

static void test_morph(void)
{
    fixture();
    char o[4300];
    snprintf(o, sizeof o, "%s/morph.wav", dir);
    size_t n = 0;
    CU_ASSERT_EQUAL_FATAL(dsplab("morph '%s' '%s' --alpha 0.5 --fmin 150 --fmax 400 --float "
                                 "-o '%s'",
                                 a_wav, b_wav, o),
                          0);
    CU_ASSERT(strstr(out, "alpha_freq: 0.5") != NULL);
    expect_freq("halfway between 220 and 330 Hz", wav_freq(o, 240, 310, &n), 275.0);
    CU_ASSERT_EQUAL(n, LEN);
    /* --alpha-freq alone wins over --alpha, whatever the order */
    CU_ASSERT_EQUAL_FATAL(dsplab("morph '%s' '%s' --alpha-freq 1 --alpha 0 --fmin 150 "
                                 "--fmax 400 --float -o '%s'",
                                 a_wav, b_wav, o),
                          0);
    CU_ASSERT(strstr(out, "alpha_freq: 1\nalpha_mag: 0\n") != NULL);
    expect_freq("B's pitch", wav_freq(o, 250, 400, &n), 330.0);
}

static void test_usage_errors(void)
{
    fixture();
    expect_usage("missing -o", "stretch '%s' --factor 2", tone_wav);
    expect_usage("missing --factor", "stretch '%s' -o '%s/x.wav'", tone_wav, outdir);
    expect_usage("--factor must be greater than 0", "stretch '%s' --factor -1 -o '%s/x.wav'",
                 tone_wav, outdir);
    expect_usage("--lock must be identity or none", "stretch '%s' --factor 2 --lock phase "
                 "-o '%s/x.wav'", tone_wav, outdir);
    expect_usage("--fft must be even", "stretch '%s' --factor 2 --fft 1001 -o '%s/x.wav'",
                 tone_wav, outdir);
    expect_usage("--hop (600) must be at most half", "stretch '%s' --factor 2 --fft 1024 "
                 "--hop 600 -o '%s/x.wav'", tone_wav, outdir);
    expect_usage("not both", "pitch '%s' --ratio 2 --semitones 3 -o '%s/x.wav'", a_wav, outdir);
    expect_usage("missing --ratio", "pitch '%s' -o '%s/x.wav'", a_wav, outdir);
    expect_usage("--envelope must be keep or move", "pitch '%s' --ratio 2 --envelope up "
                 "-o '%s/x.wav'", a_wav, outdir);
    expect_usage("--ratio must be greater than 0", "pitch '%s' --ratio 0 -o '%s/x.wav'", a_wav,
                 outdir);
    expect_usage("must lie in [0, 1]", "morph '%s' '%s' --alpha 1.5 -o '%s/x.wav'", a_wav, b_wav,
                 outdir);
    expect_usage("B.wav", "morph '%s' -o '%s/x.wav'", a_wav, outdir);
    expect_usage("--fmin-b (500 Hz) must be below --fmax-b", "morph '%s' '%s' --fmin-b 500 "
                 "-o '%s/x.wav'", a_wav, b_wav, outdir);
}

static void test_runtime_errors(void)
{
    fixture();
    char missing[4300], nodir[4300];
    snprintf(missing, sizeof missing, "%s/missing.wav", dir);
    snprintf(nodir, sizeof nodir, "%s/no-such-folder/x.wav", outdir);
    expect_runtime(missing, "cannot open", "stretch '%s' --factor 2 -o '%s/x.wav'", missing,
                   outdir);
    expect_runtime(text_file, "not a readable sound", "pitch '%s' --ratio 2 -o '%s/x.wav'",
                   text_file, outdir);
    expect_runtime(missing, "cannot open", "morph '%s' '%s' -o '%s/x.wav'", a_wav, missing,
                   outdir);
    expect_runtime(fast_wav, "sample rate 16000 Hz differs", "morph '%s' '%s' -o '%s/x.wav'",
                   a_wav, fast_wav, outdir);
    expect_runtime(nodir, "", "stretch '%s' --factor 2 -o '%s'", tone_wav, nodir);
    expect_runtime(nodir, "", "pitch '%s' --ratio 2 --fmin 150 --fmax 300 -o '%s'", a_wav,
                   nodir);
    /* a failing command keeps an existing output file as it was */
    char keep[4300];
    snprintf(keep, sizeof keep, "%s/keep.wav", dir);
    write_text(keep, "precious\n");
    CU_ASSERT_EQUAL(dsplab("stretch '%s' --factor 2 -o '%s'", missing, keep), 1);
    CU_ASSERT_EQUAL(dsplab("morph '%s' '%s' -o '%s'", a_wav, fast_wav, keep), 1);
    FILE *f = fopen(keep, "r");
    char buf[32] = {0};
    CU_ASSERT_FATAL(f != NULL);
    CU_ASSERT(fgets(buf, sizeof buf, f) != NULL && strcmp(buf, "precious\n") == 0);
    fclose(f);
}

static void test_cleanup(void)
{
    if (dir[0])
        test_rmdir(dir);
}

int main(void)
{
    cli_test_init(&(struct cli_test_config){.out = out, .out_size = sizeof out, .err = err,
                                            .err_size = sizeof err, .outdir = outdir});
    static const struct test_case cases[] = {
        {"--help lists the commands; each has its own help", test_help},
        {"stretch: round(R L) samples, the tone stays at 440 Hz", test_stretch},
        {"pitch: 220 Hz x 1.5 -> 330 Hz, +12 semitones -> 440 Hz", test_pitch},
        {"morph: 220 and 330 Hz halfway -> 275 Hz; --alpha-freq 1 -> 330 Hz", test_morph},
        {"usage errors exit 2 with a message, write nothing", test_usage_errors},
        {"runtime errors exit 1 naming the file, keep existing outputs", test_runtime_errors},
        {"remove the test folder", test_cleanup},
    };
    return test_run("cli_transform", cases, TEST_COUNT(cases));
}
