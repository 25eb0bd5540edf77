/* Tests of `dsplab plot` ($DSPLAB): every figure kind renders a PNG of the
 * asked size (read from the PNG's IHDR chunk), the reduced data the tool
 * sends to gnuplot (--matrix) is checked against closed forms (a chirp's
 * spectrogram follows its instantaneous frequency; a waveform's envelope is
 * the min/max of its samples; window measurements match the published
 * values), and a missing gnuplot gives the one-line message and exit 1.
 *
 * Inputs are small (8 kHz, 1 s at most) and generated here with the
 * library, so the whole program runs in a couple of seconds. */
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
#define LEN 8000
/* linear chirp 200 -> 3800 Hz over the second */
#define F0 200.0
#define F1 3800.0

static char dir[1024];
static char chirp_wav[1100], sine_wav[1100], short_wav[1100];
static char stft_txt[1100], dft_txt[1100], mel_txt[1100], mfcc_txt[1100];
static char tracks_txt[1100], f0_txt[1100], fb_txt[1100];
static double chirp[LEN];
static char out[1 << 16], err[1 << 16];

static void fixture(void)
{
    if (dir[0])
        return;
    snprintf(dir, sizeof dir, "%s", test_tmpdir());
#define P(var, name) snprintf(var, sizeof var, "%s/" name, dir)
    P(chirp_wav, "chirp.wav");
    P(sine_wav, "sine.wav");
    P(short_wav, "short.wav");
    P(stft_txt, "stft.txt");
    P(dft_txt, "dft.txt");
    P(mel_txt, "mel.txt");
    P(mfcc_txt, "mfcc.txt");
    P(tracks_txt, "tracks.txt");
    P(f0_txt, "f0.txt");
    P(fb_txt, "feedback.txt");
#undef P
    CU_ASSERT_FATAL(dsp_gen_chirp(DSP_CHIRP_LINEAR, 0.5, F0, F1, 1.0, FS, chirp, LEN) == DSP_OK);
    write_mono_wav(chirp_wav, chirp, LEN, FS);
    static double sine[LEN];
    CU_ASSERT_FATAL(dsp_gen_sine(0.8, 440.0, 0.0, FS, sine, LEN) == DSP_OK);
    write_mono_wav(sine_wav, sine, LEN, FS);
    write_mono_wav(short_wav, sine, 100, FS);

    /* the tool's own outputs as data inputs */
    char args[8192];
    snprintf(args, sizeof args, "stft '%s' --size 256 --fft 256 --hop 64 -o '%s'", chirp_wav, stft_txt);
    CU_ASSERT_FATAL(dsplab("%s", args) == 0);
    snprintf(args, sizeof args, "dft '%s' --size 256 --fft 512 -o '%s'", sine_wav, dft_txt);
    CU_ASSERT_FATAL(dsplab("%s", args) == 0);

    /* mel spectrogram (power) and MFCCs: rows frames, columns bands */
    struct dsp_melspec_params p = dsp_melspec_defaults(FS);
    p.n_fft = p.win_length = 512;
    p.hop = 128;
    p.mel.n_mels = 40;
    struct dsp_melspec *ms = dsp_melspec_new(&p);
    CU_ASSERT_FATAL(ms != NULL);
    size_t frames = dsp_melspec_num_frames(ms, LEN);
    double *S = malloc(frames * 40 * sizeof *S), *C = malloc(frames * 13 * sizeof *C);
    struct dsp_mfcc *mf = dsp_mfcc_new(40, 13);
    CU_ASSERT_FATAL(S && C && mf);
    CU_ASSERT_FATAL(dsp_mfcc_compute(mf, ms, chirp, LEN, S, C, frames) == DSP_OK);
    CU_ASSERT_FATAL(dsp_melspec_compute(ms, chirp, LEN, S, frames) == DSP_OK);
    struct dsp_matfile *f = dsp_matfile_create(mel_txt, 40);
    dsp_matfile_header(f, "sample_rate", "%g", FS);
    dsp_matfile_header(f, "hop_size", "%d", 128);
    dsp_matfile_header(f, "units", "power");
    for (size_t k = 0; k < frames; k++)
        dsp_matfile_write_row(f, S + k * 40);
    CU_ASSERT_FATAL(dsp_matfile_commit(f) == DSP_OK);
    f = dsp_matfile_create(mfcc_txt, 13);
    for (size_t k = 0; k < frames; k++)
        dsp_matfile_write_row(f, C + k * 13);
    CU_ASSERT_FATAL(dsp_matfile_commit(f) == DSP_OK);
    dsp_mfcc_free(mf);
    dsp_melspec_free(ms);
    free(S);
    free(C);

    /* two tracks over 100 frames (hop 80 at 8 kHz: 1 s), then mag, phase */
    char text[1 << 15];
    size_t len = (size_t)snprintf(text, sizeof text, "# sample_rate: 8000\n# hop_size: 80\n");
    for (int block = 0; block < 3; block++) {
        for (int k = 0; k < 100; k++)
            len += (size_t)snprintf(text + len, sizeof text - len, "%g %g\n",
                                    block ? -20.0 : F0 + (F1 - F0) * k / 100.0,
                                    block ? -30.0 : (k > 20 && k < 60 ? 1000.0 : 0.0));
        if (block < 2)
            len += (size_t)snprintf(text + len, sizeof text - len, "\n\n");
    }
    write_text(tracks_txt, text);
    len = 0;
    for (int k = 0; k < 100; k++)
        len += (size_t)snprintf(text + len, sizeof text - len, "%g %g\n", k / 100.0,
                                k % 30 < 20 ? 440.0 : 0.0);
    write_text(f0_txt, text);
    /* a grader comparison: wrong between 40 and 59 */
    len = (size_t)snprintf(text, sizeof text,
                           "# test: dft: example\n# what: X\n# atol: 1e-09\n# rtol: 1e-09\n");
    for (int i = 0; i < 100; i++) {
        double e = sin(i / 10.0);
        len += (size_t)snprintf(text + len, sizeof text - len, "%d %.17g %.17g\n", i,
                                i >= 40 && i < 60 ? 0.5 * e : e, e);
    }
    write_text(fb_txt, text);
}

