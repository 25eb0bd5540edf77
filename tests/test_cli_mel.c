/* Tests of the mel commands of the dsplab tool ($DSPLAB): melbank, melspec
 * (librosa and --preset vggish), mfcc, and batch processing (--out-dir,
 * --list, skip/--force, --jobs). Outputs are compared with the library's own
 * functions run here on the same samples (read back from the WAV, so the
 * float32 storage is the same on both sides), with closed forms where one
 * exists; every usage error exits 2 with its message and leaves nothing.
 *
 * Inputs are short (0.5 s at 8 kHz, 1 s at 16 and 44.1 kHz) so each run
 * takes milliseconds. */
#include "clitest.h"

#include <dsplab/dsplab.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FS 8000.0
#define LEN 4000

static char dir[4096];       /* the test folder */
static char tone_wav[4200];  /* 8 kHz: a sine plus seeded noise, every band non-zero */
static char vgg16_wav[4200]; /* 15600 samples at 16 kHz: one VGGish example */
static char vgg44_wav[4200]; /* 44100 samples at 44.1 kHz */
static char good[3][4200];   /* batch inputs: sounds/b0.wav .. b2.wav */
static char bad_wav[4200];   /* a text file named .wav */
static char outdir[4200];    /* where failing commands are told to write */

static char out[1 << 20], err[1 << 16];

static void write_tone(const char *path, double fs, size_t n, double freq, uint64_t seed)
{
    double *x = malloc(n * sizeof *x), *noise = malloc(n * sizeof *noise);
    CU_ASSERT_FATAL(x && noise);
    CU_ASSERT_FATAL(dsp_gen_sine(0.5, freq, 0.3, fs, x, n) == DSP_OK);
    CU_ASSERT_FATAL(dsp_gen_noise(0.05, seed, noise, n) == DSP_OK);
    for (size_t i = 0; i < n; i++)
        x[i] += noise[i];
    write_mono_wav(path, x, n, fs);
    free(x);
    free(noise);
}

/* Creates the folder and the input files once. */
static void fixture(void)
{
    if (dir[0])
        return;
    snprintf(dir, sizeof dir, "%s", test_tmpdir());
    snprintf(tone_wav, sizeof tone_wav, "%s/tone.wav", dir);
    snprintf(vgg16_wav, sizeof vgg16_wav, "%s/vgg16.wav", dir);
    snprintf(vgg44_wav, sizeof vgg44_wav, "%s/vgg44.wav", dir);
    snprintf(bad_wav, sizeof bad_wav, "%s/sounds/bad.wav", dir);
    snprintf(outdir, sizeof outdir, "%s/out", dir);
    char cmd[8800];
    snprintf(cmd, sizeof cmd, "mkdir '%s' '%s/sounds'", outdir, dir);
    CU_ASSERT_FATAL(test_sh(cmd, NULL, 0, NULL, 0) == 0);
    write_tone(tone_wav, FS, LEN, 500.0, 1);
    write_tone(vgg16_wav, 16000.0, 15600, 1000.0, 2);
    write_tone(vgg44_wav, 44100.0, 44100, 1000.0, 3);
    for (int i = 0; i < 3; i++) {
        snprintf(good[i], sizeof good[i], "%s/sounds/b%d.wav", dir, i);
        write_tone(good[i], FS, 2000 + 700 * (size_t)i, 300.0 + 400.0 * i, 10 + (uint64_t)i);
    }
    write_text(bad_wav, "not a sound\n");
}

static double *read_wav(const char *path, size_t *len, double *fs)
{
    double *x;
    CU_ASSERT_FATAL(dsp_audio_read_mono(path, &x, len, fs) == DSP_OK);
    return x;
}

static void rm(const char *path)
{
    unlink(path);
}

/* ---- melbank --------------------------------------------------------- */

/* The whole matrix equals dsp_melbank_dense for the same parameters. The
 * tool writes the library's doubles (text %.17g reads back bit-exact), so
 * the tolerance is 0. */
static void check_bank(const char *opts, struct dsp_melbank_params p)
{
    char path[4300];
    snprintf(path, sizeof path, "%s/bank.npy", dir);
    CU_ASSERT_EQUAL_FATAL(dsplab("melbank %s -o '%s'", opts, path), 0);
    struct dsp_mat m;
    read_mat(path, &m);
    struct dsp_melbank *mb = dsp_melbank_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mb);
    size_t bins = p.n_fft / 2 + 1;
    CU_ASSERT_EQUAL(m.rows, p.n_mels);
    CU_ASSERT_EQUAL(m.cols, bins);
    double *W = malloc(p.n_mels * bins * sizeof *W);
    CU_ASSERT_FATAL(W != NULL);
    dsp_melbank_dense(mb, W, p.n_mels * bins);
    if (m.rows == p.n_mels && m.cols == bins)
        test_close(opts, m.data, W, p.n_mels * bins, 0, 0);
    free(W);
    dsp_melbank_free(mb);
    dsp_mat_free(&m);
    rm(path);
}

