/* The dsplab tool against careless and hostile use (issue 11): every
 * reproducer of the issue as a test. Each checks the exit status, the
 * message, and that no file that existed before is lost or changed and no
 * new file or temporary is left behind. Every case ends within seconds: the
 * inputs are short (8 kHz, 0.5 s) and the absurd sizes must be refused
 * before any work.
 *
 * Folders: `work` holds the inputs and the files that must survive; `out`
 * is where failing commands are told to write and must stay empty. */
#include "clitest.h"

#include <dsplab/dsplab.h>
#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FS 8000.0
#define LEN 4000

static char dir[4096];         /* the test folder */
static char work[4200];        /* inputs and pre-existing outputs */
static char outdir[4200];      /* must stay empty */
static char good_wav[4300];    /* 0.5 s of 440 Hz, float32 */
static char text_file[4300];   /* not a sound */
static double good_x[LEN];
static char out[1 << 21], err[1 << 16];

static void fixture(void)
{
    if (dir[0])
        return;
    snprintf(dir, sizeof dir, "%s", test_tmpdir());
    snprintf(work, sizeof work, "%s/work", dir);
    snprintf(outdir, sizeof outdir, "%s/out", dir);
    make_dir(work);
    make_dir(outdir);
    snprintf(good_wav, sizeof good_wav, "%s/good.wav", dir);
    snprintf(text_file, sizeof text_file, "%s/notes.txt", dir);
    CU_ASSERT_FATAL(dsp_gen_sine(0.5, 440.0, 0.0, FS, good_x, LEN) == DSP_OK);
    write_mono_wav(good_wav, good_x, LEN, FS);
    write_text(text_file, "not a sound\n");
}

/* A whole small file into buf (NUL-terminated); its length, or -1. */
static long slurp(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, size - 1, f);
    fclose(f);
    buf[n] = '\0';
    return (long)n;
}

/* path holds exactly `text`. */
static void expect_content(const char *path, const char *text)
{
    static char buf[1 << 16];
    long n = slurp(path, buf, sizeof buf);
    int ok = n >= 0 && strcmp(buf, text) == 0;
    if (!ok)
        fprintf(stderr, "\n  %s: %s\n", path, n < 0 ? "missing" : "content changed");
    CU_ASSERT(ok);
}

/* The two files are byte for byte the same. */
static void expect_same_file(const char *a, const char *b)
{
    static char x[1 << 20], y[1 << 20];
    long na = slurp(a, x, sizeof x), nb = slurp(b, y, sizeof y);
    int ok = na >= 0 && na == nb && memcmp(x, y, (size_t)na) == 0;
    if (!ok)
        fprintf(stderr, "\n  %s differs from %s (or is missing)\n", a, b);
    CU_ASSERT(ok);
}

/* work/NAME, as a path. */
static const char *in_work(const char *name)
{
    static char buf[4][4400];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", work, name);
    return buf[k];
}

/* Empties `work` and copies good.wav to work/in.wav. */
static void reset_work(void)
{
    char cmd[20000];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir '%s' && cp '%s' '%s/in.wav'", work, work,
             good_wav, work);
    CU_ASSERT_FATAL(system(cmd) == 0);
}

/* ---- 1. a failed command destroys no file ------------------------------ */

/* The reproducer: --synth names the input, -o an impossible path.
 * Refused before anything is written; in.wav is as it was. */
