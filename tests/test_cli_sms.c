/* Tests of the sinusoidal-model commands of the dsplab tool ($DSPLAB):
 * peaks, sines, f0, harmonic, decompose. Outputs are checked against the
 * signals' closed forms; usage errors exit 2 and runtime errors exit 1 with
 * their messages, and a failure leaves nothing in the output folder.
 *
 * Inputs are generated here with the library at 8 kHz, 1 s (8000 samples):
 * long enough for 2001-sample windows, short enough for millisecond runs. */
#include "clitest.h"

#include <dsplab/dsplab.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FS 8000.0
#define LEN 8000
#define AMP 0.5
#define FREQ 445.3   /* not a bin centre for any N used here */
#define PHASE 0.3
#define F0 220.0
#define N_HARM 10    /* 220 .. 2200 Hz, below fs/2 */

static const double pi = 3.14159265358979323846;

static char dir[4096];        /* the test folder */
static char sine_wav[4200];   /* AMP*cos(2 pi FREQ t + PHASE), float32 */
static char harm_wav[4200];   /* 10 harmonics of F0, amplitudes 0.3/h, float32 */
static char gap_wav[4200];    /* harm_wav's first half, then 4000 zeros */
static char text_file[4200];  /* not a sound */
static char outdir[4200];     /* where failing commands are told to write */

static double sine_x[LEN], harm_x[LEN];
static char out[1 << 21], err[1 << 16];

static void fixture(void)
{
    if (dir[0])
        return;
    snprintf(dir, sizeof dir, "%s", test_tmpdir());
    snprintf(sine_wav, sizeof sine_wav, "%s/sine.wav", dir);
    snprintf(harm_wav, sizeof harm_wav, "%s/harm.wav", dir);
    snprintf(gap_wav, sizeof gap_wav, "%s/gap.wav", dir);
    snprintf(text_file, sizeof text_file, "%s/notes.txt", dir);
    snprintf(outdir, sizeof outdir, "%s/out", dir);

    CU_ASSERT_FATAL(dsp_gen_sine(AMP, FREQ, PHASE, FS, sine_x, LEN) == DSP_OK);
    write_mono_wav(sine_wav, sine_x, LEN, FS);
    double amps[N_HARM];
    for (int h = 0; h < N_HARM; h++)
        amps[h] = 0.3 / (h + 1);
    CU_ASSERT_FATAL(dsp_gen_harmonics(F0, amps, NULL, N_HARM, FS, harm_x, LEN) == DSP_OK);
    write_mono_wav(harm_wav, harm_x, LEN, FS);
    static double gap[LEN];
    memcpy(gap, harm_x, LEN / 2 * sizeof *gap);
    write_mono_wav(gap_wav, gap, LEN, FS);
    write_text(text_file, "not a sound\n");
    make_dir(outdir);
}

/* The rows of numbers in text (lines not starting with '#'; blank lines
 * end a block): values into v (row-major, up to max), the count of rows
 * into *rows, of columns of the first row into *cols, of blocks into
 * *blocks. Returns 0 when rows have different lengths. */
static int parse_rows(const char *text, double *v, size_t max, size_t *rows, size_t *cols,
                      size_t *blocks)
{
    size_t n = 0, r = 0, c0 = 0, b = 0;
    int in_block = 0, same = 1;
    for (const char *p = text; *p;) {
        const char *eol = strchr(p, '\n');
        size_t linelen = eol ? (size_t)(eol - p) : strlen(p);
        if (linelen == 0) {
            in_block = 0;
        } else if (*p != '#') {
            if (!in_block)
                b++;
            in_block = 1;
            char line[1 << 14];
            snprintf(line, sizeof line, "%.*s", (int)linelen, p);
            size_t c = 0;
            char *q = line, *end;
            for (;;) {
                double x = strtod(q, &end);
                if (end == q)
                    break;
                if (n < max)
                    v[n++] = x;
                c++;
                q = end;
            }
            if (r == 0)
                c0 = c;
            else if (c != c0)
                same = 0;
            r++;
        }
        if (!eol)
            break;
        p = eol + 1;
    }
    *rows = r;
    *cols = c0;
    *blocks = b;
    return same;
}

static double wrap(double a)
{
    return atan2(sin(a), cos(a));
}

/* ---- peaks ------------------------------------------------------------ */

