/*
 * try.c — lesson 09 on a real sound (`make try LESSON=09 ONLY=...`, see
 * lessons/try.h). The "try:" lines name each exercise, its file, its
 * default sound and your other files that file calls:
 *
 * try: pvphase pvphase.c sounds/speech-front-center.wav
 * try: pvstretch pvstretch.c sounds/speech-front-center.wav pvphase.c
 * try: sinefreq sinefreq.c sounds/flute-a5.wav
 * try: sinetime sinetime.c sounds/flute-a5.wav
 * try: harmpitch harmpitch.c sounds/violin-a4.wav
 * try: morph morph.c sounds/violin-a4.wav
 *
 * pvphase: a phase vocoder at factor 1 must give back the analysis phases.
 * Every frame of the sound's STFT (Hann 1024, hop 256) through your
 * pvphase_ex with identity locking, the previous output phases being the
 * previous analysis phases: your theta minus the analysis phase, wrapped
 * to [-pi, pi), should be 0 in every bin.
 * pvstretch: the sound 1.5 times longer (Hann 2048, hop 256, identity
 * locking) by your pvstretch_ex (with your pvphase.c): yours.wav, against
 * dsp_time_stretch.
 * The track exercises use the library's analyses (hop 256) and synthesise
 * your tracks with the library's oscillators into yours.wav:
 * sinefreq: the flute's sine tracks scaled by a factor gliding from 1 at
 * the start to 1.5 at the end, against dsp_sine_freq_scale.
 * sinetime: the flute's tracks through the time map (0, 0), (n/2, n/4),
 * (n-1, n-1): the first half twice as fast, the second half twice as slow;
 * against dsp_sine_time_scale.
 * harmpitch: the violin's harmonics a fifth up (ratio 1.5), keeping the
 * spectral envelope, against dsp_harmonic_pitch_shift.
 * morph: the violin (A) half-way to the flute (data/sounds/flute-a5.wav,
 * B): harmonics and stochastic envelopes (stocf 0.2) with all three
 * alphas 0.5, against dsp_harmonic_morph and dsp_env_morph.
 */
#include "try.h"

#include <dsplab/gen.h>
#include <dsplab/harmonic.h>
#include <dsplab/residual.h>
#include <dsplab/sine.h>
#include <dsplab/stft.h>
#include <dsplab/transform.h>
#include <dsplab/window.h>

#include "exercise.h"

#pragma weak pvphase_ex
#pragma weak pvstretch_ex
#pragma weak sinefreq_ex
#pragma weak sinetime_ex
#pragma weak harmpitch_ex
#pragma weak morph_ex

#define HOP 256
#define NH 40
#define SOUND_B "data/sounds/flute-a5.wav"

static double princarg(double a)
{
    return a - 2 * M_PI * floor((a + M_PI) / (2 * M_PI));
}

static void try_pvphase(const double *x, size_t len)
{
    TRY_NEED(pvphase_ex);
    enum { N = 1024, NB = N / 2 + 1 };
    double w[N];
    dsp_window_fill(DSP_WIN_HANN, 0, DSP_WINDOW_PERIODIC, w, N);
    struct dsp_stft *st = dsp_stft_new(w, N, N, HOP);
    if (!st)
        try_fail("%s", dsp_last_error());
    size_t frames = len / HOP + 1;
    double *mX = try_zeros(frames * NB), *pX = try_zeros(frames * NB), mag[NB], theta[NB];
    double *d = try_zeros((frames - 1) * NB), *zero = try_zeros((frames - 1) * NB);
    for (size_t k = 0; k < frames; k++)
        dsp_stft_analyze_frame(st, x, len, k, mX + k * NB, pX + k * NB);
    for (size_t k = 1; k < frames; k++) {
        for (size_t b = 0; b < NB; b++)
            mag[b] = pow(10, mX[k * NB + b] / 20);
        const double *phi = pX + k * NB, *prev = pX + (k - 1) * NB;
        try_status(pvphase_ex(mag, phi, prev, prev, N, HOP, PV_LOCK_IDENTITY, theta),
                   "pvphase_ex");
        for (size_t b = 0; b < NB; b++)
            d[(k - 1) * NB + b] = princarg(theta[b] - phi[b]);
    }
    printf("%zu frames (Hann %d, hop %d) at factor 1, identity locking: theta - phi should "
           "be 0 (mod 2 pi) in every bin\n", frames - 1, N, HOP);
    try_write_compare("theta - phi wrapped to [-pi, pi) (rad; row = frame, column = bin)", d,
                      zero, frames - 1, NB);
    dsp_stft_free(st);
    free(mX), free(pX), free(d), free(zero);
}