/* Width and height from a PNG's IHDR chunk (bytes 16..23, big-endian);
 * 0 when the file is not a PNG. */
static void png_size(const char *path, unsigned *w, unsigned *h)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    unsigned char b[24];
    *w = *h = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    size_t n = fread(b, 1, sizeof b, f);
    fclose(f);
    if (n < 24 || memcmp(b, sig, 8) != 0 || memcmp(b + 12, "IHDR", 4) != 0)
        return;
    *w = (unsigned)b[16] << 24 | (unsigned)b[17] << 16 | (unsigned)b[18] << 8 | b[19];
    *h = (unsigned)b[20] << 24 | (unsigned)b[21] << 16 | (unsigned)b[22] << 8 | b[23];
}

/* Renders one figure at 640x400 and checks the PNG's size. */
static void expect_png(const char *name, const char *args)
{
    fixture();
    char png[1200];
    snprintf(png, sizeof png, "%s/%s.png", dir, name);
    remove(png);
    CU_ASSERT_EQUAL_FATAL(dsplab("plot %s --width 640 --height 400 -o '%s'", args, png), 0);
    unsigned w, h;
    png_size(png, &w, &h);
    if (w != 640 || h != 400)
        fprintf(stderr, "\n  %s: PNG %ux%u, expected 640x400\n", name, w, h);
    CU_ASSERT_EQUAL(w, 640);
    CU_ASSERT_EQUAL(h, 400);
}

static void test_every_kind_renders(void)
{
    fixture();
    char a[8192];
    snprintf(a, sizeof a, "waveform '%s'", chirp_wav);
    expect_png("waveform", a);
    snprintf(a, sizeof a, "waveform '%s' --from 0.1 --to 0.11", chirp_wav);
    expect_png("waveform-zoom", a);
    snprintf(a, sizeof a, "dft '%s' --start 1000 --size 512 --window blackman", sine_wav);
    expect_png("dft-sound", a);
    snprintf(a, sizeof a, "dft '%s'", dft_txt);
    expect_png("dft-data", a);
    expect_png("window", "window kaiser --beta 8.6 --size 100");
    snprintf(a, sizeof a, "spectrogram '%s' --size 256 --hop 64", chirp_wav);
    expect_png("spectrogram", a);
    snprintf(a, sizeof a, "spectrogram '%s' --log --range 60", stft_txt);
    expect_png("spectrogram-data-log", a);
    snprintf(a, sizeof a, "melspec '%s'", mel_txt);
    expect_png("melspec", a);
    snprintf(a, sizeof a, "mfcc '%s'", mfcc_txt);
    expect_png("mfcc", a);
    snprintf(a, sizeof a, "melspec '%s' --fft 512 --hop 128", chirp_wav);
    expect_png("melspec-sound", a);
    snprintf(a, sizeof a, "tracks '%s' --sound '%s' --size 256 --hop 80", tracks_txt, chirp_wav);
    expect_png("tracks", a);
    snprintf(a, sizeof a, "f0 '%s' --sound '%s' --log --size 256", f0_txt, sine_wav);
    expect_png("f0", a);
    snprintf(a, sizeof a, "decomposition '%s' '%s' '%s' --labels sines,residual,stochastic "
             "--size 256", chirp_wav, sine_wav, chirp_wav);
    expect_png("decomposition", a);
    snprintf(a, sizeof a, "feedback '%s'", fb_txt);
    expect_png("feedback", a);
}

