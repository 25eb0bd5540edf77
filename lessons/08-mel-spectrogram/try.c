/*
 * try.c — lesson 08 on a real sound (`make try LESSON=08 ONLY=...`, see
 * lessons/try.h). The "try:" lines name each exercise, its file and its
 * default sound:
 *
 * try: apply melapply.c sounds/speech-front-center.wav
 * try: db db.c sounds/speech-front-center.wav
 * try: mfcc mfcc.c sounds/speech-front-center.wav
 *
 * With librosa's defaults at the sound's rate (Hann 2048, hop 512, centred
 * frames, 128 Slaney bands, power 2):
 * apply: the library's filterbank W and power spectrogram P through your
 * melapply_ex; your mel spectrogram beside the library's.
 * db: the library's mel spectrogram through your power_to_db_ex (ref max,
 * amin 1e-10, top_db 80).
 * mfcc: the library's dB mel spectrogram through your mfcc_ex (20
 * coefficients).
 */
#include "try.h"

#include <dsplab/mel.h>
#include <dsplab/melspec.h>

#include "exercise.h"

#pragma weak melapply_ex
#pragma weak power_to_db_ex
#pragma weak mfcc_ex

#define N_MFCC 20

int main(int argc, char **argv)
{
    const char *ex = try_start(argc, argv);
    size_t len;
    double *x = try_read(&len);
    struct dsp_melspec_params p = dsp_melspec_defaults(try_fs);
    struct dsp_melspec *ms = dsp_melspec_new(&p);
    if (!ms)
        try_fail("%s", dsp_last_error());
    size_t frames = dsp_melspec_num_frames(ms, len), mels = dsp_melspec_num_bands(ms);
    size_t bins = p.n_fft / 2 + 1;
    double *W = malloc(mels * bins * sizeof *W), *P = malloc(frames * bins * sizeof *P);
    double *S = malloc(frames * mels * sizeof *S), *eS = malloc(frames * mels * sizeof *eS);
    double *db = malloc(frames * mels * sizeof *db), *edb = malloc(frames * mels * sizeof *edb);
    if (!W || !P || !S || !eS || !db || !edb)
        try_fail("out of memory");
    dsp_melbank_dense(dsp_melspec_melbank(ms), W, mels * bins);
    for (size_t k = 0; k < frames; k++)
        dsp_melspec_spectrum(ms, x, len, k, P + k * bins);
    dsp_melspec_compute(ms, x, len, eS, frames);
    dsp_melspec_power_to_db(eS, frames * mels, DSP_DB_REF_MAX, 1e-10, 80, edb);
    char fs[32], hop[32], nfft[32];
    snprintf(fs, sizeof fs, "%g", try_fs);
    snprintf(hop, sizeof hop, "%zu", p.hop);
    snprintf(nfft, sizeof nfft, "%zu", p.n_fft);
    const char *power_h[] = {"sample_rate", fs, "n_fft", nfft, "hop", hop, "db", "no", NULL};
    const char *db_h[] = {"sample_rate", fs, "n_fft", nfft, "hop", hop, "db", "yes", NULL};

    if (strcmp(ex, "apply") == 0) {
        if (!melapply_ex)
            try_fail("melapply_ex is not in the file");
        try_status(melapply_ex(W, mels, bins, P, frames, S), "melapply_ex");
        try_write_matrix("yours.txt", S, frames, mels, power_h);
        try_write_matrix("library.txt", eS, frames, mels, power_h);
        /* compared in dB: the power spans 10 orders of magnitude */
        dsp_melspec_power_to_db(S, frames * mels, DSP_DB_REF_MAX, 1e-10, DSP_DB_NO_TOP, db);
        dsp_melspec_power_to_db(eS, frames * mels, DSP_DB_REF_MAX, 1e-10, DSP_DB_NO_TOP, edb);
        try_write_compare("S (dB; row = frame, column = band)", db, edb, frames, mels);
        try_plot("melspec", try_path("yours.txt"), "yours-melspec.png",
                 "your melapply_ex (128 Slaney bands)", NULL);
        try_plot("melspec", try_path("library.txt"), "library-melspec.png",
                 "the library's mel spectrogram", NULL);
    } else if (strcmp(ex, "db") == 0) {
        if (!power_to_db_ex)
            try_fail("power_to_db_ex is not in the file");
        try_status(power_to_db_ex(eS, frames * mels, DSP_DB_REF_MAX, 1e-10, 80, db),
                   "power_to_db_ex");
        try_write_matrix("yours.txt", db, frames, mels, db_h);
        try_write_matrix("library.txt", edb, frames, mels, db_h);
        try_write_compare("db (row = frame, column = band)", db, edb, frames, mels);
        try_plot("melspec", try_path("yours.txt"), "yours-melspec.png",
                 "your power_to_db_ex (ref max, top_db 80)", NULL);
        try_plot("melspec", try_path("library.txt"), "library-melspec.png",
                 "the library's power_to_db", NULL);
    } else if (strcmp(ex, "mfcc") == 0) {
        if (!mfcc_ex)
            try_fail("mfcc_ex is not in the file");
        double *C = malloc(frames * N_MFCC * sizeof *C), *eC = malloc(frames * N_MFCC * sizeof *eC);
        if (!C || !eC)
            try_fail("out of memory");
        try_status(mfcc_ex(edb, frames, mels, N_MFCC, C), "mfcc_ex");
        /* the library's orthonormal DCT-II of each frame, written out */
        for (size_t t = 0; t < frames; t++)
            for (size_t q = 0; q < N_MFCC; q++) {
                double acc = 0;
                for (size_t m = 0; m < mels; m++)
                    acc += edb[t * mels + m] * cos(M_PI * (double)q * (2.0 * (double)m + 1) /
                                                    (2.0 * (double)mels));
                eC[t * N_MFCC + q] = acc * sqrt((q == 0 ? 1.0 : 2.0) / (double)mels);
            }
        try_write_matrix("yours.txt", C, frames, N_MFCC, power_h);
        try_write_matrix("library.txt", eC, frames, N_MFCC, power_h);
        try_write_compare("C (row = frame, column = coefficient)", C, eC, frames, N_MFCC);
        try_plot("mfcc", try_path("yours.txt"), "yours-mfcc.png", "your mfcc_ex (20 coefficients)",
                 NULL);
        try_plot("mfcc", try_path("library.txt"), "library-mfcc.png",
                 "the orthonormal DCT-II of the library's dB mel spectrogram", NULL);
        free(C), free(eC);
    } else {
        try_fail("no exercise \"%s\" in lesson 08's try.c (apply, db, mfcc)", ex);
    }
    try_plot("feedback", try_path("compare.txt"), "compare.png", "yours against the library's",
             NULL);
    dsp_melspec_free(ms);
    free(x), free(W), free(P), free(S), free(eS), free(db), free(edb);
    return 0;
}
