/*
 * try.c — lesson 07 on a real sound (`make try LESSON=07 ONLY=...`, see
 * lessons/try.h). The "try:" lines name each exercise, its file, its
 * default sound and your other files that file calls:
 *
 * try: sines sines.c sounds/flute-a5.wav
 * try: residual residual.c sounds/flute-a5.wav sines.c
 * try: stocenv stocenv.c sounds/flute-a5.wav
 * try: stocsynth stocsynth.c sounds/flute-a5.wav
 * try: decompose decompose.c sounds/flute-a5.wav sines.c residual.c stocenv.c stocsynth.c
 *
 * The per-frame sinusoids are the library's peaks of every frame (hop 256,
 * Blackman-Harris 1501, N 4096, above -70 dB, the 30 lowest), amplitude
 * 2 * 10^(mag/20) and phase at the frame centre, as exercise.h says. The
 * stochastic part uses N 1024, 64 blocks, seed 1.
 * sines: your overlap-add synthesis of them (yours.wav) against the
 * formula of exercise.h evaluated here.
 * residual: the sound minus your sines (yours.wav: the flute's breath)
 * against the sound minus the formula's; the sound, the sines and the
 * residual drawn on one time axis.
 * stocenv: the envelope of the residual (as above), yours against the
 * formula of exercise.h on the library's STFT magnitudes; drawn as a
 * spectrogram of 64 bands.
 * stocsynth: noise shaped by the residual's envelope (yours.wav). It is
 * random, so the comparison is the mean over frames of the envelope of
 * your noise against that of the residual, band by band, in dB.
 * decompose: your whole decomposition: sines (compared with the formula's),
 * sines + stochastic part (yours.wav), and the three measurements.
 */
#include "try.h"

#include <dsplab/signal.h>
#include <dsplab/sine.h>
#include <dsplab/stft.h>
#include <dsplab/window.h>

#include "exercise.h"

#pragma weak sines_ex
#pragma weak residual_ex
#pragma weak stocenv_ex
#pragma weak stocsynth_ex
#pragma weak decompose_ex

#define HOP 256
#define NS 30
#define NFFT 1024
#define NENV 64
#define SEED 1

static size_t len, frames;
static double *x, *freq, *amp, *phase, *sines, *resid;

/* Part 1's formula: overlap-add of w(n) * sum amp cos(2 pi f n / fs + phase) */
static void formula_sines(double *y)
{
    memset(y, 0, len * sizeof *y);
    for (size_t k = 0; k < frames; k++)
        for (long n = -HOP; n < HOP; n++) {
            long t = (long)(k * HOP) + n;
            if (t < 0 || t >= (long)len)
                continue;
            double w = k + 1 == frames && n >= 0 ? 1 : 0.5 + 0.5 * cos(M_PI * (double)n / HOP);
            double s = 0;
            for (size_t i = 0; i < NS; i++) {
                size_t j = k * NS + i;
                if (freq[j] > 0)
                    s += amp[j] * cos(2 * M_PI * freq[j] * (double)n / try_fs + phase[j]);
            }
            y[t] += w * s;
        }
}

/* Part 3's formula on the library's STFT: frames x NENV block powers in dB */
static void formula_env(const double *sig, double *env)
{
    double w[NFFT], mag[NFFT / 2 + 1];
    const size_t nb = NFFT / 2 + 1;
    dsp_window_fill(DSP_WIN_HANN, 0, DSP_WINDOW_PERIODIC, w, NFFT);
    struct dsp_stft *st = dsp_stft_new(w, NFFT, NFFT, HOP);
    if (!st)
        try_fail("%s", dsp_last_error());
    for (size_t k = 0; k < frames; k++) {
        dsp_stft_magnitude(st, sig, len, k, mag);
        for (size_t e = 0; e < NENV; e++) {
            size_t lo = e * nb / NENV, hi = (e + 1) * nb / NENV;
            double p = 0;
            for (size_t b = lo; b < hi; b++)
                p += mag[b] * mag[b];
            env[k * NENV + e] = 10 * log10(fmax(p / (double)(hi - lo), 1e-20));
        }
    }
    dsp_stft_free(st);
}