static void test_svg(void)
{
    fixture();
    char svg[1200];
    snprintf(svg, sizeof svg, "%s/w.svg", dir);
    CU_ASSERT_EQUAL_FATAL(dsplab("plot waveform '%s' -o '%s'", sine_wav, svg), 0);
    FILE *f = fopen(svg, "r");
    CU_ASSERT_FATAL(f != NULL);
    char head[512] = "";
    size_t n = fread(head, 1, sizeof head - 1, f);
    head[n] = '\0';
    fclose(f);
    CU_ASSERT_PTR_NOT_NULL(strstr(head, "<svg"));
    CU_ASSERT_PTR_NOT_NULL(strstr(head, "width=\"1000\""));
}

/* Reads a whole (small) text file into buf; returns its length. */
static size_t slurp(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    size_t n = fread(buf, 1, size - 1, f);
    buf[n] = '\0';
    fclose(f);
    return n;
}

/* Feedback figures that teach: a dB comparison whose quiet values sit at
 * -300 dB (rounding noise) is drawn down to 120 dB below the maximum, not to
 * -300; a matrix (matrix_rows x matrix_cols headers, written by
 * grade_close_matrix) is drawn as three heat maps, not one long line. The
 * SVG's text names what was drawn. */
static void test_feedback_db_floor_and_matrix(void)
{
    fixture();
    static char text[1 << 18];
    char txt[1200], svg[1200];
    static char body[1 << 20];
    snprintf(txt, sizeof txt, "%s/lobe.txt", dir);
    snprintf(svg, sizeof svg, "%s/lobe.svg", dir);
    size_t len = (size_t)snprintf(text, sizeof text,
                                  "# test: lobe: x\n# what: lobe (dB)\n# atol: 1e-06\n"
                                  "# rtol: 0\n");
    for (int i = 0; i < 64; i++) {
        double e = i < 8 ? -6.0 * i : -300.0;   /* a main lobe, then rounding noise */
        len += (size_t)snprintf(text + len, sizeof text - len, "%d %.17g %.17g\n", i,
                                i == 3 ? e + 1 : e, e);
    }
    write_text(txt, text);
    CU_ASSERT_EQUAL_FATAL(dsplab("plot feedback '%s' -o '%s'", txt, svg), 0);
    slurp(svg, body, sizeof body);
    CU_ASSERT_PTR_NOT_NULL(strstr(body, "clipped 120 dB below the max"));
    /* the value axis (the first panel) stops at -120 dB: no -300 tick */
    CU_ASSERT_PTR_NULL(strstr(body, ">-300<"));
    CU_ASSERT_PTR_NULL(strstr(body, ">-250<"));

    /* a 6 x 20 matrix, one row wrong */
    snprintf(txt, sizeof txt, "%s/matrix.txt", dir);
    snprintf(svg, sizeof svg, "%s/matrix.svg", dir);
    len = (size_t)snprintf(text, sizeof text,
                           "# test: stft: x\n# what: mX (dB)\n# atol: 1e-06\n# rtol: 0\n"
                           "# matrix_rows: 6\n# matrix_cols: 20\n");
    for (int i = 0; i < 120; i++) {
        double e = -3.0 * (i % 20);
        len += (size_t)snprintf(text + len, sizeof text - len, "%d %.17g %.17g\n", i,
                                i / 20 == 2 ? e + 2 : e, e);
    }
    write_text(txt, text);
    CU_ASSERT_EQUAL_FATAL(dsplab("plot feedback '%s' -o '%s'", txt, svg), 0);
    slurp(svg, body, sizeof body);
    CU_ASSERT_PTR_NOT_NULL(strstr(body, "expected"));
    CU_ASSERT_PTR_NOT_NULL(strstr(body, "yours - expected (20 of 120 values outside"));
    CU_ASSERT_PTR_NOT_NULL(strstr(body, "<image"));   /* heat maps are images */
    char png[1200];
    snprintf(png, sizeof png, "%s/matrix.png", dir);
    CU_ASSERT_EQUAL_FATAL(dsplab("plot feedback '%s' -o '%s'", txt, png), 0);
    unsigned w, h;
    png_size(png, &w, &h);
    CU_ASSERT_EQUAL(w, 1000);
    CU_ASSERT_EQUAL(h, 600);
}