static void try_pvstretch(const double *x, size_t len)
{
    TRY_NEED(pvstretch_ex);
    try_calls = "pvphase_ex";
    const double factor = 1.5;
    size_t n = dsp_time_stretch_len(len, factor);
    double *y = try_zeros(n), *e = try_zeros(n);
    try_status(pvstretch_ex(x, len, factor, 2048, HOP, PV_LOCK_IDENTITY, y, n), "pvstretch_ex");
    if (dsp_time_stretch(x, len, factor, 2048, HOP, DSP_PV_LOCK_IDENTITY, e, n) != DSP_OK)
        try_fail("%s", dsp_last_error());
    printf("%zu samples stretched to %zu (factor %g, Hann 2048, hop %d, identity locking)\n",
           len, n, factor, HOP);
    try_write_wav("yours.wav", y, n);
    try_write_wav("library.wav", e, n);
    try_write_compare("y (the sound 1.5 times longer)", y, e, 1, n);
    try_plot("spectrogram", try_path("yours.wav"), "yours-spectrogram.png",
             "your pvstretch_ex: 1.5 times longer, same pitch", "--fmax", "8000", NULL);
    try_plot("spectrogram", try_sound, "library-spectrogram.png", "the sound", "--fmax", "8000",
             NULL);
    free(y), free(e);
}

/* the library's sine tracks of x (hop HOP, 60 slots), cleaned */
static size_t sine_tracks(const double *x, size_t len, double **f, double **m, size_t *ns)
{
    struct dsp_sine_params p;
    dsp_sine_params_default(&p, try_fs);
    p.hop = HOP, p.max_sines = 60;
    struct dsp_sine_analysis *sa = dsp_sine_analysis_new(&p);
    if (!sa)
        try_fail("%s", dsp_last_error());
    size_t n = dsp_sine_analysis_num_frames(sa, len);
    *f = try_zeros(n * p.max_sines), *m = try_zeros(n * p.max_sines), *ns = p.max_sines;
    dsp_sine_analyze(sa, x, len, *f, *m, NULL, n);
    dsp_sine_tracks_clean(*f, *m, NULL, n, p.max_sines, (size_t)lround(0.02 * try_fs / HOP));
    dsp_sine_analysis_free(sa);
    return n;
}

/* your tracks, synthesised by the library's oscillators into yours.wav */
static void synth_tracks(const char *name, const double *f, const double *m, size_t n,
                         size_t ns)
{
    double *y = try_zeros(n * HOP);
    if (dsp_sine_synth_time(f, m, NULL, n, ns, HOP, try_fs, y, n * HOP) != DSP_OK)
        try_fail("your tracks cannot be synthesised: %s", dsp_last_error());
    try_write_wav(name, y, n * HOP);
    free(y);
}

static void draw_tracks(const char *what)
{
    try_plot("tracks", try_path("yours.txt"), "yours-tracks.png", what, "--sound",
             try_path("yours.wav"), "--fmax", "8000", NULL);
}

static void try_sinefreq(const double *x, size_t len)
{
    TRY_NEED(sinefreq_ex);
    double *f, *m;
    size_t ns, n = sine_tracks(x, len, &f, &m, &ns);
    double at[2] = {0, (double)(n - 1)}, fac[2] = {1, 1.5};
    double *of = try_zeros(n * ns), *om = try_zeros(n * ns), *ef = try_zeros(n * ns);
    double *em = try_zeros(n * ns), *scale = try_zeros(n);
    try_status(sinefreq_ex(f, m, n, ns, at, fac, 2, try_fs, of, om), "sinefreq_ex");
    for (size_t k = 0; k < n; k++)
        scale[k] = n > 1 ? 1 + 0.5 * (double)k / (double)(n - 1) : 1;
    dsp_sine_freq_scale(f, m, n, ns, scale, try_fs, ef, em);
    printf("%zu frames x %zu tracks, scaled by 1 gliding to 1.5\n", n, ns);
    synth_tracks("yours.wav", of, om, n, ns);
    try_write_tracks("yours.txt", of, om, NULL, n, ns, HOP);
    try_write_compare("out_freq (Hz; row = frame, column = slot)", of, ef, n, ns);
    draw_tracks("your sinefreq_ex: the flute gliding up a fifth");
    free(f), free(m), free(of), free(om), free(ef), free(em), free(scale);
}

