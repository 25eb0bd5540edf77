/* Tests of the tool's speed options: --threads (the same bytes for any
 * count) and --dtype float32 (float32 output within f32.h's bound of the
 * float64 output). */
#include "clitest.h"

#include <dsplab/audio.h>
#include <dsplab/gen.h>
#include <dsplab/status.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char out[1 << 16], err[1 << 16], outdir[4200], wav[4300];

#define FS 16000.0
#define LEN 80000   /* 5 s: 626 frames at hop 128, more than one block of 4 x 128 */

static void make_input(void)
{
    double *x = malloc(LEN * sizeof *x);
    dsp_gen_chirp(DSP_CHIRP_EXPONENTIAL, 0.6, 60.0, 7000.0, 5.0, FS, x, LEN);
    double *n = malloc(LEN * sizeof *n);
    dsp_gen_noise(0.05, 3, n, LEN);
    for (size_t i = 0; i < LEN; i++)
        x[i] += n[i];
    write_mono_wav(wav, x, LEN, FS);
    free(x);
    free(n);
}

/* Runs "dsplab ARGS --threads T -o DIR/o.EXT" for T = 1, 2, 4 (the same
 * output name each time, since a text header names it) and compares the
 * files byte for byte. */
static void check_threads(const char *args, const char *ext)
{
    static char cmd[40000];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && for t in 1 2 4; do \"$DSPLAB\" %s '%s' --threads $t -o o.%s && "
             "mv o.%s t$t.%s || exit 1; done && cmp t1.%s t2.%s && cmp t1.%s t4.%s && "
             "! grep -a -q threads t1.%s && rm t1.%s t2.%s t4.%s",
             outdir, args, wav, ext, ext, ext, ext, ext, ext, ext, ext, ext, ext, ext);
    int status = test_sh(cmd, out, sizeof out, err, sizeof err);
    if (status != 0)
        printf("\n%s (%s): status %d\n%s%s\n", args, ext, status, out, err);
    CU_ASSERT_EQUAL(status, 0);
}

static void test_input(void)
{
    make_dir(outdir);
    make_input();
}

static void test_threads_stft(void)
{
    check_threads("stft --size 400 --fft 512 --hop 128", "npy");
    check_threads("stft --size 400 --fft 512 --hop 128 --units linear", "txt");
    check_threads("stft --size 400 --fft 512 --hop 128 --dtype float32", "npy");
}

static void test_threads_mel(void)
{
    check_threads("melspec --n-fft 512 --hop 128 --n-mels 40", "npy");
    check_threads("melspec --n-fft 512 --hop 128 --db", "txt");
    check_threads("mfcc --n-fft 512 --hop 128 --n-mels 40", "npy");
    check_threads("mfcc --n-fft 512 --hop 128 --n-mels 40 --dtype float32", "npy");
    check_threads("melspec --preset vggish", "npy");
}

/* float32 rows against float64 rows, relative to each row's peak. */
static double worst_rel(const struct dsp_mat *a, const struct dsp_mat *b)
{
    double worst = 0.0;
    for (size_t r = 0; r < a->rows; r++) {
        double peak = 0.0, e = 0.0;
        for (size_t c = 0; c < a->cols; c++) {
            peak = fmax(peak, fabs(b->data[r * b->cols + c]));
            e = fmax(e, fabs(a->data[r * a->cols + c] - b->data[r * b->cols + c]));
        }
        if (peak > 0)
            worst = fmax(worst, e / peak);
    }
    return worst;
}