static double header(const char *path, const char *key)
{
    char buf[64];
    CU_ASSERT_FATAL(dsp_datafile_header_value(path, key, buf, sizeof buf) == DSP_OK);
    return strtod(buf, NULL);
}

/* The image the tool sends to gnuplot: for each pixel column the brightest
 * row must sit on the chirp's instantaneous frequency at that column's
 * time. A column spans dx seconds, over which the chirp moves 3600*dx Hz;
 * a row spans dy Hz; the STFT's peak is within half a bin (15.6 Hz at
 * N = 256) of the true frequency. So the allowed error is one row + one
 * column's sweep + one bin. Also: not blank, a real dynamic range. */
static void check_chirp_image(const char *matrix, int logf)
{
    struct dsp_mat m;
    read_mat(matrix, &m);
    double x0 = header(matrix, "x0"), dx = header(matrix, "dx");
    double y0 = header(matrix, "y0"), dy = header(matrix, "dy");
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < m.rows * m.cols; i++) {
        lo = m.data[i] < lo ? m.data[i] : lo;
        hi = m.data[i] > hi ? m.data[i] : hi;
    }
    CU_ASSERT(hi - lo > 40);   /* not uniform: at least 40 dB between chirp and floor */
    size_t bad = 0, checked = 0;
    double worst = 0;
    for (size_t c = 0; c < m.cols; c++) {
        double t = x0 + (double)c * dx;
        /* skip the first and last 2 columns: frames there straddle the
         * sound's ends, where the chirp starts and stops */
        if (t - dx < 0.04 || t + dx > 0.96)
            continue;
        size_t best = 0;
        for (size_t r = 1; r < m.rows; r++)
            if (m.data[r * m.cols + c] > m.data[best * m.cols + c])
                best = r;
        double y = y0 + (double)best * dy;
        double f = logf ? pow(10, y) : y;
        double want = dsp_chirp_frequency(DSP_CHIRP_LINEAR, F0, F1, 1.0, t);
        double row_hz = logf ? f * (pow(10, dy) - 1) : dy;
        double tol = row_hz + (F1 - F0) * dx + FS / 256;
        double e = fabs(f - want);
        worst = e / tol > worst ? e / tol : worst;
        if (e > tol)
            bad++;
        checked++;
    }
    if (bad)
        fprintf(stderr, "\n  %s: %zu of %zu columns off the chirp (worst %.2f x tol)\n", matrix,
                bad, checked, worst);
    CU_ASSERT(checked > m.cols / 2);
    CU_ASSERT_EQUAL(bad, 0);
    dsp_mat_free(&m);
}

static void test_chirp_spectrogram_rises(void)
{
    fixture();
    char png[1200], mat[1200];
    snprintf(png, sizeof png, "%s/chirp.png", dir);
    snprintf(mat, sizeof mat, "%s/chirp-matrix.txt", dir);
    CU_ASSERT_EQUAL_FATAL(dsplab("plot spectrogram '%s' --size 256 --fft 256 --hop 32 --width 500 "
                                 "--height 300 --matrix '%s' -o '%s'", chirp_wav, mat, png), 0);
    /* 251 frames fold into at most 300 columns: one per frame; 129 bins
     * into at most 200 rows: one per bin (no upsampling) */
    struct dsp_mat m;
    read_mat(mat, &m);
    CU_ASSERT(m.cols == 251 || m.cols <= 300);
    CU_ASSERT(m.rows <= 129);
    dsp_mat_free(&m);
    check_chirp_image(mat, 0);

    /* the same from the stft table, on a log axis */
    snprintf(mat, sizeof mat, "%s/chirp-matrix-log.txt", dir);
    CU_ASSERT_EQUAL_FATAL(dsplab("plot spectrogram '%s' --log --fmin 100 --width 500 "
                                 "--height 300 --matrix '%s' -o '%s'", stft_txt, mat, png), 0);
    check_chirp_image(mat, 1);
}