static void try_sinetime(const double *x, size_t len)
{
    TRY_NEED(sinetime_ex);
    double *f, *m;
    size_t ns, n = sine_tracks(x, len, &f, &m, &ns);
    double in[3] = {0, (double)(n / 2), (double)(n - 1)};
    double out[3] = {0, (double)(n / 4), (double)(n - 1)};
    size_t no = dsp_sine_time_scale_frames(out, 3);
    double *of = try_zeros(no * ns), *om = try_zeros(no * ns), *ef = try_zeros(no * ns);
    double *em = try_zeros(no * ns);
    try_status(sinetime_ex(f, m, n, ns, in, out, 3, of, om, no), "sinetime_ex");
    dsp_sine_time_scale(f, m, n, ns, in, out, 3, ef, em, no);
    printf("%zu frames -> %zu: the first half twice as fast, the second twice as slow\n", n,
           no);
    synth_tracks("yours.wav", of, om, no, ns);
    try_write_tracks("yours.txt", of, om, NULL, no, ns, HOP);
    try_write_compare("out_freq (Hz; row = output frame, column = slot)", of, ef, no, ns);
    draw_tracks("your sinetime_ex: fast, then slow");
    free(f), free(m), free(of), free(om), free(ef), free(em);
}

/* the library's harmonic analysis (hop HOP, NH harmonics, f0 100-1000 Hz) */
static size_t harmonics(const double *x, size_t len, double **hf, double **hm)
{
    struct dsp_harmonic_params p;
    dsp_harmonic_params_default(&p, try_fs);
    p.hop = HOP, p.n_harmonics = NH, p.min_f0 = 100, p.max_f0 = 1000;
    struct dsp_harmonic_analysis *ha = dsp_harmonic_analysis_new(&p);
    if (!ha)
        try_fail("%s", dsp_last_error());
    size_t n = dsp_harmonic_analysis_num_frames(ha, len);
    double *f0 = try_zeros(n);
    *hf = try_zeros(n * NH), *hm = try_zeros(n * NH);
    dsp_harmonic_analyze(ha, x, len, f0, *hf, *hm, NULL, n);
    dsp_sine_tracks_clean(*hf, *hm, NULL, n, NH, (size_t)lround(0.02 * try_fs / HOP));
    dsp_harmonic_analysis_free(ha);
    free(f0);
    return n;
}

static void try_harmpitch(const double *x, size_t len)
{
    TRY_NEED(harmpitch_ex);
    double *hf, *hm;
    size_t n = harmonics(x, len, &hf, &hm);
    double *of = try_zeros(n * NH), *om = try_zeros(n * NH), *ef = try_zeros(n * NH);
    double *em = try_zeros(n * NH);
    try_status(harmpitch_ex(hf, hm, n, NH, 1.5, 1, try_fs, of, om), "harmpitch_ex");
    dsp_harmonic_pitch_shift(hf, hm, n, NH, 1.5, DSP_ENVELOPE_KEEP, try_fs, ef, em);
    printf("%zu frames x %d harmonics, a fifth up, the envelope kept\n", n, NH);
    synth_tracks("yours.wav", of, om, n, NH);
    try_write_tracks("yours.txt", of, om, NULL, n, NH, HOP);
    /* both matrices side by side: frequencies, then magnitudes */
    double *y = try_zeros(2 * n * NH), *e = try_zeros(2 * n * NH);
    memcpy(y, of, n * NH * sizeof *y), memcpy(y + n * NH, om, n * NH * sizeof *y);
    memcpy(e, ef, n * NH * sizeof *e), memcpy(e + n * NH, em, n * NH * sizeof *e);
    try_write_compare("out_freq (Hz), then out_mag (dB) (row = frame, column = harmonic)", y, e,
                      2 * n, NH);
    draw_tracks("your harmpitch_ex: a fifth up");
    free(hf), free(hm), free(of), free(om), free(ef), free(em), free(y), free(e);
}

static double *stochastic_env(const double *x, size_t len, size_t n, size_t *ne)
{
    struct dsp_stochastic *st = dsp_stochastic_new(HOP, 0.2);
    if (!st)
        try_fail("%s", dsp_last_error());
    if (dsp_stochastic_num_frames(st, len) != n)
        try_fail("internal: %zu stochastic frames, %zu harmonic", dsp_stochastic_num_frames(st, len),
                 n);
    *ne = dsp_stochastic_env_size(st);
    double *env = try_zeros(n * *ne);
    dsp_stochastic_analyze(st, x, len, env, n);
    dsp_stochastic_free(st);
    return env;
}

