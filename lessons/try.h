/*
 * try.h — helpers for the lessons' try.c drivers (`make try`).
 *
 *   make try LESSON=04 ONLY=stft [SOUND=data/sounds/flute-a5.wav] [SUBMISSION=dir]
 *
 * A lesson's try.c is a small program linked with ONE of the student's own
 * exercise files (named on its "try:" lines) and libdsplab, compiled and run
 * on the student's machine without the grader's sandbox: it is their code,
 * run by them. It runs the exercise on a real sound, runs the library's
 * version on the same input, and writes into OUTDIR:
 *   yours.txt, library.txt   the two outputs in a format `dsplab plot` draws
 *   yours.wav                when the output is a signal
 *   compare.txt, compare.png yours against the library's (dsplab plot
 *                            feedback: two curves, or three heat maps)
 *   yours-KIND.png, library-KIND.png   the natural figure of each
 * and prints where they are. The exercises the student's file does not
 * define are weak symbols: NULL here, so one file is enough to link.
 *
 * A "try:" line is  EXERCISE FILE SOUND [OTHER.c ...]: the sound is relative
 * to data/, and the other files, when given, are the student's files that
 * FILE calls into (lesson 06's f0.c calls twm_ex): make try links them too.
 * Where the library has no function for an exercise, a try.c computes the
 * reference from the formula of exercise.h, or compares what does not
 * depend on the difference (the energy of each hop when only the phases
 * differ) and sets try_atol to the tolerance it states.
 *
 * Everything is static: each try.c includes this file once.
 */
#ifndef DSPLAB_LESSONS_TRY_H
#define DSPLAB_LESSONS_TRY_H

#include <complex.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <dsplab/audio.h>
#include <dsplab/datafile.h>
#include <dsplab/spectrum.h>
#include <dsplab/status.h>

static const char *try_outdir, *try_tool, *try_sound;
static double try_fs;
/* the tolerances compare.txt states (its figure shades the values beyond
 * them); a try.c whose reference is another algorithm sets its own */
static double try_atol = 1e-9, try_rtol = 1e-9;

static void try_fail(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void try_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "try: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(1);
}

static const char *try_path(const char *name)
{
    static char buf[8][4096];
    static int k;
    k = (k + 1) % 8;
    snprintf(buf[k], sizeof buf[k], "%s/%s", try_outdir, name);
    return buf[k];
}

/* The student's other functions the exercise's function calls (a try.c
 * sets it), named when DSP_ETODO may come from one of them. */
static const char *try_calls;

/* The student's function ran: DSP_ETODO or an error stops here. */
static void try_status(int status, const char *fn)
{
    if (status == DSP_ETODO && try_calls)
        try_fail("%s returned DSP_ETODO: it is not implemented yet, or your %s, which it "
                 "calls, is not", fn, try_calls);
    if (status == DSP_ETODO)
        try_fail("%s returned DSP_ETODO: it is not implemented yet", fn);
    if (status != DSP_OK)
        try_fail("%s returned %d (%s)", fn, status, dsp_strerror(status));
}

/* The sound, mono; *n samples at try_fs. */
static double *try_read(size_t *n)
{
    double *x = NULL;
    if (dsp_audio_read_mono(try_sound, &x, n, &try_fs) != DSP_OK)
        try_fail("%s: %s", try_sound, dsp_last_error());
    return x;
}

/* A matrix (rows x cols, row by row) as dsplab text data with headers. */
__attribute__((unused)) static void try_write_matrix(const char *name, const double *v, size_t rows, size_t cols,
                             const char *const *headers)
{
    struct dsp_matfile *f = dsp_matfile_create(try_path(name), cols);
    if (!f)
        try_fail("%s", dsp_last_error());
    for (size_t i = 0; headers && headers[i]; i += 2)
        dsp_matfile_header(f, headers[i], "%s", headers[i + 1]);
    for (size_t r = 0; r < rows; r++)
        if (dsp_matfile_write_row(f, v + r * cols) != DSP_OK) {
            dsp_matfile_abort(f);
            try_fail("%s: %s", try_path(name), dsp_last_error());
        }
    if (dsp_matfile_commit(f) != DSP_OK)
        try_fail("%s: %s", try_path(name), dsp_last_error());
}

/* compare.txt: index, yours, the library's (a matrix when rows > 1). */
__attribute__((unused)) static void try_write_compare(const char *what, const double *yours, const double *lib,
                              size_t rows, size_t cols)
{
    struct dsp_matfile *f = dsp_matfile_create(try_path("compare.txt"), 3);
    if (!f)
        try_fail("%s", dsp_last_error());
    dsp_matfile_header(f, "test", "make try (your output against the library's)");
    dsp_matfile_header(f, "what", "%s", what);
    dsp_matfile_header(f, "atol", "%g", try_atol);
    dsp_matfile_header(f, "rtol", "%g", try_rtol);
    if (rows > 1) {
        dsp_matfile_header(f, "matrix_rows", "%zu", rows);
        dsp_matfile_header(f, "matrix_cols", "%zu", cols);
    }
    dsp_matfile_header(f, "fields", "index yours library");
    for (size_t i = 0; i < rows * cols; i++) {
        double row[3] = {(double)i, yours[i], lib[i]};
        if (dsp_matfile_write_row(f, row) != DSP_OK) {
            dsp_matfile_abort(f);
            try_fail("%s", dsp_last_error());
        }
    }
    if (dsp_matfile_commit(f) != DSP_OK)
        try_fail("%s", dsp_last_error());
    double worst = 0;
    size_t at = 0;
    for (size_t i = 0; i < rows * cols; i++) {
        double e = fabs(yours[i] - lib[i]);
        if (!(e <= worst))
            worst = e, at = i;
    }
    printf("largest |yours - library| = %.3g at index %zu (of %zu values)\n", worst, at,
           rows * cols);
}