/* The frame of 1001 samples from 2000 (middle sample 2500) through Blackman
 * zero-padded to 4096: the parabola on the dB main lobe misplaces a peak by
 * well under 0.01 bin (1.95 Hz) and its height by under 0.01 dB at this
 * padding; we ask 0.1 Hz and 0.1 dB as the task states. The threshold -60 dB
 * leaves out the side lobes (58 dB below the -12 dB peak). The phase at the
 * middle sample is 2 pi FREQ 2500/fs + PHASE; the parabola through the
 * phases of a zero-phase frame is exact to 1e-6 rad here, we ask 1e-3. */
static void test_peaks_sine(void)
{
    fixture();
    CU_ASSERT_EQUAL_FATAL(dsplab("peaks '%s' --start 2000 --size 1001 --fft 4096 --window blackman"
                                 " --threshold -60",
                                 sine_wav),
                          0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# window: blackman\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# fields: freq_hz mag_db phase_rad\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# peaks: 1\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "# phase_at_sample: 2500\n"));
    double v[30];
    size_t rows, cols, blocks;
    CU_ASSERT_FATAL(parse_rows(out, v, 30, &rows, &cols, &blocks));
    CU_ASSERT_EQUAL_FATAL(rows, 1);
    CU_ASSERT_EQUAL_FATAL(cols, 3);
    CU_ASSERT_DOUBLE_EQUAL(v[0], FREQ, 0.1);
    CU_ASSERT_DOUBLE_EQUAL(v[1], 20 * log10(AMP / 2), 0.1);
    CU_ASSERT_DOUBLE_EQUAL(wrap(v[2] - (2 * pi * FREQ * 2500 / FS + PHASE)), 0.0, 1e-3);
    CU_ASSERT(v[2] >= -pi && v[2] <= pi);

    /* Without a threshold the Blackman side lobes (about -70 dB here) are
     * peaks too, all of them below the main one and in increasing order. */
    CU_ASSERT_EQUAL_FATAL(dsplab("peaks '%s' --start 2000 --size 1001 --fft 4096 --window blackman"
                                 " -o '%s/p.npy'",
                                 sine_wav, dir),
                          0);
    char npy[4300];
    snprintf(npy, sizeof npy, "%s/p.npy", dir);
    struct dsp_mat m;
    CU_ASSERT_FATAL(dsp_mat_read(npy, &m) == DSP_OK);
    CU_ASSERT(m.rows > 1);
    CU_ASSERT_EQUAL(m.cols, 3);
    for (size_t r = 1; r < m.rows && m.cols == 3; r++) {
        CU_ASSERT(m.data[3 * r] > m.data[3 * (r - 1)]);
        CU_ASSERT(m.data[3 * r + 1] > -80.0);
        CU_ASSERT(m.data[3 * r + 1] <= 20 * log10(AMP / 2) + 0.1);
    }
    dsp_mat_free(&m);
}

/* ---- sines ------------------------------------------------------------ */

/* Frames of the sine's analysis with H = 256: floor(8000/256)+1 = 32. */
#define SINES_FRAMES (LEN / 256 + 1)

/* Row k of block b of a stacked tracks matrix (frames x tracks blocks). */
static const double *track_row(const struct dsp_mat *m, size_t frames, int b, size_t k)
{
    return m->data + ((size_t)b * frames + k) * m->cols;
}

/* Defaults (Blackman 2001, N 2048, H 256, 100 sines): three blocks of 32
 * rows and 100 columns. Frame 16 (centre 4096, window inside the signal)
 * has one track within 0.1 Hz of FREQ at 20log10(A/2) +- 0.1 dB (the
 * accuracy of the peaks test, same window family and zero padding about
 * 1), with the phase of the sine at sample 4096 (1e-3 rad). */
static void test_sines_blocks(void)
{
    char txt[4300], npy[4300];
    fixture();
    snprintf(txt, sizeof txt, "%s/tracks.txt", dir);
    snprintf(npy, sizeof npy, "%s/tracks.npy", dir);
    CU_ASSERT_EQUAL_FATAL(dsplab("sines '%s' -o '%s'", sine_wav, txt), 0);
    CU_ASSERT_STRING_EQUAL(out, "");
    CU_ASSERT_EQUAL_FATAL(dsplab("sines '%s'", sine_wav), 0);   /* the same on stdout */
    static double v[3 * SINES_FRAMES * 100];
    size_t rows, cols, blocks;
    CU_ASSERT(parse_rows(out, v, TEST_COUNT(v), &rows, &cols, &blocks));
    CU_ASSERT_EQUAL(blocks, 3);
    CU_ASSERT_EQUAL(rows, 3 * SINES_FRAMES);
    CU_ASSERT_EQUAL(cols, 100);
    const char *headers[] = {"# window: blackman\n", "# window_size: 2001\n",
                             "# fft_size: 2048\n", "# hop_size: 256\n", "# threshold_db: -80\n",
                             "# max_sines: 100\n", "# min_duration_s: 0.02\n",
                             "# freq_dev_offset_hz: 20\n", "# freq_dev_slope: 0.01\n",
                             "# frames: 32\n", "# sample_rate: 8000\n"};
    expect_lines("sines header", out, headers, TEST_COUNT(headers));

    struct dsp_mat m;
    CU_ASSERT_FATAL(dsp_mat_read(txt, &m) == DSP_OK);
    CU_ASSERT_EQUAL_FATAL(m.rows, 3 * SINES_FRAMES);
    CU_ASSERT_EQUAL_FATAL(m.cols, 100);
    const double *f = track_row(&m, SINES_FRAMES, 0, 16);
    const double *a = track_row(&m, SINES_FRAMES, 1, 16);
    const double *ph = track_row(&m, SINES_FRAMES, 2, 16);
    size_t near = 0, j_near = 0;
    for (size_t j = 0; j < 100; j++)
        if (fabs(f[j] - FREQ) < 0.1) {
            near++;
            j_near = j;
        }
    CU_ASSERT_EQUAL(near, 1);
    CU_ASSERT_DOUBLE_EQUAL(a[j_near], 20 * log10(AMP / 2), 0.1);
    CU_ASSERT_DOUBLE_EQUAL(wrap(ph[j_near] - (2 * pi * FREQ * 4096 / FS + PHASE)), 0.0, 1e-3);
    /* The track lasts the whole sound in one slot. */
    for (size_t k = 0; k < SINES_FRAMES; k++)
        CU_ASSERT(fabs(track_row(&m, SINES_FRAMES, 0, k)[j_near] - FREQ) < 1.0);
    /* Silent slots are 0 in all three blocks; phases lie in [-pi, pi]. */
    for (size_t k = 0; k < SINES_FRAMES; k++)
        for (size_t j = 0; j < 100; j++) {
            double fr = track_row(&m, SINES_FRAMES, 0, k)[j];
            double mg = track_row(&m, SINES_FRAMES, 1, k)[j];
            double pp = track_row(&m, SINES_FRAMES, 2, k)[j];
            CU_ASSERT(fr > 0 || (fr == 0 && mg == 0 && pp == 0));
            CU_ASSERT(pp >= -pi && pp <= pi);
        }

    /* .npy: the three blocks stacked, (3*frames, K), the same numbers. */
    CU_ASSERT_EQUAL_FATAL(dsplab("sines '%s' -o '%s'", sine_wav, npy), 0);
    struct dsp_mat n;
    CU_ASSERT_FATAL(dsp_mat_read(npy, &n) == DSP_OK);
    CU_ASSERT_EQUAL(n.rows, 3 * SINES_FRAMES);
    CU_ASSERT_EQUAL(n.cols, 100);
    if (n.rows == m.rows && n.cols == m.cols)
        test_close("npy vs text tracks", n.data, m.data, m.rows * m.cols, 0, 0);
    dsp_mat_free(&n);
    dsp_mat_free(&m);

    /* --max-sines sets the column count; --hop the row count. */
    CU_ASSERT_EQUAL_FATAL(dsplab("sines '%s' --max-sines 5 --hop 500", sine_wav), 0);
    CU_ASSERT(parse_rows(out, v, TEST_COUNT(v), &rows, &cols, &blocks));
    CU_ASSERT_EQUAL(blocks, 3);
    CU_ASSERT_EQUAL(rows, 3 * (LEN / 500 + 1));
    CU_ASSERT_EQUAL(cols, 5);
}

/* SNR in dB of y against x over samples [a, b). */
static double snr_range(const double *x, const double *y, size_t a, size_t b)
{
    return dsp_snr_db(x + a, y + a, b - a);
}

/* Reads a mono WAV of LEN samples at FS into y. */
static int read_len(const char *path, double *y)
{
    struct dsp_audio w;
    if (dsp_audio_read(path, &w) != DSP_OK)
        return 0;
    int ok = w.frames == LEN && w.channels == 1 && w.sample_rate == FS;
    if (ok)
        memcpy(y, w.data, LEN * sizeof *y);
    dsp_audio_free(&w);
    return ok;
}

/* --synth: the additive synthesis of the tracks against the input. Frames
 * 4..27 (centres 1024..6912) have their whole 2001-sample window inside the
 * signal, so their tracks are exact to about 1e-8 dB and the synthesis of a
 * stationary sinusoid between their centres is exact up to that; 16-bit
 * storage then bounds the SNR at 10log10((A^2/2) / (q^2/12)), q = 2^-15:
 * 92 dB. We ask 80 dB over samples 1024..6912, both synthesis methods.
 * (Over the whole sound the SNR is about 20 dB: the edge frames see half a
 * window of zeros and underestimate the amplitude.) */
static void test_sines_synth(void)
{
    char wav[4300], txt[4300];
    fixture();
    snprintf(wav, sizeof wav, "%s/sines.wav", dir);
    snprintf(txt, sizeof txt, "%s/tracks.txt", dir);
    const char *how[] = {"", "--synthesis time", "--synthesis spectral"};
    static double y[LEN];
    for (size_t i = 0; i < TEST_COUNT(how); i++) {
        CU_ASSERT_EQUAL_FATAL(dsplab("sines '%s' --synth '%s' %s -o '%s'", sine_wav, wav,
                                     how[i], txt),
                              0);
        CU_ASSERT_FATAL(read_len(wav, y));
        double snr = snr_range(sine_x, y, 1024, 6912);
        if (!(snr > 80))
            fprintf(stderr, "\n  sines --synth %s: interior SNR %.1f dB\n", how[i], snr);
        CU_ASSERT(snr > 80);
        char value[64];
        CU_ASSERT(dsp_datafile_header_value(txt, "synthesis", value, sizeof value) == DSP_OK);
        CU_ASSERT_STRING_EQUAL(value, i == 2 ? "spectral" : "time");
        CU_ASSERT(dsp_datafile_header_value(txt, "synth_snr_db", value, sizeof value) == DSP_OK);
        /* The whole-sound SNR, edges included: well above 0, below 80. */
        CU_ASSERT(atof(value) > 10 && atof(value) < 80);
    }
}

/* ---- f0 --------------------------------------------------------------- */

/* Frames at the default hop 128: floor(8000/128)+1 = 63. */
#define HARM_FRAMES (LEN / 128 + 1)

/* f0 of the 220 Hz tone (harmonics 1..10, amplitudes 0.3/h), both methods,
 * defaults otherwise (f0 in 100..300 Hz, M 1201, H 128): 63 rows "time_s
 * f0_hz" with time k*128/fs; every voiced frame within 1 Hz of 220 (TWM on
 * peaks interpolated to hundredths of a Hz, YIN on a parabola between
 * periods of 36.4 samples: both measured within 0.4 Hz here); frames 5..57,
 * whose windows (and YIN's 1283-sample span) lie inside the tone, must all
 * be voiced. In the half-silent sound every frame whose window lies in the
 * silence (k >= 37: k*128 - 641 >= 4000) is unvoiced, f0 = 0. */
static void test_f0_methods(void)
{
    fixture();
    const char *methods[] = {"twm", "yin"};
    static double v[4 * HARM_FRAMES];
    size_t rows, cols, blocks;
    for (size_t i = 0; i < TEST_COUNT(methods); i++) {
        CU_ASSERT_EQUAL_FATAL(dsplab("f0 '%s' --method %s", harm_wav, methods[i]), 0);
        char line[64];
        snprintf(line, sizeof line, "# method: %s\n", methods[i]);
        CU_ASSERT_PTR_NOT_NULL(strstr(out, line));
        CU_ASSERT_PTR_NOT_NULL(strstr(out, "# fields: time_s f0_hz\n"));
        CU_ASSERT_PTR_NOT_NULL(strstr(out, "# hop_size: 128\n"));
        CU_ASSERT_FATAL(parse_rows(out, v, TEST_COUNT(v), &rows, &cols, &blocks));
        CU_ASSERT_EQUAL_FATAL(rows, HARM_FRAMES);
        CU_ASSERT_EQUAL_FATAL(cols, 2);
        size_t bad = 0;
        for (size_t k = 0; k < HARM_FRAMES; k++) {
            CU_ASSERT_DOUBLE_EQUAL(v[2 * k], k * 128 / FS, 1e-12);
            double f0 = v[2 * k + 1];
            int voiced_needed = k >= 5 && k <= 57;
            if ((f0 != 0 && fabs(f0 - F0) > 1) || (voiced_needed && f0 == 0)) {
                if (!bad++)
                    fprintf(stderr, "\n  f0 --method %s: frame %zu: %g Hz\n", methods[i], k, f0);
            }
        }
        CU_ASSERT_EQUAL(bad, 0);

        CU_ASSERT_EQUAL_FATAL(dsplab("f0 '%s' --method %s", gap_wav, methods[i]), 0);
        CU_ASSERT_FATAL(parse_rows(out, v, TEST_COUNT(v), &rows, &cols, &blocks));
        CU_ASSERT_EQUAL_FATAL(rows, HARM_FRAMES);
        for (size_t k = 37; k < HARM_FRAMES; k++)
            CU_ASSERT_EQUAL(v[2 * k + 1], 0.0);
        CU_ASSERT(fabs(v[2 * 10 + 1] - F0) < 1);
    }
}

/* ---- harmonic ----------------------------------------------------------- */

/* --harmonics 12 on the 10-harmonic tone: 3 blocks of 63 rows, 12 columns.
 * Frame 30 (window inside the tone): column h-1 holds harmonic h within
 * 0.1 Hz of 220h and 0.1 dB of 20log10(0.3/(2h)) (Blackman side lobes of
 * the other harmonics, -58 dB, move them by about 0.01 Hz and 0.01 dB);
 * columns 10 and 11 (2420, 2640 Hz: nothing there) stay 0. Default NH is
 * 100 columns. */
static void test_harmonic_columns(void)
{
    char txt[4300];
    fixture();
    snprintf(txt, sizeof txt, "%s/harm.txt", dir);
    CU_ASSERT_EQUAL_FATAL(dsplab("harmonic '%s' --harmonics 12 -o '%s'", harm_wav, txt), 0);
    struct dsp_mat m;
    CU_ASSERT_FATAL(dsp_mat_read(txt, &m) == DSP_OK);
    CU_ASSERT_EQUAL_FATAL(m.rows, 3 * HARM_FRAMES);
    CU_ASSERT_EQUAL_FATAL(m.cols, 12);
    const double *f = track_row(&m, HARM_FRAMES, 0, 30), *a = track_row(&m, HARM_FRAMES, 1, 30);
    for (int h = 1; h <= 10; h++) {
        CU_ASSERT_DOUBLE_EQUAL(f[h - 1], h * F0, 0.1);
        CU_ASSERT_DOUBLE_EQUAL(a[h - 1], 20 * log10(0.3 / (2 * h)), 0.1);
    }
    CU_ASSERT_EQUAL(f[10], 0.0);
    CU_ASSERT_EQUAL(f[11], 0.0);
    dsp_mat_free(&m);
    char value[64];
    CU_ASSERT(dsp_datafile_header_value(txt, "harmonics", value, sizeof value) == DSP_OK);
    CU_ASSERT_STRING_EQUAL(value, "12");
    CU_ASSERT(dsp_datafile_header_value(txt, "voiced_frames", value, sizeof value) == DSP_OK);

    static double v[3 * HARM_FRAMES * 100];
    size_t rows, cols, blocks;
    CU_ASSERT_EQUAL_FATAL(dsplab("harmonic '%s'", harm_wav), 0);
    CU_ASSERT(parse_rows(out, v, TEST_COUNT(v), &rows, &cols, &blocks));
    CU_ASSERT_EQUAL(blocks, 3);
    CU_ASSERT_EQUAL(rows, 3 * HARM_FRAMES);
    CU_ASSERT_EQUAL(cols, 100);
}

/* --synth: the harmonic synthesis against the input over samples
 * 1024..6976 (frames 8..54, windows inside the sound). The harmonics'
 * estimates carry the -58 dB Blackman side lobes of their neighbours:
 * measured about 65 dB for both methods; we ask 50 dB. */
static void test_harmonic_synth(void)
{
    char wav[4300];
    fixture();
    snprintf(wav, sizeof wav, "%s/harm-synth.wav", dir);
    const char *how[] = {"time", "spectral"};
    static double y[LEN];
    for (size_t i = 0; i < TEST_COUNT(how); i++) {
        CU_ASSERT_EQUAL_FATAL(dsplab("harmonic '%s' --harmonics 12 --synth '%s' --synthesis %s"
                                     " -o '%s/harm.txt'",
                                     harm_wav, wav, how[i], dir),
                              0);
        CU_ASSERT_FATAL(read_len(wav, y));
        double snr = snr_range(harm_x, y, 1024, 6976);
        if (!(snr > 50))
            fprintf(stderr, "\n  harmonic --synthesis %s: interior SNR %.1f dB\n", how[i], snr);
        CU_ASSERT(snr > 50);
    }
}

/* ---- decompose ---------------------------------------------------------- */

/* Reads a mono WAV of LEN samples at FS named DIR/NAME into y. */
static int read_part(const char *folder, const char *name, double *y)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/%s", folder, name);
    return read_len(path, y);
}