static void test_synth_is_input(void)
{
    fixture();
    reset_work();
    expect_usage("--synth '", "sines '%s' --synth '%s' -o /nonexistent/t.txt", in_work("in.wav"),
                 in_work("in.wav"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "is also the input"));
    expect_same_file(in_work("in.wav"), good_wav);
    expect_usage("is also the input", "harmonic '%s' --synth '%s'", in_work("in.wav"),
                 in_work("in.wav"));
    /* another spelling of the same file */
    expect_usage("is also the input", "resynth '%s' -o '%s/../work/in.wav'", in_work("in.wav"),
                 work);
    expect_usage("is also the input", "stft '%s' -o '%s'", in_work("in.wav"), in_work("in.wav"));
    expect_usage("is also the input", "stretch '%s' --factor 2 -o '%s'", in_work("in.wav"),
                 in_work("in.wav"));
    expect_usage("is also the input", "pitch '%s' --ratio 2 -o '%s'", in_work("in.wav"),
                 in_work("in.wav"));
    expect_usage("is also the input", "morph '%s' '%s' -o '%s'", good_wav, in_work("in.wav"),
                 in_work("in.wav"));
    expect_usage("is also the input", "melspec '%s' -o '%s'", in_work("in.wav"),
                 in_work("in.wav"));
    expect_usage("name the same file", "sines '%s' --synth '%s' -o '%s/./x.txt'",
                 in_work("in.wav"), in_work("x.txt"), work);
    expect_same_file(in_work("in.wav"), good_wav);
    expect_dir(work, "in.wav");
}

/* --synth names an existing file and the tracks output fails: the old
 * --synth file is untouched and nothing new is left. */
static void test_synth_kept_on_failure(void)
{
    fixture();
    const char *cmds[] = {"sines", "harmonic"};
    for (size_t i = 0; i < TEST_COUNT(cmds); i++) {
        reset_work();
        write_text(in_work("s.wav"), "old synth\n");
        expect_runtime("/nonexistent/t.txt", "cannot create the output file",
                       "%s '%s' --synth '%s' -o /nonexistent/t.txt", cmds[i], in_work("in.wav"),
                       in_work("s.wav"));
        expect_content(in_work("s.wav"), "old synth\n");
        expect_dir(work, "in.wav s.wav");
        /* the input fails to read: both old outputs stay */
        write_text(in_work("t.txt"), "old tracks\n");
        expect_runtime(text_file, "", "%s '%s' --synth '%s' -o '%s'", cmds[i], text_file,
                       in_work("s.wav"), in_work("t.txt"));
        expect_content(in_work("s.wav"), "old synth\n");
        expect_content(in_work("t.txt"), "old tracks\n");
        expect_dir(work, "in.wav s.wav t.txt");
    }
    /* and on success both are replaced */
    CU_ASSERT_EQUAL(dsplab("sines '%s' --synth '%s' -o '%s'", in_work("in.wav"), in_work("s.wav"),
                           in_work("t.txt")),
                    0);
    char value[64];
    CU_ASSERT(dsp_datafile_header_value(in_work("t.txt"), "synth_file", value, sizeof value) ==
              DSP_OK);
    struct dsp_audio info;
    CU_ASSERT(dsp_audio_probe(in_work("s.wav"), &info) == DSP_OK);
    expect_dir(work, "in.wav s.wav t.txt");
}

/* decompose: the old DIR/BASE-*.wav survive a failure, and a folder the
 * command made is gone again. */
