/*
 * refgen.c — writes data/reference/09-transformations/ from the reference
 * solution. Usage (from the repository root): refgen <output folder>
 *   pvstretch_flute.txt   pvstretch_ex on data/sounds/flute-a5.wav from
 *                         sample 22050, 4096 samples, factor 1.5, N 1024,
 *                         hop 256, PV_LOCK_IDENTITY: 6144 rows of one sample
 *   pvstretch_nolock.txt  the same excerpt, factor 0.75, PV_LOCK_NONE: 3072 rows
 *   violin_tracks.txt     the input of the track cases: the library's
 *                         harmonic analysis (dsp_harmonic_analyze, Blackman
 *                         M 2001, N 4096, hop 512, -80 dB, f0 300..600 Hz,
 *                         16 harmonics) of data/sounds/violin-a4.wav, frames
 *                         10..39: hfreq[16] (Hz), hmag[16] (dB), then the
 *                         stochastic envelope (dsp_stochastic, hop 512,
 *                         stocf 0.05: 26 bands, dB) of its residual
 *                         (dsp_decompose, tracks shorter than 5 frames
 *                         removed) at the same frames: env[26]
 *   flute_tracks.txt      the same for data/sounds/flute-a5.wav, f0
 *                         600..1200 Hz, frames 10..29 (20 rows)
 *   sinefreq_violin.txt   sinefreq_ex on the violin, breakpoints (0, 0.8),
 *                         (15, 1.5), (29, 1.2): out_freq[16] out_mag[16]
 *   sinetime_violin.txt   sinetime_ex on the violin, map (0, 0), (10, 20),
 *                         (29, 30): 31 rows of out_freq[16] out_mag[16]
 *   harmpitch_violin.txt  harmpitch_ex on the violin, ratio 0.8, envelope
 *                         kept: out_freq[16] out_mag[16]
 *   morph_violin_flute.txt morph_ex, A the violin, B the flute, alpha_freq
 *                         0.3, alpha_mag 0.6, alpha_stoch 0.5:
 *                         out_freq[16] out_mag[16] out_env[26]
 * The parameters must match suite.c's constants.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dsplab/audio.h>
#include <dsplab/datafile.h>
#include <dsplab/harmonic.h>
#include <dsplab/residual.h>

#include "exercise.h"
#include "refgen.h"

#define LESSON "09-transformations"

#define PV_FILE "data/sounds/flute-a5.wav"
#define PV_START 22050
#define PV_LEN 4096
#define PV_N 1024
#define PV_HOP 256
#define HARM 16
#define ENV 26
#define HOP 512
#define STOCF 0.05
#define FIRST 10
#define VIOLIN_FRAMES 30
#define FLUTE_FRAMES 20
#define COLS (2 * HARM + ENV)

static int write_pvstretch(const char *dir)
{
    double *x = NULL, fs = 0;
    size_t len = 0;
    int s = dsp_audio_read_mono(PV_FILE, &x, &len, &fs);
    if (s != DSP_OK)
        return s;
    if (len < PV_START + PV_LEN) {
        free(x);
        return dsp_fail(DSP_EFORMAT, "%s: too short", PV_FILE);
    }
    const double factors[2] = {1.5, 0.75};
    const int locks[2] = {PV_LOCK_IDENTITY, PV_LOCK_NONE};
    const char *names[2] = {"pvstretch_flute.txt", "pvstretch_nolock.txt"};
    for (int t = 0; t < 2 && s == DSP_OK; t++) {
        size_t n = (size_t)llround(PV_LEN * factors[t]);
        double *y = malloc(n * sizeof *y);
        if (!y) {
            s = dsp_fail(DSP_ENOMEM, "out of memory");
            break;
        }
        s = pvstretch_ex(x + PV_START, PV_LEN, factors[t], PV_N, PV_HOP, locks[t], y, n);
        if (s != DSP_OK) {
            free(y);
            s = dsp_fail(s, "pvstretch_ex failed (%d)", s);
            break;
        }
        struct dsp_matfile *f = refgen_open(dir, names[t], 1, LESSON, "pvstretch_ex");
        if (!f) {
            free(y);
            s = DSP_EIO;
            break;
        }
        dsp_matfile_header(f, "input", "%s from sample %d, %d samples", PV_FILE, PV_START,
                           PV_LEN);
        dsp_matfile_header(f, "params", "factor %g, n_fft %d, hop %d, lock %s", factors[t],
                           PV_N, PV_HOP, locks[t] == PV_LOCK_IDENTITY ? "identity" : "none");
        for (size_t i = 0; i < n; i++)
            dsp_matfile_write_row(f, &y[i]);
        s = dsp_matfile_commit(f);
        free(y);
    }
    free(x);
    return s;
}

/* Harmonic tracks and residual envelope of frames FIRST .. FIRST+rows-1:
 * rows x COLS into out. */
