/*
 * refgen.c — writes data/reference/12-streaming/ from the reference solution.
 * Usage (from the repository root, run by `make references`): refgen <output folder>
 *   streammel.txt  stream_mel_ex() of 1 s of the suite's chirp plus noise at
 *                  16 kHz (dsp_gen_chirp exponential 60..7000 Hz, amplitude
 *                  0.5, plus dsp_gen_noise 0.05, seed 5), VGGish sizes (win
 *                  400, hop 160, n_fft 512, 64 bands 125-7500 Hz on
 *                  1127 ln(1 + f/700)), pushed in 1000-sample blocks into a
 *                  1024-sample ring: one row of 64 log-mel values per frame
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dsplab/datafile.h>
#include <dsplab/gen.h>
#include <dsplab/mel.h>

#include "exercise.h"
#include "refgen.h"

static int write_streammel(const char *dir)
{
    const size_t len = 16000, win = 400, hop = 160, n_fft = 512, n_mels = 64, cap = 1024;
    const size_t nb = n_fft / 2 + 1;
    double *x = malloc(len * sizeof *x), *n = malloc(len * sizeof *n);
    double *bank = calloc(n_mels * nb, sizeof *bank), *ring = calloc(cap, sizeof *ring);
    double *rows = malloc((len / hop + 1000 / hop + 1) * n_mels * sizeof *rows);
    struct dsp_melbank_params mp = {.sample_rate = 16000.0, .n_fft = n_fft, .n_mels = n_mels,
                                    .fmin = 125.0, .fmax = 7500.0, .scale = DSP_MEL_HTK_LN,
                                    .norm = DSP_MEL_NORM_NONE,
                                    .triangles = DSP_MEL_TRIANGLES_MEL, .zero_dc = 1};
    struct dsp_melbank *mb = dsp_melbank_new(&mp);
    int s = x && n && bank && ring && rows && mb ? DSP_OK : DSP_ENOMEM;
    if (s == DSP_OK) {
        dsp_gen_chirp(DSP_CHIRP_EXPONENTIAL, 0.5, 60.0, 7000.0, (double)len / 16000.0, 16000.0,
                      x, len);
        dsp_gen_noise(0.05, 5, n, len);
        for (size_t i = 0; i < len; i++)
            x[i] += n[i];
        for (size_t m = 0; m < n_mels; m++) {
            size_t first, count;
            const double *w;
            dsp_melbank_band(mb, m, &first, &count, &w);
            memcpy(bank + m * nb + first, w, count * sizeof *w);
        }
    }
    size_t total = 0;
    for (size_t at = 0; s == DSP_OK && at < len; at += 1000) {
        size_t nf = 0;
        s = stream_mel_ex(ring, cap, at, x + at, 1000, win, hop, n_fft, bank, n_mels,
                          rows + total * n_mels, 1000 / hop + 1, &nf);
        total += nf;
    }
    struct dsp_matfile *f = NULL;
    if (s == DSP_OK) {
        f = refgen_open(dir, "streammel.txt", n_mels, "12-streaming", "stream_mel_ex");
        if (!f)
            s = DSP_EIO;
    }
    if (s == DSP_OK) {
        dsp_matfile_header(f, "signal", "1 s at 16 kHz: chirp 60-7000 Hz (0.5) + noise (0.05, seed 5)");
        dsp_matfile_header(f, "sizes", "win 400, hop 160, n_fft 512, 64 bands, pushes of 1000");
        for (size_t k = 0; k < total; k++)
            dsp_matfile_write_row(f, rows + k * n_mels);
        s = dsp_matfile_commit(f);
    }
    dsp_melbank_free(mb);
    free(x);
    free(n);
    free(bank);
    free(ring);
    free(rows);
    return s;
}

int main(int argc, char **argv)
{
    return refgen_main(argc, argv, "12", write_streammel);
}