/* Long input: many frames per pixel column (the max over them is kept). */
static void test_spectrogram_downsampled(void)
{
    fixture();
    char png[1200], mat[1200];
    snprintf(png, sizeof png, "%s/chirp-small.png", dir);
    snprintf(mat, sizeof mat, "%s/chirp-small.txt", dir);
    /* hop 4: 2001 frames into a 300-pixel-wide figure (100 columns of image) */
    CU_ASSERT_EQUAL_FATAL(dsplab("plot spectrogram '%s' --size 256 --fft 256 --hop 4 --width 300 "
                                 "--height 200 --matrix '%s' -o '%s'", chirp_wav, mat, png), 0);
    struct dsp_mat m;
    read_mat(mat, &m);
    CU_ASSERT(m.cols == 100);   /* 300 - 200 pixels of margins */
    CU_ASSERT(m.rows == 100);   /* 200 - 100 */
    dsp_mat_free(&m);
    check_chirp_image(mat, 0);
}

/* The waveform's envelope: column c holds the min and max of its samples. */
static void test_waveform_envelope(void)
{
    fixture();
    char png[1200], mat[1200];
    snprintf(png, sizeof png, "%s/env.png", dir);
    snprintf(mat, sizeof mat, "%s/env.txt", dir);
    CU_ASSERT_EQUAL_FATAL(dsplab("plot waveform '%s' --width 400 --height 200 --matrix '%s' "
                                 "-o '%s'", chirp_wav, mat, png), 0);
    struct dsp_mat m;
    read_mat(mat, &m);
    CU_ASSERT_EQUAL_FATAL(m.rows, 400);   /* 8000 samples, one record per pixel column */
    CU_ASSERT_EQUAL_FATAL(m.cols, 3);
    size_t bad = 0;
    for (size_t c = 0; c < 400; c++) {
        double lo = INFINITY, hi = -INFINITY;
        for (size_t i = c * 20; i < c * 20 + 20; i++) {
            lo = chirp[i] < lo ? chirp[i] : lo;
            hi = chirp[i] > hi ? chirp[i] : hi;
        }
        /* the WAV holds float32 samples: compare at float precision */
        if (fabs(m.data[c * 3 + 1] - lo) > 1e-7 || fabs(m.data[c * 3 + 2] - hi) > 1e-7)
            bad++;
        /* time of the column's centre: samples 20c .. 20c+19 */
        if (fabs(m.data[c * 3] - (20.0 * c + 9.5) / FS) > 1e-12)
            bad++;
    }
    CU_ASSERT_EQUAL(bad, 0);
    dsp_mat_free(&m);

    /* fewer samples than pixels: every sample, lo == hi */
    CU_ASSERT_EQUAL_FATAL(dsplab("plot waveform '%s' --width 400 --height 200 --matrix '%s' "
                                 "-o '%s'", short_wav, mat, png), 0);
    read_mat(mat, &m);
    CU_ASSERT_EQUAL(m.rows, 100);
    if (m.rows == 100)
        CU_ASSERT_EQUAL(m.data[50 * 3 + 1], m.data[50 * 3 + 2]);
    dsp_mat_free(&m);
}

/* Main-lobe width (null to null, bins) and highest side lobe (dB) of
 * periodic windows of 64 samples, as the tool prints them. The published
 * values (F. J. Harris, Proc. IEEE 66(1), 1978, table I): rectangular 2 bins
 * and -13.26 dB, Hann 4 bins and -31.47 dB, Blackman-Harris (4-term) 8 bins
 * and -92 dB. The grid has 256 points per bin, so widths are exact to
 * 2/256 bin; side lobes are maxima on that grid, within 0.01 dB. */
static void test_window_measurements(void)
{
    fixture();
    static const struct {
        const char *name;
        double lobe, side, side_tol;
    } cases[] = {
        {"rectangular", 2.0, -13.26, 0.02},
        {"hann", 4.0, -31.47, 0.02},
        {"blackmanharris", 8.0, -92.0, 0.1},
    };
    char png[1200];
    snprintf(png, sizeof png, "%s/win.png", dir);
    for (size_t i = 0; i < TEST_COUNT(cases); i++) {
        CU_ASSERT_EQUAL_FATAL(dsplab("plot window %s --size 64 -o '%s'", cases[i].name, png), 0);
        const char *l = strstr(out, "main_lobe_bins: ");
        const char *s = strstr(out, "side_lobe_db: ");
        CU_ASSERT_FATAL(l && s);
        double lobe = strtod(l + 16, NULL), side = strtod(s + 14, NULL);
        if (fabs(lobe - cases[i].lobe) > 2.0 / 256 || fabs(side - cases[i].side) > cases[i].side_tol)
            fprintf(stderr, "\n  %s: lobe %g side %g\n", cases[i].name, lobe, side);
        CU_ASSERT(fabs(lobe - cases[i].lobe) <= 2.0 / 256);
        CU_ASSERT(fabs(side - cases[i].side) <= cases[i].side_tol);
    }
}

