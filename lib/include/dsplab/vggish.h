/*
 * vggish.h — the VGGish / AudioSet log-mel front end (tensorflow/models
 * research/audioset/vggish: vggish_input.py, mel_features.py,
 * vggish_params.py; Core ML's SoundAnalysisPreprocessing computes the same).
 *
 * Steps, with the defaults of vggish_params.py:
 *   1. resample the input to 16 kHz as VGGish's vggish_input.py does, with
 *      resampy's defaults: the kaiser_best filter and floor(L * 16000 / sr)
 *      samples (resample.h, DSP_RESAMPLE_KAISER_BEST and
 *      DSP_RESAMPLE_LEN_FLOOR; from 44.1 kHz the log-mel matches VGGish's
 *      to 1e-4 and better, tests/test_vggish.c). Setting resample.filter
 *      to DSP_RESAMPLE_DESIGN uses the flat Kaiser design instead (-0.0
 *      dB at 7.2 kHz where kaiser_best is at -2.2 dB);
 *   2. frames of round(0.025 * 16000) = 400 samples every round(0.010 *
 *      16000) = 160, only frames wholly inside the signal:
 *      1 + (L - 400) / 160 frames, 0 if L < 400;
 *   3. periodic Hann window, FFT of 512 (the next power of two), magnitude
 *      |X| (not power), 257 bins;
 *   4. 64 mel bands from 125 to 7500 Hz on the 1127 ln(1 + f/700) scale,
 *      triangles drawn in mel, DC bin weight 0, no area normalisation
 *      (mel_features.spectrogram_to_mel_matrix);
 *   5. ln(mel + 0.01);
 *   6. examples of 96 frames (0.96 s) every 96 frames:
 *      1 + (frames - 96) / 96 examples, 0 if frames < 96.
 * So 15600 samples at 16 kHz give 96 frames = one 96 x 64 example. Each
 * number is a field of struct dsp_vggish_params.
 *
 *     struct dsp_vggish_params p = dsp_vggish_defaults();
 *     struct dsp_vggish *v = dsp_vggish_new(&p, 44100);
 *     size_t n16 = dsp_vggish_resampled_len(v, len);
 *     size_t frames = dsp_vggish_num_frames(v, len);
 *     // work: n16 doubles (NULL if the input is already 16 kHz)
 *     // logmel: frames x 64
 *     dsp_vggish_log_mel(v, x, len, work, logmel, frames);
 *     dsp_vggish_free(v);
 */
#ifndef DSPLAB_VGGISH_H
#define DSPLAB_VGGISH_H

#include "dsplab/resample.h"

#include <stddef.h>

struct dsp_vggish_params {
    double sample_rate;             /* 16000 Hz: the rate the features are computed at */
    double window_seconds;          /* 0.025 */
    double hop_seconds;             /* 0.010 */
    size_t n_mels;                  /* 64 */
    double fmin, fmax;              /* 125, 7500 Hz */
    double log_offset;              /* 0.01: ln(mel + log_offset) */
    double example_window_seconds;  /* 0.96 */
    double example_hop_seconds;     /* 0.96 */
    struct dsp_resample_params resample;   /* kaiser_best, floor length */
};

struct dsp_vggish_params dsp_vggish_defaults(void);

struct dsp_vggish;

/* input_rate: the rate of the signals given to this object (whole Hz).
 * NULL with dsp_last_error() set for a bad parameter (e.g. fmax above the
 * Nyquist frequency of sample_rate). */
struct dsp_vggish *dsp_vggish_new(const struct dsp_vggish_params *p, double input_rate);
void dsp_vggish_free(struct dsp_vggish *v);   /* NULL is a no-op */

size_t dsp_vggish_num_bands(const struct dsp_vggish *v);       /* 64 */
size_t dsp_vggish_window_length(const struct dsp_vggish *v);   /* 400 samples */
size_t dsp_vggish_hop_length(const struct dsp_vggish *v);      /* 160 samples */
size_t dsp_vggish_fft_size(const struct dsp_vggish *v);        /* 512 */
size_t dsp_vggish_example_frames(const struct dsp_vggish *v);  /* 96 */
size_t dsp_vggish_example_hop(const struct dsp_vggish *v);     /* 96 */

/* For an input of len samples at input_rate: */
size_t dsp_vggish_resampled_len(const struct dsp_vggish *v, size_t len);
size_t dsp_vggish_num_frames(const struct dsp_vggish *v, size_t len);
size_t dsp_vggish_num_examples(const struct dsp_vggish *v, size_t len);

/* Resamples x (len samples at input_rate) into work (resampled_len values;
 * may be NULL when input_rate == sample_rate) and writes the log-mel
 * features: n_frames rows of n_mels values. n_frames must equal
 * dsp_vggish_num_frames(v, len). */
int dsp_vggish_log_mel(struct dsp_vggish *v, const double *x, size_t len, double *work,
                       double *logmel, size_t n_frames);

/* One frame k of a signal already at sample_rate (x16, len16 samples):
 * n_mels values. For streaming. */
int dsp_vggish_frame(struct dsp_vggish *v, const double *x16, size_t len16, size_t k,
                     double *logmel);

/* One frame from its window_length samples (at sample_rate): what
 * dsp_vggish_frame gives for the frame that reads them. For stream.h. */
int dsp_vggish_frame_samples(struct dsp_vggish *v, const double *seg, double *logmel);

/* Groups log-mel rows into examples: example e = rows e*hop .. e*hop +
 * frames - 1, copied to out[e * frames * n_mels ...]. n_examples must be
 * 1 + (n_frames - frames) / hop (0 if n_frames < frames). */
int dsp_vggish_examples(const struct dsp_vggish *v, const double *logmel, size_t n_frames,
                        double *out, size_t n_examples);

#endif