static void test_decompose_keeps_old(void)
{
    fixture();
    reset_work();
    const char *parts[] = {"in-sines.wav", "in-residual.wav", "in-stochastic.wav",
                           "in-tracks.txt"};
    char text[64];
    for (size_t i = 0; i < TEST_COUNT(parts); i++) {
        snprintf(text, sizeof text, "old %zu\n", i);
        write_text(in_work(parts[i]), text);
    }
    /* in-tracks.txt is a folder: refused before the work, the WAVs stay */
    CU_ASSERT_FATAL(unlink(in_work("in-tracks.txt")) == 0);
    make_dir(in_work("in-tracks.txt"));
    expect_runtime(in_work("in-tracks.txt"), "is a folder",
                   "decompose '%s' --model sine --out-dir '%s'", in_work("in.wav"), work);
    for (size_t i = 0; i < 3; i++) {
        snprintf(text, sizeof text, "old %zu\n", i);
        expect_content(in_work(parts[i]), text);
    }
    expect_dir(work, "in-residual.wav in-sines.wav in-stochastic.wav in-tracks.txt in.wav");
    /* an input that fails after the outputs are staged */
    CU_ASSERT_FATAL(rmdir(in_work("in-tracks.txt")) == 0);
    write_text(in_work("in-tracks.txt"), "old 3\n");
    char cmd[20000];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", text_file, in_work("in.wav"));
    CU_ASSERT_FATAL(system(cmd) == 0);
    expect_runtime(in_work("in.wav"), "", "decompose '%s' --model sine --out-dir '%s'",
                   in_work("in.wav"), work);
    for (size_t i = 0; i < TEST_COUNT(parts); i++) {
        snprintf(text, sizeof text, "old %zu\n", i);
        expect_content(in_work(parts[i]), text);
    }
    expect_dir(work, "in-residual.wav in-sines.wav in-stochastic.wav in-tracks.txt in.wav");
    /* a new folder is removed again */
    char fresh[4400];
    snprintf(fresh, sizeof fresh, "%s/fresh", outdir);
    expect_runtime(text_file, "", "decompose '%s' --model sine --out-dir '%s'", text_file,
                   fresh);
}

/* ---- 2, 3. absurd sizes are refused at once --------------------------- */

/* Sizes above the stated maxima (2^24 samples, 2^16 bands/sines/harmonics)
 * are usage errors naming the limit; the melbank case used to hang. */
static void test_size_maxima(void)
{
    fixture();
    expect_usage("--n-fft: '18446744073709551615' is too large (at most 16777216)",
                 "melbank --sr 16000 --n-fft %s -o '%s/b.txt'", "18446744073709551615", outdir);
    expect_usage("is too large (at most 16777216)", "melspec '%s' --n-fft 1000000000 -o '%s/m.txt'",
                 good_wav, outdir);
    expect_usage("is too large (at most 65536)", "melspec '%s' --n-mels 100000000 -o '%s/m.txt'",
                 good_wav, outdir);
    expect_usage("is too large (at most 16777216)",
                 "melspec '%s' --preset vggish --win-length 1000000000 -o '%s/m.txt'", good_wav,
                 outdir);
    expect_usage("is too large (at most 16777216)", "stft '%s' --size 1000000000 -o '%s/s.txt'",
                 good_wav, outdir);
    expect_usage("is too large (at most 16777216)", "stft '%s' --fft 1000000000 -o '%s/s.txt'",
                 good_wav, outdir);
    expect_usage("is too large (at most 65536)", "sines '%s' --max-sines 10000000 -o '%s/t'",
                 good_wav, outdir);
    expect_usage("is too large (at most 65536)",
                 "harmonic '%s' --harmonics 10000000 -o '%s/t'", good_wav, outdir);
    expect_usage("M: '1000000000' is too large (at most 16777216)", "window hann 1000000000");
    /* within the maxima but beyond 2^16 and longer than the 4000-sample input */
    expect_usage("--n-fft (16777216) is longer than", "melspec '%s' --n-fft 16777216 -o '%s/m.txt'",
                 good_wav, outdir);
    expect_usage("--size (100000) is longer than", "resynth '%s' --size 100000 -o '%s/r.wav'",
                 good_wav, outdir);
    expect_usage("--win-length (2000000) is longer than",
                 "melspec '%s' --preset vggish --win-length 2000000 -o '%s/m.txt'", good_wav,
                 outdir);
}

/* Work that would need more than --max-memory is a runtime error that says
 * how much it asked for. resynth --hop 1 holds 2 x 4001 frames x 1025 bins
 * of doubles: 62.6 MiB plus the signal and the FFT. */