static void check_dtype(const char *args, double bound)
{
    char p32[4400], p64[4400];
    snprintf(p32, sizeof p32, "%s/f32.npy", outdir);
    snprintf(p64, sizeof p64, "%s/f64.npy", outdir);
    static char cmd[40000];
    snprintf(cmd, sizeof cmd, "\"$DSPLAB\" %s '%s' --dtype float32 -o '%s' && "
             "\"$DSPLAB\" %s '%s' -o '%s' && head -c 128 '%s' | grep -q \"'<f4'\" && "
             "head -c 128 '%s' | grep -q \"'<f8'\"",
             args, wav, p32, args, wav, p64, p32, p64);
    CU_ASSERT_EQUAL_FATAL(test_sh(cmd, out, sizeof out, err, sizeof err), 0);
    struct dsp_mat a, b;
    read_mat(p32, &a);
    read_mat(p64, &b);
    CU_ASSERT_EQUAL_FATAL(a.rows, b.rows);
    CU_ASSERT_EQUAL_FATAL(a.cols, b.cols);
    double w = worst_rel(&a, &b);
    printf(" [%s: worst %.2g of the row peak, bound %g] ", args, w, bound);
    CU_ASSERT(w <= bound);
    CU_ASSERT(w > 0.0);   /* the float32 path did run */
    dsp_mat_free(&a);
    dsp_mat_free(&b);
    remove(p32);
    remove(p64);
}

static void test_dtype(void)
{
    /* f32.h: 1e-5 of the frame's peak for |X| and mel magnitudes, 2e-5 for
     * power; storing as float32 adds at most 2^-24 relative */
    check_dtype("stft --units linear", 1e-5);
    check_dtype("melspec", 2e-5);
    check_dtype("melspec --preset vggish", 1e-6);   /* float64 computation, float32 storage */
    expect_usage("--dtype must be float64 or float32", "stft x.wav --dtype float16");
    expect_usage("--threads must be at least 1", "melspec x.wav --threads 0");
}

/* ---- standard input, streamed ---- */

static char wav16[4300], raw16[4300];

/* A stereo 16-bit PCM WAV of the test signal (channels slightly apart),
 * and its data chunk alone as raw S16_LE. */
static void make_pcm16(void)
{
    double *x = malloc(2 * LEN * sizeof *x);
    for (size_t i = 0; i < LEN; i++) {
        x[2 * i] = 0.4 * sin(0.01 * (double)i) + 0.3 * sin(0.37 * (double)i);
        x[2 * i + 1] = 0.9 * x[2 * i] + 0.05 * cos(0.2 * (double)i);
    }
    CU_ASSERT_EQUAL_FATAL(dsp_audio_write_wav(wav16, x, LEN, 2, FS, DSP_WAV_PCM16), DSP_OK);
    free(x);
    FILE *in = fopen(wav16, "rb"), *rawf = fopen(raw16, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rawf);
    static unsigned char buf[4 * LEN + 4096];
    size_t n = fread(buf, 1, sizeof buf, in), at = 12;
    /* walk the chunks to "data" */
    while (at + 8 <= n && memcmp(buf + at, "data", 4) != 0)
        at += 8 + (size_t)(buf[at + 4] | buf[at + 5] << 8 | buf[at + 6] << 16 | buf[at + 7] << 24);
    CU_ASSERT_FATAL(at + 8 + 4 * LEN <= n);
    CU_ASSERT_EQUAL(fwrite(buf + at + 8, 1, 4 * LEN, rawf), 4 * LEN);
    fclose(in);
    fclose(rawf);
}

/* "dsplab ARGS - < INPUT" writes the same matrix (.npy bytes) as
 * "dsplab ARGS FILE". */
static void check_stdin(const char *args, const char *raw_args, const char *input,
                        const char *file)
{
    static char cmd[40000];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && \"$DSPLAB\" %s %s - < '%s' -o s.npy && \"$DSPLAB\" %s '%s' -o f.npy && "
             "cmp s.npy f.npy && rm s.npy f.npy",
             outdir, args, raw_args, input, args, file);
    int status = test_sh(cmd, out, sizeof out, err, sizeof err);
    if (status != 0)
        printf("\n%s < %s: status %d\n%s%s\n", args, input, status, out, err);
    CU_ASSERT_EQUAL(status, 0);
}