static int analyze(const char *path, double fmin, double fmax, size_t rows, double *out)
{
    double *x = NULL, fs = 0, *f = NULL, *m = NULL, *ph = NULL, *env = NULL;
    double *sines = NULL, *res = NULL;
    size_t len = 0;
    struct dsp_harmonic_analysis *ha = NULL;
    struct dsp_stochastic *st = NULL;
    int s = dsp_audio_read_mono(path, &x, &len, &fs);
    if (s != DSP_OK)
        return s;
    struct dsp_decompose_params p = {.model = DSP_DECOMPOSE_HARMONIC, .min_frames = 5,
                                     .stoch_hop = HOP, .stocf = STOCF, .seed = 1};
    dsp_harmonic_params_default(&p.harmonic, fs);
    p.harmonic.window = DSP_WIN_BLACKMAN;
    p.harmonic.m = 2001;
    p.harmonic.n_fft = 4096;
    p.harmonic.hop = HOP;
    p.harmonic.threshold_db = -80.0;
    p.harmonic.n_harmonics = HARM;
    p.harmonic.min_f0 = fmin;
    p.harmonic.max_f0 = fmax;
    ha = dsp_harmonic_analysis_new(&p.harmonic);
    st = dsp_stochastic_new(HOP, STOCF);
    if (!ha || !st) {
        s = DSP_EINVAL;
        goto done;
    }
    size_t nf = dsp_harmonic_analysis_num_frames(ha, len);
    if (dsp_stochastic_env_size(st) != ENV || dsp_stochastic_num_frames(st, len) != nf ||
        nf < FIRST + rows) {
        s = dsp_fail(DSP_EINVAL, "%s: unexpected frame or band count", path);
        goto done;
    }
    f = malloc(nf * HARM * sizeof *f);
    m = malloc(nf * HARM * sizeof *m);
    ph = malloc(nf * HARM * sizeof *ph);
    env = malloc(nf * ENV * sizeof *env);
    sines = malloc(len * sizeof *sines);
    res = malloc(len * sizeof *res);
    if (!f || !m || !ph || !env || !sines || !res) {
        s = dsp_fail(DSP_ENOMEM, "out of memory");
        goto done;
    }
    s = dsp_harmonic_analyze(ha, x, len, NULL, f, m, ph, nf);
    if (s == DSP_OK)
        s = dsp_sine_tracks_clean(f, m, ph, nf, HARM, p.min_frames);
    if (s == DSP_OK)
        s = dsp_decompose(&p, x, len, sines, res, NULL);
    if (s == DSP_OK)
        s = dsp_stochastic_analyze(st, res, len, env, nf);
    if (s != DSP_OK)
        goto done;
    for (size_t r = 0; r < rows; r++) {
        memcpy(out + r * COLS, f + (FIRST + r) * HARM, HARM * sizeof *out);
        memcpy(out + r * COLS + HARM, m + (FIRST + r) * HARM, HARM * sizeof *out);
        memcpy(out + r * COLS + 2 * HARM, env + (FIRST + r) * ENV, ENV * sizeof *out);
    }
done:
    dsp_harmonic_analysis_free(ha);
    dsp_stochastic_free(st);
    free(x);
    free(f);
    free(m);
    free(ph);
    free(env);
    free(sines);
    free(res);
    return s;
}

static int write_rows(const char *dir, const char *name, const char *what, const double *rows,
                      size_t n_rows, size_t cols, const char *params, const char *columns)
{
    struct dsp_matfile *f = refgen_open(dir, name, cols, LESSON, what);
    if (!f)
        return DSP_EIO;
    dsp_matfile_header(f, "params", "%s", params);
    dsp_matfile_header(f, "columns_are", "%s", columns);
    for (size_t r = 0; r < n_rows; r++)
        dsp_matfile_write_row(f, rows + r * cols);
    return dsp_matfile_commit(f);
}

/* Splits rows x COLS tracks into freq, mag (rows x HARM) and env (rows x ENV). */
static void split(const double *t, size_t rows, double *f, double *m, double *e)
{
    for (size_t r = 0; r < rows; r++) {
        memcpy(f + r * HARM, t + r * COLS, HARM * sizeof *f);
        memcpy(m + r * HARM, t + r * COLS + HARM, HARM * sizeof *m);
        memcpy(e + r * ENV, t + r * COLS + 2 * HARM, ENV * sizeof *e);
    }
}

/* Joins freq and mag (and env, if not NULL) into rows of 2 HARM (+ ENV). */
static void join(const double *f, const double *m, const double *e, size_t rows, double *out)
{
    size_t cols = 2 * HARM + (e ? ENV : 0);
    for (size_t r = 0; r < rows; r++) {
        memcpy(out + r * cols, f + r * HARM, HARM * sizeof *out);
        memcpy(out + r * cols + HARM, m + r * HARM, HARM * sizeof *out);
        if (e)
            memcpy(out + r * cols + 2 * HARM, e + r * ENV, ENV * sizeof *out);
    }
}

