/*
 * mfcc.h — mel-frequency cepstral coefficients (librosa.feature.mfcc).
 *
 * The MFCCs of a frame are the first n_mfcc coefficients of the orthonormal
 * DCT-II (scipy.fftpack.dct(type=2, norm='ortho')) of its dB mel spectrum:
 *   c[q] = s_q * sum_{m=0}^{M-1} db[m] * cos(pi * q * (2m + 1) / (2M)),
 *   s_0 = sqrt(1/M), s_q = sqrt(2/M) for q >= 1,   M = n_mels.
 * librosa's default (n_mfcc 20) takes db = power_to_db(melspectrogram,
 * ref=1.0, amin=1e-10, top_db=80) over the whole signal, which
 * dsp_mfcc_compute does; rows are frames, C[k * n_mfcc + q].
 *
 *     struct dsp_melspec_params p = dsp_melspec_defaults(22050);
 *     struct dsp_melspec *ms = dsp_melspec_new(&p);
 *     struct dsp_mfcc *mf = dsp_mfcc_new(128, 20);
 *     size_t frames = dsp_melspec_num_frames(ms, len);
 *     // S: frames x 128 scratch, C: frames x 20
 *     dsp_mfcc_compute(mf, ms, x, len, S, C, frames);
 *     dsp_mfcc_free(mf);
 *     dsp_melspec_free(ms);
 */
#ifndef DSPLAB_MFCC_H
#define DSPLAB_MFCC_H

#include "dsplab/melspec.h"

#include <stddef.h>

struct dsp_mfcc;

/* 1 <= n_mfcc <= n_mels; NULL with dsp_last_error() set otherwise. */
struct dsp_mfcc *dsp_mfcc_new(size_t n_mels, size_t n_mfcc);
void dsp_mfcc_free(struct dsp_mfcc *mf);   /* NULL is a no-op */

size_t dsp_mfcc_num_coeffs(const struct dsp_mfcc *mf);

/* One frame: db[0..n_mels-1] -> c[0..n_mfcc-1]. DSP_EINVAL if n_mels differs
 * from the object's. */
int dsp_mfcc_frame(const struct dsp_mfcc *mf, const double *db, size_t n_mels, double *c);

/* The whole signal with librosa's defaults: the mel spectrogram of x into S
 * (n_frames x n_mels, left holding the dB values), then C (n_frames x
 * n_mfcc). n_frames must equal dsp_melspec_num_frames(ms, len), and ms's
 * band count the object's n_mels. */
int dsp_mfcc_compute(const struct dsp_mfcc *mf, struct dsp_melspec *ms, const double *x,
                     size_t len, double *S, double *C, size_t n_frames);

#endif