static void test_missing_gnuplot(void)
{
    fixture();
    char png[1200], cmd[9000];
    snprintf(png, sizeof png, "%s/none.png", dir);
    remove(png);
    /* PATH without gnuplot (the tool is run by its full path) */
    snprintf(cmd, sizeof cmd, "PATH=/nonexistent '%s' plot waveform '%s' -o '%s'", test_dsplab(),
             sine_wav, png);
    int rc = test_sh(cmd, out, sizeof out, err, sizeof err);
    CU_ASSERT_EQUAL(rc, 1);
    CU_ASSERT_STRING_EQUAL(err,
                           "dsplab: gnuplot not found; install it with: apt-get install "
                           "gnuplot-nox\n");
    struct stat st;
    CU_ASSERT(stat(png, &st) != 0);
    /* everything else still works without gnuplot */
    snprintf(cmd, sizeof cmd, "PATH=/nonexistent '%s' window hann 4", test_dsplab());
    CU_ASSERT_EQUAL(test_sh(cmd, out, sizeof out, err, sizeof err), 0);
}

/* No -o and a DISPLAY that nothing answers (display 9871 has no socket,
 * the .invalid host no address): the figure is the PNG in the current
 * folder, said on stdout, whatever window terminal this gnuplot has --
 * a window terminal on a dead display would wait forever. timeout(1)
 * turns a hang into exit 124. */
static void test_unreachable_display(void)
{
    fixture();
    static const char *const displays[] = {":9871", "host.invalid:0"};
    for (size_t i = 0; i < 2; i++) {
        char png[1200], cmd[9000];
        snprintf(png, sizeof png, "%s/sine-waveform.png", dir);
        remove(png);
        snprintf(cmd, sizeof cmd, "cd '%s' && DISPLAY='%s' timeout 60 '%s' plot waveform sine.wav",
                 dir, displays[i], test_dsplab());
        CU_ASSERT_EQUAL(test_sh(cmd, out, sizeof out, err, sizeof err), 0);
        CU_ASSERT(strstr(out, "wrote sine-waveform.png (no window: the display cannot be "
                              "reached)") != NULL);
        struct stat st;
        CU_ASSERT(stat(png, &st) == 0 && st.st_size > 0);
        remove(png);
    }
}

static void test_usage_errors(void)
{
    fixture();
    char cmd[9000];
    static const char *const bad[] = {
        "plot",                       /* no kind */
        "plot histogram x.wav",       /* unknown kind */
        "plot waveform",              /* no input */
        "plot waveform a.wav -o a.jpg",
        "plot window hann --width 5",
        "plot spectrogram a.wav --range 0",
        "plot waveform a.wav --from 2 --to 1",
        "plot tracks t.txt",          /* no --sound */
    };
    for (size_t i = 0; i < TEST_COUNT(bad); i++) {
        snprintf(cmd, sizeof cmd, "'%s' %s", test_dsplab(), bad[i]);
        int rc = test_sh(cmd, out, sizeof out, err, sizeof err);
        if (rc != 2)
            fprintf(stderr, "\n  dsplab %s: exit %d, %s", bad[i], rc, err);
        CU_ASSERT_EQUAL(rc, 2);
        CU_ASSERT_EQUAL(strncmp(err, "dsplab: ", 8), 0);
    }
    /* an unreadable input is a runtime error, and leaves no figure */
    char png[1200];
    snprintf(png, sizeof png, "%s/missing.png", dir);
    snprintf(cmd, sizeof cmd, "'%s' plot waveform '%s/nothere.wav' -o '%s'", test_dsplab(), dir,
             png);
    CU_ASSERT_EQUAL(test_sh(cmd, out, sizeof out, err, sizeof err), 1);
    struct stat st;
    CU_ASSERT(stat(png, &st) != 0);
}

/* make grade on a submission whose mag_db takes 20*log10 of |X|^2: the
 * failing "mag_db: piano frame" (129 values, a spectrum) must name a PNG
 * in its feedback, next to the lesson's grade report, and the PNG must be
 * there at the default size. The grade run uses this build's folder. */
