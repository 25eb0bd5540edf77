/*
 * refgen.c — writes data/reference/08-mel-spectrogram/ from the reference
 * solution. Usage (from the repository root): refgen <output folder>
 *   mel_table.txt       hz_to_mel_ex() on a list of frequencies: rows
 *                       "Hz Slaney HTK HTK-ln" (the README's table)
 *   melspec_speech.txt  melapply_ex() of data/sounds/speech-front-center.wav's
 *                       power spectrogram (the library's: centred frames,
 *                       periodic Hann 2048, hop 1024, |X|^2) through the
 *                       library's bank of 40 Slaney bands, 0 .. 8000 Hz,
 *                       Slaney norm: one frame per row
 *   db_speech.txt       power_to_db_ex() of that: ref max, amin 1e-10,
 *                       top_db 80
 *   mfcc_speech.txt     mfcc_ex() of that: 13 coefficients per frame
 * The parameters must match suite.c.
 */
#include <stdio.h>
#include <stdlib.h>

#include <dsplab/audio.h>
#include <dsplab/datafile.h>
#include <dsplab/mel.h>
#include <dsplab/melspec.h>

#include "exercise.h"
#include "refgen.h"

#define LESSON "08-mel-spectrogram"

#define SPEECH "data/sounds/speech-front-center.wav"
#define SP_NFFT 2048
#define SP_HOP 1024
#define SP_MELS 40
#define SP_FMAX 8000.0
#define SP_MFCC 13

static const double TABLE_HZ[] = {0,    20,   50,   100,  200,  300,  440,   500,   700,
                                  999,  1000, 1001, 2000, 3000, 4000, 6300,  6400,  8000,
                                  11025, 16000, 22050};
#define TABLE_N (sizeof TABLE_HZ / sizeof TABLE_HZ[0])

static int write_table(const char *dir)
{
    double mel[3][TABLE_N];
    const enum dsp_mel_scale s[3] = {DSP_MEL_SLANEY, DSP_MEL_HTK, DSP_MEL_HTK_LN};
    for (size_t j = 0; j < 3; j++)
        if (hz_to_mel_ex(TABLE_HZ, TABLE_N, s[j], mel[j]) != DSP_OK)
            return dsp_fail(DSP_EINVAL, "hz_to_mel_ex failed on the table");
    struct dsp_matfile *f = refgen_open(dir, "mel_table.txt", 4, LESSON, "hz_to_mel_ex");
    if (!f)
        return DSP_EIO;
    dsp_matfile_header(f, "columns_are", "Hz, Slaney mel, HTK mel (2595 log10), HTK mel (1127 ln)");
    for (size_t i = 0; i < TABLE_N; i++) {
        double row[4] = {TABLE_HZ[i], mel[0][i], mel[1][i], mel[2][i]};
        dsp_matfile_write_row(f, row);
    }
    return dsp_matfile_commit(f);
}

static int write_rows(const char *dir, const char *file, const char *what, const char *units,
                      const double *a, size_t rows, size_t cols)
{
    struct dsp_matfile *f = refgen_open(dir, file, cols, LESSON, what);
    if (!f)
        return DSP_EIO;
    dsp_matfile_header(f, "file", "%s", SPEECH);
    dsp_matfile_header(f, "spectrum", "centred frames, periodic hann %d, hop %d, |X|^2",
                       SP_NFFT, SP_HOP);
    dsp_matfile_header(f, "melbank", "%d bands, slaney scale, slaney norm, 0 - %g Hz", SP_MELS,
                       SP_FMAX);
    dsp_matfile_header(f, "units", "%s", units);
    for (size_t r = 0; r < rows; r++)
        dsp_matfile_write_row(f, a + r * cols);
    return dsp_matfile_commit(f);
}

static int write_speech(const char *dir)
{
    double *x = NULL, fs = 0, *P = NULL, *W = NULL, *S = NULL, *db = NULL, *C = NULL;
    size_t n = 0, nb = SP_NFFT / 2 + 1;
    struct dsp_melspec *ms = NULL;
    int s = dsp_audio_read_mono(SPEECH, &x, &n, &fs);
    if (s != DSP_OK)
        return s;
    struct dsp_melspec_params p = dsp_melspec_defaults(fs);
    p.n_fft = p.win_length = SP_NFFT;
    p.hop = SP_HOP;
    p.mel.n_mels = SP_MELS;
    p.mel.fmax = SP_FMAX;
    ms = dsp_melspec_new(&p);
    s = DSP_EINVAL;
    if (!ms)
        goto done;
    size_t frames = dsp_melspec_num_frames(ms, n);
    P = malloc(frames * nb * sizeof *P);
    W = malloc(SP_MELS * nb * sizeof *W);
    S = malloc(frames * SP_MELS * sizeof *S);
    db = malloc(frames * SP_MELS * sizeof *db);
    C = malloc(frames * SP_MFCC * sizeof *C);
    s = DSP_ENOMEM;
    if (!P || !W || !S || !db || !C)
        goto done;
    dsp_melbank_dense(dsp_melspec_melbank(ms), W, SP_MELS * nb);
    for (size_t k = 0; k < frames; k++)
        dsp_melspec_spectrum(ms, x, n, k, P + k * nb);
    s = melapply_ex(W, SP_MELS, nb, P, frames, S);
    if (s == DSP_OK)
        s = power_to_db_ex(S, frames * SP_MELS, DSP_DB_REF_MAX, 1e-10, 80.0, db);
    if (s == DSP_OK)
        s = mfcc_ex(db, frames, SP_MELS, SP_MFCC, C);
    if (s != DSP_OK) {
        s = dsp_fail(s, "melapply_ex / power_to_db_ex / mfcc_ex failed (%d)", s);
        goto done;
    }
    s = write_rows(dir, "melspec_speech.txt", "melapply_ex", "power per band, one frame per row",
                   S, frames, SP_MELS);
    if (s == DSP_OK)
        s = write_rows(dir, "db_speech.txt", "power_to_db_ex",
                       "dB, ref max, amin 1e-10, top_db 80", db, frames, SP_MELS);
    if (s == DSP_OK)
        s = write_rows(dir, "mfcc_speech.txt", "mfcc_ex",
                       "13 MFCCs (orthonormal DCT-II of the dB row)", C, frames, SP_MFCC);
done:
    dsp_melspec_free(ms);
    free(x);
    free(P);
    free(W);
    free(S);
    free(db);
    free(C);
    return s;
}

static int write_all(const char *dir)
{
    int s = write_table(dir);
    if (s == DSP_OK)
        s = write_speech(dir);
    return s;
}

int main(int argc, char **argv)
{
    return refgen_main(argc, argv, "08", write_all);
}
