/* Tests for `dsplab features` and `dsplab plot scatter`: a sine's
 * descriptors per frame against the closed forms of features.h, the
 * summary equal to the library's, a labelled table (the class from the
 * folder name), batch mode, and bad input leaving nothing behind. */
#include "clitest.h"

#include <dsplab/audio.h>
#include <dsplab/features.h>
#include <dsplab/gen.h>
#include <dsplab/status.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char out[1 << 20], err[1 << 16], outdir[4200];
static char dir[4096], tone[4300], noise_a[4300], noise_b[4300], tone_b[4300];

#define FS 16000.0
#define LEN 8000

/* sounds/tone/a.wav (a 1000 Hz sine, bin 32 of 512), sounds/noise/a.wav and
 * sounds/noise/b.wav (white noise), sounds/tone/b.wav (a 2000 Hz sine) */
static void fixtures(void)
{
    double x[LEN];
    char path[4300];
    snprintf(dir, sizeof dir, "%s", test_tmpdir());
    snprintf(outdir, sizeof outdir, "%s/out", dir);
    make_dir(outdir);
    snprintf(path, sizeof path, "%s/sounds", dir);
    make_dir(path);
    snprintf(path, sizeof path, "%s/sounds/tone", dir);
    make_dir(path);
    snprintf(path, sizeof path, "%s/sounds/noise", dir);
    make_dir(path);
    snprintf(tone, sizeof tone, "%s/sounds/tone/a.wav", dir);
    snprintf(tone_b, sizeof tone_b, "%s/sounds/tone/b.wav", dir);
    snprintf(noise_a, sizeof noise_a, "%s/sounds/noise/a.wav", dir);
    snprintf(noise_b, sizeof noise_b, "%s/sounds/noise/b.wav", dir);
    dsp_gen_sine(0.5, 1000.0, 0.1, FS, x, LEN);
    write_mono_wav(tone, x, LEN, FS);
    dsp_gen_sine(0.5, 2000.0, 0.1, FS, x, LEN);
    write_mono_wav(tone_b, x, LEN, FS);
    dsp_gen_noise(0.5, 1, x, LEN);
    write_mono_wav(noise_a, x, LEN, FS);
    dsp_gen_noise(0.5, 2, x, LEN);
    write_mono_wav(noise_b, x, LEN, FS);
}

/* Frames wholly inside the sine hold 32 periods: centroid 1000 Hz, spread
 * 31.25/sqrt(2) = 22.097 Hz, rolloff 1031.25 Hz (features.h). The WAV is
 * float32: its rounding error (6e-8 relative) repeats every period (16
 * samples), so it lands on the harmonics of 1000 Hz, ~140 dB down; far
 * from the centroid they widen the spread by 0.007 Hz (measured: 22.104)
 * and move the centroid by 1e-4 Hz. Tolerances 0.05 and 1e-3 Hz. */
static void test_frames_of_a_sine(void)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/tone.txt", dir);
    CU_ASSERT_EQUAL_FATAL(dsplab("features '%s' -o '%s'", tone, path), 0);
    struct dsp_mat m;
    read_mat(path, &m);
    CU_ASSERT_EQUAL(m.rows, LEN / 256 + 1);
    CU_ASSERT_EQUAL_FATAL(m.cols, DSP_FEAT_COUNT);
    for (size_t k = 1; k * 256 + 256 <= LEN; k++) {
        const double *d = m.data + k * DSP_FEAT_COUNT;
        CU_ASSERT_DOUBLE_EQUAL(d[DSP_FEAT_CENTROID], 1000.0, 1e-3);
        CU_ASSERT_DOUBLE_EQUAL(d[DSP_FEAT_SPREAD], 31.25 / sqrt(2.0), 0.05);
        CU_ASSERT_DOUBLE_EQUAL(d[DSP_FEAT_ROLLOFF], 1031.25, 0.0);
    }
    dsp_mat_free(&m);
    char hdr[512];
    CU_ASSERT_EQUAL(dsp_datafile_header_value(path, "column_names", hdr, sizeof hdr), DSP_OK);
    CU_ASSERT_STRING_EQUAL(hdr, "centroid spread flatness rolloff flux zcr");
    remove(path);
}