static void test_melbank_library(void)
{
    fixture();
    check_bank("--sr 22050 --n-fft 2048", dsp_melbank_defaults(22050, 2048));
    struct dsp_melbank_params p = dsp_melbank_defaults(16000, 512);
    p.n_mels = 40;
    p.fmin = 100;
    p.fmax = 7000;
    p.scale = DSP_MEL_HTK;
    p.norm = DSP_MEL_NORM_NONE;
    check_bank("--sr 16000 --n-fft 512 --n-mels 40 --fmin 100 --fmax 7000 --htk --norm none", p);

    /* The text form: header lines, 128 rows of 1025 on stdout. */
    CU_ASSERT_EQUAL_FATAL(dsplab("melbank --sr 22050 --n-fft 2048"), 0);
    const char *headers[] = {"# sample_rate: 22050\n", "# n_fft: 2048\n", "# n_mels: 128\n",
                             "# fmin: 0\n", "# fmax: 11025\n", "# scale: slaney\n",
                             "# norm: slaney\n", "# columns: 1025\n"};
    expect_lines("melbank header", out, headers, TEST_COUNT(headers));
    size_t rows = 0;
    for (const char *q = out; *q; q++)
        if (*q == '\n' && q[1] && q[1] != '#')
            rows++;
    CU_ASSERT_EQUAL(rows, 128);
    CU_ASSERT_STRING_EQUAL(err, "");
}

/* Below 1 kHz the Slaney scale is linear (mel = 3f/200), so 9 bands from 0
 * to 1000 Hz have edges every 100 Hz: band m rises from 100m Hz to a peak
 * at 100(m+1) Hz and falls to 100(m+2) Hz. With 10 Hz bins (8000 Hz / 800)
 * the peak lands on bin 10(m+1), where norm none gives exactly 1 in exact
 * arithmetic, and the row sums to sum_{j=1}^{10} j/10 + sum_{j=1}^{9} j/10
 * = 10. norm slaney scales by 2/(200 Hz): sum 0.1 and peak 0.01. The edges
 * go through Hz -> mel -> Hz, which moves them by ~1e-13 Hz: tolerance
 * 1e-12 relative. */
static void test_melbank_closed_form(void)
{
    char path[4300];
    fixture();
    snprintf(path, sizeof path, "%s/bank.txt", dir);
    const char *norms[] = {"none", "slaney"};
    const double scale[] = {1.0, 0.01};
    for (int n = 0; n < 2; n++) {
        CU_ASSERT_EQUAL_FATAL(dsplab("melbank --sr 8000 --n-fft 800 --n-mels 9 --fmax 1000 "
                                    "--norm %s -o '%s'",
                                    norms[n], path),
                              0);
        struct dsp_mat m;
        read_mat(path, &m);
        CU_ASSERT_EQUAL(m.rows, 9);
        CU_ASSERT_EQUAL(m.cols, 401);
        for (size_t b = 0; b < m.rows && m.cols == 401; b++) {
            const double *row = m.data + b * m.cols;
            double sum = 0;
            size_t peak = 0;
            for (size_t k = 0; k < m.cols; k++) {
                sum += row[k];
                if (row[k] > row[peak])
                    peak = k;
            }
            CU_ASSERT_EQUAL(peak, 10 * (b + 1));
            CU_ASSERT_DOUBLE_EQUAL(row[10 * (b + 1)], scale[n], 1e-12 * scale[n]);
            CU_ASSERT_DOUBLE_EQUAL(sum, 10 * scale[n], 1e-11 * scale[n]);
            CU_ASSERT_EQUAL(row[10 * (b + 3)], 0.0);   /* outside the triangle */
        }
        dsp_mat_free(&m);
        rm(path);
    }
}

/* 40 bands over 33 bins at 8 kHz: some bands catch no bin. The warning
 * names exactly the bands the library counts; the matrix is still written. */
static void test_melbank_empty_warning(void)
{
    fixture();
    struct dsp_melbank_params p = dsp_melbank_defaults(8000, 64);
    p.n_mels = 40;
    struct dsp_melbank *mb = dsp_melbank_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mb);
    size_t list[40];
    size_t n = dsp_melbank_num_empty(mb, list, 40);
    dsp_melbank_free(mb);
    CU_ASSERT_FATAL(n > 0);   /* the case must really have empty bands */

    CU_ASSERT_EQUAL_FATAL(dsplab("melbank --sr 8000 --n-fft 64 --n-mels 40"), 0);
    CU_ASSERT_EQUAL(strncmp(err, "dsplab: warning: ", 17), 0);
    char want[64];
    snprintf(want, sizeof want, "%zu of 40 mel bands", n);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, want));
    for (size_t i = 0; i < n; i++) {
        /* each band appears as a number (or the end of a range) */
        char a[32], b[32], c[32];
        snprintf(a, sizeof a, " %zu,", list[i]);
        snprintf(b, sizeof b, " %zu)", list[i]);
        snprintf(c, sizeof c, "-%zu", list[i]);
        int named = strstr(err, a) || strstr(err, b) || strstr(err, c);
        if (i + 1 < n && list[i + 1] == list[i] + 1 && i > 0 && list[i - 1] == list[i] - 1)
            named = 1;   /* inside a range a-b */
        if (!named)
            fprintf(stderr, "\n  band %zu not named in: %s\n", list[i], err);
        CU_ASSERT(named);
    }
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# empty_bands: "));
    size_t rows = 0;
    for (const char *q = out; *q; q++)
        if (*q == '\n' && q[1] && q[1] != '#')
            rows++;
    CU_ASSERT_EQUAL(rows, 40);

    /* no warning when every band catches a bin */
    CU_ASSERT_EQUAL(dsplab("melbank --sr 8000 --n-fft 1024 --n-mels 40 -o /dev/null"), 0);
    CU_ASSERT_STRING_EQUAL(err, "");
}

