/*
 * try.c — lesson 03 on a real sound (`make try LESSON=03 ONLY=...`, see
 * lessons/try.h). The "try:" lines name each exercise, its file and its
 * default sound:
 *
 * try: zeropad zeropad.c sounds/piano-a4.wav
 * try: zerophase zerophase.c sounds/flute-a5.wav
 * try: realeven realeven.c sounds/flute-a5.wav
 * try: suppress suppress.c sounds/piano-a4.wav
 * try: speed speed.c sounds/speech-front-center.wav
 *
 * zeropad: the strongest partial of the middle of the sound, rounded to a
 * whole Hz; your FFT size n for a 1001-sample Hann frame puts it on bin k.
 * The frame's spectrum at your n beside the one at the smallest such n.
 * zerophase: the middle 801 samples of the sound buffered into 1024; your
 * buffer against the library's, and its spectrum.
 * realeven: the middle 1001 samples under a symmetric Hann window, and
 * the even part of that frame: your is_even, max_imag and the spectrum of
 * the even part against the FFT of its zero-phase buffer.
 * suppress: the whole sound, frame by frame (Hann 1024, hop 256, N 2048),
 * with 380-500 Hz removed and the frames windowed again and overlap-added:
 * on the piano's A4 the fundamental is gone, yet you still hear the pitch.
 * yours.wav against the library's DFT model doing the same.
 * speed: frames of the sound of 64 .. 4096 samples; your timings of the
 * naive DFT and the FFT, and your FFT of the 4096-sample frame against the
 * library's.
 */
#include "try.h"

#include <dsplab/dftmodel.h>
#include <dsplab/fft.h>
#include <dsplab/window.h>

#include "exercise.h"

#pragma weak zeropad_ex
#pragma weak zerophase_ex
#pragma weak realeven_ex
#pragma weak suppress_ex
#pragma weak speed_ex

/* X (n/2+1 bins) = the library's FFT of the n real samples x */
static void lib_fft(const double *x, size_t n, double complex *X)
{
    struct dsp_fft *f = dsp_fft_new(n);
    if (!f || dsp_fft_forward_real(f, x, X) != DSP_OK)
        try_fail("%s", dsp_last_error());
    dsp_fft_free(f);
}

/* |X| in dB, nb bins */
static void mag_db(const double complex *X, size_t nb, double *db)
{
    for (size_t k = 0; k < nb; k++)
        db[k] = 20 * log10(fmax(cabs(X[k]), 1e-300));
}

static int quiet;   /* speed takes many frames: no line for each */

/* m samples from the middle of x (zeros past its ends) */
static double *middle(const double *x, size_t len, size_t m)
{
    double *f = try_zeros(m);
    size_t start = len > m ? (len - m) / 2 : 0;
    for (size_t i = 0; i < m && start + i < len; i++)
        f[i] = x[start + i];
    if (!quiet)
        printf("the frame: %zu samples from %.3f s\n", m, (double)start / try_fs);
    return f;
}

/* the frame windowed and zero-padded to n, its spectrum into X */
static void padded_spectrum(const double *frame, size_t m, size_t n, double complex *X)
{
    double *buf = try_zeros(n);
    memcpy(buf, frame, m * sizeof *buf);
    lib_fft(buf, n, X);
    free(buf);
}

static void try_zeropad(const double *x, size_t len)
{
    TRY_NEED(zeropad_ex);
    const size_t M = 1001, N0 = 8192, N_MAX = 1 << 20;
    double *frame = middle(x, len, M), w[1001];
    dsp_window_fill(DSP_WIN_HANN, 0, DSP_WINDOW_SYMMETRIC, w, M);
    for (size_t i = 0; i < M; i++)
        frame[i] *= w[i];
    /* the strongest partial, from an 8192-point spectrum */
    double complex *X0 = malloc((N0 / 2 + 1) * sizeof *X0);
    if (!X0)
        try_fail("out of memory");
    padded_spectrum(frame, M, N0, X0);
    size_t top = 1;
    for (size_t k = 1; k < N0 / 2; k++)
        if (cabs(X0[k]) > cabs(X0[top]))
            top = k;
    long fs = lround(try_fs), f = lround((double)top * try_fs / (double)N0);
    if (fabs(try_fs - (double)fs) > 0)
        try_fail("%s: the sample rate %g Hz is not a whole number", try_sound, try_fs);
    /* the library's answer: the smallest n >= M with f n / fs whole */
    size_t want = 0;
    for (size_t n = M; n <= N_MAX && !want; n++)
        if (((long long)f * (long long)n) % fs == 0)
            want = n;
    size_t n = 0, k = 0;
    try_status(zeropad_ex(f, fs, M, N_MAX, &n, &k), "zeropad_ex");
    printf("strongest partial: %ld Hz; your n = %zu, k = %zu; the smallest n >= %zu is %zu "
           "(k = %lld)\n", f, n, k, M, want, (long long)f * (long long)want / fs);
    if (n != want || (long long)k * fs != (long long)f * (long long)n)
        try_fail("zeropad_ex: n = %zu, k = %zu, expected n = %zu, k = %lld", n, k, want,
                 (long long)f * (long long)want / fs);
    double complex *X = malloc((n / 2 + 1) * sizeof *X);
    double *db = try_zeros(n / 2 + 1);
    if (!X)
        try_fail("out of memory");
    padded_spectrum(frame, M, n, X);
    mag_db(X, n / 2 + 1, db);
    printf("bin %zu of your %zu-point spectrum: %.2f dB at %.3f Hz\n", k, n, db[k],
           (double)k * try_fs / (double)n);
    try_write_spectrum("yours.txt", X, n, "hann", M);
    try_write_spectrum("library.txt", X, want, "hann", M);
    double yk[2] = {(double)n, (double)k}, ek[2] = {(double)want, (double)(f * (long)want / fs)};
    try_write_compare("n and k (your FFT size and bin against the smallest)", yk, ek, 1, 2);
    try_plot("dft", try_path("yours.txt"), "yours-dft.png",
             "the frame at your FFT size: the partial on a bin", NULL);
    free(frame), free(X0), free(X), free(db);
}

