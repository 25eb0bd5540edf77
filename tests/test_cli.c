/* Tests of the dsplab tool ($DSPLAB): output contents against closed forms,
 * every usage error (exit 2) and runtime error (exit 1) with its message, and
 * that no output file or temporary is left behind by a failure.
 *
 * Inputs are generated here with the library: 0.5 s at 8 kHz (4000 samples)
 * keeps every run in the milliseconds. */
#include "clitest.h"

#include <dsplab/dsplab.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FS 8000.0
#define LEN 4000
#define AMP 0.5
/* 500 Hz is a bin centre for N = 256, 1024 and 2048 at 8 kHz (bins 16, 64, 128). */
#define FREQ 500.0

static char dir[4096];        /* the test folder */
static char sine_wav[4200];   /* AMP*cos(2 pi FREQ t), 32-bit float, mono */
static char stereo_wav[4200]; /* 16-bit, 2 channels */
static char text_file[4200];  /* not a sound */
static char outdir[4200];     /* where failing commands are told to write */

static char out[1 << 20], err[1 << 16];

/* Creates the folder and the input files once. */
static void fixture(void)
{
    if (dir[0])
        return;
    snprintf(dir, sizeof dir, "%s", test_tmpdir());
    snprintf(sine_wav, sizeof sine_wav, "%s/sine.wav", dir);
    snprintf(stereo_wav, sizeof stereo_wav, "%s/stereo.wav", dir);
    snprintf(text_file, sizeof text_file, "%s/notes.txt", dir);
    snprintf(outdir, sizeof outdir, "%s/out", dir);

    static double x[LEN], st[2 * LEN];
    CU_ASSERT_FATAL(dsp_gen_sine(AMP, FREQ, 0.0, FS, x, LEN) == DSP_OK);
    write_mono_wav(sine_wav, x, LEN, FS);
    for (size_t i = 0; i < LEN; i++) {
        st[2 * i] = x[i];
        st[2 * i + 1] = -0.5 * x[i];
    }
    CU_ASSERT_FATAL(dsp_audio_write_wav(stereo_wav, st, LEN, 2, FS, DSP_WAV_PCM16) == DSP_OK);
    write_text(text_file, "hello, this is not a sound\n");
    make_dir(outdir);
}

/* The numbers of the non-'#' lines of text (one per line) into v; count. */
static size_t text_values(const char *text, double *v, size_t max)
{
    size_t n = 0;
    for (const char *p = text; *p;) {
        const char *eol = strchr(p, '\n');
        if (*p != '#' && *p != '\n' && n < max)
            v[n++] = strtod(p, NULL);
        if (!eol)
            break;
        p = eol + 1;
    }
    return n;
}

/* ---- success cases -------------------------------------------------- */

static void test_help_and_version(void)
{
    fixture();
    /* Every command is listed and has its own help, on stdout, exit 0. */
    const char *names[] = {"info", "window", "dft", "stft", "resynth"};
    expect_command_help(names, TEST_COUNT(names));
    CU_ASSERT_EQUAL(dsplab("--version"), 0);
    CU_ASSERT_EQUAL(strncmp(out, "dsplab ", 7), 0);
}

static void test_info(void)
{
    fixture();
    CU_ASSERT_EQUAL(dsplab("info '%s'", stereo_wav), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "sample_rate: 8000\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "channels: 2\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "frames: 4000\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "duration: 0.500000 s\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "format: WAV"));
    CU_ASSERT_STRING_EQUAL(err, "");
}