static void test_grader_feedback_plot(void)
{
    fixture();
    const char *build = getenv("BUILD");
    if (!build || !build[0])
        build = "build";
    int san = strstr(build, "san") != NULL;
    char cmd[4096];
    const char *sub = test_wrong_submission("lesson02-wrong", "db-of-power", "02-sinusoids-dft",
                                            dir);
    CU_ASSERT_PTR_NOT_NULL_FATAL(sub);
    snprintf(cmd, sizeof cmd,
             "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL NO_COLOR=1 make --no-print-directory -s "
             "BUILD=%s %s grade V=1 LESSON=02 ONLY=mag_db "
             "SUBMISSION=%s GRADE_REPORT_DIR=%s/out",
             build, san ? "SAN=1" : "", sub, dir);
    static char gout[1 << 16];
    int rc = test_sh(cmd, gout, sizeof gout, err, sizeof err);
    CU_ASSERT_EQUAL_FATAL(rc, 0);
    const char *line = strstr(gout, "mag_db: piano frame: FAIL");
    CU_ASSERT_PTR_NOT_NULL_FATAL(line);
    const char *plot = strstr(line, "    plot: ");
    CU_ASSERT_PTR_NOT_NULL_FATAL(plot);
    char png[1024];
    size_t n = strcspn(plot + 10, " \n");
    CU_ASSERT_FATAL(n < sizeof png);
    memcpy(png, plot + 10, n);
    png[n] = '\0';
    CU_ASSERT_PTR_NOT_NULL(strstr(png, "/02-sinusoids-dft/build/feedback/mag-db-piano-frame--mX-dB.png"));
    unsigned w, h;
    png_size(png, &w, &h);
    CU_ASSERT_EQUAL(w, 1000);
    CU_ASSERT_EQUAL(h, 600);
    /* the data beside it: 129 rows of index, got, expected */
    char txt[1024];
    snprintf(txt, sizeof txt, "%.*s.txt", (int)(n - 4), png);
    struct dsp_mat m;
    CU_ASSERT_FATAL(dsp_mat_read(txt, &m) == DSP_OK);
    CU_ASSERT_EQUAL(m.rows, 129);
    CU_ASSERT_EQUAL(m.cols, 3);
    /* db-of-power doubles every dB value: got = 2 * expected */
    if (m.rows == 129 && m.cols == 3)
        CU_ASSERT(fabs(m.data[5 * 3 + 1] - 2 * m.data[5 * 3 + 2]) <= 1e-9 * fabs(m.data[5 * 3 + 1]));
    dsp_mat_free(&m);

    /* A figure from an earlier run does not stay: each run starts with an
     * empty feedback folder (the same run again: its own figure is back). */
    char stale[1100];
    snprintf(stale, sizeof stale, "%.*s/stale--old.png", (int)(strrchr(png, '/') - png), png);
    write_text(stale, "old");
    CU_ASSERT_EQUAL_FATAL(test_sh(cmd, gout, sizeof gout, err, sizeof err), 0);
    CU_ASSERT_NOT_EQUAL(access(stale, F_OK), 0);
    CU_ASSERT_EQUAL(access(png, F_OK), 0);
}

/* The HTML report the same run wrote (grader/html/report_html.c): the
 * lesson, the failing test with its hint, the figure inline, nothing the
 * page could fetch or run; then drawn by headless Chromium, whose
 * screenshot must be the window's size and not blank. */