static int write_tracks(const char *dir)
{
    static double vt[VIOLIN_FRAMES * COLS], ft[FLUTE_FRAMES * COLS];
    static double vf[VIOLIN_FRAMES * HARM], vm[VIOLIN_FRAMES * HARM], ve[VIOLIN_FRAMES * ENV];
    static double ff[FLUTE_FRAMES * HARM], fm[FLUTE_FRAMES * HARM], fe[FLUTE_FRAMES * ENV];
    static double of[31 * HARM], om[31 * HARM], oe[VIOLIN_FRAMES * ENV], rows[31 * COLS];
    const char *track_cols = "hfreq[16] (Hz) hmag[16] (dB) env[26] (dB)";
    const char *out_cols = "out_freq[16] (Hz) out_mag[16] (dB)";
    int s = analyze("data/sounds/violin-a4.wav", 300.0, 600.0, VIOLIN_FRAMES, vt);
    if (s == DSP_OK)
        s = analyze("data/sounds/flute-a5.wav", 600.0, 1200.0, FLUTE_FRAMES, ft);
    if (s == DSP_OK)
        s = write_rows(dir, "violin_tracks.txt", "input tracks", vt, VIOLIN_FRAMES, COLS,
                       "violin-a4.wav frames 10..39, Blackman M 2001, N 4096, hop 512, -80 dB, "
                       "f0 300..600 Hz, min 5 frames; stochastic hop 512, stocf 0.05",
                       track_cols);
    if (s == DSP_OK)
        s = write_rows(dir, "flute_tracks.txt", "input tracks", ft, FLUTE_FRAMES, COLS,
                       "flute-a5.wav frames 10..29, Blackman M 2001, N 4096, hop 512, -80 dB, "
                       "f0 600..1200 Hz, min 5 frames; stochastic hop 512, stocf 0.05",
                       track_cols);
    if (s != DSP_OK)
        return s;
    split(vt, VIOLIN_FRAMES, vf, vm, ve);
    split(ft, FLUTE_FRAMES, ff, fm, fe);
    const double at[3] = {0, 15, 29}, fac[3] = {0.8, 1.5, 1.2};
    s = sinefreq_ex(vf, vm, VIOLIN_FRAMES, HARM, at, fac, 3, 44100.0, of, om);
    if (s != DSP_OK)
        return dsp_fail(s, "sinefreq_ex failed (%d)", s);
    join(of, om, NULL, VIOLIN_FRAMES, rows);
    s = write_rows(dir, "sinefreq_violin.txt", "sinefreq_ex", rows, VIOLIN_FRAMES, 2 * HARM,
                   "breakpoints (0, 0.8) (15, 1.5) (29, 1.2), fs 44100", out_cols);
    if (s != DSP_OK)
        return s;
    const double in[3] = {0, 10, 29}, out[3] = {0, 20, 30};
    s = sinetime_ex(vf, vm, VIOLIN_FRAMES, HARM, in, out, 3, of, om, 31);
    if (s != DSP_OK)
        return dsp_fail(s, "sinetime_ex failed (%d)", s);
    join(of, om, NULL, 31, rows);
    s = write_rows(dir, "sinetime_violin.txt", "sinetime_ex", rows, 31, 2 * HARM,
                   "map (0, 0) (10, 20) (29, 30)", out_cols);
    if (s != DSP_OK)
        return s;
    s = harmpitch_ex(vf, vm, VIOLIN_FRAMES, HARM, 0.8, 1, 44100.0, of, om);
    if (s != DSP_OK)
        return dsp_fail(s, "harmpitch_ex failed (%d)", s);
    join(of, om, NULL, VIOLIN_FRAMES, rows);
    s = write_rows(dir, "harmpitch_violin.txt", "harmpitch_ex", rows, VIOLIN_FRAMES, 2 * HARM,
                   "ratio 0.8, envelope kept, fs 44100", out_cols);
    if (s != DSP_OK)
        return s;
    s = morph_ex(vf, vm, ve, VIOLIN_FRAMES, ff, fm, fe, FLUTE_FRAMES, HARM, ENV, 0.3, 0.6, 0.5,
                 of, om, oe);
    if (s != DSP_OK)
        return dsp_fail(s, "morph_ex failed (%d)", s);
    join(of, om, oe, VIOLIN_FRAMES, rows);
    return write_rows(dir, "morph_violin_flute.txt", "morph_ex", rows, VIOLIN_FRAMES, COLS,
                      "A violin, B flute, alpha_freq 0.3, alpha_mag 0.6, alpha_stoch 0.5",
                      "out_freq[16] (Hz) out_mag[16] (dB) out_env[26] (dB)");
}

static int write_all(const char *dir)
{
    int s = write_pvstretch(dir);
    if (s == DSP_OK)
        s = write_tracks(dir);
    return s;
}

int main(int argc, char **argv)
{
    return refgen_main(argc, argv, "09", write_all);
}
