/*
 * bench_sms.c — how much the sinusoidal model costs over the STFT it is
 * built on.
 *
 * Signal: a harmonic stack with vibrato plus noise, a realistic number of
 * partials: f0 = 220 Hz * (1 + 0.02 sin(2 pi 5 t)), 40 harmonics of
 * amplitude 0.5/k (up to ~9 kHz), plus white noise uniform in +-0.003
 * (its peaks graze the -80 dB threshold, so the tracker also sees noise
 * peaks come and go). 10 minutes at 44.1 kHz by default; BENCH_SMS_SECONDS
 * overrides it.
 *
 * Parameters (the issue's): Blackman M 2001, N 2048, H 256, threshold
 * -80 dB, up to 100 sines, continuation 20 Hz + 0.01 f. Synthesis in the
 * frequency domain at the analysis hop: Ns = 4 H = 1024 (the course's
 * Ns/4 hop; Ns = 512 would need H = 128).
 *
 * Three passes over the same frames, interleaved (each goes first in turn)
 * and repeated; medians:
 *   STFT       dsp_stft_analyze_frame on every frame (mX and pX)
 *   analysis   dsp_sine_analysis_frame on every frame (the same STFT, then
 *              peaks, interpolation and tracking) into track matrices
 *   synthesis  dsp_sine_synth_spectral of those tracks
 * and the ratio (analysis + synthesis) / STFT — the target is at
 * most 4. Also printed: time-domain synthesis on the first 10 s (one
 * oscillator per sample and sine, for comparison), the mean number of live
 * sines, and the SNR of the resynthesis (a sanity check, not a quality
 * claim: the noise is not modelled). Asserts nothing.
 */
#include <dsplab/gen.h>
#include <dsplab/signal.h>
#include <dsplab/sine.h>
#include <dsplab/status.h>
#include <dsplab/stft.h>
#include <dsplab/window.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "benchutil.h"

#define PI 3.14159265358979323846

enum { NH = 40 };

/* x = sum_h (0.5/h) cos(h phi(t)) with the vibrato phase phi; cos(h phi)
 * by the Chebyshev recurrence (one multiply-add per harmonic and sample). */
static void make_signal(double fs, double *x, size_t len)
{
    const double f0 = 220.0, depth = 0.02, rate = 5.0;
    double *noise = malloc(len * sizeof *noise);
    if (!noise)
        bench_die("malloc noise");
    dsp_gen_noise(0.003, 42, noise, len);
    for (size_t i = 0; i < len; i++) {
        double t = (double)i / fs;
        /* phi = 2 pi f0 (t - depth cos(2 pi rate t) / (2 pi rate)) */
        double phi = 2.0 * PI * f0 * (t - depth * (cos(2.0 * PI * rate * t) - 1.0) / (2.0 * PI * rate));
        double c1 = cos(phi), prev = 1.0, cur = c1, s = 0.5 * c1;
        for (int h = 2; h <= NH; h++) {
            double next = 2.0 * c1 * cur - prev;
            prev = cur;
            cur = next;
            s += 0.5 / h * cur;
        }
        x[i] = s + noise[i];
    }
    free(noise);
}

