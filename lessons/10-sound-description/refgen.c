/*
 * refgen.c — writes data/reference/10-sound-description/ from the reference
 * solution. Usage (from the repository root, run by `make references`):
 * refgen <output folder>
 *   descriptors_piano.txt  descriptors_ex() of data/clips/piano/piano-00.wav
 *   descriptors_speech.txt and of data/clips/speech/speech-03.wav: n_fft
 *                          512, hop 256, one frame per row, 6 columns
 *   summary_speech.txt     summary_ex() of speech-03's MFCC frames (the
 *                          library's dsp_mfcc_compute: n_fft 512, hop 256,
 *                          40 Slaney bands 0 - 8000 Hz, 13 coefficients):
 *                          one row, 13 means then 13 stds
 *   clip_summaries.txt     the INPUT of Parts 4 and 5, from the library
 *                          (dsp_features_summary, features.h defaults) for
 *                          the 100 clips: per row the class, the fold
 *                          (dsp_kfold_stratified, 5 folds, seed 2026) and
 *                          38 summary values
 *   knn_fold0.txt          knn_ex() predictions (k 3) for the 20 clips of
 *                          fold 0, trained on the other 80, all scaled with
 *                          standardize_ex() of those 80: one row
 *   crossval_clips.txt     crossval_ex() of clip_summaries (k 3, 5 folds):
 *                          the 5 x 5 confusion matrix (rows: truth)
 * The parameters must match suite.c.
 */
#include <stdio.h>
#include <stdlib.h>

#include <dsplab/audio.h>
#include <dsplab/classify.h>
#include <dsplab/datafile.h>
#include <dsplab/features.h>
#include <dsplab/melspec.h>
#include <dsplab/mfcc.h>

#include "exercise.h"
#include "refgen.h"

#define LESSON "10-sound-description"
#define NFFT 512
#define HOP 256
#define N_CLASSES 5
#define PER_CLASS 20
#define N_CLIPS (N_CLASSES * PER_CLASS)
#define N_FOLDS 5
#define FOLD_SEED 2026
#define K 3

static const char *const CLASSES[N_CLASSES] = {"flute", "noise", "piano", "speech", "violin"};

static int write_descriptors(const char *dir, const char *file, const char *clip)
{
    double *x = NULL, fs = 0;
    size_t n = 0;
    int s = dsp_audio_read_mono(clip, &x, &n, &fs);
    if (s != DSP_OK)
        return s;
    size_t frames = n / HOP + 1;
    double *D = malloc(frames * DESCRIPTOR_COUNT * sizeof *D);
    if (!D) {
        free(x);
        return dsp_fail(DSP_ENOMEM, "out of memory");
    }
    s = descriptors_ex(x, n, fs, NFFT, HOP, D, frames);
    if (s != DSP_OK) {
        s = dsp_fail(s, "descriptors_ex failed on %s (%d)", clip, s);
        goto done;
    }
    struct dsp_matfile *f = refgen_open(dir, file, DESCRIPTOR_COUNT, LESSON, "descriptors_ex");
    s = DSP_EIO;
    if (!f)
        goto done;
    dsp_matfile_header(f, "file", "%s", clip);
    dsp_matfile_header(f, "frames", "centred, periodic hann %d / its sum, hop %d, |X|", NFFT,
                       HOP);
    dsp_matfile_header(f, "columns_are", "centroid Hz, spread Hz, flatness, rolloff(0.85) Hz, "
                                         "flux, zcr");
    for (size_t t = 0; t < frames; t++)
        dsp_matfile_write_row(f, D + t * DESCRIPTOR_COUNT);
    s = dsp_matfile_commit(f);
done:
    free(x);
    free(D);
    return s;
}