static void test_window_values(void)
{
    fixture();
    double v[16];
    /* Periodic hann of 4: 0.5 - 0.5 cos(2 pi n / 4) = 0, 0.5, 1, 0.5. The
     * 0.5s come out as 0.5 - 2^-54 (cos(pi/2) is 6e-17, not 0): 1e-15. */
    CU_ASSERT_EQUAL_FATAL(dsplab("window hann 4"), 0);
    CU_ASSERT_EQUAL(text_values(out, v, 16), 4);
    test_close("hann 4", v, (const double[]){0, 0.5, 1, 0.5}, 4, 1e-15, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# window: hann\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# symmetry: periodic\n"));

    /* Symmetric hann of 5: 0.5 - 0.5 cos(2 pi n / 4) over n = 0..4. */
    CU_ASSERT_EQUAL_FATAL(dsplab("window --symmetric hann 5"), 0);
    CU_ASSERT_EQUAL(text_values(out, v, 16), 5);
    test_close("symmetric hann 5", v, (const double[]){0, 0.5, 1, 0.5, 0}, 5, 1e-15, 0);

    /* Symmetric gaussian, sigma 1: exp(-(n-2)^2 / 2), options after operands. */
    CU_ASSERT_EQUAL_FATAL(dsplab("window gaussian 5 --symmetric --sigma 1"), 0);
    CU_ASSERT_EQUAL(text_values(out, v, 16), 5);
    double g[5];
    for (int n = 0; n < 5; n++)
        g[n] = exp(-0.5 * (n - 2) * (n - 2));
    test_close("gaussian 5 sigma 1", v, g, 5, 1e-15, 1e-14);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# sigma: 1\n"));

    /* Kaiser beta 0 is the rectangular window. */
    CU_ASSERT_EQUAL_FATAL(dsplab("window kaiser 3 --beta 0"), 0);
    CU_ASSERT_EQUAL(text_values(out, v, 16), 3);
    test_close("kaiser beta 0", v, (const double[]){1, 1, 1}, 3, 1e-15, 0);
}

/* A bin-centred cosine of amplitude A through the unit-sum hann window peaks
 * at exactly A/2, i.e. 20*log10(A/2) = -12.0412 dB; the input is stored as
 * float32 (relative error 6e-8, i.e. 5e-7 dB), so 1e-5 dB is ample. Frame at
 * 0 centred on sample 512 = 32 periods of 500 Hz: phase 0 (mod 2 pi). */
static void test_dft_peak(void)
{
    fixture();
    CU_ASSERT_EQUAL_FATAL(dsplab("dft '%s'", sine_wav), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# window: hann\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# window_size: 1024\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# fft_size: 1024\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# sample_rate: 8000\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# columns: 4\n"));
    size_t rows = 0, peak = 0;
    double best = -INFINITY, peak_hz = 0, peak_phase = 0;
    for (const char *p = out; *p; p = strchr(p, '\n') + 1) {
        if (*p != '#') {
            double bin, hz, db, ph;
            CU_ASSERT_EQUAL_FATAL(sscanf(p, "%lf %lf %lf %lf", &bin, &hz, &db, &ph), 4);
            CU_ASSERT_EQUAL(bin, (double)rows);
            if (db > best) {
                best = db;
                peak = rows;
                peak_hz = hz;
                peak_phase = ph;
            }
            rows++;
        }
        if (!strchr(p, '\n'))
            break;
    }
    CU_ASSERT_EQUAL(rows, 1024 / 2 + 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# bins: 513\n"));
    CU_ASSERT_EQUAL(peak, 64);
    CU_ASSERT_DOUBLE_EQUAL(peak_hz, FREQ, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(best, 20 * log10(AMP / 2), 1e-5);
    CU_ASSERT_DOUBLE_EQUAL(cos(peak_phase), 1.0, 1e-6);

    /* Start at the last sample: the other 7 read as zeros, so the frame is
     * one impulse x[L-1] times the unit-sum rectangular weight 1/8, and every
     * bin has magnitude |x[L-1]|/8 (float32 input: 1e-5 dB). */
    CU_ASSERT_EQUAL(dsplab("dft '%s' --start %d --size 8 --fft 8 --window rectangular",
                           sine_wav, LEN - 1),
                    0);
    const double pi = 3.14159265358979323846;
    double last = AMP * cos(2 * pi * FREQ * (LEN - 1) / FS);
    size_t n = 0;
    for (const char *p = out; *p; p = strchr(p, '\n') + 1) {
        double bin, hz, db, ph;
        if (*p != '#' && sscanf(p, "%lf %lf %lf %lf", &bin, &hz, &db, &ph) == 4) {
            CU_ASSERT_DOUBLE_EQUAL(db, 20 * log10(fabs(last) / 8), 1e-5);
            n++;
        }
        if (!strchr(p, '\n'))
            break;
    }
    CU_ASSERT_EQUAL(n, 8 / 2 + 1);
}

/* Row k of the STFT is `dft --start k*H - M/2`: same DFT model, so the two
 * agree to rounding (1e-9 dB). Frame 5 with H = 100, M = 256: start 372. */
static void test_stft_matches_dft(void)
{
    char stft_txt[4300], dft_txt[4300];
    fixture();
    snprintf(stft_txt, sizeof stft_txt, "%s/stft.txt", dir);
    snprintf(dft_txt, sizeof dft_txt, "%s/dft.txt", dir);
    CU_ASSERT_EQUAL_FATAL(
        dsplab("stft '%s' --size 256 --fft 256 --hop 100 --window hamming -o '%s'", sine_wav,
               stft_txt),
        0);
    CU_ASSERT_STRING_EQUAL(out, "");
    CU_ASSERT_EQUAL_FATAL(
        dsplab("dft '%s' --start 372 --size 256 --fft 256 --window hamming -o '%s'", sine_wav, dft_txt), 0);
    struct dsp_mat s, d;
    CU_ASSERT_FATAL(dsp_mat_read(stft_txt, &s) == DSP_OK);
    CU_ASSERT_FATAL(dsp_mat_read(dft_txt, &d) == DSP_OK);
    CU_ASSERT_EQUAL(s.rows, LEN / 100 + 1);
    CU_ASSERT_EQUAL(s.cols, 129);
    CU_ASSERT_EQUAL(d.rows, 129);
    if (s.cols == 129 && s.rows > 5 && d.rows == 129 && d.cols == 4) {
        double col[129];
        for (size_t k = 0; k < 129; k++)
            col[k] = d.data[k * 4 + 2];
        test_close("stft row 5 vs dft --start 372", s.data + 5 * 129, col, 129, 1e-9, 0);
    }
    dsp_mat_free(&s);
    dsp_mat_free(&d);
    char value[64];
    CU_ASSERT(dsp_datafile_header_value(stft_txt, "rows", value, sizeof value) == DSP_OK);
    CU_ASSERT_EQUAL(atoi(value), LEN / 100 + 1);
}

/* Defaults (hann, 2048, 2048, 512, db) to stdout: floor(4000/512)+1 = 8
 * rows of 1025; frame 4 (samples 1024..3071, inside the signal) peaks at bin
 * 128 = 500 Hz at 20*log10(A/2) dB (1e-5 dB, float32 input as above). */
static void test_stft_text_defaults(void)
{
    fixture();
    CU_ASSERT_EQUAL_FATAL(dsplab("stft '%s'", sine_wav), 0);
    CU_ASSERT_STRING_EQUAL(err, "");   /* no progress line when stderr is not a terminal */
    const char *headers[] = {"# command: dsplab stft ", "# file: ", "# sample_rate: 8000\n",
                             "# window: hann\n", "# window_size: 2048\n", "# fft_size: 2048\n",
                             "# hop_size: 512\n", "# units: db\n", "# frames: 8\n",
                             "# columns: 1025\n"};
    expect_lines("stft header", out, headers, TEST_COUNT(headers));
    size_t rows = 0;
    const char *row4 = NULL;
    for (const char *p = out; *p; p = strchr(p, '\n') + 1) {
        if (*p != '#') {
            if (rows == 4)
                row4 = p;
            rows++;
        }
        if (!strchr(p, '\n'))
            break;
    }
    CU_ASSERT_EQUAL(rows, LEN / 512 + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(row4);
    char *p = (char *)row4;
    double best = -INFINITY;
    size_t peak = 0;
    for (size_t k = 0; k < 1025; k++) {
        double v = strtod(p, &p);
        if (v > best) {
            best = v;
            peak = k;
        }
    }
    CU_ASSERT_EQUAL(peak, 128);
    CU_ASSERT_DOUBLE_EQUAL(best, 20 * log10(AMP / 2), 1e-5);
}

/* Reads a .npy written by the tool byte by byte: magic, version 1.0,
 * '<f8', C order, the shape, and the data size. */
static void check_npy(const char *path, size_t rows, size_t cols, double *first_row)
{
    FILE *f = fopen(path, "rb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    unsigned char pre[10];
    CU_ASSERT_EQUAL_FATAL(fread(pre, 1, 10, f), 10);
    CU_ASSERT_EQUAL(memcmp(pre, "\x93NUMPY\x01\x00", 8), 0);
    size_t hlen = pre[8] | (size_t)pre[9] << 8;
    char header[1024] = {0};
    CU_ASSERT_FATAL(hlen < sizeof header);
    CU_ASSERT_EQUAL_FATAL(fread(header, 1, hlen, f), hlen);
    char shape[64];
    snprintf(shape, sizeof shape, "'shape': (%zu, %zu)", rows, cols);
    CU_ASSERT_PTR_NOT_NULL(strstr(header, "'descr': '<f8'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(header, "'fortran_order': False"));
    CU_ASSERT_PTR_NOT_NULL(strstr(header, shape));
    CU_ASSERT_EQUAL((10 + hlen) % 16, 0);   /* the format aligns data to 16 bytes */
    for (size_t c = 0; c < cols; c++) {
        unsigned char b[8];
        CU_ASSERT_EQUAL_FATAL(fread(b, 1, 8, f), 8);
        uint64_t bits = 0;
        for (int i = 7; i >= 0; i--)
            bits = bits << 8 | b[i];
        memcpy(&first_row[c], &bits, 8);
    }
    long here = ftell(f);
    fseek(f, 0, SEEK_END);
    CU_ASSERT_EQUAL((size_t)ftell(f) - (size_t)here, (rows - 1) * cols * 8);
    fclose(f);
}

/* --units linear gives 10^(dB/20) of the same frame: 1e-12 relative. */
static void test_stft_npy_linear(void)
{
    char npy[4300], txt[4300];
    fixture();
    snprintf(npy, sizeof npy, "%s/lin.npy", dir);
    snprintf(txt, sizeof txt, "%s/db.txt", dir);
    CU_ASSERT_EQUAL_FATAL(
        dsplab("stft '%s' --units linear --size 512 --fft 512 --hop 256 -o '%s'", sine_wav, npy), 0);
    /* "dB", as people write it, is accepted for db */
    CU_ASSERT_EQUAL_FATAL(
        dsplab("stft '%s' --units dB --size 512 --fft 512 --hop 256 -o '%s'", sine_wav, txt), 0);
    size_t rows = LEN / 256 + 1, cols = 512 / 2 + 1;
    double lin[257];
    check_npy(npy, rows, cols, lin);
    struct dsp_mat m;
    CU_ASSERT_FATAL(dsp_mat_read(txt, &m) == DSP_OK);
    CU_ASSERT_EQUAL(m.rows, rows);
    CU_ASSERT_EQUAL(m.cols, cols);
    double want[257];
    for (size_t k = 0; k < cols && m.cols == cols; k++)
        want[k] = pow(10.0, m.data[k] / 20.0);
    /* Bins whose dB value is near the floor carry no relative information. */
    for (size_t k = 0; k < cols; k++)
        if (want[k] < 1e-12)
            lin[k] = want[k] = 0;
    test_close("linear vs 10^(dB/20), frame 0", lin, want, cols, 1e-15, 1e-12);
    dsp_mat_free(&m);
}

/* Hann, M = 2048, H = 512 reconstructs to rounding: the printed SNR of the
 * synthesis is > 200 dB. Stored as 16 bits, the file's SNR against the input
 * is bounded by quantisation: noise q^2/12 with q = 2^-15 against power
 * A^2/2 = 0.125 gives 92 dB; we ask 85 dB. As float32: about 140 dB; we ask
 * 120 dB. */
static void test_resynth(void)
{
    char wav[4300];
    fixture();
    snprintf(wav, sizeof wav, "%s/re.wav", dir);
    static double x[LEN];
    dsp_gen_sine(AMP, FREQ, 0.0, FS, x, LEN);
    const char *how[] = {"", "--float"};
    const double want_db[] = {85, 120};
    for (int i = 0; i < 2; i++) {
        CU_ASSERT_EQUAL_FATAL(dsplab("resynth '%s' -o '%s' %s", sine_wav, wav, how[i]), 0);
        double snr = 0;
        CU_ASSERT_EQUAL(sscanf(out, "snr_db: %lf", &snr), 1);
        CU_ASSERT(snr > 200 || strstr(out, "snr_db: inf"));
        struct dsp_audio a;
        CU_ASSERT_FATAL(dsp_audio_read(wav, &a) == DSP_OK);
        CU_ASSERT_EQUAL(a.frames, LEN);
        CU_ASSERT_EQUAL(a.channels, 1);
        CU_ASSERT_EQUAL(a.sample_rate, FS);
        if (a.frames == LEN) {
            double file_snr = dsp_snr_db(x, a.data, LEN);
            if (!(file_snr > want_db[i]))
                fprintf(stderr, "\n  resynth %s: file SNR %.1f dB\n", how[i], file_snr);
            CU_ASSERT(file_snr > want_db[i]);
        }
        dsp_audio_free(&a);
    }
}

/* ---- usage errors: exit 2, message, hint, nothing written ------------- */

static void test_usage_errors(void)
{
    fixture();
    const char *s = sine_wav, *o = outdir;
    expect_usage("missing command", "%s", "");   /* no arguments at all */
    expect_usage("unknown command 'frobnicate'", "frobnicate '%s'", s);
    expect_usage("unrecognized option '--bogus'", "stft '%s' --bogus -o '%s/x.txt'", s, o);
    expect_usage("unrecognized option '--frob'", "--frob");
    expect_usage("invalid option '-q'", "stft '%s' -q -o '%s/x.txt'", s, o);
    expect_usage("option '--hop' requires an argument", "stft '%s' -o '%s/x.txt' --hop", s, o);
    expect_usage("option '--output' requires an argument", "stft '%s' --output", s);
    expect_usage("option '-o' requires an argument", "dft '%s' -o", s);
    expect_usage("option '--float' doesn't allow an argument",
                 "resynth '%s' -o '%s/x.wav' --float=yes", s, o);
    expect_usage("missing FILE argument", "stft -o '%s/x.txt'", o);
    expect_usage("missing FILE argument", "info");
    expect_usage("missing FILE argument", "dft");
    expect_usage("missing FILE argument", "resynth -o '%s/x.wav'", o);
    expect_usage("missing NAME argument", "window");
    expect_usage("missing M argument", "window hann");
    expect_usage("unexpected argument 'extra'", "stft '%s' extra -o '%s/x.txt'", s, o);
    expect_usage("unexpected argument '8'", "window hann 4 8");
    expect_usage("--hop: '12abc' is not a whole number", "stft '%s' --hop 12abc -o '%s/x.txt'",
                 s, o);
    expect_usage("--size: '' is not a whole number", "stft '%s' --size '' -o '%s/x.txt'", s, o);
    expect_usage("--size: ' 8' is not a whole number", "stft '%s' --size ' 8'", s);
    expect_usage("--fft: '+8' is not a whole number", "stft '%s' --fft +8", s);
    expect_usage("--size: '1e3' is not a whole number", "dft '%s' --size 1e3", s);
    expect_usage("--size: '99999999999999999999999' is too large",
                 "stft '%s' --size 99999999999999999999999 -o '%s/x.txt'", s, o);
    expect_usage("M: '12abc' is not a whole number", "window hann 12abc");
    expect_usage("--hop must be at least 1 (got 0)", "stft '%s' --hop 0 -o '%s/x.txt'", s, o);
    expect_usage("--hop must be at least 1 (got -3)", "stft '%s' --hop -3 -o '%s/x.txt'", s, o);
    expect_usage("--hop must be at least 1 (got 0)", "resynth '%s' --hop 0 -o '%s/x.wav'", s, o);
    expect_usage("--size must be at least 1 (got 0)", "stft '%s' --size 0 -o '%s/x.txt'", s, o);
    expect_usage("--size must be at least 1 (got 0)", "dft '%s' --size 0", s);
    expect_usage("M must be at least 1 (got 0)", "window hann 0");
    expect_usage("invalid option '-3'", "window hann -3");
    expect_usage("--fft (512) must be at least the window size (1024)",
                 "stft '%s' --size 1024 --fft 512 -o '%s/x.txt'", s, o);
    expect_usage("--fft (100) must be at least the window size (1024)", "dft '%s' --fft 100", s);
    expect_usage("--fft (1000) must be at least the window size (2048)",
                 "resynth '%s' --fft 1000 -o '%s/x.wav'", s, o);
    expect_usage("unknown window", "stft '%s' --window foo -o '%s/x.txt'", s, o);
    expect_usage("hann", "stft '%s' --window foo", s);   /* the message lists the names */
    expect_usage("unknown window", "window foo 4");
    expect_usage("the kaiser window needs --beta", "stft '%s' --window kaiser -o '%s/x.txt'", s,
                 o);
    expect_usage("the kaiser window needs --beta", "window kaiser 8");
    expect_usage("the gaussian window needs --sigma", "dft '%s' --window gaussian", s);
    expect_usage("the gaussian window needs --sigma", "window gaussian 8");
    expect_usage("--beta is only for the kaiser window", "window hann 8 --beta 3");
    expect_usage("--sigma is only for the gaussian window", "window kaiser 8 --beta 3 --sigma 2");
    expect_usage("--beta: 'x' is not a number", "window kaiser 8 --beta x");
    expect_usage("--beta: 'nan' is not a finite number", "window kaiser 8 --beta nan");
    expect_usage("--beta: '1e999' is not a finite number", "window kaiser 8 --beta 1e999");
    expect_usage("--beta must be at least 0 (got -1)", "window kaiser 8 --beta -1");
    expect_usage("--sigma must be greater than 0 (got 0)", "window gaussian 8 --sigma 0");
    expect_usage("--units must be db or linear (got 'foo')",
                 "stft '%s' --units foo -o '%s/x.txt'", s, o);
    expect_usage("--start (4000) is beyond the end of", "dft '%s' --start 4000 -o '%s/x.txt'", s,
                 o);
    expect_usage("--start must be at least 0 (got -1)", "dft '%s' --start -1", s);
    expect_usage("missing -o OUT.wav", "resynth '%s'", s);
}

/* ---- runtime errors: exit 1, "dsplab: FILE: reason", nothing written -- */

static void test_runtime_errors(void)
{
    fixture();
    char missing[4300], nodir[4300], notdir[4300];
    snprintf(missing, sizeof missing, "%s/missing.wav", dir);
    snprintf(nodir, sizeof nodir, "%s/no-such-folder/x.txt", outdir);
    snprintf(notdir, sizeof notdir, "%s/x.npy", text_file);
    const char *cmds[] = {"info", "dft", "stft"};
    for (size_t i = 0; i < TEST_COUNT(cmds); i++) {
        expect_runtime(missing, "cannot open", "%s '%s'", cmds[i], missing);
        expect_runtime(text_file, "not a readable sound file", "%s '%s'", cmds[i], text_file);
    }
    expect_runtime(missing, "cannot open", "stft '%s' -o '%s/x.npy'", missing, outdir);
    expect_runtime(text_file, "not a readable sound", "dft '%s' -o '%s/x.txt'", text_file,
                   outdir);
    expect_runtime(missing, "cannot open", "resynth '%s' -o '%s/x.wav'", missing, outdir);
    expect_runtime(nodir, "", "stft '%s' -o '%s'", sine_wav, nodir);
    expect_runtime(nodir, "", "dft '%s' -o '%s'", sine_wav, nodir);
    expect_runtime(notdir, "", "stft '%s' -o '%s'", sine_wav, notdir);
    snprintf(nodir, sizeof nodir, "%s/no-such-folder/x.wav", outdir);
    expect_runtime(nodir, "", "resynth '%s' -o '%s'", sine_wav, nodir);
    CU_ASSERT_STRING_EQUAL(out, "");   /* no SNR line when nothing was written */

    /* A full disk on standard output (Linux's /dev/full) is a runtime error. */
    if (access("/dev/full", W_OK) == 0) {
        expect_runtime("standard output", "write failed", "stft '%s' > /dev/full", sine_wav);
        expect_runtime("standard output", "", "window hann 4 > /dev/full");
        expect_runtime("standard output", "write error", "info '%s' > /dev/full", sine_wav);
        expect_runtime("standard output", "write error", "--help > /dev/full");
    }
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
        {"--help lists the commands; every command has --help", test_help_and_version},
        {"info: sample rate, channels, frames, duration", test_info},
        {"window: hann, symmetric hann, gaussian, kaiser(0)", test_window_values},
        {"dft: bin-centred sine peaks at 20log10(A/2), phase 0", test_dft_peak},
        {"stft: row k equals dft --start k*H-M/2", test_stft_matches_dft},
        {"stft: defaults, headers, floor(L/H)+1 rows, peak", test_stft_text_defaults},
        {"stft: .npy shape and linear = 10^(dB/20)", test_stft_npy_linear},
        {"resynth: printed SNR and the WAV's SNR", test_resynth},
        {"usage errors exit 2 with a message, write nothing", test_usage_errors},
        {"runtime errors exit 1 naming the file, write nothing", test_runtime_errors},
        {"remove the test folder", test_cleanup},
    };
    return test_run("cli", cases, TEST_COUNT(cases));
}