int main(void)
{
    const double fs = 44100.0;
    double seconds = 600.0;
    const char *env = getenv("BENCH_SMS_SECONDS");
    if (env && atof(env) > 0.0)
        seconds = atof(env);
    const size_t len = (size_t)(seconds * fs), reps = 5;
    struct dsp_sine_params p = {.fs = fs, .window = DSP_WIN_BLACKMAN, .m = 2001, .n_fft = 2048,
                                .hop = 256, .threshold_db = -80.0, .max_sines = 100,
                                .freq_dev_offset = 20.0, .freq_dev_slope = 0.01};
    const size_t S = p.max_sines, nb = p.n_fft / 2 + 1, ns = 4 * p.hop;

    double t_gen = bench_now();
    double *x = malloc(len * sizeof *x), *y = malloc(len * sizeof *y);
    if (!x || !y)
        bench_die("malloc signal");
    make_signal(fs, x, len);
    t_gen = bench_now() - t_gen;

    double w[2001];
    dsp_window_fill(p.window, 0.0, DSP_WINDOW_PERIODIC, w, p.m);
    struct dsp_stft *st = dsp_stft_new(w, p.m, p.n_fft, p.hop);
    struct dsp_sine_analysis *sa = dsp_sine_analysis_new(&p);
    struct dsp_sine_synth *ss = dsp_sine_synth_new(ns, p.hop, fs, S);
    if (!st || !sa || !ss)
        bench_die("objects");
    const size_t nf = dsp_stft_num_frames(st, len);
    double *mX = malloc(nb * sizeof *mX), *pX = malloc(nb * sizeof *pX);
    double *f = malloc(nf * S * sizeof *f), *m = malloc(nf * S * sizeof *m);
    double *ph = malloc(nf * S * sizeof *ph);
    if (!mX || !pX || !f || !m || !ph)
        bench_die("malloc tracks");

    printf("bench_sms (wall-clock on whatever else this machine is doing)\n");
    printf("signal: %.0f s at 44.1 kHz (%zu samples, %zu frames), %d vibrato harmonics + noise;"
           " generated in %.1f s\n",
           seconds, len, nf, NH, t_gen);
    printf("Blackman M %zu, N %zu, H %zu, -80 dB, <= %zu sines; spectral synthesis Ns %zu\n\n",
           p.m, p.n_fft, p.hop, S, ns);

    double ts[5], ta[5], tsy[5], sink = 0.0;
    for (size_t r = 0; r < reps; r++)
        for (size_t j = 0; j < 3; j++) {
            double t0 = bench_now();
            switch ((r + j) % 3) {
            case 0:
                for (size_t k = 0; k < nf; k++) {
                    if (dsp_stft_analyze_frame(st, x, len, k, mX, pX) != DSP_OK)
                        bench_die("dsp_stft_analyze_frame");
                    sink += mX[k % nb];
                }
                ts[r] = bench_now() - t0;
                break;
            case 1:
                dsp_sine_analysis_reset(sa);
                for (size_t k = 0; k < nf; k++)
                    if (dsp_sine_analysis_frame(sa, x, len, k, f + k * S, m + k * S,
                                                ph + k * S) != DSP_OK)
                        bench_die("dsp_sine_analysis_frame");
                ta[r] = bench_now() - t0;
                break;
            default:
                /* round 0 runs STFT, analysis, synthesis in that order, so
                 * the tracks exist before the first synthesis */
                if (dsp_sine_synth_spectral(ss, f, m, ph, nf, S, y, len) != DSP_OK)
                    bench_die("dsp_sine_synth_spectral");
                tsy[r] = bench_now() - t0;
            }
        }
    double ms = bench_median(ts, reps), ma = bench_median(ta, reps), msy = bench_median(tsy, reps);
    printf("%-34s %9s %12s %10s\n", "median of 5 interleaved runs", "time", "us/frame", "/ STFT");
    printf("%-34s %7.3f s %12.3f %10.3f\n", "STFT (dsp_stft_analyze_frame)", ms,
           1e6 * ms / (double)nf, 1.0);
    printf("%-34s %7.3f s %12.3f %10.3f\n", "sine analysis (STFT+peaks+tracks)", ma,
           1e6 * ma / (double)nf, ma / ms);
    printf("%-34s %7.3f s %12.3f %10.3f\n", "spectral synthesis (Ns 1024)", msy,
           1e6 * msy / (double)nf, msy / ms);
    printf("ratio (analysis + synthesis) / STFT: %.3f   (target <= 4)\n", (ma + msy) / ms);
    printf("x real time: analysis + synthesis %.0f, STFT %.0f\n", seconds / (ma + msy),
           seconds / ms);

    size_t live = 0;
    for (size_t i = 0; i < nf * S; i++)
        live += f[i] > 0.0;
    size_t a = p.m, b = len - p.m;
    printf("mean live sines per frame %.1f; resynthesis SNR %.1f dB (the noise, -48 dB "
           "of the tone, is not modelled)\n",
           (double)live / (double)nf, dsp_snr_db(x + a, y + a, b - a));

    /* time-domain synthesis for comparison, on the first 10 s */
    size_t len10 = len < (size_t)(10 * fs) ? len : (size_t)(10 * fs);
    size_t nf10 = len10 / p.hop + 1;
    double t0 = bench_now();
    if (dsp_sine_synth_time(f, m, ph, nf10, S, p.hop, fs, y, len10) != DSP_OK)
        bench_die("dsp_sine_synth_time");
    double ttd = bench_now() - t0;
    printf("time-domain synthesis (McAulay-Quatieri), first %.0f s: %.3f s = %.1f us/frame, "
           "%.1fx the spectral one per frame (checksum %.3g)\n",
           (double)len10 / fs, ttd, 1e6 * ttd / (double)nf10,
           (ttd / (double)nf10) / (msy / (double)nf), sink);

    dsp_stft_free(st);
    dsp_sine_analysis_free(sa);
    dsp_sine_synth_free(ss);
    free(x);
    free(y);
    free(mX);
    free(pX);
    free(f);
    free(m);
    free(ph);
    return 0;
}
