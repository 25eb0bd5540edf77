/*
 * try.c — lesson 11 on a real sound (`make try LESSON=11 ONLY=...`, see
 * lessons/try.h). The "try:" lines name each exercise, its file, its
 * default sound and your other files that file calls:
 *
 * try: bitrev bitrev.c sounds/speech-front-center.wav
 * try: twiddle twiddle.c sounds/piano-a4.wav
 * try: fft fft.c sounds/piano-a4.wav bitrev.c twiddle.c
 * try: rfft rfft.c sounds/piano-a4.wav fft.c bitrev.c twiddle.c
 * try: fftbench fftbench.c sounds/piano-a4.wav fft.c bitrev.c twiddle.c
 * try: winmag winmag.c sounds/flute-a5.wav
 *
 * bitrev: the sound scrambled block by block (blocks of 1024 samples,
 * sample i of a block moved to rev[i]): yours.wav sounds like noise, and
 * scrambling it again gives the sound back, as a bit reversal undone by
 * itself should. Your rev against the bits reversed here.
 * twiddle: your table for n = 1024 against the library's complex sinusoid
 * exp(-j 2 pi k / n) (dsp_gen_cexp), and the spectrum of a Hann-windowed
 * frame from the middle of the sound computed as a plain DFT with your
 * twiddles (w[k + n/2] = -w[k]), drawn.
 * fft, rfft: that frame (4096 samples) through your FFT, against FFTW's
 * (dsp_fft_forward, dsp_fft_forward_real).
 * fftbench: frames of 256, 1024 and 4096 samples through your fftbench_ex:
 * the three timings, and your FFT's output against FFTW's.
 * winmag: every frame of the sound (Hann 1024, hop 512) as re, im and a
 * weight 2 / sum(window) per bin (the amplitude of a sinusoid), through
 * winmag_ex and winmag_scalar_ex, against the library's magnitudes; your
 * amplitudes drawn as a spectrogram.
 */
#include "try.h"

#include <dsplab/fft.h>
#include <dsplab/gen.h>
#include <dsplab/stft.h>
#include <dsplab/window.h>

#include "exercise.h"

#pragma weak bitrev_ex
#pragma weak twiddle_ex
#pragma weak fft_ex
#pragma weak rfft_ex
#pragma weak fftbench_ex
#pragma weak winmag_ex
#pragma weak winmag_scalar_ex

/* n samples from the middle of x under a Hann window */
static double *hann_frame(const double *x, size_t len, size_t n)
{
    if (len < n)
        try_fail("%s: shorter than %zu samples", try_sound, n);
    double *f = try_zeros(n), *w = try_zeros(n);
    dsp_window_fill(DSP_WIN_HANN, 0, DSP_WINDOW_PERIODIC, w, n);
    size_t start = (len - n) / 2;
    for (size_t i = 0; i < n; i++)
        f[i] = x[start + i] * w[i];
    printf("the frame: %zu samples from %.3f s, Hann window\n", n, (double)start / try_fs);
    free(w);
    return f;
}

/* |X| (dB) of nb bins, and compare.txt of yours against the library's */
static void compare_spectra(const double complex *X, const double complex *E, size_t nb,
                            size_t n)
{
    double *y = try_zeros(nb), *e = try_zeros(nb);
    for (size_t k = 0; k < nb; k++)
        y[k] = cabs(X[k]), e[k] = cabs(E[k]);
    try_write_spectrum("yours.txt", X, n, "hann", n);
    try_write_spectrum("library.txt", E, n, "hann", n);
    try_write_compare("|X| (linear) of the frame", y, e, 1, nb);
    double worst = 0;
    for (size_t k = 0; k < nb; k++)
        worst = fmax(worst, cabs(X[k] - E[k]));
    printf("largest complex |X_yours - X_library| = %.3g\n", worst);
    free(y), free(e);
}

static void try_bitrev(const double *x, size_t len)
{
    TRY_NEED(bitrev_ex);
    enum { N = 1024, BITS = 10 };
    size_t rev[N];
    double ry[N], re[N];
    try_status(bitrev_ex(N, rev), "bitrev_ex");
    for (size_t i = 0; i < N; i++) {
        size_t r = 0;
        for (int b = 0; b < BITS; b++)
            r |= ((i >> b) & 1u) << (BITS - 1 - b);
        ry[i] = (double)rev[i], re[i] = (double)r;
        if (rev[i] >= N)
            try_fail("bitrev_ex: rev[%zu] = %zu is not below n = %d", i, rev[i], N);
    }
    size_t blocks = len / N;
    double *y = try_zeros(len), *back = try_zeros(len);
    memcpy(y, x, len * sizeof *y);
    for (size_t b = 0; b < blocks; b++)
        for (size_t i = 0; i < N; i++)
            y[b * N + rev[i]] = x[b * N + i];
    memcpy(back, y, len * sizeof *back);
    for (size_t b = 0; b < blocks; b++)
        for (size_t i = 0; i < N; i++)
            back[b * N + rev[i]] = y[b * N + i];
    size_t same = 0;
    for (size_t i = 0; i < len; i++)
        same += back[i] == x[i];
    printf("%zu blocks of %d samples scrambled by your rev; scrambled again, %zu of %zu "
           "samples are back in place\n", blocks, N, same, len);
    try_write_wav("yours.wav", y, len);
    try_write_compare("rev (n = 1024)", ry, re, 1, N);
    try_plot("spectrogram", try_path("yours.wav"), "yours-spectrogram.png",
             "the sound scrambled by your bit reversal, block by block", NULL);
    try_plot("spectrogram", try_sound, "library-spectrogram.png", "the sound", NULL);
    free(y), free(back);
}