/* an envelope as `dsplab plot spectrogram` reads it: 64 columns, as if
 * they were the bins of a 126-point FFT (block e near (e + 0.5) fs / 128) */
static void write_env(const char *name, const double *env)
{
    char hop[32], fr[32];
    snprintf(hop, sizeof hop, "%d", HOP);
    snprintf(fr, sizeof fr, "%zu", frames);
    const char *h[] = {"sample_rate", try_rate(), "hop_size", hop, "fft_size", "126", "units",
                       "db", "frames", fr, "what", "64 blocks of the stochastic envelope", NULL};
    try_write_matrix(name, env, frames, NENV, h);
}

static void analyse(void)
{
    struct dsp_sine_params p;
    dsp_sine_params_default(&p, try_fs);
    p.window = DSP_WIN_BLACKMANHARRIS, p.m = 1501, p.n_fft = 4096, p.hop = HOP;
    p.threshold_db = -70;
    struct dsp_sine_analysis *sa = dsp_sine_analysis_new(&p);
    if (!sa)
        try_fail("%s", dsp_last_error());
    frames = dsp_sine_analysis_num_frames(sa, len);
    if (frames != len / HOP + 1)
        try_fail("internal: %zu frames, expected %zu", frames, len / HOP + 1);
    freq = try_zeros(frames * NS), amp = try_zeros(frames * NS), phase = try_zeros(frames * NS);
    for (size_t k = 0; k < frames; k++) {
        size_t n = 0;
        double *f = freq + k * NS, *a = amp + k * NS, *ph = phase + k * NS;
        dsp_sine_analysis_peaks(sa, x, len, k, f, a, ph, NS, &n);
        for (size_t i = 0; i < n; i++)
            a[i] = 2 * pow(10, a[i] / 20);
    }
    dsp_sine_analysis_free(sa);
}

/* the formula's sines and the residual they leave (computed after the
 * student's function where it can be, so that a stub stops at once) */
static void reference(void)
{
    sines = try_zeros(len), resid = try_zeros(len);
    formula_sines(sines);
    for (size_t i = 0; i < len; i++)
        resid[i] = x[i] - sines[i];
}

static void draw_parts(const char *a, const char *b, const char *labels, const char *title)
{
    try_plot("decomposition", try_sound, "yours-decomposition.png", title, a, b, "--labels",
             labels, "--fmax", "10000", NULL);
}

static void try_sines(void)
{
    TRY_NEED(sines_ex);
    double *y = try_zeros(len);
    try_status(sines_ex(freq, amp, phase, frames, NS, HOP, try_fs, y, len), "sines_ex");
    reference();
    printf("%zu frames x %d sinusoids; SNR of your sines against the sound: %.2f dB\n", frames,
           NS, dsp_snr_db(x, y, len));
    try_write_wav("yours.wav", y, len);
    try_write_compare("sines (your overlap-add against the formula)", y, sines, 1, len);
    try_plot("spectrogram", try_path("yours.wav"), "yours-spectrogram.png",
             "your sines_ex of the flute's peaks", "--fmax", "10000", NULL);
    free(y);
}

static void try_residual(void)
{
    TRY_NEED(residual_ex);
    try_calls = "sines_ex";
    double *s = try_zeros(len), *r = try_zeros(len), srr = 0;
    try_status(residual_ex(x, len, freq, amp, phase, frames, NS, HOP, try_fs, s, r, &srr),
               "residual_ex");
    reference();
    double want = 10 * log10(dsp_energy(sines, len) / dsp_energy(resid, len));
    printf("your sines-to-residual ratio: %.2f dB (the formula's: %.2f dB)\n", srr, want);
    try_write_wav("yours.wav", r, len);
    try_write_wav("sines.wav", s, len);
    try_write_compare("residual (the sound minus your sines)", r, resid, 1, len);
    draw_parts(try_path("sines.wav"), try_path("yours.wav"), "sound,your sines,your residual",
               "the flute, your sines and your residual");
    free(s), free(r);
}

