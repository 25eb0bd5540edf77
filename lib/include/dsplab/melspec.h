/*
 * melspec.h — mel spectrograms (librosa.feature.melspectrogram) and their
 * decibel form (librosa.power_to_db).
 *
 * Frame k of a signal of L samples, hop H, FFT size N, window length M <= N:
 *   DSP_FRAMES_CENTERED (librosa center=True, pad_mode='constant'): the
 *       signal is padded with N/2 zeros on each side; there are
 *       1 + (L + 2*(N/2) - N) / H frames (1 + L/H for even N), and the window
 *       (M samples, zero-padded to N in the middle, as librosa does) is
 *       centred on sample k*H.
 *   DSP_FRAMES_INSIDE (VGGish mel_features.frame): frames of M samples
 *       starting at k*H, only those wholly inside the signal:
 *       1 + (L - M) / H frames, 0 when L < M; zero-padded to N for the FFT.
 * The window is the PERIODIC form (scipy get_window(..., fftbins=True)) and
 * is not normalised (librosa's convention, unlike the DFT model's unit-sum
 * window). Each frame's spectrum is |X_k|^power over N/2+1 bins (power 2 for
 * power, 1 for magnitude), then the mel filterbank (mel.h) is applied.
 * Output rows are frames: S[k * n_mels + m] (librosa's array is S.T).
 *
 * With the defaults (n_fft 2048, hop 512, Hann, power 2, 128 Slaney bands,
 * Slaney norm) the values equal librosa's melspectrogram computed in float64
 * within 1e-5 relative; tests/gen/mel_ref.py holds the reference formulas.
 *
 *     struct dsp_melspec_params p = dsp_melspec_defaults(22050);
 *     struct dsp_melspec *ms = dsp_melspec_new(&p);
 *     size_t frames = dsp_melspec_num_frames(ms, len);
 *     double *S = malloc(frames * 128 * sizeof *S);
 *     dsp_melspec_compute(ms, x, len, S, frames);        // or frame by frame:
 *     dsp_melspec_frame(ms, x, len, 0, S);               //   128 values
 *     dsp_melspec_power_to_db(S, frames * 128, DSP_DB_REF_MAX, 1e-10, 80, S);
 *     dsp_melspec_free(ms);
 */
#ifndef DSPLAB_MELSPEC_H
#define DSPLAB_MELSPEC_H

#include "dsplab/mel.h"
#include "dsplab/window.h"

#include <math.h>
#include <stddef.h>

enum dsp_melspec_framing {
    DSP_FRAMES_CENTERED,
    DSP_FRAMES_INSIDE,
};

struct dsp_melspec_params {
    double sample_rate;       /* Hz */
    size_t n_fft;             /* FFT size N (2048) */
    size_t win_length;        /* window length M, 1 <= M <= N (N) */
    size_t hop;               /* >= 1 (512) */
    enum dsp_window window;   /* DSP_WIN_HANN, periodic */
    double window_param;      /* Kaiser beta / Gaussian sigma; else ignored */
    enum dsp_melspec_framing framing;   /* DSP_FRAMES_CENTERED */
    double power;             /* > 0: 2 power spectrum, 1 magnitude (2) */
    struct dsp_melbank_params mel;      /* its sample_rate and n_fft are taken
                                           from the fields above */
};

/* librosa's defaults at this sample rate (see above). */
struct dsp_melspec_params dsp_melspec_defaults(double sample_rate);

struct dsp_melspec;

/* NULL with dsp_last_error() set ("mel spectrogram: window length (4096)
 * is longer than n_fft (2048)", or the filterbank's message). */
struct dsp_melspec *dsp_melspec_new(const struct dsp_melspec_params *p);
void dsp_melspec_free(struct dsp_melspec *ms);   /* NULL is a no-op */

size_t dsp_melspec_num_frames(const struct dsp_melspec *ms, size_t len);
size_t dsp_melspec_num_bands(const struct dsp_melspec *ms);
const struct dsp_melbank *dsp_melspec_melbank(const struct dsp_melspec *ms);

/* Frame k (< num_frames(len)) of x[0..len-1] -> mel[0..n_mels-1]. */
int dsp_melspec_frame(struct dsp_melspec *ms, const double *x, size_t len, size_t k,
                      double *mel);

/* One frame from its samples: seg holds the win_length samples under the
 * window (those the offline frame reads, zeros where it reads padding);
 * mel gets n_mels values, the same as dsp_melspec_frame gives for that
 * frame. For streaming (stream.h). */
int dsp_melspec_frame_samples(struct dsp_melspec *ms, const double *seg, double *mel);

/* Frame k's spectrum |X|^power, N/2+1 values (before the mel bank). */
int dsp_melspec_spectrum(struct dsp_melspec *ms, const double *x, size_t len, size_t k,
                         double *spec);

/* Every frame: S holds n_frames rows of n_mels values; n_frames must equal
 * dsp_melspec_num_frames(ms, len). */
int dsp_melspec_compute(struct dsp_melspec *ms, const double *x, size_t len, double *S,
                        size_t n_frames);

/* Pass as ref to measure against the largest value of S. */
#define DSP_DB_REF_MAX 0.0
/* Pass as top_db for no clipping. */
#define DSP_DB_NO_TOP INFINITY

/* librosa.power_to_db over a whole spectrogram of n values:
 *   db = 10 log10(max(amin, S)) - 10 log10(max(amin, ref)),
 *   then db = max(db, max(db) - top_db).
 * ref > 0, or DSP_DB_REF_MAX for max(S); amin > 0 (librosa 1e-10); top_db
 * >= 0 (librosa 80) or DSP_DB_NO_TOP. top_db needs the whole array's maximum,
 * so a streaming caller converts with top_db = DSP_DB_NO_TOP per frame.
 * S and db may be the same array. Never -inf or NaN for finite S >= 0. */
int dsp_melspec_power_to_db(const double *S, size_t n, double ref, double amin, double top_db,
                            double *db);

#endif