static void test_stdin_same(void)
{
    snprintf(wav16, sizeof wav16, "%s/../in16.wav", outdir);
    snprintf(raw16, sizeof raw16, "%s/../in16.raw", outdir);
    make_pcm16();
    /* float WAV, 16-bit stereo WAV, raw stereo */
    check_stdin("melspec", "", wav, wav);
    check_stdin("melspec --n-fft 512 --win-length 400 --hop 160 --n-mels 40", "", wav16, wav16);
    check_stdin("melspec --n-mels 40", "--channels 2 --rate 16000", raw16, wav16);
    check_stdin("melspec --db --top-db none --htk --power 1", "", wav16, wav16);
    check_stdin("mfcc --top-db none --n-mfcc 13", "", wav, wav);
    check_stdin("melspec --preset vggish", "", wav16, wav16);
    check_stdin("melspec --preset vggish --dtype float32", "", wav, wav);
    check_stdin("melspec --preset vggish --hop 400 --win-length 300", "", wav, wav);
}

/* Rows come out while the input is still open: the writer sends 0.5 s,
 * waits (up to 20 s) for the first row to appear, and only then sends the
 * rest. Without streaming the wait never ends and the test fails. */
static void test_stdin_live(void)
{
    static char cmd[40000];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && rm -f fifo o.txt && mkfifo fifo && "
             "{ \"$DSPLAB\" melspec - --preset vggish --channels 2 < fifo > o.txt & } && "
             "exec 3>fifo && head -c 32000 '%s' >&3 && i=0 && "
             "until grep -q '^[-0-9]' o.txt; do sleep 0.1; i=$((i+1)); "
             "if [ $i -gt 200 ]; then echo no row before the end >&2; exit 9; fi; done && "
             "tail -c +32001 '%s' >&3 && exec 3>&- && wait && "
             "test $(grep -c '^[-0-9]' o.txt) -eq %d && rm -f fifo o.txt",
             outdir, raw16, raw16, 1 + (LEN - 400) / 160);
    int status = test_sh(cmd, out, sizeof out, err, sizeof err);
    if (status != 0)
        printf("\nlive stdin: status %d\n%s%s\n", status, out, err);
    CU_ASSERT_EQUAL(status, 0);
}

static void test_stdin_errors(void)
{
    expect_usage("needs --top-db none", "mfcc - < '%s'", wav);
    expect_usage("needs --top-db none", "melspec - --db < '%s'", wav);
    expect_usage("for raw audio on standard input", "melspec '%s' --rate 16000", wav);
    expect_usage("the WAV header on standard input gives them", "melspec - --rate 8000 < '%s'",
                 wav);
    expect_runtime("standard input", "streams 16000 Hz audio and this is 8000 Hz",
                   "melspec - --preset vggish --rate 8000 < '%s'", raw16);
}

static const struct test_case cases[] = {
    {"fixture: a 5 s chirp over noise", test_input},
    {"--threads 1/2/4: the same bytes (stft)", test_threads_stft},
    {"--threads 1/2/4: the same bytes (melspec, mfcc, vggish)", test_threads_mel},
    {"--dtype float32 against float64", test_dtype},
    {"melspec -: WAV and raw on stdin give the file's bytes", test_stdin_same},
    {"melspec -: rows appear while the input is still open", test_stdin_live},
    {"melspec -: errors", test_stdin_errors},
};

int main(void)
{
    cli_test_init(&(struct cli_test_config){.out = out, .out_size = sizeof out, .err = err,
                                            .err_size = sizeof err, .outdir = outdir});
    const char *dir = test_tmpdir();
    snprintf(outdir, sizeof outdir, "%s/out", dir);
    snprintf(wav, sizeof wav, "%s/in.wav", dir);
    int status = test_run("cli_speed", cases, TEST_COUNT(cases));
    test_rmdir(dir);
    return status;
}