/* ---- melspec --------------------------------------------------------- */

/* The library's mel spectrogram of the tone, n_fft 512, hop 128, 40 bands:
 * 1 + 4000/128 = 32 frames (centred, even N). Caller frees. */
static double *library_melspec(size_t *frames, int db, double top_db)
{
    size_t len;
    double fs;
    double *x = read_wav(tone_wav, &len, &fs);
    struct dsp_melspec_params p = dsp_melspec_defaults(fs);
    p.n_fft = p.win_length = 512;
    p.hop = 128;
    p.mel = dsp_melbank_defaults(fs, 512);
    p.mel.n_mels = 40;
    struct dsp_melspec *ms = dsp_melspec_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
    *frames = dsp_melspec_num_frames(ms, len);
    double *S = malloc(*frames * 40 * sizeof *S);
    CU_ASSERT_FATAL(S != NULL);
    CU_ASSERT_FATAL(dsp_melspec_compute(ms, x, len, S, *frames) == DSP_OK);
    if (db)
        dsp_melspec_power_to_db(S, *frames * 40, 1.0, 1e-10, top_db, S);
    dsp_melspec_free(ms);
    free(x);
    return S;
}

/* Text and .npy both equal the library's values. The same doubles go
 * through the same calls, so they agree to the last bit; 1e-12 relative is
 * the stated promise (text is %.17g, exact on reading back). */
static void test_melspec_matches_library(void)
{
    fixture();
    size_t frames;
    double *S = library_melspec(&frames, 0, 0);
    CU_ASSERT_EQUAL(frames, 1 + LEN / 128);
    const char *names[] = {"mel.txt", "mel.npy"};
    for (int i = 0; i < 2; i++) {
        char path[4300];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        CU_ASSERT_EQUAL_FATAL(
            dsplab("melspec '%s' --n-fft 512 --hop 128 --n-mels 40 -o '%s'", tone_wav, path), 0);
        CU_ASSERT_STRING_EQUAL(err, "");
        struct dsp_mat m;
        read_mat(path, &m);
        CU_ASSERT_EQUAL(m.rows, frames);
        CU_ASSERT_EQUAL(m.cols, 40);
        if (m.rows == frames && m.cols == 40)
            test_close(names[i], m.data, S, frames * 40, 0, 1e-12);
        dsp_mat_free(&m);
        rm(path);
    }
    free(S);

    /* the header states every parameter */
    CU_ASSERT_EQUAL_FATAL(dsplab("melspec '%s' --n-fft 512 --hop 128 --n-mels 40", tone_wav), 0);
    const char *headers[] = {"# file: ", "# sample_rate: 8000\n", "# n_fft: 512\n",
                             "# hop: 128\n", "# win_length: 512\n", "# window: hann",
                             "# framing: centered", "# n_mels: 40\n", "# fmin: 0\n",
                             "# fmax: 4000\n", "# scale: slaney\n", "# norm: slaney\n",
                             "# power: 2\n", "# db: no\n", "# frames: 32\n",
                             "# row_k_time_s: k*128/8000", "# columns: 40\n"};
    expect_lines("melspec header", out, headers, TEST_COUNT(headers));
}

/* librosa's defaults: 2048/512/128 bands; 1 + L/H frames. */
static void test_melspec_defaults_shape(void)
{
    char path[4300];
    fixture();
    snprintf(path, sizeof path, "%s/def.npy", dir);
    CU_ASSERT_EQUAL_FATAL(dsplab("melspec '%s' -o '%s'", vgg16_wav, path), 0);
    struct dsp_mat m;
    read_mat(path, &m);
    CU_ASSERT_EQUAL(m.rows, 1 + 15600 / 512);
    CU_ASSERT_EQUAL(m.cols, 128);
    dsp_mat_free(&m);
    rm(path);
}

/* --db: every value in [max - top_db, max], and equal to the library's
 * power_to_db over the whole array (dB values near 0 get atol 1e-12). */