static int write_summary(const char *dir)
{
    const char *clip = "data/clips/speech/speech-03.wav";
    double *x = NULL, fs = 0, *S = NULL, *C = NULL, v[26];
    size_t n = 0;
    struct dsp_melspec *ms = NULL;
    struct dsp_mfcc *mf = NULL;
    int s = dsp_audio_read_mono(clip, &x, &n, &fs);
    if (s != DSP_OK)
        return s;
    struct dsp_melspec_params p = dsp_melspec_defaults(fs);
    p.n_fft = p.win_length = NFFT;
    p.hop = HOP;
    p.mel.n_mels = 40;
    p.mel.fmax = fs / 2;
    ms = dsp_melspec_new(&p);
    mf = dsp_mfcc_new(40, 13);
    s = DSP_ENOMEM;
    if (!ms || !mf)
        goto done;
    size_t frames = dsp_melspec_num_frames(ms, n);
    S = malloc(frames * 40 * sizeof *S);
    C = malloc(frames * 13 * sizeof *C);
    if (!S || !C)
        goto done;
    s = dsp_mfcc_compute(mf, ms, x, n, S, C, frames);
    if (s == DSP_OK)
        s = summary_ex(C, frames, 13, v);
    if (s != DSP_OK) {
        s = dsp_fail(s, "summary_ex failed (%d)", s);
        goto done;
    }
    struct dsp_matfile *f = refgen_open(dir, "summary_speech.txt", 26, LESSON, "summary_ex");
    s = DSP_EIO;
    if (!f)
        goto done;
    dsp_matfile_header(f, "file", "%s", clip);
    dsp_matfile_header(f, "frames", "mfcc: hann %d, hop %d, 40 slaney bands 0 - %g Hz, 13 "
                       "coefficients, dB ref 1 top_db 80", NFFT, HOP, fs / 2);
    dsp_matfile_header(f, "columns_are", "13 means, then 13 population stds");
    dsp_matfile_write_row(f, v);
    s = dsp_matfile_commit(f);
done:
    free(x);
    free(S);
    free(C);
    dsp_melspec_free(ms);
    dsp_mfcc_free(mf);
    return s;
}