static void try_twiddle(const double *x, size_t len)
{
    TRY_NEED(twiddle_ex);
    enum { N = 1024, NB = N / 2 + 1 };
    double complex w[N / 2], e[N / 2], X[NB], E[NB];
    try_status(twiddle_ex(N, w), "twiddle_ex");
    dsp_gen_cexp(1, -1, 0, N, e, N / 2);   /* exp(-j 2 pi k / N): -1 Hz sampled at N Hz */
    double y2[N], e2[N];
    for (size_t k = 0; k < N / 2; k++)
        y2[k] = creal(w[k]), y2[N / 2 + k] = cimag(w[k]), e2[k] = creal(e[k]),
        e2[N / 2 + k] = cimag(e[k]);
    double *f = hann_frame(x, len, N);
    for (size_t k = 0; k < NB; k++) {   /* a plain DFT on your table */
        double complex acc = 0;
        for (size_t m = 0; m < N; m++) {
            size_t i = (k * m) % N;
            acc += f[m] * (i < N / 2 ? w[i] : -w[i - N / 2]);
        }
        X[k] = acc;
    }
    struct dsp_fft *fft = dsp_fft_new(N);
    if (!fft)
        try_fail("%s", dsp_last_error());
    dsp_fft_forward_real(fft, f, E);
    double worst = 0;
    for (size_t k = 0; k < NB; k++)
        worst = fmax(worst, cabs(X[k] - E[k]));
    printf("the frame's DFT on your twiddles against FFTW's: largest |difference| %.3g\n",
           worst);
    try_write_spectrum("yours.txt", X, N, "hann", N);
    try_write_compare("w (real parts, then imaginary parts; n = 1024)", y2, e2, 1, N);
    try_plot("dft", try_path("yours.txt"), "yours-dft.png",
             "the frame's DFT computed with your twiddle table", NULL);
    dsp_fft_free(fft);
    free(f);
}

static void try_fft(const double *x, size_t len, int real)
{
    enum { N = 4096 };
    double *f = hann_frame(x, len, N);
    double complex *in = malloc(N * sizeof *in), *X = malloc(N * sizeof *X);
    double complex *E = malloc(N * sizeof *E);
    struct dsp_fft *fft = dsp_fft_new(N);
    if (!in || !X || !E || !fft)
        try_fail("out of memory");
    for (size_t i = 0; i < N; i++)
        in[i] = f[i];
    if (real) {
        TRY_NEED(rfft_ex);
        try_calls = "fft_ex (or bitrev_ex, twiddle_ex)";
        try_status(rfft_ex(f, N, X), "rfft_ex");
        dsp_fft_forward_real(fft, f, E);
    } else {
        TRY_NEED(fft_ex);
        try_calls = "bitrev_ex or twiddle_ex";
        try_status(fft_ex(in, N, X), "fft_ex");
        dsp_fft_forward(fft, in, E);
    }
    compare_spectra(X, E, N / 2 + 1, N);
    try_plot("dft", try_path("yours.txt"), "yours-dft.png",
             real ? "your rfft_ex of the frame" : "your fft_ex of the frame", NULL);
    dsp_fft_free(fft);
    free(f), free(in), free(X), free(E);
}