static void test_melspec_db(void)
{
    fixture();
    const char *tops[] = {"", "--top-db 20", "--top-db none"};
    const double top[] = {80.0, 20.0, DSP_DB_NO_TOP};
    for (int t = 0; t < 3; t++) {
        char path[4300];
        snprintf(path, sizeof path, "%s/db.npy", dir);
        CU_ASSERT_EQUAL_FATAL(dsplab("melspec '%s' --n-fft 512 --hop 128 --n-mels 40 --db %s "
                                     "-o '%s'",
                                     tone_wav, tops[t], path),
                              0);
        size_t frames;
        double *want = library_melspec(&frames, 1, top[t]);
        struct dsp_mat m;
        read_mat(path, &m);
        CU_ASSERT_EQUAL_FATAL(m.rows * m.cols, frames * 40);
        test_close(tops[t], m.data, want, frames * 40, 1e-12, 1e-12);
        double hi = -INFINITY, lo = INFINITY;
        for (size_t i = 0; i < frames * 40; i++) {
            hi = fmax(hi, m.data[i]);
            lo = fmin(lo, m.data[i]);
        }
        if (isfinite(top[t])) {
            CU_ASSERT(lo >= hi - top[t]);
        }
        if (t == 1)   /* the noise floor is more than 20 dB down: clipping happened */
            CU_ASSERT_DOUBLE_EQUAL(lo, hi - 20.0, 1e-12);
        free(want);
        dsp_mat_free(&m);
        rm(path);
    }
    CU_ASSERT_EQUAL_FATAL(dsplab("melspec '%s' --db", tone_wav), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# ref: 1\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# amin: 1e-10\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# top_db: 80 "));
}

/* ---- mfcc ------------------------------------------------------------ */

/* frames x n_mfcc, equal to dsp_mfcc_compute (librosa.feature.mfcc's
 * defaults; the same calls, so 1e-12 relative + 1e-9 absolute for
 * coefficients near 0, out of values of order 100). */
static void test_mfcc(void)
{
    fixture();
    size_t len;
    double fs;
    double *x = read_wav(tone_wav, &len, &fs);
    struct dsp_melspec_params p = dsp_melspec_defaults(fs);
    struct dsp_melspec *ms = dsp_melspec_new(&p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ms);
    size_t frames = dsp_melspec_num_frames(ms, len);
    CU_ASSERT_EQUAL(frames, 1 + LEN / 512);
    const size_t n_mfcc[] = {20, 13};
    for (int i = 0; i < 2; i++) {
        struct dsp_mfcc *mf = dsp_mfcc_new(128, n_mfcc[i]);
        double *S = malloc(frames * 128 * sizeof *S), *C = malloc(frames * 20 * sizeof *C);
        CU_ASSERT_FATAL(mf && S && C);
        CU_ASSERT_FATAL(dsp_mfcc_compute(mf, ms, x, len, S, C, frames) == DSP_OK);
        char path[4300];
        snprintf(path, sizeof path, "%s/mfcc.npy", dir);
        CU_ASSERT_EQUAL_FATAL(dsplab("mfcc '%s' %s -o '%s'", tone_wav,
                                     i ? "--n-mfcc 13" : "", path),
                              0);
        struct dsp_mat m;
        read_mat(path, &m);
        CU_ASSERT_EQUAL(m.rows, frames);
        CU_ASSERT_EQUAL(m.cols, n_mfcc[i]);
        if (m.rows == frames && m.cols == n_mfcc[i])
            test_close("mfcc", m.data, C, frames * n_mfcc[i], 1e-9, 1e-12);
        dsp_mat_free(&m);
        rm(path);
        free(S);
        free(C);
        dsp_mfcc_free(mf);
    }
    dsp_melspec_free(ms);
    free(x);
    CU_ASSERT_EQUAL_FATAL(dsplab("mfcc '%s'", tone_wav), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# n_mfcc: 20\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# top_db: 80 "));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# columns: 20\n"));
}

/* ---- --preset vggish ------------------------------------------------- */

/* 15600 samples at 16 kHz are exactly one VGGish example: 1 + (15600 -
 * 400)/160 = 96 frames of 64 bands. 44100 samples at 44.1 kHz resample to
 * 16000 samples: 1 + (16000 - 400)/160 = 98 frames. Both equal
 * dsp_vggish_log_mel (same resampler, same frames; 1e-12). */
static void test_vggish_preset(void)
{
    fixture();
    const char *wavs[] = {vgg16_wav, vgg44_wav};
    const size_t want_rows[] = {96, 98};
    for (int i = 0; i < 2; i++) {
        char path[4300];
        snprintf(path, sizeof path, "%s/vgg.npy", dir);
        CU_ASSERT_EQUAL_FATAL(dsplab("melspec '%s' --preset vggish -o '%s'", wavs[i], path), 0);
        struct dsp_mat m;
        read_mat(path, &m);
        CU_ASSERT_EQUAL(m.rows, want_rows[i]);
        CU_ASSERT_EQUAL(m.cols, 64);

        size_t len;
        double fs;
        double *x = read_wav(wavs[i], &len, &fs);
        struct dsp_vggish_params p = dsp_vggish_defaults();
        struct dsp_vggish *v = dsp_vggish_new(&p, fs);
        CU_ASSERT_PTR_NOT_NULL_FATAL(v);
        size_t frames = dsp_vggish_num_frames(v, len);
        CU_ASSERT_EQUAL(frames, want_rows[i]);
        double *work = malloc(dsp_vggish_resampled_len(v, len) * sizeof *work);
        double *L = malloc(frames * 64 * sizeof *L);
        CU_ASSERT_FATAL(work && L);
        CU_ASSERT_FATAL(dsp_vggish_log_mel(v, x, len, work, L, frames) == DSP_OK);
        if (m.rows == frames && m.cols == 64)
            test_close("vggish", m.data, L, frames * 64, 1e-12, 1e-12);
        free(work);
        free(L);
        free(x);
        dsp_vggish_free(v);
        dsp_mat_free(&m);
        rm(path);
    }
    /* --hop and --n-mels change the preset: 1 + (15600-400)/320 = 48 rows of 32 */
    CU_ASSERT_EQUAL_FATAL(dsplab("melspec '%s' --preset vggish --hop 320 --n-mels 32", vgg16_wav),
                          0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# frames: 48\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# columns: 32\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# preset: vggish"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# log: ln(mel + 0.01"));
}

/* ---- batch ----------------------------------------------------------- */

/* The batch folder gets a fresh name per test. */
static void batch_dir(char *path, size_t size, const char *name)
{
    snprintf(path, size, "%s/%s", dir, name);
}

static int stat_of(const char *path, struct stat *st)
{
    return stat(path, st) == 0;
}

/* 3 good inputs + 1 unreadable: 3 outputs, the bad one named, exit 1;
 * each output equals the single-file command's. Re-run: all skipped,
 * files untouched (same inode and mtime). --force: rewritten (new inodes,
 * as each output is renamed into place). */
static void test_batch_run_skip_force(void)
{
    char feats[4300], single[4300], a[4400], list_txt[4300];
    fixture();
    batch_dir(feats, sizeof feats, "feats");
    int rc = dsplab("melspec '%s' '%s' '%s' '%s' --out-dir '%s' --n-mels 40", good[0], bad_wav,
                    good[1], good[2], feats);
    CU_ASSERT_EQUAL(rc, 1);
    char msg[4400];
    snprintf(msg, sizeof msg, "dsplab: %s: ", bad_wav);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, msg));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "melspec: 3 written, 0 skipped, 1 failed\n"));
    expect_dir(feats, "b0.npy b1.npy b2.npy");   /* and no temporary */

    for (int i = 0; i < 3; i++) {
        snprintf(single, sizeof single, "%s/single.npy", dir);
        CU_ASSERT_EQUAL_FATAL(dsplab("melspec '%s' --n-mels 40 -o '%s'", good[i], single), 0);
        snprintf(a, sizeof a, "%s/b%d.npy", feats, i);
        struct dsp_mat m1, m2;
        read_mat(single, &m1);
        read_mat(a, &m2);
        CU_ASSERT_EQUAL(m1.rows, m2.rows);
        CU_ASSERT_EQUAL(m1.cols, 40);
        if (m1.rows == m2.rows && m1.cols == m2.cols)
            test_close("batch vs single", m2.data, m1.data, m1.rows * m1.cols, 0, 0);
        dsp_mat_free(&m1);
        dsp_mat_free(&m2);
        rm(single);
    }

    struct stat before[3], after;
    for (int i = 0; i < 3; i++) {
        snprintf(a, sizeof a, "%s/b%d.npy", feats, i);
        CU_ASSERT_FATAL(stat_of(a, &before[i]));
    }
    rc = dsplab("melspec '%s' '%s' '%s' '%s' --out-dir '%s' --n-mels 40", good[0], bad_wav,
                good[1], good[2], feats);
    CU_ASSERT_EQUAL(rc, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "melspec: 0 written, 3 skipped, 1 failed\n"));
    for (int i = 0; i < 3; i++) {
        snprintf(a, sizeof a, "%s/b%d.npy", feats, i);
        CU_ASSERT_FATAL(stat_of(a, &after));
        CU_ASSERT_EQUAL(after.st_ino, before[i].st_ino);
        CU_ASSERT(after.st_mtim.tv_sec == before[i].st_mtim.tv_sec &&
                  after.st_mtim.tv_nsec == before[i].st_mtim.tv_nsec);
    }
    /* all good: exit 0 */
    rc = dsplab("melspec '%s' '%s' '%s' --out-dir '%s' --n-mels 40", good[0], good[1], good[2],
                feats);
    CU_ASSERT_EQUAL(rc, 0);
    CU_ASSERT_STRING_EQUAL(err, "melspec: 0 written, 3 skipped, 0 failed\n");

    rc = dsplab("melspec '%s' '%s' '%s' --out-dir '%s' --n-mels 40 --force", good[0], good[1],
                good[2], feats);
    CU_ASSERT_EQUAL(rc, 0);
    CU_ASSERT_STRING_EQUAL(err, "melspec: 3 written, 0 skipped, 0 failed\n");
    for (int i = 0; i < 3; i++) {
        snprintf(a, sizeof a, "%s/b%d.npy", feats, i);
        CU_ASSERT_FATAL(stat_of(a, &after));
        CU_ASSERT_NOT_EQUAL(after.st_ino, before[i].st_ino);
    }
    expect_dir(feats, "b0.npy b1.npy b2.npy");

    /* --list: comments, blank lines, a CRLF line; --format txt; mfcc too */
    snprintf(list_txt, sizeof list_txt, "%s/list.txt", dir);
    FILE *f = fopen(list_txt, "w");
    CU_ASSERT_FATAL(f != NULL);
    fprintf(f, "# three sounds\n\n%s\n   \n  # indented comment\n%s\r\n%s", good[2], good[0],
            good[1]);
    fclose(f);
    batch_dir(feats, sizeof feats, "mfcc-txt");
    rc = dsplab("mfcc --list '%s' --out-dir '%s' --format txt", list_txt, feats);
    CU_ASSERT_EQUAL(rc, 0);
    CU_ASSERT_STRING_EQUAL(err, "mfcc: 3 written, 0 skipped, 0 failed\n");
    expect_dir(feats, "b0.txt b1.txt b2.txt");
    /* its header is the single-file command that writes it */
    snprintf(a, sizeof a, "%s/b0.txt", feats);
    char cmd[256];
    CU_ASSERT(dsp_datafile_header_value(a, "command", cmd, sizeof cmd) == DSP_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(cmd, "dsplab mfcc "));
    CU_ASSERT_PTR_NOT_NULL(strstr(cmd, "/b0.txt"));
    CU_ASSERT_PTR_NULL(strstr(cmd, "--list"));
    CU_ASSERT_PTR_NULL(strstr(cmd, "--out-dir"));
    /* --list - reads stdin; the three outputs exist now: all skipped */
    rc = dsplab("mfcc --list - --out-dir '%s' --format txt < '%s'", feats, list_txt);
    CU_ASSERT_EQUAL(rc, 0);
    CU_ASSERT_STRING_EQUAL(err, "mfcc: 0 written, 3 skipped, 0 failed\n");
    rm(list_txt);
}