static void try_stocenv(void)
{
    TRY_NEED(stocenv_ex);
    double *env = try_zeros(frames * NENV), *want = try_zeros(frames * NENV);
    reference();
    try_status(stocenv_ex(resid, len, NFFT, HOP, NENV, env), "stocenv_ex");
    formula_env(resid, want);
    printf("the residual of the flute: %zu frames x %d blocks (N %d, hop %d)\n", frames, NENV,
           NFFT, HOP);
    write_env("yours.txt", env);
    write_env("library.txt", want);
    try_write_compare("env (dB; row = frame, column = block)", env, want, frames, NENV);
    try_plot("spectrogram", try_path("yours.txt"), "yours-spectrogram.png",
             "your stocenv_ex of the flute's residual (64 blocks)", "--range", "80", NULL);
    free(env), free(want);
}

static void try_stocsynth(void)
{
    TRY_NEED(stocsynth_ex);
    double *env = try_zeros(frames * NENV), *got = try_zeros(frames * NENV);
    double *y = try_zeros(len), mean_y[NENV] = {0}, mean_e[NENV] = {0};
    reference();
    formula_env(resid, env);
    try_status(stocsynth_ex(env, frames, NENV, NFFT, HOP, SEED, y, len), "stocsynth_ex");
    formula_env(y, got);
    for (size_t k = 0; k < frames; k++)
        for (size_t e = 0; e < NENV; e++)
            mean_y[e] += got[k * NENV + e] / (double)frames,
                mean_e[e] += env[k * NENV + e] / (double)frames;
    printf("noise shaped by the residual's envelope (%zu frames x %d blocks, seed %d)\n",
           frames, NENV, SEED);
    try_write_wav("yours.wav", y, len);
    try_write_wav("residual.wav", resid, len);
    /* random phases: the mean over frames of each block settles within
     * about 2 dB (4 dB allowed); a wrong gain moves every block alike */
    try_atol = 4, try_rtol = 0;
    try_write_compare("mean envelope over frames (dB per block): your noise against the "
                      "residual", mean_y, mean_e, 1, NENV);
    draw_parts(try_path("residual.wav"), try_path("yours.wav"),
               "sound,its residual,your stochastic synthesis",
               "the flute, its residual and your noise of the same envelope");
    free(env), free(got), free(y);
}

static void try_decompose(void)
{
    TRY_NEED(decompose_ex);
    try_calls = "residual_ex, sines_ex, stocenv_ex or stocsynth_ex";
    double *s = try_zeros(len), *st = try_zeros(len), *sum = try_zeros(len);
    double recon = -1, snr = 0, env_err = -1;
    try_status(decompose_ex(x, len, freq, amp, phase, frames, NS, HOP, try_fs, NFFT, NENV, SEED,
                            s, st, &recon, &snr, &env_err),
               "decompose_ex");
    reference();
    for (size_t i = 0; i < len; i++)
        sum[i] = s[i] + st[i];
    printf("your decomposition: recon_err %.3g, SNR of sines + stochastic %.2f dB, envelope "
           "error %.2f dB\n", recon, snr, env_err);
    try_write_wav("yours.wav", sum, len);
    try_write_wav("sines.wav", s, len);
    try_write_wav("stochastic.wav", st, len);
    try_write_compare("sines (yours against the formula of Part 1)", s, sines, 1, len);
    draw_parts(try_path("sines.wav"), try_path("stochastic.wav"),
               "sound,your sines,your stochastic part", "the flute and your decomposition");
    free(s), free(st), free(sum);
}

int main(int argc, char **argv)
{
    const char *ex = try_start(argc, argv);
    x = try_read(&len);
    analyse();
    if (strcmp(ex, "sines") == 0)
        try_sines();
    else if (strcmp(ex, "residual") == 0)
        try_residual();
    else if (strcmp(ex, "stocenv") == 0)
        try_stocenv();
    else if (strcmp(ex, "stocsynth") == 0)
        try_stocsynth();
    else if (strcmp(ex, "decompose") == 0)
        try_decompose();
    else
        try_fail("no exercise \"%s\" in lesson 07's try.c (sines, residual, stocenv, "
                 "stocsynth, decompose)", ex);
    try_plot("feedback", try_path("compare.txt"), "compare.png", "yours against the library's",
             NULL);
    free(x), free(freq), free(amp), free(phase), free(sines), free(resid);
    return 0;
}