static void test_grader_html_report(void)
{
    fixture();
    char path[1200];
    snprintf(path, sizeof path, "%s/out/report.html", dir);
    FILE *f = fopen(path, "rb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    static char html[1 << 22];
    size_t n = fread(html, 1, sizeof html - 1, f);
    fclose(f);
    html[n] = '\0';
    CU_ASSERT(strncmp(html, "<!DOCTYPE html>", 15) == 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "default-src 'none'; img-src data:"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<h2>02-sinusoids-dft"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "</span> mag_db: piano frame <small>0/"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<b class=\"hint\">"));
    /* one figure, inline: the failed piano frame's (the other failures are
     * short arrays, read in the text) */
    const char *img = strstr(html, "src=\"data:image/png;base64,iVBORw0KGgo");
    CU_ASSERT_PTR_NOT_NULL(img);
    CU_ASSERT_PTR_NULL(strstr(html, "<script"));
    CU_ASSERT_PTR_NULL(strstr(html, "src=\"file:"));
    /* each test of the lesson once */
    size_t tests = 0;
    for (const char *p = html; (p = strstr(p, "<div class=\"test ")); p++)
        tests++;
    CU_ASSERT_EQUAL(tests, 4); /* ONLY=mag_db */

    const char *chromium = access("/usr/bin/chromium", X_OK) == 0 ? "/usr/bin/chromium" : NULL;
    if (!chromium) {
        printf("\n  chromium is not installed: the report was not rendered\n");
        return;
    }
    char shot[1200], cmd[4096];
    snprintf(shot, sizeof shot, "%s/report.png", dir);
    snprintf(cmd, sizeof cmd,
             "%s --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run "
             "--user-data-dir=%s/chromium --window-size=1000,1400 --screenshot=%s file://%s",
             chromium, dir, shot, path);
    CU_ASSERT_EQUAL_FATAL(test_sh(cmd, out, sizeof out, err, sizeof err), 0);
    unsigned w = 0, h = 0;
    png_size(shot, &w, &h);
    CU_ASSERT_EQUAL(w, 1000);
    CU_ASSERT_EQUAL(h, 1400);
    /* Not blank: a white page compresses to a few kB; this one holds text in
     * three colours and the figure. With python3, count the pixels too. */
    struct stat st;
    CU_ASSERT(stat(shot, &st) == 0 && st.st_size > 40000);
    if (access("/usr/bin/python3", X_OK) == 0) {
        snprintf(cmd, sizeof cmd,
                 "/usr/bin/python3 -c 'import sys, zlib, struct\n"
                 "d = open(sys.argv[1], \"rb\").read(); i = 8; idat = b\"\"\n"
                 "while i < len(d):\n"
                 "    n, t = struct.unpack(\">I4s\", d[i:i+8])\n"
                 "    if t == b\"IHDR\": w, h, bits, ct = struct.unpack(\">IIBB\", d[i+8:i+18])\n"
                 "    if t == b\"IDAT\": idat += d[i+8:i+8+n]\n"
                 "    i += 12 + n\n"
                 "bpp = {2: 3, 6: 4}[ct]; raw = zlib.decompress(idat); stride = w * bpp\n"
                 "prev = bytearray(stride); dark = red = 0\n"
                 "for y in range(h):\n"
                 "    f = raw[y*(stride+1)]; line = bytearray(raw[y*(stride+1)+1:(y+1)*(stride+1)])\n"
                 "    for x in range(stride):\n"
                 "        a = line[x-bpp] if x >= bpp else 0; b = prev[x]; c = prev[x-bpp] if x >= bpp else 0\n"
                 "        p = a + b - c; pa, pb, pc = abs(p-a), abs(p-b), abs(p-c)\n"
                 "        pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)\n"
                 "        line[x] = (line[x] + [0, a, b, (a+b)//2, pr][f]) & 255\n"
                 "    for x in range(0, stride, bpp):\n"
                 "        r, g, bl = line[x], line[x+1], line[x+2]\n"
                 "        dark += r < 100 and g < 100 and bl < 100\n"
                 "        red += r > 150 and g < 80 and bl < 80\n"
                 "    prev = line\n"
                 "assert dark > 2000 and red > 200, (dark, red)\n"
                 "' %s",
                 shot);
        int rc = test_sh(cmd, out, sizeof out, err, sizeof err);
        if (rc != 0)
            printf("\n  the screenshot %s looks blank: %s\n", shot, err);
        CU_ASSERT_EQUAL(rc, 0);
    }
}

static void cleanup(void)
{
    if (dir[0])
        test_rmdir(dir);
    dir[0] = '\0';
}

static const struct test_case cases[] = {
    {"every plot kind renders a PNG of the asked size", test_every_kind_renders},
    {"-o x.svg writes SVG", test_svg},
    {"a chirp's spectrogram follows its frequency (linear and log axes)",
     test_chirp_spectrogram_rises},
    {"many frames per pixel: the image is reduced to the plot's pixels",
     test_spectrogram_downsampled},
    {"waveform: min/max envelope per pixel column", test_waveform_envelope},
    {"window: main lobe and side lobe match the published values", test_window_measurements},
    {"without gnuplot: one line naming the package, exit 1", test_missing_gnuplot},
    {"no -o, DISPLAY unreachable: the PNG, no hang", test_unreachable_display},
    {"usage errors exit 2", test_usage_errors},
    {"feedback figures: dB clipped 120 dB below the max; a matrix as three heat maps",
     test_feedback_db_floor_and_matrix},
    {"make grade: a failed spectrum names its feedback plot", test_grader_feedback_plot},
    {"make grade: report.html holds the tests and the figure, and Chromium draws it",
     test_grader_html_report},
    {"cleanup", cleanup},
};

int main(void)
{
    /* every dsplab() run here should succeed: print any failure's stderr */
    cli_test_init(&(struct cli_test_config){.out = out, .out_size = sizeof out, .err = err,
                                            .err_size = sizeof err, .print_nonzero = 1});
    return test_run("plots", cases, TEST_COUNT(cases));
}