static void try_zerophase(const double *x, size_t len)
{
    TRY_NEED(zerophase_ex);
    const size_t M = 801, N = 1024, h = M / 2;
    double *frame = middle(x, len, M), *buf = try_zeros(N), *want = try_zeros(N);
    try_status(zerophase_ex(frame, M, buf, N), "zerophase_ex");
    memcpy(want, frame + h, (M - h) * sizeof *want);
    memcpy(want + N - h, frame, h * sizeof *want);
    try_write_wav("yours.wav", buf, N);
    try_write_signal("yours.txt", buf, N);
    try_write_signal("library.txt", want, N);
    try_write_compare("buf (the frame's middle sample at 0)", buf, want, 1, N);
    double complex X[513];
    lib_fft(buf, N, X);
    try_write_spectrum("yours-dft.txt", X, N, "rectangular", M);
    try_plot("waveform", try_path("yours.wav"), "yours-waveform.png",
             "your zero-phase buffer: the frame's second half first", NULL);
    try_plot("dft", try_path("yours-dft.txt"), "yours-dft.png",
             "its spectrum (the phase no longer turns with the frame's delay)", NULL);
    free(frame), free(buf), free(want);
}

static void try_realeven(const double *x, size_t len)
{
    TRY_NEED(realeven_ex);
    enum { M = 1001, NB = M / 2 + 1 };
    double *frame = middle(x, len, M), w[M], even[M], buf[M], mX[NB], emX[NB];
    double complex X[NB], eX[NB];
    dsp_window_fill(DSP_WIN_HANN, 0, DSP_WINDOW_SYMMETRIC, w, M);
    for (size_t i = 0; i < M; i++)
        frame[i] *= w[i];
    for (size_t i = 0; i < M; i++)
        even[i] = 0.5 * (frame[i] + frame[M - 1 - i]);
    int is_even = -1;
    double max_imag = -1;
    try_status(realeven_ex(frame, M, 1e-12, &is_even, &max_imag, X), "realeven_ex");
    double complex fX[NB];
    for (size_t i = 0; i < M; i++)   /* the zero-phase buffer, n = m */
        buf[i] = frame[(i + M / 2) % M];
    lib_fft(buf, M, fX);
    double fmi = 0;
    for (size_t k = 0; k < NB; k++)
        fmi = fmax(fmi, fabs(cimag(fX[k])));
    printf("the windowed frame: your is_even = %d, max_imag = %.6g (library: 0, %.6g)\n",
           is_even, max_imag, fmi);
    if (is_even != 0)
        try_fail("realeven_ex says a frame of real sound is even (is_even = %d)", is_even);
    try_status(realeven_ex(even, M, 1e-12, &is_even, &max_imag, X), "realeven_ex");
    for (size_t i = 0; i < M; i++)
        buf[i] = even[(i + M / 2) % M];
    lib_fft(buf, M, eX);
    fmi = 0;
    for (size_t k = 0; k < NB; k++)
        fmi = fmax(fmi, fabs(cimag(eX[k])));
    printf("its even part: your is_even = %d, max_imag = %.3g (library: 1, %.3g)\n", is_even,
           max_imag, fmi);
    if (is_even != 1)
        try_fail("realeven_ex says the even part of the frame is not even (is_even = %d)",
                 is_even);
    mag_db(X, NB, mX);
    mag_db(eX, NB, emX);
    try_write_spectrum("yours.txt", X, M, "hann", M);
    try_write_spectrum("library.txt", eX, M, "hann", M);
    try_write_compare("|X| (dB) of the even part", mX, emX, 1, NB);
    try_plot("dft", try_path("yours.txt"), "yours-dft.png",
             "your X of the even part: real, so the phase is 0 or pi", NULL);
    free(frame);
}