static void test_memory_budget(void)
{
    fixture();
    expect_runtime(good_wav, "would need 6", "resynth '%s' --hop 1 --max-memory 16M -o '%s/r.wav'",
                   good_wav, outdir);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "4001 frames x 1025 bins"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "MiB of memory, more than the budget of 16.0 MiB "
                                       "(--max-memory)"));
    /* 60000 sines x 16 frames x 3 matrices of doubles = 22 MiB */
    expect_runtime(good_wav, "the tracks (16 frames x 60000 sines", 
                   "sines '%s' --max-sines 60000 --max-memory=4M -o '%s/t.txt'", good_wav,
                   outdir);
    expect_runtime(good_wav, "reading 4000 frames of 1 channels would need 62.5 KiB",
                   "stft --max-memory 1K '%s' -o '%s/s.txt'", good_wav, outdir);
    expect_runtime(good_wav, "the mel spectrogram", "melspec '%s' --max-memory 100K -o '%s/m.txt'",
                   good_wav, outdir);
    expect_usage("--max-memory: 'lots' is not a size", "stft '%s' --max-memory lots", good_wav);
    /* streamed outputs count as the matrix they write: 65536 bands x
     * 2^23 + 1 bins is 4 TiB, and 4001 frames x 32769 bins 1000 MiB */
    CU_ASSERT_EQUAL(dsplab("melbank --sr 44100 --n-fft 16777216 --n-mels 65536 -o '%s/b.txt'",
                           outdir),
                    1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "dsplab: the mel bank's matrix (65536 bands x 8388609 "
                                       "bins) would need 4.0 TiB of memory"));
    assert_outdir_empty("melbank");
    expect_runtime(good_wav, "the spectrogram's output (4001 frames x 32769 bins) would need "
                   "1000.3 MiB", "stft '%s' --hop 1 --fft 65536 --max-memory 512M -o '%s/s.npy'",
                   good_wav, outdir);
    /* the same commands within the default budget */
    CU_ASSERT_EQUAL(dsplab("resynth '%s' --hop 1 -o '%s/r.wav'", good_wav, work), 0);
    CU_ASSERT_EQUAL(unlink(in_work("r.wav")), 0);
}

/* --list from a device that never ends stops at the first NUL byte; a
 * list's size is bounded; --jobs beyond the inputs and CPUs is capped. */
static void test_batch_limits(void)
{
    fixture();
    char sub[4400];
    snprintf(sub, sizeof sub, "%s/feats", outdir);
    expect_runtime("/dev/urandom", "not a list of paths: a NUL byte",
                   "melspec --list /dev/urandom --out-dir '%s'", sub);
    reset_work();
    char cmd[20000];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s/b.wav' && cp '%s' '%s/c.wav'", good_wav, work,
             good_wav, work);
    CU_ASSERT_FATAL(system(cmd) == 0);
    char feats[4400];
    snprintf(feats, sizeof feats, "%s/feats", work);
    CU_ASSERT_EQUAL(dsplab("melspec '%s/in.wav' '%s/b.wav' '%s/c.wav' --jobs 1000 --out-dir '%s'",
                           work, work, work, feats),
                    0);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "3 written, 0 skipped, 0 failed"));
    expect_dir(feats, "b.npy c.npy in.npy");
}

/* ---- 4, 5, 6. bad samples, decoders, truncated files ----------------- */

/* A stereo 32-bit float WAV of 100 frames, zeros but for `bad` at frame 7
 * of channel 1. libsndfile stores floats as given, NaN included. */
static void write_bad_float(const char *path, float bad)
{
    SF_INFO info = {.samplerate = 8000, .channels = 2, .format = SF_FORMAT_WAV | SF_FORMAT_FLOAT};
    SNDFILE *sf = sf_open(path, SFM_WRITE, &info);
    CU_ASSERT_FATAL(sf != NULL);
    float x[200] = {0};
    x[7 * 2 + 1] = bad;
    CU_ASSERT(sf_writef_float(sf, x, 100) == 100);
    sf_close(sf);
}