/* --summary: one row of 2 * (13 + 6) values, the library's summary of the
 * samples the WAV holds (read back by the library: the same numbers). */
static void test_summary_matches_library(void)
{
    CU_ASSERT_EQUAL_FATAL(dsplab("features --summary '%s'", noise_a), 0);
    char path[4400];
    snprintf(path, sizeof path, "%s/noise.npy", dir);
    CU_ASSERT_EQUAL_FATAL(dsplab("features --summary '%s' -o '%s'", noise_a, path), 0);
    struct dsp_mat m;
    read_mat(path, &m);
    CU_ASSERT_EQUAL(m.rows, 1);
    CU_ASSERT_EQUAL_FATAL(m.cols, 2 * (13 + DSP_FEAT_COUNT));
    double *x, fs;
    size_t n;
    CU_ASSERT_EQUAL_FATAL(dsp_audio_read_mono(noise_a, &x, &n, &fs), DSP_OK);
    struct dsp_features_params p = dsp_features_defaults(fs);
    struct dsp_features *ft = dsp_features_new(&p);
    double v[2 * (13 + DSP_FEAT_COUNT)];
    CU_ASSERT_EQUAL(dsp_features_summary(ft, x, n, v, m.cols), DSP_OK);
    test_close("summary", m.data, v, m.cols, 0, 0);
    dsp_features_free(ft);
    free(x);
    dsp_mat_free(&m);
    remove(path);
}

/* --table: one row per input, class = folder name, numbered in sorted
 * order (noise 0, tone 1); a CSV names them; plot scatter draws it. */
static void test_table_and_scatter(void)
{
    char table[4400], csv[4400], png[4400], matrix[4400];
    snprintf(table, sizeof table, "%s/table.txt", dir);
    snprintf(csv, sizeof csv, "%s/table.csv", dir);
    snprintf(png, sizeof png, "%s/scatter.png", dir);
    snprintf(matrix, sizeof matrix, "%s/scatter.txt", dir);
    CU_ASSERT_EQUAL_FATAL(dsplab("features --table '%s' '%s' '%s' '%s' '%s'", table, tone,
                                 noise_a, tone_b, noise_b), 0);
    struct dsp_mat m;
    read_mat(table, &m);
    CU_ASSERT_EQUAL(m.rows, 4);
    CU_ASSERT_EQUAL_FATAL(m.cols, 1 + 2 * (13 + DSP_FEAT_COUNT));
    CU_ASSERT_EQUAL(m.data[0 * m.cols], 1.0);
    CU_ASSERT_EQUAL(m.data[1 * m.cols], 0.0);
    CU_ASSERT_EQUAL(m.data[2 * m.cols], 1.0);
    CU_ASSERT_EQUAL(m.data[3 * m.cols], 0.0);
    /* centroid_mean: a sine's is near its frequency, noise's far above */
    size_t centroid = 1 + 13 + DSP_FEAT_CENTROID;
    CU_ASSERT_DOUBLE_EQUAL(m.data[0 * m.cols + centroid], 1000.0, 100.0);
    CU_ASSERT_DOUBLE_EQUAL(m.data[2 * m.cols + centroid], 2000.0, 100.0);
    CU_ASSERT(m.data[1 * m.cols + centroid] > 3000.0);
    dsp_mat_free(&m);
    char hdr[256];
    CU_ASSERT_EQUAL(dsp_datafile_header_value(table, "class_names", hdr, sizeof hdr), DSP_OK);
    CU_ASSERT_STRING_EQUAL(hdr, "noise tone");

    /* a folder stands for its sounds, sorted: noise/a, noise/b, tone/a, tone/b */
    CU_ASSERT_EQUAL_FATAL(dsplab("features --table '%s' '%s/sounds'", table, dir), 0);
    read_mat(table, &m);
    CU_ASSERT_EQUAL_FATAL(m.rows, 4);
    CU_ASSERT(m.data[0] == 0.0 && m.data[m.cols] == 0.0 && m.data[2 * m.cols] == 1.0 &&
              m.data[3 * m.cols] == 1.0);
    CU_ASSERT_DOUBLE_EQUAL(m.data[3 * m.cols + centroid], 2000.0, 100.0);
    dsp_mat_free(&m);

    CU_ASSERT_EQUAL_FATAL(dsplab("features --table '%s' '%s' '%s'", csv, tone, noise_a), 0);
    FILE *f = fopen(csv, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[8192];
    CU_ASSERT_PTR_NOT_NULL(fgets(line, sizeof line, f));
    CU_ASSERT_EQUAL(strncmp(line, "file,class,mfcc0_mean,", 22), 0);
    CU_ASSERT_PTR_NOT_NULL(fgets(line, sizeof line, f));
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "a.wav,tone,"));
    fclose(f);

    /* the scatter's data: (class, x, y) per row, as sent to gnuplot */
    int s = dsplab("plot scatter '%s' --x centroid_mean --y zcr_mean --matrix '%s' -o '%s'",
                   table, matrix, png);
    if (s == 1 && strstr(err, "gnuplot not found")) {
        printf("(gnuplot not installed: scatter figure not drawn)\n");
    } else {
        CU_ASSERT_EQUAL_FATAL(s, 0);
        read_mat(matrix, &m);
        CU_ASSERT_EQUAL(m.rows, 4);
        CU_ASSERT_EQUAL(m.cols, 3);
        dsp_mat_free(&m);
        FILE *p = fopen(png, "rb");
        CU_ASSERT_PTR_NOT_NULL(p);
        if (p)
            fclose(p);
    }
    expect_usage("no column 'loudness'", "plot scatter '%s' --x loudness -o '%s'", table, png);
    expect_runtime(csv, "not a class table", "plot scatter '%s' -o '%s'", csv, png);
    remove(table);
    remove(csv);
    remove(png);
    remove(matrix);
}

