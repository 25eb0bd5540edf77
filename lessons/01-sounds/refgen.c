/*
 * refgen.c — writes data/reference/01-sounds/ from the reference solution.
 * Usage (from the repository root): refgen <output folder>
 *   info.txt    sound_info_ex() of data/sounds/speech-front-center.wav:
 *               one row "sample_rate channels frames duration peak rms"
 *   energy.txt  block_energy_ex() of the same sound, size 2048, hop 512:
 *               one energy per row
 */
#include <stdio.h>
#include <stdlib.h>

#include <dsplab/audio.h>
#include <dsplab/datafile.h>

#include "exercise.h"

#define SPEECH "data/sounds/speech-front-center.wav"

static int write_info(const char *dir, const struct dsp_audio *a)
{
    char path[4096];
    struct sound_info info;
    if (sound_info_ex(a, &info) != DSP_OK)
        return -1;
    snprintf(path, sizeof path, "%s/info.txt", dir);
    struct dsp_matfile *f = dsp_matfile_create(path, 6);
    if (f == NULL)
        return -1;
    dsp_matfile_header(f, "dsplab", "01-sounds sound_info_ex");
    dsp_matfile_header(f, "file", "%s", SPEECH);
    dsp_matfile_header(f, "columns_are", "sample_rate channels frames duration peak rms");
    double row[6] = {info.sample_rate, info.channels,  (double)info.frames,
                     info.duration,    info.peak,      info.rms};
    dsp_matfile_write_row(f, row);
    return dsp_matfile_commit(f);
}

static int write_energy(const char *dir, const struct dsp_audio *a)
{
    char path[4096];
    size_t nb = 0;
    double *e = malloc((a->frames / 512 + 1) * sizeof *e);
    if (e == NULL || block_energy_ex(a->data, a->frames, 2048, 512, e, &nb) != DSP_OK) {
        free(e);
        return -1;
    }
    snprintf(path, sizeof path, "%s/energy.txt", dir);
    struct dsp_matfile *f = dsp_matfile_create(path, 1);
    if (f == NULL) {
        free(e);
        return -1;
    }
    dsp_matfile_header(f, "dsplab", "01-sounds block_energy_ex");
    dsp_matfile_header(f, "file", "%s", SPEECH);
    dsp_matfile_header(f, "size", "2048");
    dsp_matfile_header(f, "hop", "512");
    for (size_t b = 0; b < nb; b++)
        dsp_matfile_write_row(f, &e[b]);
    free(e);
    return dsp_matfile_commit(f);
}

int main(int argc, char **argv)
{
    struct dsp_audio a = {0};
    if (argc != 2) {
        fprintf(stderr, "usage: %s <output folder>\n", argv[0]);
        return 2;
    }
    if (dsp_audio_read(SPEECH, &a) != DSP_OK) {
        fprintf(stderr, "refgen 01: %s\n", dsp_last_error());
        return 1;
    }
    int status = write_info(argv[1], &a) == DSP_OK && write_energy(argv[1], &a) == DSP_OK ? 0 : 1;
    if (status != 0)
        fprintf(stderr, "refgen 01: %s\n", dsp_last_error());
    dsp_audio_free(&a);
    return status;
}
