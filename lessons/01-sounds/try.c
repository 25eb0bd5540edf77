/*
 * try.c — lesson 01 on a real sound (`make try LESSON=01 ONLY=...`, see
 * lessons/try.h). The "try:" lines name each exercise, its file and its
 * default sound:
 *
 * try: normalize scale.c sounds/speech-front-center.wav
 * try: downsample downsample.c sounds/piano-a4.wav
 * try: energy block_energy.c sounds/speech-front-center.wav
 *
 * normalize: the sound normalised to a peak of 0.9 (yours.wav, to listen to).
 * downsample: every 4th sample kept, written at a quarter of the rate
 * (yours.wav: listen for the aliasing a plain decimation brings).
 * energy: the energy of blocks of 1024 samples every 256, in dB, against
 * the library's sum of squares.
 */
#include "try.h"

#include <dsplab/spectrum.h>

#include "exercise.h"

#pragma weak normalize_ex
#pragma weak downsample_ex
#pragma weak block_energy_ex

#define FACTOR 4
#define SIZE 1024
#define HOP 256

int main(int argc, char **argv)
{
    const char *ex = try_start(argc, argv);
    size_t len;
    double *x = try_read(&len);
    double *y = malloc((len ? len : 1) * sizeof *y), *e = malloc((len ? len : 1) * sizeof *e);
    if (!y || !e)
        try_fail("out of memory");
    char fs[32];
    snprintf(fs, sizeof fs, "%g", try_fs);
    const char *h[] = {"sample_rate", fs, NULL};

    if (strcmp(ex, "normalize") == 0) {
        if (!normalize_ex)
            try_fail("normalize_ex is not in the file");
        double gain = 0, peak = 0;
        try_status(normalize_ex(x, len, 0.9, y, &gain), "normalize_ex");
        for (size_t i = 0; i < len; i++)
            peak = fmax(peak, fabs(x[i]));
        for (size_t i = 0; i < len; i++)
            e[i] = x[i] * (0.9 / peak);
        printf("your gain: %.6g (the sound's peak is %.6g, so 0.9 / peak = %.6g)\n", gain, peak,
               0.9 / peak);
        try_write_wav("yours.wav", y, len);
        try_write_compare("y (the sound normalised to a peak of 0.9)", y, e, 1, len);
        try_plot("waveform", try_path("yours.wav"), "yours-waveform.png",
                 "your normalize_ex (peak 0.9)", NULL);
        try_plot("waveform", try_sound, "library-waveform.png", "the sound as it is", NULL);
    } else if (strcmp(ex, "downsample") == 0) {
        if (!downsample_ex)
            try_fail("downsample_ex is not in the file");
        size_t ny = 0, want = (len + FACTOR - 1) / FACTOR;
        try_status(downsample_ex(x, len, FACTOR, y, &ny), "downsample_ex");
        if (ny != want)
            try_fail("downsample_ex said *ny = %zu, expected ceil(%zu / %d) = %zu", ny, len,
                     FACTOR, want);
        for (size_t m = 0; m < ny; m++)
            e[m] = x[m * FACTOR];
        double rate = try_fs;
        try_fs = rate / FACTOR;
        try_write_wav("yours.wav", y, ny);
        try_fs = rate;
        try_write_compare("y (every 4th sample)", y, e, 1, ny);
        try_plot("spectrogram", try_path("yours.wav"), "yours-spectrogram.png",
                 "your downsample_ex: every 4th sample (listen for aliasing)", NULL);
        try_plot("spectrogram", try_sound, "library-spectrogram.png", "the sound", NULL);
    } else if (strcmp(ex, "energy") == 0) {
        if (!block_energy_ex)
            try_fail("block_energy_ex is not in the file");
        size_t nb = 0, want = len >= SIZE ? (len - SIZE) / HOP + 1 : 0;
        try_status(block_energy_ex(x, len, SIZE, HOP, y, &nb), "block_energy_ex");
        if (nb != want)
            try_fail("block_energy_ex said *nblocks = %zu, expected %zu", nb, want);
        for (size_t b = 0; b < nb; b++) {
            double acc = 0;
            for (size_t i = 0; i < SIZE; i++)
                acc += x[b * HOP + i] * x[b * HOP + i];
            e[b] = dsp_power_to_db(acc);
            y[b] = dsp_power_to_db(y[b]);
        }
        try_write_matrix("yours.txt", y, nb, 1, h);
        try_write_matrix("library.txt", e, nb, 1, h);
        try_write_compare("block energy (dB; blocks of 1024 every 256 samples)", y, e, 1, nb);
    } else {
        try_fail("no exercise \"%s\" in lesson 01's try.c (normalize, downsample, energy)", ex);
    }
    try_plot("feedback", try_path("compare.txt"), "compare.png", "yours against the library's",
             NULL);
    free(x), free(y), free(e);
    return 0;
}