static void test_batch(void)
{
    char feats[4400];
    snprintf(feats, sizeof feats, "%s/feats", dir);
    CU_ASSERT_EQUAL_FATAL(dsplab("features '%s' '%s' --out-dir '%s' --jobs 2 --format txt",
                                 noise_a, tone_b, feats), 0);
    expect_dir(feats, "a.txt b.txt");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "features: 2 written, 0 skipped, 0 failed"));
    char cmd[9000];
    snprintf(cmd, sizeof cmd, "rm -r '%s'", feats);
    CU_ASSERT_EQUAL(test_sh(cmd, NULL, 0, NULL, 0), 0);
}

/* A failing input leaves no table; usage errors name the option. */
static void test_errors(void)
{
    const char *names[] = {"features"};
    expect_command_help(names, TEST_COUNT(names));
    char missing[4400];
    snprintf(missing, sizeof missing, "%s/missing.wav", dir);
    expect_runtime(missing, "cannot open", "features --table '%s/t.txt' '%s' '%s'", outdir,
                   tone, missing);
    expect_runtime(missing, "cannot open", "features '%s' -o '%s/x.txt'", missing, outdir);
    expect_usage("--n-fft must be even", "features '%s' --n-fft 511 -o '%s/x.txt'", tone,
                 outdir);
    expect_usage("--rolloff", "features '%s' --rolloff 0 -o '%s/x.txt'", tone, outdir);
    expect_usage("--n-mfcc (41)", "features '%s' --n-mfcc 41 -o '%s/x.txt'", tone, outdir);
    expect_usage("--table writes one file", "features --table '%s/t.txt' '%s' --jobs 2",
                 outdir, tone);
    expect_usage("missing FILE", "features --table '%s/t.txt'", outdir);
    expect_runtime(outdir, "no sound files", "features --table '%s/t.txt' '%s'", outdir, outdir);
    expect_dir(outdir, "");
}

int main(void)
{
    cli_test_init(&(struct cli_test_config){.out = out, .out_size = sizeof out, .err = err,
                                            .err_size = sizeof err, .outdir = outdir});
    static const struct test_case cases[] = {
        {"fixtures: sounds in two class folders", fixtures},
        {"descriptors of a sine per frame", test_frames_of_a_sine},
        {"--summary equals the library's", test_summary_matches_library},
        {"--table: classes from folders; plot scatter", test_table_and_scatter},
        {"batch: --out-dir --jobs 2", test_batch},
        {"bad input leaves nothing behind", test_errors},
    };
    int status = test_run("cli_features", cases, TEST_COUNT(cases));
    test_rmdir(dir);
    return status;
}