static double power_range(const double *v, size_t a, size_t b)
{
    return dsp_energy(v + a, b - a) / (double)(b - a);
}

/* The harmonic tone plus uniform noise in [-0.02, 0.02) (variance 1.33e-4,
 * 26 dB below the tone's first harmonic), --model harmonic, float WAVs:
 *  - exactly the four files DIR/noisy-{sines,residual,stochastic}.wav and
 *    DIR/noisy-tracks.txt (3 blocks, 63 rows each, 100 columns);
 *  - sines + residual == input to float32 rounding of the two files
 *    (2^-24 relative each, values below 1): 1e-6;
 *  - over samples 1024..6976 the residual is the noise: its power within
 *    1 dB of the noise's (the harmonic peaks absorb a little noise:
 *    measured -0.4 dB), and the stochastic part keeps the residual's power
 *    (random phases, powers averaged per band: measured 0.15 dB) within 1 dB.
 * Then --model sine on the pure sine: the same four names from "sine". */
static void test_decompose(void)
{
    fixture();
    static double noise[LEN], noisy[LEN], sines[LEN], residual[LEN], stoch[LEN];
    char noisy_wav[4300], parts[4300], list[4096];
    snprintf(noisy_wav, sizeof noisy_wav, "%s/noisy.wav", dir);
    snprintf(parts, sizeof parts, "%s/parts", dir);
    CU_ASSERT_FATAL(dsp_gen_noise(0.02, 7, noise, LEN) == DSP_OK);
    for (size_t i = 0; i < LEN; i++)
        noisy[i] = harm_x[i] + noise[i];
    CU_ASSERT_FATAL(dsp_audio_write_wav(noisy_wav, noisy, LEN, 1, FS, DSP_WAV_FLOAT32) == DSP_OK);
    CU_ASSERT_FATAL(read_len(noisy_wav, noisy));   /* as float32 rounded it */

    CU_ASSERT_EQUAL_FATAL(
        dsplab("decompose '%s' --model harmonic --out-dir '%s' --float", noisy_wav, parts), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "sines_snr_db: "));
    CU_ASSERT_EQUAL(count_entries(parts, list, sizeof list), 4);
    CU_ASSERT_FATAL(read_part(parts, "noisy-sines.wav", sines));
    CU_ASSERT_FATAL(read_part(parts, "noisy-residual.wav", residual));
    CU_ASSERT_FATAL(read_part(parts, "noisy-stochastic.wav", stoch));
    static double sum[LEN];
    for (size_t i = 0; i < LEN; i++)
        sum[i] = sines[i] + residual[i];
    test_close("sines + residual vs input", sum, noisy, LEN, 1e-6, 0);
    double pn = power_range(noise, 1024, 6976), pr = power_range(residual, 1024, 6976);
    double ps = power_range(stoch, 1024, 6976);
    double r_db = 10 * log10(pr / pn), s_db = 10 * log10(ps / pr);
    if (!(fabs(r_db) < 1 && fabs(s_db) < 1))
        fprintf(stderr, "\n  residual/noise %.2f dB, stochastic/residual %.2f dB\n", r_db, s_db);
    CU_ASSERT(fabs(r_db) < 1);
    CU_ASSERT(fabs(s_db) < 1);

    char tracks[4400];
    snprintf(tracks, sizeof tracks, "%s/noisy-tracks.txt", parts);
    struct dsp_mat m;
    CU_ASSERT_FATAL(dsp_mat_read(tracks, &m) == DSP_OK);
    CU_ASSERT_EQUAL(m.rows, 3 * HARM_FRAMES);
    CU_ASSERT_EQUAL(m.cols, 100);
    dsp_mat_free(&m);
    char value[64];
    CU_ASSERT(dsp_datafile_header_value(tracks, "model", value, sizeof value) == DSP_OK);
    CU_ASSERT_STRING_EQUAL(value, "harmonic");

    /* The sine model, into a folder that exists already, 16-bit WAVs. */
    CU_ASSERT_EQUAL_FATAL(dsplab("decompose --out-dir '%s' '%s' --model sine", parts, sine_wav),
                          0);
    CU_ASSERT_EQUAL(count_entries(parts, list, sizeof list), 8);
    const char *names[] = {"sine-sines.wav", "sine-residual.wav", "sine-stochastic.wav"};
    for (size_t i = 0; i < TEST_COUNT(names); i++)
        CU_ASSERT(read_part(parts, names[i], sines));
    snprintf(tracks, sizeof tracks, "%s/sine-tracks.txt", parts);
    CU_ASSERT_FATAL(dsp_mat_read(tracks, &m) == DSP_OK);
    CU_ASSERT_EQUAL(m.rows, 3 * SINES_FRAMES);
    CU_ASSERT_EQUAL(m.cols, 100);
    dsp_mat_free(&m);
}