__attribute__((unused)) static void try_write_wav(const char *name, const double *x, size_t n)
{
    if (dsp_audio_write_wav(try_path(name), x, n, 1, try_fs, DSP_WAV_FLOAT32) != DSP_OK)
        try_fail("%s: %s", try_path(name), dsp_last_error());
    printf("listen: %s\n", try_path(name));
}

/* dsplab plot KIND INPUT -o OUTDIR/OUT [args...] (NULL-terminated). */
__attribute__((unused)) static void try_plot(const char *kind, const char *input, const char *out, const char *title,
                     ...)
{
    const char *argv[24] = {"dsplab", "plot", kind, input, "-o", try_path(out), "--title", title};
    size_t n = 8;
    va_list ap;
    va_start(ap, title);
    for (const char *a; n + 1 < 24 && (a = va_arg(ap, const char *));)
        argv[n++] = a;
    va_end(ap);
    argv[n] = NULL;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        execv(try_tool, (char *const *)argv);
        _exit(127);
    }
    int st = 0;
    while (pid > 0 && waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    if (pid > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0)
        printf("figure: %s\n", try_path(out));
    else
        printf("figure: %s could not be drawn (is gnuplot installed?)\n", try_path(out));
}

/* ---- helpers of the later lessons (03, 05-07, 09-12) ------------------- */

/* The exercise's function is in the student's file (a weak symbol is NULL
 * when it is not). */
#define TRY_NEED(fn)                                                                        \
    do {                                                                                    \
        if (!(fn))                                                                          \
            try_fail("%s is not in the file", #fn);                                         \
    } while (0)

/* n zeroed doubles (at least one), or the run stops. */
__attribute__((unused)) static double *try_zeros(size_t n)
{
    double *p = calloc(n ? n : 1, sizeof *p);
    if (!p)
        try_fail("out of memory");
    return p;
}

/* The sample rate as text, for headers. */
__attribute__((unused)) static const char *try_rate(void)
{
    static char buf[32];
    snprintf(buf, sizeof buf, "%g", try_fs);
    return buf;
}

/* The spectrum X (n_fft/2 + 1 bins of an n_fft-point DFT of a frame of m
 * samples) as `dsplab dft` writes it: bin freq_hz mag_db phase_rad, the
 * magnitude 20 log10 |X| and the phase unwrapped. */
__attribute__((unused)) static void try_write_spectrum(const char *name, const double complex *X,
                                                       size_t n_fft, const char *window, size_t m)
{
    size_t nb = n_fft / 2 + 1;
    double *rows = try_zeros(nb * 4), *ph = try_zeros(nb);
    dsp_phase(X, ph, nb);
    dsp_unwrap(ph, nb);
    for (size_t k = 0; k < nb; k++) {
        rows[4 * k] = (double)k;
        rows[4 * k + 1] = (double)k * try_fs / (double)n_fft;
        rows[4 * k + 2] = 20 * log10(fmax(cabs(X[k]), 1e-300));
        rows[4 * k + 3] = ph[k];
    }
    char ms[32], ns[32], bs[32];
    snprintf(ms, sizeof ms, "%zu", m);
    snprintf(ns, sizeof ns, "%zu", n_fft);
    snprintf(bs, sizeof bs, "%zu", nb);
    const char *h[] = {"sample_rate", try_rate(), "window", window, "window_size", ms,
                       "fft_size", ns, "bins", bs, "fields", "bin freq_hz mag_db phase_rad", NULL};
    try_write_matrix(name, rows, nb, 4, h);
    free(rows), free(ph);
}

/* Tracks (n_frames x n_slots frequencies in Hz, magnitudes in dB, phases
 * or NULL) as `dsplab sines` writes them: three blocks stacked, which
 * `dsplab plot tracks --sound` draws over the sound's spectrogram. */
__attribute__((unused)) static void try_write_tracks(const char *name, const double *freq,
                                                     const double *mag, const double *phase,
                                                     size_t n_frames, size_t n_slots, size_t hop)
{
    size_t block = n_frames * n_slots;
    double *all = try_zeros(3 * block);
    memcpy(all, freq, block * sizeof *all);
    memcpy(all + block, mag, block * sizeof *all);
    if (phase)
        memcpy(all + 2 * block, phase, block * sizeof *all);
    char hs[32];
    snprintf(hs, sizeof hs, "%zu", hop);
    const char *h[] = {"sample_rate", try_rate(), "hop_size", hs,
                       "blocks", "3 (freq_hz, mag_db, phase_rad)", NULL};
    try_write_matrix(name, all, 3 * n_frames, n_slots, h);
    free(all);
}

/* A signal as a one-column table with its rate (what `dsplab plot` reads
 * beside the WAV). */
__attribute__((unused)) static void try_write_signal(const char *name, const double *x, size_t n)
{
    const char *h[] = {"sample_rate", try_rate(), NULL};
    try_write_matrix(name, x, n, 1, h);
}

/* main's common part: try EXERCISE SOUND OUTDIR DSPLAB */
static const char *try_start(int argc, char **argv)
{
    if (argc != 5)
        try_fail("usage: try EXERCISE SOUND OUTDIR DSPLAB (run it with make try)");
    try_sound = argv[2];
    try_outdir = argv[3];
    try_tool = argv[4];
    if (mkdir(try_outdir, 0777) != 0 && errno != EEXIST)
        try_fail("%s: %s", try_outdir, strerror(errno));
    return argv[1];
}

#endif