/* --jobs 2 writes byte-identical files to --jobs 1 (text headers included:
 * the batch options are not part of them). Both write the same folder (the
 * header names the output); the --jobs 1 files are copied aside first. */
static void test_batch_jobs_identical(void)
{
    char d[4300], d1[4300], cmd[13000];
    fixture();
    batch_dir(d, sizeof d, "jobs");
    batch_dir(d1, sizeof d1, "jobs1");
    for (int fmt = 0; fmt < 2; fmt++) {
        const char *format = fmt ? "txt" : "npy";
        CU_ASSERT_EQUAL(dsplab("melspec '%s' '%s' '%s' '%s' --out-dir '%s' --jobs 1 --force "
                               "--format %s --db",
                               good[0], good[1], good[2], tone_wav, d, format),
                        0);
        snprintf(cmd, sizeof cmd, "rm -rf '%s' && cp -rp '%s' '%s'", d1, d, d1);
        CU_ASSERT_EQUAL_FATAL(test_sh(cmd, NULL, 0, NULL, 0), 0);
        CU_ASSERT_EQUAL(dsplab("melspec --force --jobs 2 '%s' '%s' '%s' '%s' --format %s "
                               "--out-dir '%s' --db",
                               good[0], good[1], good[2], tone_wav, format, d),
                        0);
        CU_ASSERT_STRING_EQUAL(err, "melspec: 4 written, 0 skipped, 0 failed\n");
        snprintf(cmd, sizeof cmd, "diff -r '%s' '%s'", d1, d);
        CU_ASSERT_EQUAL(test_sh(cmd, out, sizeof out, NULL, 0), 0);
        CU_ASSERT_STRING_EQUAL(out, "");
    }
    expect_dir(d, "b0.npy b0.txt b1.npy b1.txt b2.npy b2.txt tone.npy tone.txt");
    /* --jobs 0: every online CPU; the work is the same */
    CU_ASSERT_EQUAL(dsplab("melspec '%s' '%s' --out-dir '%s' --jobs 0 --force --db", good[0],
                           good[1], d),
                    0);
    CU_ASSERT_STRING_EQUAL(err, "melspec: 2 written, 0 skipped, 0 failed\n");
}