/* ---- usage and runtime errors ----------------------------------------- */

static void test_usage_errors(void)
{
    fixture();
    const char *s = sine_wav, *o = outdir;
    expect_usage("unknown window", "peaks '%s' --window foo -o '%s/x.txt'", s, o);
    expect_usage("--fft (512) must be at least the window size (1024)",
                 "peaks '%s' --fft 512 -o '%s/x.txt'", s, o);
    expect_usage("--threshold: 'loud' is not a number", "peaks '%s' --threshold loud", s);
    expect_usage("--size must be at least 3 (got 2)", "peaks '%s' --size 2", s);
    expect_usage("--start (8000) is beyond the end of", "peaks '%s' --start 8000 -o '%s/x.txt'",
                 s, o);
    expect_usage("missing FILE argument", "peaks");

    expect_usage("--hop must be at least 1 (got 0)", "sines '%s' --hop 0 -o '%s/t.txt'", s, o);
    expect_usage("--fft (1024) must be at least the window size (2001)",
                 "sines '%s' --fft 1024 --synth '%s/s.wav' -o '%s/t.txt'", s, o, o);
    expect_usage("unknown window", "sines '%s' --window foo -o '%s/t.txt'", s, o);
    expect_usage("--synthesis must be time or spectral (got 'fast')",
                 "sines '%s' --synthesis fast --synth '%s/s.wav'", s, o);
    expect_usage("--max-sines must be at least 1 (got 0)", "sines '%s' --max-sines 0", s);
    expect_usage("--min-duration must be at least 0 (got -1)", "sines '%s' --min-duration -1",
                 s);
    expect_usage("--freq-dev-slope: 'x' is not a number", "sines '%s' --freq-dev-slope x", s);
    expect_usage("--size must be at least 3 (got 2)", "sines '%s' --size 2", s);

    expect_usage("--method must be twm or yin (got 'autocorr')",
                 "f0 '%s' --method autocorr -o '%s/f0.txt'", s, o);
    expect_usage("--fmin (400 Hz) must be below --fmax (300 Hz)",
                 "f0 '%s' --fmin 400 -o '%s/f0.txt'", s, o);
    expect_usage("--fmin (500 Hz) must be below --fmax (200 Hz)",
                 "harmonic '%s' --fmin 500 --fmax 200 --synth '%s/h.wav'", s, o);
    expect_usage("--fmin must be greater than 0 (got 0)", "f0 '%s' --fmin 0", s);
    expect_usage("--window is only for --method twm", "f0 '%s' --method yin --window hann", s);
    expect_usage("--yin-threshold is only for --method yin", "f0 '%s' --yin-threshold 0.2", s);
    expect_usage("--yin-threshold must be between 0 and 1 (got 1)",
                 "f0 '%s' --method yin --yin-threshold 1", s);
    expect_usage("--fmax (3000 Hz) must be at most fs/4 (2000 Hz) for yin",
                 "f0 '%s' --method yin --fmax 3000 -o '%s/f0.txt'", s, o);
    expect_usage("--hop must be at least 1 (got 0)", "f0 '%s' --hop 0", s);
    expect_usage("--fft (1024) must be at least the window size (1201)", "f0 '%s' --fft 1024",
                 s);
    expect_usage("unknown window", "harmonic '%s' --window foo -o '%s/h.txt'", s, o);
    expect_usage("--harmonics must be at least 1 (got 0)", "harmonic '%s' --harmonics 0", s);
    expect_usage("--hop must be at least 1 (got 0)", "harmonic '%s' --hop 0", s);
    expect_usage("unrecognized option '--max-sines'", "harmonic '%s' --max-sines 3", s);
    expect_usage("--synthesis must be time or spectral", "harmonic '%s' --synthesis x", s);

    expect_usage("missing --model sine|harmonic", "decompose '%s' --out-dir '%s'", s, o);
    expect_usage("--model must be sine or harmonic (got 'hps')",
                 "decompose '%s' --model hps --out-dir '%s'", s, o);
    expect_usage("missing --out-dir DIR", "decompose '%s' --model sine", s);
    expect_usage("--fmin is only for --model harmonic",
                 "decompose '%s' --fmin 50 --model sine --out-dir '%s'", s, o);
    expect_usage("--max-sines is only for --model sine",
                 "decompose '%s' --model harmonic --max-sines 4 --out-dir '%s'", s, o);
    expect_usage("--fmin (400 Hz) must be below --fmax (300 Hz)",
                 "decompose '%s' --model harmonic --fmin 400 --out-dir '%s'", s, o);
    expect_usage("--stocf must be in (0, 1] (got 0)",
                 "decompose '%s' --model sine --stocf 0 --out-dir '%s'", s, o);
    expect_usage("--stoch-hop must be at least 2 (got 1)",
                 "decompose '%s' --model sine --stoch-hop 1 --out-dir '%s'", s, o);
    expect_usage("--hop must be at least 1 (got 0)",
                 "decompose '%s' --model sine --hop 0 --out-dir '%s'", s, o);
    expect_usage("unknown window", "decompose '%s' --model sine --window x --out-dir '%s'", s,
                 o);
    expect_usage("--fft (1000) must be at least the window size (1201)",
                 "decompose '%s' --model harmonic --fft 1000 --out-dir '%s'", s, o);
    expect_usage("missing FILE argument", "decompose --model sine --out-dir '%s'", o);
}

