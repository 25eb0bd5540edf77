/*
 * bench_mel.c — speed of the mel front ends, in one run:
 *   (a) the mel spectrogram (melspec.h, librosa's defaults: n_fft 2048,
 *       hop 512, Hann, power 2, 128 Slaney bands) of a 10-minute 44.1 kHz
 *       signal, against the STFT magnitude alone (dsp_stft_magnitude) over
 *       the same frames; repetitions interleaved, medians and their ratio
 *       (the target is <= 1.0x: the banded filterbank touches ~2 % of a
 *       dense 128 x 1025 matrix and the power needs no square root);
 *   (b) the VGGish front end (vggish.h) on one minute of 16 kHz input and
 *       one minute of 44.1 kHz input (resampled), as a multiple of realtime.
 * Prints a table; asserts nothing. About 15-30 s on a loaded 2-core machine.
 */
#include <dsplab/melspec.h>
#include <dsplab/status.h>
#include <dsplab/stft.h>
#include <dsplab/vggish.h>
#include <dsplab/window.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "benchutil.h"

#define REPS 5

static const double pi = 3.14159265358979323846;

/* Two sines and LCG noise: content in every band, no denormals. */
static double *make_signal(size_t n, double sr)
{
    double *x = malloc(n * sizeof *x);
    if (!x) {
        fprintf(stderr, "bench_mel: out of memory for %zu samples\n", n);
        exit(1);
    }
    uint32_t s = 1;
    for (size_t i = 0; i < n; i++) {
        s = 1664525u * s + 1013904223u;
        double t = (double)i / sr;
        x[i] = 0.5 * sin(2.0 * pi * 440.0 * t) + 0.25 * sin(2.0 * pi * 3000.5 * t) +
               0.01 * ((double)s / 4294967296.0 - 0.5);
    }
    return x;
}

int main(void)
{
    printf("bench_mel: times are medians of interleaved repetitions on THIS machine, shared\n"
           "with whatever else runs; read the ratios, and re-run before trusting a few %%.\n\n");

    /* ---- (a) mel spectrogram vs STFT magnitude ---------------------- */
    double sr = 44100.0;
    size_t len = (size_t)(600.0 * sr);
    double *x = make_signal(len, sr);
    struct dsp_melspec_params p = dsp_melspec_defaults(sr);
    struct dsp_melspec *ms = dsp_melspec_new(&p);
    if (!ms)
        bench_die("dsp_melspec_new");
    double w[2048];
    dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, 2048);
    struct dsp_stft *st = dsp_stft_new(w, 2048, 2048, 512);
    if (!st)
        bench_die("dsp_stft_new");
    size_t frames = dsp_melspec_num_frames(ms, len);
    if (frames != dsp_stft_num_frames(st, len)) {
        fprintf(stderr, "bench_mel: frame counts differ (%zu vs %zu)\n", frames,
                dsp_stft_num_frames(st, len));
        return 1;
    }
    const struct dsp_melbank *mb = dsp_melspec_melbank(ms);
    size_t nonzero = 0;
    for (size_t m = 0; m < dsp_melbank_num_bands(mb); m++) {
        size_t first, count;
        const double *wt;
        dsp_melbank_band(mb, m, &first, &count, &wt);
        nonzero += count;
    }
    double mel[128], mag[1025], sink = 0.0, t_mel[REPS], t_mag[REPS];
    for (int r = 0; r < REPS; r++) {
        double t0 = bench_now();
        for (size_t k = 0; k < frames; k++) {
            dsp_melspec_frame(ms, x, len, k, mel);
            sink += mel[5];
        }
        double t1 = bench_now();
        for (size_t k = 0; k < frames; k++) {
            dsp_stft_magnitude(st, x, len, k, mag);
            sink += mag[5];
        }
        double t2 = bench_now();
        t_mel[r] = t1 - t0;
        t_mag[r] = t2 - t1;
    }
    double mm = bench_median(t_mel, REPS), mg = bench_median(t_mag, REPS);
    printf("(a) 10 min at 44.1 kHz, n_fft 2048, hop 512: %zu frames, %d interleaved reps\n",
           frames, REPS);
    printf("    filterbank: %zu non-zero weights of %d (%.2f %% of the dense matrix)\n", nonzero,
           128 * 1025, 100.0 * (double)nonzero / (128.0 * 1025.0));
    printf("    %-40s %8.3f s  %6.2f us/frame\n", "mel spectrogram (dsp_melspec_frame)", mm,
           1e6 * mm / (double)frames);
    printf("    %-40s %8.3f s  %6.2f us/frame\n", "STFT magnitude (dsp_stft_magnitude)", mg,
           1e6 * mg / (double)frames);
    printf("    ratio mel / magnitude: %.2fx (target <= 1.0x)\n\n", mm / mg);
    dsp_melspec_free(ms);
    dsp_stft_free(st);
    free(x);

    /* ---- (b) VGGish front end, multiple of realtime ----------------- */
    printf("(b) VGGish front end (64 bands, 400/160 samples, FFT 512), 60 s of input\n");
    double rates[2] = {16000.0, 44100.0};
    for (int i = 0; i < 2; i++) {
        double fs = rates[i];
        size_t n = (size_t)(60.0 * fs);
        double *in = make_signal(n, fs);
        struct dsp_vggish_params vp = dsp_vggish_defaults();
        struct dsp_vggish *v = dsp_vggish_new(&vp, fs);
        if (!v)
            bench_die("dsp_vggish_new");
        size_t n16 = dsp_vggish_resampled_len(v, n), nf = dsp_vggish_num_frames(v, n);
        double *work = malloc(n16 * sizeof *work), *out = malloc(nf * 64 * sizeof *out);
        double t[3];
        for (int r = 0; r < 3; r++) {
            double t0 = bench_now();
            if (dsp_vggish_log_mel(v, in, n, work, out, nf) != DSP_OK)
                bench_die("dsp_vggish_log_mel");
            t[r] = bench_now() - t0;
            sink += out[7];
        }
        double tm = bench_median(t, 3);
        printf("    input at %5.0f Hz%s: %zu frames, %.3f s -> %.0fx realtime\n", fs,
               fs != 16000.0 ? " (resampled)" : "            ", nf, tm, 60.0 / tm);
        free(in);
        free(work);
        free(out);
        dsp_vggish_free(v);
    }
    printf("(checksum %g)\n", sink);
    return 0;
}