static void test_nan_refused(void)
{
    fixture();
    char nan_wav[4400], inf_wav[4400];
    snprintf(nan_wav, sizeof nan_wav, "%s/nan.wav", dir);
    snprintf(inf_wav, sizeof inf_wav, "%s/inf.wav", dir);
    write_bad_float(nan_wav, NAN);
    write_bad_float(inf_wav, -INFINITY);
    const char *cmds[] = {"stft '%s' -o '%s/s.txt'", "melspec '%s' -o '%s/m.npy'",
                          "sines '%s' --size 3 --hop 1 -o '%s/t.txt'",
                          "f0 '%s' --size 5 --fmin 1000 --fmax 2000 -o '%s/f.txt'",
                          "resynth '%s' --size 8 -o '%s/r.wav'"};
    for (size_t i = 0; i < TEST_COUNT(cmds); i++) {
        char args[9000];
        snprintf(args, sizeof args, cmds[i], nan_wav, outdir);
        expect_runtime(nan_wav, "sample 7 of channel 1 is nan", "%s", args);
        snprintf(args, sizeof args, cmds[i], inf_wav, outdir);
        expect_runtime(inf_wav, "sample 7 of channel 1 is -inf", "%s", args);
    }
    struct dsp_audio a;
    CU_ASSERT_EQUAL(dsp_audio_read(nan_wav, &a), DSP_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "nan.wav: sample 7 of channel 1 is nan"));
}

/* The header claims 8000 frames (1 s at 8 kHz, 16-bit) but the file holds
 * only 1000: every command, `info` included, says so. */
static void test_truncated(void)
{
    fixture();
    char path[4400];
    snprintf(path, sizeof path, "%s/trunc.wav", dir);
    static double x[8000];
    CU_ASSERT_FATAL(dsp_gen_sine(0.5, 440.0, 0.0, 8000.0, x, 8000) == DSP_OK);
    CU_ASSERT_FATAL(dsp_audio_write_wav(path, x, 8000, 1, 8000.0, DSP_WAV_PCM16) == DSP_OK);
    struct stat st;
    CU_ASSERT_FATAL(stat(path, &st) == 0 && st.st_size == 44 + 16000);
    CU_ASSERT_FATAL(truncate(path, 44 + 2000) == 0);
    const char *msg = "truncated: the header declares 8000 frames, the file holds 1000";
    expect_runtime(path, msg, "info '%s'", path);
    expect_runtime(path, msg, "stft '%s' -o '%s/s.txt'", path, outdir);
    expect_runtime(path, msg, "decompose '%s' --model sine --out-dir '%s/parts'", path, outdir);
    struct dsp_audio a;
    CU_ASSERT_EQUAL(dsp_audio_read(path, &a), DSP_EFORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), msg));
}

/* 200 bytes starting 0xFF 0xFF: libmpg123 used to print 1-8 lines before
 * dsplab's, and `info` exited 0. Now one line, exit 1, for every command. */
static void test_mpeg_garbage(void)
{
    fixture();
    char path[4400];
    snprintf(path, sizeof path, "%s/garbage.wav", dir);
    unsigned char bytes[200];
    for (int i = 0; i < 200; i++)
        bytes[i] = i < 2 ? 0xFF : (unsigned char)(i * 37 + 11);
    FILE *f = fopen(path, "wb");
    CU_ASSERT_FATAL(f && fwrite(bytes, 1, sizeof bytes, f) == sizeof bytes);
    fclose(f);
    const char *msg = "starts like MPEG audio (MP3), which dsplab does not read";
    expect_runtime(path, msg, "info '%s'", path);
    expect_runtime(path, msg, "stft '%s' -o '%s/s.txt'", path, outdir);
    expect_runtime(path, msg, "melspec '%s' -o '%s/m.txt'", path, outdir);
}

/* ---- 7, 8, 9. window parameters, YIN, plot ----------------------------- */

/* sigma = 1e-300 squares to 0: the window is the limit (1 at the centre,
 * 0 elsewhere), not NaN. Out-of-range parameters are usage errors. */
