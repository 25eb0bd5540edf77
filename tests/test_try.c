/* Tests of `make try` (grader/grader.mk, lessons/try.h, lessons/NN/try.c).
 *
 * For every lesson, EVERY exercise on its "try:" line (read from the
 * lesson's try.c) runs on its default sound, once with the solution and
 * once with the stub: with the solution it succeeds, writes compare.txt,
 * yours.wav exactly when the output is a signal, and its output equals the
 * library's within the stated tolerance; with the stub it fails and says
 * "not implemented yet". To share builds, each lesson's submission is one
 * file that #includes all the .c files of solution/ (or stub/): `make try`
 * builds it once for the lesson's first exercise (it prints where the
 * files are, and its figures are checked: PNGs of the default size), then
 * the same program runs every other exercise directly, without figures
 * (the dsplab it is given does not exist, which try.h reports and goes on).
 *
 * Also, through make with the lesson's files as they are: lesson 02's dft,
 * 04's stft (a heat-map comparison) and 08's apply draw their figures; an
 * unknown exercise names the ones there are; a try: line's other file is
 * named when missing. */
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

static void test_lesson02_dft(void)
{
    check_solution("02-sinusoids-dft", "dft", "yours-dft.png", 0);
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

/* ---- every exercise of the later lessons ----------------------------------------- */

#define MAX_EX 16

struct try_line {
    char name[32], file[64], sound[128];
};

/* The "try:" lines of lessons/<lesson>/try.c; returns how many. */
static size_t read_try_lines(const char *lesson, struct try_line *t)
{
    char path[512], line[512];
    snprintf(path, sizeof path, "lessons/%s/try.c", lesson);
    FILE *f = fopen(path, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    size_t n = 0;
    while (n < MAX_EX && fgets(line, sizeof line, f))
        if (sscanf(line, " * try: %31s %63s %127s", t[n].name, t[n].file, t[n].sound) == 3)
            n++;
    fclose(f);
    return n;
}

/* How far the solution's output may be from the library's, and whether the
 * exercise writes yours.wav. The default, 1e-9, is rounding: where the
 * solution is the library's algorithm (or the formula of exercise.h) the
 * two agree to 1e-11 or better. The others compare different methods on
 * purpose; each bound is the measured difference with some room, and each
 * try.c states why the methods differ. */
struct expect {
    const char *lesson, *name;
    double tol;
};

static const struct expect expects[] = {
    /* the long-window library estimate against the solution's own window:
     * measured 0.27 Hz on the flute (partials move), a wrong bin is 2.7 Hz */
    {"05-sinusoidal-model", "twosines", 0.5},
    /* energy per hop (dB) of two oscillator banks that start tracks at other
     * phases: measured 1.5 dB, a wrong amplitude (A vs A/2) is 6 dB */
    {"05-sinusoidal-model", "synth", 2.0},
    /* mean envelope of seeded random noise against the residual's: measured
     * 3.44 dB in the lowest blocks, the same every run (seed 1) */
    {"07-sines-plus-residual", "stocsynth", 4.0},
};

static const char *const wav_exercises[] = {
    "01-sounds/normalize",             "01-sounds/downsample",
    "02-sinusoids-dft/sine",           "02-sinusoids-dft/idft",
    "04-stft/istft",
    "03-fourier-properties/zerophase", "03-fourier-properties/suppress",
    "05-sinusoidal-model/synth",       "06-harmonic-model/hsynth",
    "07-sines-plus-residual/sines",    "07-sines-plus-residual/residual",
    "07-sines-plus-residual/stocsynth", "07-sines-plus-residual/decompose",
    "09-transformations/pvstretch",    "09-transformations/sinefreq",
    "09-transformations/sinetime",     "09-transformations/harmpitch",
    "09-transformations/morph",        "11-fft-and-speed/bitrev",
    "12-streaming/ring",               "12-streaming/framer",
};

static double tolerance(const char *lesson, const char *name)
{
    for (size_t i = 0; i < sizeof expects / sizeof expects[0]; i++)
        if (strcmp(expects[i].lesson, lesson) == 0 && strcmp(expects[i].name, name) == 0)
            return expects[i].tol;
    return 1e-9;
}

static int writes_wav(const char *lesson, const char *name)
{
    char key[128];
    snprintf(key, sizeof key, "%.63s/%.31s", lesson, name);
    for (size_t i = 0; i < sizeof wav_exercises / sizeof wav_exercises[0]; i++)
        if (strcmp(wav_exercises[i], key) == 0)
            return 1;
    return 0;
}

/* tmp/all-<kind>/<lesson>/<file>: one file that includes every .c of
 * lessons/<lesson>/<kind>/ (the whole submission in one translation unit) */
static void combined_submission(const char *lesson, const char *kind, const char *file)
{
    char cmd[16384];
    snprintf(cmd, sizeof cmd,
             "d=%s/all-%s/%s && mkdir -p $d && for f in \"$PWD\"/lessons/%s/%s/*.c; do "
             "echo \"#include \\\"$f\\\"\"; done > $d/%s",
             tmp, kind, lesson, lesson, kind, file);
    CU_ASSERT_EQUAL_FATAL(test_sh(cmd, NULL, 0, NULL, 0), 0);
}

/* The program `make try` built for the lesson's first exercise, on
 * exercise t (no figures). */
static int run_direct(const char *lesson, const char *first, const struct try_line *t,
                      const char *outdir)
{
    char cmd[16384];
    snprintf(cmd, sizeof cmd,
             "o=%s/%s/%s/%s && mkdir -p $o && %s/try/%s/try-%s %s data/%s $o %s/no-dsplab 2>&1",
             tmp, outdir, lesson, t->name, build_dir(), lesson, first, t->name, t->sound, tmp);
    out[0] = '\0';
    return test_sh(cmd, out, sizeof out, err, sizeof err);
}

/* Every exercise of the lesson, solution then stub; figure: a figure the
 * first exercise draws under make, besides compare.png. */
static void check_lesson(const char *lesson, const char *figure)
{
    struct try_line t[MAX_EX];
    size_t n = read_try_lines(lesson, t);
    CU_ASSERT_FATAL(n >= 2);   /* lesson 04 has two */
    setup();
    char cmd[16384], path[8192];
    const int student = access("STUDENT_EDITION", F_OK) == 0;
    for (int stub = student; stub <= 1; stub++) {
        const char *kind = stub ? "stub" : "solution";
        combined_submission(lesson, kind, t[0].file);
        snprintf(cmd, sizeof cmd,
                 "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s BUILD=%s "
                 "%s try LESSON=%.2s ONLY=%s SUBMISSION=%s/all-%s GRADE_REPORT_DIR=%s/out-%s "
                 "GRADE_OPT=-O0 2>&1",   /* -O0: compiles in half the time */
                 build_dir(), strstr(build_dir(), "san") ? "SAN=1" : "", lesson, t[0].name, tmp,
                 kind, tmp, kind);
        out[0] = '\0';
        int rc = test_sh(cmd, out, sizeof out, err, sizeof err);
        if (stub) {
            /* the stub compiles and says what is missing */
            CU_ASSERT_NOT_EQUAL(rc, 0);
            CU_ASSERT_PTR_NOT_NULL(strstr(out, "returned DSP_ETODO: it is not implemented yet"));
        } else {
            if (rc != 0)
                printf("\n%s\n", out);
            CU_ASSERT_EQUAL_FATAL(rc, 0);
            snprintf(path, sizeof path, "files: %s/out-solution/try/%s/%s/", tmp, lesson,
                     t[0].name);
            CU_ASSERT_PTR_NOT_NULL(strstr(out, path));
            const char *figs[] = {"compare.png", figure};
            for (size_t f = 0; f < 2 && figs[f]; f++) {
                snprintf(path, sizeof path, "%s/out-solution/try/%s/%s/%s", tmp, lesson,
                         t[0].name, figs[f]);
                unsigned w, h;
                png_size(path, &w, &h);
                if (w != 1000 || h != 600)
                    printf("\n  %s: not a 1000 x 600 PNG\n", path);
                CU_ASSERT(w == 1000 && h == 600);
            }
        }
        /* the first exercise ran under make (its output is in out) */
        for (size_t i = 0; i < n; i++) {
            const char *dir = i == 0 ? "out-solution/try" : "direct";
            if (i > 0)
                rc = run_direct(lesson, t[0].name, &t[i], stub ? "stub" : "direct");
            if (stub) {
                if (rc == 0 || !strstr(out, "returned DSP_ETODO: it is not implemented yet"))
                    printf("\n  %s %s with the stub: rc %d\n%s\n", lesson, t[i].name, rc, out);
                CU_ASSERT(rc != 0 && rc < 128);
                CU_ASSERT_PTR_NOT_NULL(
                    strstr(out, "returned DSP_ETODO: it is not implemented yet"));
                continue;
            }
            if (rc != 0)
                printf("\n  %s %s: rc %d\n%s\n", lesson, t[i].name, rc, out);
            CU_ASSERT_EQUAL(rc, 0);
            const char *l = strstr(out, "largest |yours - library| = ");
            CU_ASSERT_PTR_NOT_NULL(l);
            double d = l ? atof(l + strlen("largest |yours - library| = ")) : INFINITY;
            double tol = tolerance(lesson, t[i].name);
            if (!(d <= tol))
                printf("\n  %s %s: |yours - library| = %g, above %g\n", lesson, t[i].name, d,
                       tol);
            CU_ASSERT(d <= tol);
            snprintf(path, sizeof path, "%s/%s/%s/%s/compare.txt", tmp, dir, lesson, t[i].name);
            CU_ASSERT_EQUAL(access(path, R_OK), 0);
            snprintf(path, sizeof path, "%s/%s/%s/%s/yours.wav", tmp, dir, lesson, t[i].name);
            int wav = access(path, R_OK) == 0;
            if (wav != writes_wav(lesson, t[i].name))
                printf("\n  %s %s: yours.wav %s\n", lesson, t[i].name,
                       wav ? "written, not expected" : "missing");
            CU_ASSERT_EQUAL(wav, writes_wav(lesson, t[i].name));
        }
    }
}

static void test_lesson01_all(void)
{
    check_lesson("01-sounds", "yours-waveform.png");
}

static void test_lesson02_all(void)
{
    check_lesson("02-sinusoids-dft", "yours-waveform.png");
}

static void test_lesson04_all(void)
{
    check_lesson("04-stft", "library-spectrogram.png");
}

static void test_lesson08_all(void)
{
    check_lesson("08-mel-spectrogram", "library-melspec.png");
}

static void test_lesson03(void)
{
    check_lesson("03-fourier-properties", "yours-dft.png");
}

static void test_lesson05(void)
{
    check_lesson("05-sinusoidal-model", "library-dft.png");
}

static void test_lesson06(void)
{
    check_lesson("06-harmonic-model", NULL);
}

static void test_lesson07(void)
{
    check_lesson("07-sines-plus-residual", "yours-spectrogram.png");
}

static void test_lesson09(void)
{
    check_lesson("09-transformations", NULL);
}

static void test_lesson10(void)
{
    check_lesson("10-sound-description", NULL);
}

static void test_lesson11(void)
{
    check_lesson("11-fft-and-speed", "yours-spectrogram.png");
}

static void test_lesson12(void)
{
    check_lesson("12-streaming", "yours-waveform.png");
}

/* Copies lesson 06's solution files (space-separated names) into
 * tmp/sub/06-harmonic-model, then runs make try LESSON=06 ONLY=f0 with that
 * submission; returns make's exit status, its output in out. */
static int try_f0_with(const char *sub, const char *files)
{
    char cmd[16384], copies[512] = "";
    for (const char *p = files; *p;) {
        size_t k = strcspn(p, " ");
        snprintf(copies + strlen(copies), sizeof copies - strlen(copies),
                 " lessons/06-harmonic-model/solution/%.*s", (int)k, p);
        p += k + (p[k] == ' ');
    }
    snprintf(cmd, sizeof cmd, "mkdir -p '%s/%s/06-harmonic-model' && cp%s '%s/%s/06-harmonic-model/'",
             tmp, sub, copies, tmp, sub);
    CU_ASSERT_EQUAL_FATAL(test_sh(cmd, NULL, 0, NULL, 0), 0);
    snprintf(cmd, sizeof cmd,
             "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s BUILD=%s %s "
             "try LESSON=06 ONLY=f0 'SUBMISSION=%s/%s' GRADE_REPORT_DIR=%s/out 2>&1",
             build_dir(), strstr(build_dir(), "san") ? "SAN=1" : "", tmp, sub, tmp);
    return test_sh(cmd, out, sizeof out, err, sizeof err);
}

/* a try: line's other files are linked, and named when missing; a
 * submission folder whose name has a space works (each file is one
 * argument) */
static void test_other_files(void)
{
    if (access("STUDENT_EDITION", F_OK) == 0)
        return;
    setup();
    CU_ASSERT_NOT_EQUAL(try_f0_with("f0only", "f0.c"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "f0only/06-harmonic-model/twm.c: no such file"));
    CU_ASSERT_EQUAL(try_f0_with("my work", "f0.c twm.c"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "my work/06-harmonic-model/f0.c, with twm.c)"));
}

static void cleanup(void)
{
    if (tmp[0])
        test_rmdir(tmp);
}

static const struct test_case cases[] = {
    {"lesson 02 dft on the piano: files, figures, yours == library", test_lesson02_dft},
    {"lesson 04 stft on the flute: spectrograms and heat-map comparison", test_lesson04_stft},
    {"lesson 08 apply on speech: mel spectrograms", test_lesson08_apply},
    {"a stub says not implemented; an unknown exercise lists the known", test_stub_and_unknown_exercise},
    {"lesson 01: every exercise, solution and stub", test_lesson01_all},
    {"lesson 02: every exercise, solution and stub", test_lesson02_all},
    {"lesson 04: every exercise, solution and stub", test_lesson04_all},
    {"lesson 08: every exercise, solution and stub", test_lesson08_all},
    {"lesson 03: every exercise, solution and stub", test_lesson03},
    {"lesson 05: every exercise, solution and stub", test_lesson05},
    {"lesson 06: every exercise, solution and stub", test_lesson06},
    {"lesson 07: every exercise, solution and stub", test_lesson07},
    {"lesson 09: every exercise, solution and stub", test_lesson09},
    {"lesson 10: every exercise, solution and stub", test_lesson10},
    {"lesson 11: every exercise, solution and stub", test_lesson11},
    {"lesson 12: every exercise, solution and stub", test_lesson12},
    {"a try: line's other files are linked, or named when missing; a folder with a space", test_other_files},
    {"cleanup", cleanup},
};

int main(void)
{
    cli_test_init(&(struct cli_test_config){.out = out, .out_size = sizeof out, .err = err,
                                            .err_size = sizeof err, .print_nonzero = 1});
    return test_run("try", cases, TEST_COUNT(cases));
}