static void test_runtime_errors(void)
{
    fixture();
    char missing[4300];
    snprintf(missing, sizeof missing, "%s/missing.wav", dir);
    expect_runtime(missing, "cannot open", "peaks '%s' -o '%s/x.txt'", missing, outdir);
    expect_runtime(text_file, "not a readable sound", "peaks '%s' -o '%s/x.npy'", text_file,
                   outdir);
    expect_runtime(missing, "cannot open", "sines '%s' -o '%s/t.txt' --synth '%s/s.wav'",
                   missing, outdir, outdir);
    /* The synthesis is complete before the tracks file fails to open: the
     * WAV must go too. */
    expect_runtime(missing, "cannot open", "f0 '%s' -o '%s/f0.txt'", missing, outdir);
    expect_runtime(text_file, "not a readable sound", "f0 '%s' --method yin -o '%s/f0.npy'",
                   text_file, outdir);
    expect_runtime(missing, "cannot open", "harmonic '%s' -o '%s/h.txt' --synth '%s/h.wav'",
                   missing, outdir, outdir);
    expect_runtime(missing, "cannot open", "decompose '%s' --model sine --out-dir '%s'",
                   missing, outdir);
    expect_runtime(text_file, "not a readable sound",
                   "decompose '%s' --model harmonic --out-dir '%s'", text_file, outdir);
    /* --out-dir names a file; a folder two levels down cannot be made. */
    expect_runtime(text_file, "not a folder", "decompose '%s' --model sine --out-dir '%s'",
                   sine_wav, text_file);
    char nodir[4300];
    snprintf(nodir, sizeof nodir, "%s/no-such-folder/t.txt", outdir);
    expect_runtime(nodir, "", "sines '%s' -o '%s' --synth '%s/s.wav'", sine_wav, nodir, outdir);
    expect_runtime(nodir, "", "harmonic '%s' -o '%s' --synth '%s/h.wav'", harm_wav, nodir,
                   outdir);
    snprintf(nodir, sizeof nodir, "%s/no-such-folder/parts", outdir);
    expect_runtime(nodir, "cannot create the output folder",
                   "decompose '%s' --model sine --out-dir '%s'", sine_wav, nodir);
}

static void test_help(void)
{
    fixture();
    const char *names[] = {"peaks", "sines", "f0", "harmonic", "decompose"};
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
        {"--help lists the commands; each has its own help", test_help},
        {"peaks: 445.3 Hz sine within 0.1 Hz, 20log10(A/2) dB, phase", test_peaks_sine},
        {"sines: 3 blocks of floor(L/H)+1 rows, K columns, the sine's track",
         test_sines_blocks},
        {"sines --synth: interior SNR > 80 dB, time and spectral", test_sines_synth},
        {"f0: 220 Hz +- 1 in voiced frames, twm and yin; 0 in silence", test_f0_methods},
        {"harmonic: NH columns, harmonic h in column h-1", test_harmonic_columns},
        {"harmonic --synth: interior SNR > 50 dB, time and spectral", test_harmonic_synth},
        {"decompose: 4 files, sines + residual = x, stochastic keeps the power",
         test_decompose},
        {"usage errors exit 2 with a message, write nothing", test_usage_errors},
        {"runtime errors exit 1 naming the file, write nothing", test_runtime_errors},
        {"remove the test folder", test_cleanup},
    };
    return test_run("cli_sms", cases, TEST_COUNT(cases));
}
