/* Tests of `make try` (grader/grader.mk, lessons/try.h, lessons/NN/try.c):
 * for each lesson that has a try.c (01, 02, 04, 08), one exercise on its default sound with
 * the lesson's solution as the submission: the run succeeds, prints where
 * the files are, writes the outputs, the comparison and its figures (PNGs
 * of the default size), a WAV when the output is a signal, and the
 * solution's output equals the library's. A stub says "not implemented
 * yet" and fails; an unknown exercise names the ones there are. */
#include "clitest.h"

#include <dsplab/dsplab.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char out[1 << 16], err[1 << 16];
static char tmp[1024];

static const char *build_dir(void)
{
    const char *b = getenv("BUILD");
    return b && b[0] ? b : "build";
}

static void png_size(const char *path, unsigned *w, unsigned *h)
{
    unsigned char b[24] = {0};
    FILE *f = fopen(path, "rb");
    *w = *h = 0;
    if (!f)
        return;
    if (fread(b, 1, sizeof b, f) == sizeof b && memcmp(b + 1, "PNG", 3) == 0) {
        *w = (unsigned)b[16] << 24 | (unsigned)b[17] << 16 | (unsigned)b[18] << 8 | b[19];
        *h = (unsigned)b[20] << 24 | (unsigned)b[21] << 16 | (unsigned)b[22] << 8 | b[23];
    }
    fclose(f);
}

/* make try LESSON=lesson ONLY=ex with submission sub (solution or stub). */
static int run_try(const char *lesson, const char *ex, const char *kind, char *o, size_t osize)
{
    char cmd[4096];
    const char *b = build_dir();
    snprintf(cmd, sizeof cmd,
             "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s BUILD=%s %s "
             "try LESSON=%.2s ONLY=%s SUBMISSION=%s/%s GRADE_REPORT_DIR=%s/out 2>&1",
             b, strstr(b, "san") ? "SAN=1" : "", lesson, ex, tmp, kind, tmp);
    o[0] = '\0';
    return test_sh(cmd, o, osize, err, sizeof err);
}

/* Copies the .c files of lessons/<lesson>/<kind> into tmp/<kind>/<lesson>. */
static void copy_lesson(const char *lesson, const char *kind)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "mkdir -p %s/%s/%s && cp lessons/%s/%s/*.c %s/%s/%s/", tmp, kind,
             lesson, lesson, kind, tmp, kind, lesson);
    CU_ASSERT_EQUAL_FATAL(test_sh(cmd, NULL, 0, NULL, 0), 0);
}

static void setup(void)
{
    if (tmp[0])
        return;
    snprintf(tmp, sizeof tmp, "%s", test_tmpdir());
    static const char *const lessons[] = {"01-sounds", "02-sinusoids-dft", "04-stft",
                                          "08-mel-spectrogram"};
    for (size_t i = 0; i < 4; i++) {
        if (access("STUDENT_EDITION", F_OK) != 0) /* make release leaves solutions out */
            copy_lesson(lessons[i], "solution");
        copy_lesson(lessons[i], "stub");
    }
}

/* The solution on the default sound: files, figures, and yours == library
 * (the largest difference printed is rounding: below 1e-9). */
static void check_solution(const char *lesson, const char *ex, const char *figure, int wav)
{
    if (access("STUDENT_EDITION", F_OK) == 0) {
        printf("\n  skipped in the student edition (no solutions)\n");
        return;
    }
    setup();
    int rc = run_try(lesson, ex, "solution", out, sizeof out);
    if (rc != 0)
        printf("\n%s\n", out);
    CU_ASSERT_EQUAL_FATAL(rc, 0);
    char dir[1400], path[1600];
    snprintf(dir, sizeof dir, "%s/out/try/%s/%s", tmp, lesson, ex);
    char files_line[1500];
    snprintf(files_line, sizeof files_line, "files: %s/", dir);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, files_line));
    const char *l = strstr(out, "largest |yours - library| = ");
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    double d = atof(l + strlen("largest |yours - library| = "));
    CU_ASSERT(d < 1e-9);
    const char *names[] = {"compare.txt", "compare.png", figure};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (access(path, R_OK) != 0)
            printf("\n  missing %s\n", path);
        CU_ASSERT_EQUAL(access(path, R_OK), 0);
        if (strstr(names[i], ".png")) {
            unsigned w, h;
            png_size(path, &w, &h);
            CU_ASSERT(w == 1000 && h == 600);
        }
    }
    snprintf(path, sizeof path, "%s/yours.wav", dir);
    CU_ASSERT_EQUAL(access(path, R_OK) == 0, wav);
}

static void test_lesson01_normalize_writes_a_wav(void)
{
    check_solution("01-sounds", "normalize", "yours-waveform.png", 1);
}

static void test_lesson02_dft(void)
{
    check_solution("02-sinusoids-dft", "dft", "yours-dft.png", 0);
}

static void test_lesson02_sine_writes_a_wav(void)
{
    check_solution("02-sinusoids-dft", "sine", "yours-waveform.png", 1);
}

static void test_lesson04_stft(void)
{
    check_solution("04-stft", "stft", "yours-spectrogram.png", 0);
    if (access("STUDENT_EDITION", F_OK) == 0)
        return;
    /* the comparison is a frames x bins matrix: drawn as heat maps */
    char path[1400], buf[64];
    snprintf(path, sizeof path, "%s/out/try/04-stft/stft/compare.txt", tmp);
    CU_ASSERT(dsp_datafile_header_value(path, "matrix_cols", buf, sizeof buf) == DSP_OK &&
              strcmp(buf, "513") == 0);
}

static void test_lesson08_apply(void)
{
    check_solution("08-mel-spectrogram", "apply", "yours-melspec.png", 0);
}

static void test_stub_and_unknown_exercise(void)
{
    setup();
    CU_ASSERT_NOT_EQUAL(run_try("04-stft", "istft", "stub", out, sizeof out), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "istft_ex returned DSP_ETODO: it is not implemented yet"));
    CU_ASSERT_NOT_EQUAL(run_try("04-stft", "nosuch",
                                access("STUDENT_EDITION", F_OK) == 0 ? "stub" : "solution", out,
                                sizeof out),
                        0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "no exercise 'nosuch'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, " stft istft"));
}

static void cleanup(void)
{
    if (tmp[0])
        test_rmdir(tmp);
}

static const struct test_case cases[] = {
    {"lesson 01 normalize on speech: a WAV to listen to", test_lesson01_normalize_writes_a_wav},
    {"lesson 02 dft on the piano: files, figures, yours == library", test_lesson02_dft},
    {"lesson 02 sine: a WAV to listen to", test_lesson02_sine_writes_a_wav},
    {"lesson 04 stft on the flute: spectrograms and heat-map comparison", test_lesson04_stft},
    {"lesson 08 apply on speech: mel spectrograms", test_lesson08_apply},
    {"a stub says not implemented; an unknown exercise lists the known", test_stub_and_unknown_exercise},
    {"cleanup", cleanup},
};

int main(void)
{
    cli_test_init(&(struct cli_test_config){.out = out, .out_size = sizeof out, .err = err,
                                            .err_size = sizeof err, .print_nonzero = 1});
    return test_run("try", cases, TEST_COUNT(cases));
}