static void test_window_params(void)
{
    fixture();
    CU_ASSERT_EQUAL(dsplab("window gaussian 8 --sigma 1e-300"), 0);
    CU_ASSERT_PTR_NULL(strstr(out, "nan"));
    double want[8] = {0, 0, 0, 0, 1, 0, 0, 0}, got[8];
    const char *p = out;
    for (int i = 0; i < 8; i++) {
        while (*p == '#')
            p = strchr(p, '\n') + 1;
        got[i] = strtod(p, (char **)&p);
        p++;
    }
    test_close("gaussian window, sigma 1e-300", got, want, 8, 0, 0);
    expect_usage("--beta must be at most 700 (got 800)", "window kaiser 8 --beta 800");
    expect_usage("--beta must be at most 700 (got 1e6)", "stft '%s' --window kaiser --beta 1e6",
                 good_wav);
    expect_usage("--sigma must be greater than 0 (got -1e-300)",
                 "window gaussian 8 --sigma -1e-300");
}

/* YIN's longest period must fit its window: --fmin 0.5 at 8 kHz needs a
 * 16000-sample window; the default is 1201 (lowest f0 8000/1201 Hz). */
static void test_yin_bounded(void)
{
    fixture();
    expect_usage("--fmin (0.5 Hz) is below 6.66112 Hz, the lowest f0 whose period fits YIN's "
                 "window --size 1201 at 8000 Hz",
                 "f0 '%s' --method yin --fmin 0.5 -o '%s/f.txt'", good_wav, outdir);
    CU_ASSERT_PTR_NULL(dsp_yin_new(1201, 44100.0, 0.5, 300.0, 0.1));
    CU_ASSERT_PTR_NOT_NULL(strstr(dsp_last_error(), "at least fs/w"));
    /* at the limit it runs */
    CU_ASSERT_EQUAL(dsplab("f0 '%s' --method yin --fmin 6.7 --fmax 2000 -o '%s/f.txt'", good_wav,
                           work),
                    0);
}

static int have_gnuplot(void)
{
    return system("command -v gnuplot >/dev/null 2>&1") == 0;
}

/* A damaged header is blamed, not --fmin/--fmax; gnuplot's own error comes
 * inside dsplab's one line. */
static void test_plot_messages(void)
{
    fixture();
    if (!have_gnuplot()) {
        fprintf(stderr, "\n  gnuplot is not installed: plot messages not checked\n");
        return;
    }
    reset_work();
    CU_ASSERT_EQUAL_FATAL(dsplab("stft '%s' -o '%s'", good_wav, in_work("sp.txt")), 0);
    char cmd[20000];
    snprintf(cmd, sizeof cmd,
             "sed 's/^# fft_size: 2048$/# fft_size: -5/' '%s' > '%s' && "
             "sed 's/^# fft_size: 2048$/# fft_size: 1000/' '%s' > '%s'",
             in_work("sp.txt"), in_work("bad1.txt"), in_work("sp.txt"), in_work("bad2.txt"));
    CU_ASSERT_FATAL(system(cmd) == 0);
    expect_runtime(in_work("bad1.txt"), "damaged header: '# fft_size: -5' is not a positive number",
                   "plot spectrogram '%s' -o '%s/p.png'", in_work("bad1.txt"), outdir);
    CU_ASSERT_PTR_NULL(strstr(err, "--fmin"));
    expect_runtime(in_work("bad2.txt"), "damaged file: 1025 columns, but its FFT size 1000 gives "
                   "501 bins", "plot spectrogram '%s' -o '%s/p.png'", in_work("bad2.txt"), outdir);
    /* a broken script: gnuplot's reason, in one line naming the input (the
     * tool runs as "$DSPLAB --version; DSPLAB_PLOTS=... $DSPLAB plot ...") */
    char plots[4400];
    snprintf(plots, sizeof plots, "%s/plots", work);
    make_dir(plots);
    snprintf(cmd, sizeof cmd, "%s/waveform.gp", plots);
    write_text(cmd, "plot undefined_thing with lines\n");
    expect_runtime(good_wav, "gnuplot could not draw the waveform figure (exit status 1): gnuplot "
                   "said: ", "--version >/dev/null; DSPLAB_PLOTS='%s' '%s' plot waveform '%s' "
                   "-o '%s/w.png'", plots, test_dsplab(), good_wav, outdir);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "undefined variable: undefined_thing"));
    /* --matrix's old file survives the failed figure; and it may not be
     * the input */
    write_text(in_work("m.txt"), "old matrix\n");
    CU_ASSERT_EQUAL(dsplab("--version >/dev/null; DSPLAB_PLOTS='%s' '%s' plot waveform '%s' -o "
                           "'%s' --matrix '%s'",
                           plots, test_dsplab(), good_wav, in_work("w.png"), in_work("m.txt")),
                    1);
    expect_content(in_work("m.txt"), "old matrix\n");
    expect_dir(work, "bad1.txt bad2.txt in.wav m.txt plots sp.txt");
    expect_usage("--matrix '", "plot spectrogram '%s' --matrix '%s' -o '%s/p.png'",
                 in_work("sp.txt"), in_work("sp.txt"), outdir);
}