static void try_morph(const double *x, size_t len)
{
    TRY_NEED(morph_ex);
    double *xb = NULL, fsb = 0;
    size_t lenb = 0, ne = 0, neb = 0;
    if (dsp_audio_read_mono(SOUND_B, &xb, &lenb, &fsb) != DSP_OK)
        try_fail("%s: %s", SOUND_B, dsp_last_error());
    if (fsb != try_fs)
        try_fail("%s is at %g Hz, the sound at %g Hz: they must match", SOUND_B, fsb, try_fs);
    double *fa, *ma, *fb, *mb;
    size_t na = harmonics(x, len, &fa, &ma), nb = harmonics(xb, lenb, &fb, &mb);
    double *ea = stochastic_env(x, len, na, &ne), *eb = stochastic_env(xb, lenb, nb, &neb);
    double *of = try_zeros(na * NH), *om = try_zeros(na * NH), *oe = try_zeros(na * ne);
    double *lf = try_zeros(na * NH), *lm = try_zeros(na * NH), *le = try_zeros(na * ne);
    try_status(morph_ex(fa, ma, ea, na, fb, mb, eb, nb, NH, ne, 0.5, 0.5, 0.5, of, om, oe),
               "morph_ex");
    dsp_harmonic_morph(fa, ma, na, fb, mb, nb, NH, 0.5, 0.5, lf, lm);
    dsp_env_morph(ea, na, eb, nb, ne, 0.5, le);
    printf("A: %zu frames, B (%s): %zu frames; %d harmonics, %zu envelope bands, alphas 0.5\n",
           na, SOUND_B, nb, NH, ne);
    /* your morph heard: the library's oscillators and noise of your envelope */
    size_t n = na * HOP;
    double *y = try_zeros(n), *s = try_zeros(n);
    struct dsp_stochastic *st = dsp_stochastic_new(HOP, 0.2);
    if (!st || dsp_sine_synth_time(of, om, NULL, na, NH, HOP, try_fs, y, n) != DSP_OK ||
        dsp_stochastic_synthesize(st, oe, na, 1, s, n) != DSP_OK)
        try_fail("your morph cannot be synthesised: %s", dsp_last_error());
    for (size_t i = 0; i < n; i++)
        y[i] += s[i];
    try_write_wav("yours.wav", y, n);
    try_write_tracks("yours.txt", of, om, NULL, na, NH, HOP);
    size_t total = 2 * na * NH + na * ne;
    double *yv = try_zeros(total), *ev = try_zeros(total);
    memcpy(yv, of, na * NH * sizeof *yv), memcpy(yv + na * NH, om, na * NH * sizeof *yv);
    memcpy(yv + 2 * na * NH, oe, na * ne * sizeof *yv);
    memcpy(ev, lf, na * NH * sizeof *ev), memcpy(ev + na * NH, lm, na * NH * sizeof *ev);
    memcpy(ev + 2 * na * NH, le, na * ne * sizeof *ev);
    try_write_compare("out_freq (Hz), out_mag (dB), then out_env (dB), one after the other", yv,
                      ev, 1, total);
    draw_tracks("your morph_ex: half violin, half flute");
    dsp_stochastic_free(st);
    free(xb), free(fa), free(ma), free(fb), free(mb), free(ea), free(eb), free(of), free(om);
    free(oe), free(lf), free(lm), free(le), free(y), free(s), free(yv), free(ev);
}

int main(int argc, char **argv)
{
    const char *ex = try_start(argc, argv);
    size_t len;
    double *x = try_read(&len);
    if (strcmp(ex, "pvphase") == 0)
        try_pvphase(x, len);
    else if (strcmp(ex, "pvstretch") == 0)
        try_pvstretch(x, len);
    else if (strcmp(ex, "sinefreq") == 0)
        try_sinefreq(x, len);
    else if (strcmp(ex, "sinetime") == 0)
        try_sinetime(x, len);
    else if (strcmp(ex, "harmpitch") == 0)
        try_harmpitch(x, len);
    else if (strcmp(ex, "morph") == 0)
        try_morph(x, len);
    else
        try_fail("no exercise \"%s\" in lesson 09's try.c (pvphase, pvstretch, sinefreq, "
                 "sinetime, harmpitch, morph)", ex);
    try_plot("feedback", try_path("compare.txt"), "compare.png", "yours against the library's",
             NULL);
    free(x);
    return 0;
}
