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
#include "refgen.h"

#define SPEECH "data/sounds/speech-front-center.wav"

static int write_info(const char *dir, const struct dsp_audio *a)
{
    struct sound_info info;
    if (sound_info_ex(a, &info) != DSP_OK)
        return -1;
    struct dsp_matfile *f = refgen_open(dir, "info.txt", 6, "01-sounds", "sound_info_ex");
    if (f == NULL)
        return -1;
    dsp_matfile_header(f, "file", "%s", SPEECH);
    dsp_matfile_header(f, "columns_are", "sample_rate channels frames duration peak rms");
    double row[6] = {info.sample_rate, info.channels,  (double)info.frames,
                     info.duration,    info.peak,      info.rms};
    dsp_matfile_write_row(f, row);
    return dsp_matfile_commit(f);
}

static int write_energy(const char *dir, const struct dsp_audio *a)
{
    size_t nb = 0;
    double *e = malloc((a->frames / 512 + 1) * sizeof *e);
    if (e == NULL || block_energy_ex(a->data, a->frames, 2048, 512, e, &nb) != DSP_OK) {
        free(e);
        return -1;
    }
    struct dsp_matfile *f = refgen_open(dir, "energy.txt", 1, "01-sounds", "block_energy_ex");
    if (f == NULL) {
        free(e);
        return -1;
    }
    dsp_matfile_header(f, "file", "%s", SPEECH);
    dsp_matfile_header(f, "size", "2048");
    dsp_matfile_header(f, "hop", "512");
    for (size_t b = 0; b < nb; b++)
        dsp_matfile_write_row(f, &e[b]);
    free(e);
    return dsp_matfile_commit(f);
}

static int write_all(const char *dir)
{
    struct dsp_audio a = {0};
    int s = dsp_audio_read(SPEECH, &a);
    if (s == DSP_OK)
        s = write_info(dir, &a);
    if (s == DSP_OK)
        s = write_energy(dir, &a);
    dsp_audio_free(&a);
    return s;
}

int main(int argc, char **argv)
{
    return refgen_main(argc, argv, "01", write_all);
}