/* ---- course conventions ------------------------------------------------ */

/* sms-tools removes tracks shorter than round(fs * dur / H) frames:
 * 8000 * 0.11 / 128 = 6.875 frames is 7 (floor gave 6); 0.02 s at 44.1 kHz
 * and H 128 (6.89) likewise. */
static void test_min_duration_rounded(void)
{
    fixture();
    CU_ASSERT_EQUAL(dsplab("sines '%s' --hop 128 --min-duration 0.11", good_wav), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# min_frames: 7\n"));
    CU_ASSERT_EQUAL(dsplab("harmonic '%s' --fmin 300 --fmax 600 --min-duration 0.11", good_wav),
                    0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# min_frames: 7\n"));
}

/* --course-rule is documented, stated in the header, and harmonic-only. */
static void test_course_rule_option(void)
{
    fixture();
    CU_ASSERT_EQUAL(dsplab("harmonic '%s' --fmin 300 --fmax 600 --course-rule", good_wav), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# harmonic_rule: course"));
    CU_ASSERT_EQUAL(dsplab("harmonic '%s' --fmin 300 --fmax 600", good_wav), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# harmonic_rule: near h*f0 only"));
    CU_ASSERT_EQUAL(dsplab("harmonic --help"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "--course-rule"));
    expect_usage("--course-rule is only for --model harmonic",
                 "decompose '%s' --model sine --course-rule --out-dir '%s/p'", good_wav, outdir);
}

/* ---- the cases ------------------------------------------------------- */

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
        {"an output that is an input is refused (exit 2), the input kept",
         test_synth_is_input},
        {"sines/harmonic: a failure keeps the old --synth and -o files",
         test_synth_kept_on_failure},
        {"decompose: a failure keeps old DIR/BASE-* files, removes a new DIR",
         test_decompose_keeps_old},
        {"sizes above the maxima, or beyond 2^16 and the input, exit 2", test_size_maxima},
        {"work beyond --max-memory exits 1 saying how much", test_memory_budget},
        {"--list /dev/urandom ends at once; --jobs 1000 works", test_batch_limits},
        {"NaN and -Inf samples refused: sample N of channel C", test_nan_refused},
        {"a truncated WAV names declared and actual length", test_truncated},
        {"MPEG-like garbage: one line of ours, no decoder output", test_mpeg_garbage},
        {"window: sigma 1e-300 gives no NaN; bad beta/sigma exit 2", test_window_params},
        {"yin: --fmin whose period exceeds the window is refused", test_yin_bounded},
        {"plot: damaged headers and gnuplot errors named", test_plot_messages},
        {"min duration in frames rounded as sms-tools", test_min_duration_rounded},
        {"harmonic --course-rule", test_course_rule_option},
        {"remove the test folder", test_cleanup},
    };
    return test_run("cli_harden", cases, TEST_COUNT(cases));
}