static void try_fftbench(const double *x, size_t len)
{
    TRY_NEED(fftbench_ex);
    try_calls = "fft_ex (or bitrev_ex, twiddle_ex)";
    enum { NMAX = 4096 };
    double complex *in = malloc(NMAX * sizeof *in), *Xd = malloc(NMAX * sizeof *Xd);
    double complex *Xf = malloc(NMAX * sizeof *Xf), *Xw = malloc(NMAX * sizeof *Xw);
    double complex *E = malloc(NMAX * sizeof *E);
    if (!in || !Xd || !Xf || !Xw || !E)
        try_fail("out of memory");
    double rows[3 * 4];
    size_t r = 0;
    printf("%6s %12s %12s %12s\n", "n", "DFT (s)", "your FFT (s)", "FFTW (s)");
    for (size_t n = 256; n <= NMAX; n *= 4, r++) {
        double *f = hann_frame(x, len, n), td = 0, tf = 0, tw = 0;
        for (size_t i = 0; i < n; i++)
            in[i] = f[i];
        try_status(fftbench_ex(in, n, Xd, Xf, Xw, &td, &tf, &tw), "fftbench_ex");
        printf("%6zu %12.3g %12.3g %12.3g\n", n, td, tf, tw);
        rows[4 * r] = (double)n, rows[4 * r + 1] = td, rows[4 * r + 2] = tf, rows[4 * r + 3] = tw;
        free(f);
    }
    const char *h[] = {"fields", "n t_dft_s t_fft_s t_fftw_s", NULL};
    try_write_matrix("timings.txt", rows, r, 4, h);
    struct dsp_fft *fft = dsp_fft_new(NMAX);
    if (!fft)
        try_fail("%s", dsp_last_error());
    dsp_fft_forward(fft, in, E);
    compare_spectra(Xf, E, NMAX / 2 + 1, NMAX);
    try_plot("dft", try_path("yours.txt"), "yours-dft.png", "your FFT of the 4096-sample frame",
             NULL);
    dsp_fft_free(fft);
    free(in), free(Xd), free(Xf), free(Xw), free(E);
}

static void try_winmag(const double *x, size_t len)
{
    TRY_NEED(winmag_ex);
    TRY_NEED(winmag_scalar_ex);
    enum { N = 1024, HOP = 512, NB = N / 2 + 1 };
    double win[N], mX[NB], pX[NB], re[NB], im[NB], w[NB];
    double complex X[NB];
    dsp_window_fill(DSP_WIN_HANN, 0, DSP_WINDOW_PERIODIC, win, N);
    struct dsp_stft *st = dsp_stft_new(win, N, N, HOP);
    if (!st)
        try_fail("%s", dsp_last_error());
    size_t frames = len / HOP + 1;
    double *y = try_zeros(frames * NB), *ys = try_zeros(frames * NB), *e = try_zeros(frames * NB);
    double *db = try_zeros(frames * NB);
    double sw = dsp_window_sum(win, N);
    for (size_t k = 0; k < NB; k++)
        w[k] = 2 / sw;
    for (size_t t = 0; t < frames; t++) {
        /* the library's STFT frame, as re and im of the unnormalised DFT */
        dsp_stft_analyze_frame(st, x, len, t, mX, pX);
        for (size_t k = 0; k < NB; k++) {
            X[k] = pow(10, mX[k] / 20) * cexp(I * pX[k]);
            re[k] = creal(X[k]), im[k] = cimag(X[k]);
        }
        try_status(winmag_ex(re, im, w, NB, y + t * NB), "winmag_ex");
        try_status(winmag_scalar_ex(X, w, NB, ys + t * NB), "winmag_scalar_ex");
        dsp_magnitude(X, e + t * NB, NB);
        for (size_t k = 0; k < NB; k++) {
            e[t * NB + k] *= w[k];
            db[t * NB + k] = 20 * log10(fmax(y[t * NB + k], 1e-10));
        }
    }
    double apart = 0;
    for (size_t i = 0; i < frames * NB; i++)
        apart = fmax(apart, fabs(y[i] - ys[i]));
    printf("%zu frames x %d bins; winmag_ex and winmag_scalar_ex differ by at most %.3g\n",
           frames, NB, apart);
    char fr[32];
    snprintf(fr, sizeof fr, "%zu", frames);
    const char *h[] = {"sample_rate", try_rate(), "window", "hann", "window_size", "1024",
                       "fft_size", "1024", "hop_size", "512", "units", "db", "frames", fr, NULL};
    try_write_matrix("yours.txt", db, frames, NB, h);
    try_write_compare("mag (amplitude; row = frame, column = bin)", y, e, frames, NB);
    try_plot("spectrogram", try_path("yours.txt"), "yours-spectrogram.png",
             "your winmag_ex: amplitude spectrum (dB)", "--range", "100", NULL);
    dsp_stft_free(st);
    free(y), free(ys), free(e), free(db);
}

int main(int argc, char **argv)
{
    const char *ex = try_start(argc, argv);
    size_t len;
    double *x = try_read(&len);
    if (strcmp(ex, "bitrev") == 0)
        try_bitrev(x, len);
    else if (strcmp(ex, "twiddle") == 0)
        try_twiddle(x, len);
    else if (strcmp(ex, "fft") == 0)
        try_fft(x, len, 0);
    else if (strcmp(ex, "rfft") == 0)
        try_fft(x, len, 1);
    else if (strcmp(ex, "fftbench") == 0)
        try_fftbench(x, len);
    else if (strcmp(ex, "winmag") == 0)
        try_winmag(x, len);
    else
        try_fail("no exercise \"%s\" in lesson 11's try.c (bitrev, twiddle, fft, rfft, "
                 "fftbench, winmag)", ex);
    try_plot("feedback", try_path("compare.txt"), "compare.png", "yours against the library's",
             NULL);
    free(x);
    return 0;
}