/* The clip summaries (library) and what knn_ex / crossval_ex make of them. */
static int write_clips(const char *dir)
{
    struct dsp_features_params p = dsp_features_defaults(16000);
    struct dsp_features *ft = dsp_features_new(&p);
    if (!ft)
        return DSP_EINVAL;
    size_t dim = dsp_features_summary_len(ft);
    double *X = malloc(N_CLIPS * dim * sizeof *X), *row = malloc((dim + 2) * sizeof *row);
    double *train = malloc(N_CLIPS * dim * sizeof *train), *test = malloc(N_CLIPS * dim * sizeof *test);
    double *mean = malloc(dim * sizeof *mean), *scale = malloc(dim * sizeof *scale);
    int labels[N_CLIPS], fold[N_CLIPS], tl[N_CLIPS], pred[N_CLIPS], C[N_CLASSES * N_CLASSES];
    double acc = 0;
    int s = DSP_ENOMEM;
    struct dsp_matfile *f = NULL;
    if (!X || !row || !train || !test || !mean || !scale)
        goto done;
    for (int c = 0; c < N_CLASSES; c++)
        for (int i = 0; i < PER_CLASS; i++) {
            char path[256];
            double *x = NULL, fs = 0;
            size_t n = 0, r = (size_t)(c * PER_CLASS + i);
            snprintf(path, sizeof path, "data/clips/%s/%s-%02d.wav", CLASSES[c], CLASSES[c], i);
            if ((s = dsp_audio_read_mono(path, &x, &n, &fs)) != DSP_OK)
                goto done;
            s = dsp_features_summary(ft, x, n, X + r * dim, dim);
            free(x);
            if (s != DSP_OK)
                goto done;
            labels[r] = c;
        }
    if ((s = dsp_kfold_stratified(labels, N_CLIPS, N_CLASSES, N_FOLDS, FOLD_SEED, fold)) != DSP_OK)
        goto done;
    s = DSP_EIO;
    if (!(f = refgen_open(dir, "clip_summaries.txt", dim + 2, LESSON, "input of knn_ex, crossval_ex")))
        goto done;
    dsp_matfile_header(f, "clips", "data/clips/CLASS/CLASS-NN.wav, classes 0-4: flute noise "
                       "piano speech violin, 20 each");
    dsp_matfile_header(f, "summary", "dsp_features_summary, features.h defaults at 16000 Hz: "
                       "means of 13 MFCCs and 6 descriptors, then their stds");
    dsp_matfile_header(f, "folds", "dsp_kfold_stratified, %d folds, seed %d", N_FOLDS, FOLD_SEED);
    dsp_matfile_header(f, "columns_are", "class, fold, %zu summary values", dim);
    for (size_t r = 0; r < N_CLIPS; r++) {
        row[0] = labels[r];
        row[1] = fold[r];
        for (size_t j = 0; j < dim; j++)
            row[2 + j] = X[r * dim + j];
        dsp_matfile_write_row(f, row);
    }
    if ((s = dsp_matfile_commit(f)) != DSP_OK)
        goto done;

    /* fold 0 held out */
    size_t n_train = 0, n_test = 0;
    for (size_t r = 0; r < N_CLIPS; r++) {
        double *dst = fold[r] == 0 ? test + n_test++ * dim : train + n_train * dim;
        for (size_t j = 0; j < dim; j++)
            dst[j] = X[r * dim + j];
        if (fold[r] != 0)
            tl[n_train++] = labels[r];
    }
    s = standardize_ex(train, n_train, dim, mean, scale);
    for (size_t i = 0; i < n_train * dim && s == DSP_OK; i++)
        train[i] = (train[i] - mean[i % dim]) / scale[i % dim];
    for (size_t i = 0; i < n_test * dim && s == DSP_OK; i++)
        test[i] = (test[i] - mean[i % dim]) / scale[i % dim];
    if (s == DSP_OK)
        s = knn_ex(train, tl, n_train, dim, N_CLASSES, K, test, n_test, pred);
    if (s != DSP_OK) {
        s = dsp_fail(s, "standardize_ex / knn_ex failed (%d)", s);
        goto done;
    }
    s = DSP_EIO;
    if (!(f = refgen_open(dir, "knn_fold0.txt", n_test, LESSON, "knn_ex")))
        goto done;
    dsp_matfile_header(f, "input", "clip_summaries.txt: train on folds 1-4, test fold 0 "
                       "(in row order), both scaled by standardize_ex(train)");
    dsp_matfile_header(f, "k", "%d", K);
    for (size_t i = 0; i < n_test; i++)
        row[i] = pred[i];
    dsp_matfile_write_row(f, row);
    if ((s = dsp_matfile_commit(f)) != DSP_OK)
        goto done;

    s = crossval_ex(X, labels, N_CLIPS, dim, N_CLASSES, K, fold, N_FOLDS, C, &acc);
    if (s != DSP_OK) {
        s = dsp_fail(s, "crossval_ex failed (%d)", s);
        goto done;
    }
    s = DSP_EIO;
    if (!(f = refgen_open(dir, "crossval_clips.txt", N_CLASSES, LESSON, "crossval_ex")))
        goto done;
    dsp_matfile_header(f, "input", "clip_summaries.txt, k %d, %d folds", K, N_FOLDS);
    dsp_matfile_header(f, "accuracy", "%.2f", acc);
    dsp_matfile_header(f, "rows_are", "true class, columns the predicted one");
    for (int t = 0; t < N_CLASSES; t++) {
        for (int q = 0; q < N_CLASSES; q++)
            row[q] = C[t * N_CLASSES + q];
        dsp_matfile_write_row(f, row);
    }
    s = dsp_matfile_commit(f);
done:
    dsp_features_free(ft);
    free(X);
    free(row);
    free(train);
    free(test);
    free(mean);
    free(scale);
    return s;
}

static int write_all(const char *dir)
{
    int s = write_descriptors(dir, "descriptors_piano.txt", "data/clips/piano/piano-00.wav");
    if (s == DSP_OK)
        s = write_descriptors(dir, "descriptors_speech.txt", "data/clips/speech/speech-03.wav");
    if (s == DSP_OK)
        s = write_summary(dir);
    if (s == DSP_OK)
        s = write_clips(dir);
    return s;
}

int main(int argc, char **argv)
{
    return refgen_main(argc, argv, "10", write_all);
}