static void try_suppress(const double *x, size_t len)
{
    TRY_NEED(suppress_ex);
    enum { M = 1024, HOP = 256, N = 2048, NB = N / 2 + 1 };
    const double lo = 380, hi = 500;
    double w[M], fr[M], yf[M], ef[M], mX[NB], pX[NB];
    dsp_window_fill(DSP_WIN_HANN, 0, DSP_WINDOW_PERIODIC, w, M);
    struct dsp_dftmodel *dm = dsp_dftmodel_new(w, M, N);
    if (!dm)
        try_fail("%s", dsp_last_error());
    double sw = dsp_window_sum(w, M);
    /* Removing a band spreads each frame to its edges: the Hann window
     * again on the way out (weighted overlap-add) keeps the frame edges
     * from buzzing at the frame rate; Hann squared at a hop of M/4 adds up
     * to 1.5. Frames start at j*HOP - (M - HOP) so every sample is covered
     * four times. */
    size_t frames = (len + M - HOP) / HOP + 1;
    double *y = try_zeros(len), *e = try_zeros(len);
    for (size_t j = 0; j < frames; j++) {
        long start = (long)(j * HOP) - (M - HOP);
        for (size_t i = 0; i < M; i++) {
            long t = start + (long)i;
            fr[i] = t >= 0 && t < (long)len ? x[t] : 0;
        }
        try_status(suppress_ex(fr, M, w, N, try_fs, lo, hi, yf), "suppress_ex");
        dsp_dftmodel_analyze(dm, fr, mX, pX);
        for (size_t k = 0; k < NB; k++) {
            double f = (double)k * try_fs / N;
            if (f >= lo && f <= hi)
                mX[k] = -120;
        }
        dsp_dftmodel_synthesize(dm, mX, pX, ef);
        for (size_t i = 0; i < M; i++) {
            long t = start + (long)i;
            if (t >= 0 && t < (long)len) {
                y[t] += yf[i] * w[i] / 1.5;
                e[t] += ef[i] * sw * w[i] / 1.5;
            }
        }
    }
    printf("%zu frames (Hann %d, hop %d, N %d), %g-%g Hz removed from each\n", frames, M, HOP,
           N, lo, hi);
    try_write_wav("yours.wav", y, len);
    try_write_compare("y (the sound without 380-500 Hz)", y, e, 1, len);
    try_plot("spectrogram", try_path("yours.wav"), "yours-spectrogram.png",
             "your suppress_ex frame by frame: 380-500 Hz gone", "--fmax", "4000", NULL);
    try_plot("spectrogram", try_sound, "library-spectrogram.png", "the sound", "--fmax", "4000",
             NULL);
    dsp_dftmodel_free(dm);
    free(y), free(e);
}

static void try_speed(const double *x, size_t len)
{
    TRY_NEED(speed_ex);
    enum { NMAX = 4096, NB = NMAX / 2 + 1 };
    if (len < NMAX)
        try_fail("%s: shorter than %d samples", try_sound, NMAX);
    double rows[7 * 3], mX[NB], emX[NB];
    double complex X[NB], eX[NB];
    size_t r = 0;
    quiet = 1;
    printf("frames from the middle of the sound\n%6s %12s %12s %8s\n", "n", "DFT (s)", "FFT (s)", "ratio");
    for (size_t n = 64; n <= NMAX; n *= 2, r++) {
        double *frame = middle(x, len, n), td = 0, tf = 0;
        try_status(speed_ex(frame, n, X, &td, &tf), "speed_ex");
        printf("%6zu %12.3g %12.3g %8.1f\n", n, td, tf, tf > 0 ? td / tf : 0.0);
        rows[3 * r] = (double)n, rows[3 * r + 1] = td, rows[3 * r + 2] = tf;
        if (n == NMAX)
            lib_fft(frame, n, eX);
        free(frame);
    }
    const char *h[] = {"fields", "n t_dft_s t_fft_s", NULL};
    try_write_matrix("timings.txt", rows, r, 3, h);
    mag_db(X, NB, mX);
    mag_db(eX, NB, emX);
    try_write_spectrum("yours.txt", X, NMAX, "rectangular", NMAX);
    try_write_spectrum("library.txt", eX, NMAX, "rectangular", NMAX);
    try_write_compare("|X| (dB) of the 4096-sample frame", mX, emX, 1, NB);
    try_plot("dft", try_path("yours.txt"), "yours-dft.png", "your FFT of 4096 samples", NULL);
}

int main(int argc, char **argv)
{
    const char *ex = try_start(argc, argv);
    size_t len;
    double *x = try_read(&len);
    if (strcmp(ex, "zeropad") == 0)
        try_zeropad(x, len);
    else if (strcmp(ex, "zerophase") == 0)
        try_zerophase(x, len);
    else if (strcmp(ex, "realeven") == 0)
        try_realeven(x, len);
    else if (strcmp(ex, "suppress") == 0)
        try_suppress(x, len);
    else if (strcmp(ex, "speed") == 0)
        try_speed(x, len);
    else
        try_fail("no exercise \"%s\" in lesson 03's try.c (zeropad, zerophase, realeven, "
                 "suppress, speed)", ex);
    try_plot("feedback", try_path("compare.txt"), "compare.png", "yours against the library's",
             NULL);
    free(x);
    return 0;
}