/* Two workers, more failures than workers (each failure ends a worker and
 * a new one takes over), inputs at three sample rates (each worker rebuilds
 * its setup when the rate changes): every good input's output equals the
 * single-file command's, bit for bit. */
static void test_batch_mixed(void)
{
    char d[4300], single[4300], a[4400], missing[4300];
    fixture();
    batch_dir(d, sizeof d, "mixed");
    snprintf(missing, sizeof missing, "%s/sounds/missing.wav", dir);
    const char *ins[] = {vgg16_wav, bad_wav, good[0], missing, vgg44_wav, tone_wav};
    const char *names[] = {"vgg16", NULL, "b0", NULL, "vgg44", "tone"};
    int rc = dsplab("mfcc --jobs 2 --n-mfcc 13 --out-dir '%s' '%s' '%s' '%s' '%s' '%s' '%s'", d,
                    ins[0], ins[1], ins[2], ins[3], ins[4], ins[5]);
    CU_ASSERT_EQUAL(rc, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "mfcc: 4 written, 0 skipped, 2 failed\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, bad_wav));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, missing));
    expect_dir(d, "b0.npy tone.npy vgg16.npy vgg44.npy");
    for (size_t i = 0; i < TEST_COUNT(ins); i++) {
        if (!names[i])
            continue;
        snprintf(single, sizeof single, "%s/single.npy", dir);
        CU_ASSERT_EQUAL_FATAL(dsplab("mfcc --n-mfcc 13 '%s' -o '%s'", ins[i], single), 0);
        snprintf(a, sizeof a, "%s/%s.npy", d, names[i]);
        char cmd[9000];
        snprintf(cmd, sizeof cmd, "cmp '%s' '%s'", single, a);
        if (test_sh(cmd, NULL, 0, NULL, 0) != 0) {
            fprintf(stderr, "\n  %s differs from the single-file output\n", a);
            CU_FAIL("batch output differs");
        }
        rm(single);
    }
}

/* ---- errors ---------------------------------------------------------- */

static void test_usage_errors(void)
{
    fixture();
    const char *t = tone_wav, *o = outdir, *v = vgg16_wav;
    char nd[4300];
    snprintf(nd, sizeof nd, "%s/new", outdir);   /* a batch folder that must not appear */
    /* melbank */
    expect_usage("missing --sr SR", "melbank --n-fft 512");
    expect_usage("missing --n-fft N", "melbank --sr 8000 -o '%s/x.txt'", o);
    expect_usage("--fmax (5000 Hz) is above the Nyquist frequency (4000 Hz",
                 "melbank --sr 8000 --n-fft 512 --fmax 5000 -o '%s/x.txt'", o);
    expect_usage("--fmin (3000 Hz) must be below fmax (2000 Hz)",
                 "melbank --sr 8000 --n-fft 512 --fmin 3000 --fmax 2000 -o '%s/x.txt'", o);
    expect_usage("--n-fft must be at least 2 (got 1)", "melbank --sr 8000 --n-fft 1");
    expect_usage("--n-mels must be at least 1 (got 0)", "melbank --sr 8000 --n-fft 64 --n-mels 0");
    expect_usage("--sr must be above 0 Hz (got 0)", "melbank --sr 0 --n-fft 64");
    expect_usage("--norm must be slaney or none (got 'l2')", "melbank --sr 8000 --n-fft 64 --norm l2");
    expect_usage("unexpected argument 'x.wav'", "melbank --sr 8000 --n-fft 64 x.wav");
    /* melspec / mfcc options */
    expect_usage("missing FILE argument", "melspec -o '%s/x.txt'", o);
    expect_usage("missing FILE argument", "mfcc");
    expect_usage("--fmax (5000 Hz) is above the Nyquist frequency of", "melspec '%s' --fmax 5000 "
                 "-o '%s/x.txt'", t, o);
    expect_usage("--fmin (4000 Hz) must be below fmax (4000 Hz", "mfcc '%s' --fmin 4000 -o "
                 "'%s/x.txt'", t, o);
    expect_usage("--fmin (500 Hz) must be below --fmax (100 Hz)",
                 "melspec '%s' --fmin 500 --fmax 100", t);
    expect_usage("--win-length (4096) must be at most the FFT size (2048)",
                 "melspec '%s' --win-length 4096 -o '%s/x.txt'", t, o);
    expect_usage("--win-length (512) must be at most the FFT size --n-fft (256)",
                 "mfcc '%s' --n-fft 256 --win-length 512", t);
    expect_usage("--hop must be at least 1 (got 0)", "melspec '%s' --hop 0", t);
    expect_usage("--n-fft must be at least 2 (got 1)", "melspec '%s' --n-fft 1", t);
    expect_usage("--top-db needs --db", "melspec '%s' --top-db 60 -o '%s/x.txt'", t, o);
    expect_usage("--top-db must be at least 0 dB, or none (got -1)", "melspec '%s' --db --top-db -1",
                 t);
    expect_usage("--power must be 1 (magnitude) or 2 (power) (got '3')", "melspec '%s' --power 3",
                 t);
    expect_usage("--norm must be slaney or none (got 'x')", "mfcc '%s' --norm x", t);
    expect_usage("--fmin must be at least 0 Hz (got -5)", "melspec '%s' --fmin -5", t);
    expect_usage("--n-mfcc (50) must be at most the number of mel bands --n-mels (40)",
                 "mfcc '%s' --n-mfcc 50 --n-mels 40 -o '%s/x.txt'", t, o);
    expect_usage("--n-mfcc (200) must be at most the number of mel bands (128)",
                 "mfcc '%s' --n-mfcc 200", t);
    expect_usage("unrecognized option '--db'", "mfcc '%s' --db", t);
    expect_usage("unrecognized option '--preset'", "mfcc '%s' --preset vggish", t);
    expect_usage("unknown preset 'yamnet' (known: vggish)", "melspec '%s' --preset yamnet", v);
    expect_usage("--n-fft does not apply with --preset vggish",
                 "melspec '%s' --preset vggish --n-fft 1024 -o '%s/x.txt'", v, o);
    expect_usage("--db does not apply with --preset vggish", "melspec '%s' --preset vggish --db",
                 v);
    expect_usage("--htk does not apply with --preset vggish", "melspec '%s' --htk --preset vggish",
                 v);
    expect_usage("--power does not apply", "melspec '%s' --preset vggish --power 2", v);
    expect_usage("--norm does not apply", "melspec '%s' --preset vggish --norm none", v);
    expect_usage("--fmax (9000 Hz) is above the Nyquist frequency of --preset vggish",
                 "melspec '%s' --preset vggish --fmax 9000", v);
    /* batch */
    expect_usage("(several inputs need --out-dir DIR)", "melspec '%s' '%s'",
                 t, v);
    expect_usage("--list needs --out-dir DIR", "melspec --list '%s'", t);
    expect_usage("--jobs needs --out-dir DIR", "melspec '%s' --jobs 2", t);
    expect_usage("--force needs --out-dir DIR", "mfcc '%s' --force", t);
    expect_usage("--format needs --out-dir DIR", "mfcc '%s' --format txt", t);
    expect_usage("-o OUT and --out-dir DIR exclude each other",
                 "melspec '%s' --out-dir '%s' -o '%s/x.npy'", t, nd, o);
    expect_usage("missing FILE argument (or --list LIST)", "melspec --out-dir '%s'", nd);
    expect_usage("--format must be npy or txt (got 'csv')",
                 "melspec '%s' --out-dir '%s' --format csv", t, nd);
    expect_usage("--jobs: 'two' is not a whole number", "melspec '%s' --out-dir '%s' --jobs two",
                 t, nd);
    expect_usage("--jobs must be at least 0 (got -1)", "melspec '%s' --out-dir '%s' --jobs -1", t,
                 nd);
    expect_usage("--out-dir: the folder name is empty", "melspec '%s' --out-dir ''", t);
    char twin[4300];
    snprintf(twin, sizeof twin, "%s/sounds/tone.wav", dir);   /* same basename as tone_wav */
    expect_usage("would both write", "melspec '%s' '%s' '%s' --out-dir '%s'", t, good[0], twin,
                 nd);
    expect_usage("tone.wav'", "melspec '%s' '%s' --out-dir '%s'", t, twin, nd);
    expect_usage("has no file name", "melspec '%s/sounds/' --out-dir '%s'", dir, nd);
}

static void test_runtime_errors(void)
{
    fixture();
    char missing[4300], nodir[4300], notdir[4300];
    snprintf(missing, sizeof missing, "%s/missing.wav", dir);
    snprintf(nodir, sizeof nodir, "%s/no-such-folder/x.npy", outdir);
    expect_runtime(missing, "cannot open", "melspec '%s' -o '%s/x.txt'", missing, outdir);
    expect_runtime(bad_wav, "not a readable sound", "mfcc '%s' -o '%s/x.npy'", bad_wav, outdir);
    expect_runtime(bad_wav, "not a readable sound", "melspec '%s' --preset vggish -o '%s/x.npy'",
                   bad_wav, outdir);
    expect_runtime(nodir, "", "melspec '%s' -o '%s'", tone_wav, nodir);
    expect_runtime(nodir, "", "melbank --sr 8000 --n-fft 64 --n-mels 8 -o '%s'", nodir);
    expect_runtime(missing, "cannot open the list", "melspec --list '%s' --out-dir '%s/new'",
                   missing, outdir);
    /* --out-dir names a file, or a folder whose parent is missing */
    expect_runtime(tone_wav, "not a folder", "melspec '%s' --out-dir '%s'", good[0], tone_wav);
    snprintf(notdir, sizeof notdir, "%s/a/b", outdir);
    expect_runtime(notdir, "cannot create the output folder", "melspec '%s' --out-dir '%s'",
                   good[0], notdir);
    /* a batch of only failures: exit 1, one line per input, no output left */
    char feats[4300];
    snprintf(feats, sizeof feats, "%s/failed", outdir);
    CU_ASSERT_EQUAL(dsplab("melspec '%s' '%s' --out-dir '%s'", bad_wav, missing, feats), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "melspec: 0 written, 0 skipped, 2 failed\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, bad_wav));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, missing));
    expect_dir(feats, "");
    rmdir(feats);
    expect_dir(outdir, "");
}

static void test_help(void)
{
    fixture();
    const char *names[] = {"melbank", "melspec", "mfcc"};
    expect_command_help(names, TEST_COUNT(names));
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
        {"--help lists melbank, melspec, mfcc; each has --help", test_help},
        {"melbank: matrix equals the library's, header, 128 x 1025", test_melbank_library},
        {"melbank: peak 1 / row sum 10 (none), 0.01 / 0.1 (slaney)", test_melbank_closed_form},
        {"melbank: empty bands named in a warning, matrix written", test_melbank_empty_warning},
        {"melspec: text and .npy equal the library's, headers", test_melspec_matches_library},
        {"melspec: librosa defaults give 1 + L/512 rows of 128", test_melspec_defaults_shape},
        {"melspec --db: library's power_to_db, within top_db of max", test_melspec_db},
        {"mfcc: frames x n_mfcc, equal to dsp_mfcc_compute", test_mfcc},
        {"melspec --preset vggish: 96 x 64 at 16 kHz, 98 rows from 44.1k", test_vggish_preset},
        {"batch: failures named, skip, --force, --list, txt", test_batch_run_skip_force},
        {"batch: --jobs 2 writes the same bytes as --jobs 1", test_batch_jobs_identical},
        {"batch: 2 workers, 2 failures, 3 rates = single-file outputs", test_batch_mixed},
        {"usage errors exit 2 with a message, write nothing", test_usage_errors},
        {"runtime errors exit 1 naming the file, write nothing", test_runtime_errors},
        {"remove the test folder", test_cleanup},
    };
    return test_run("cli_mel", cases, TEST_COUNT(cases));
}
