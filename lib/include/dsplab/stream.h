/*
 * stream.h — the STFT and mel front ends on a live signal: push samples in
 * any amounts, get each frame as soon as its last sample has arrived.
 *
 * A stream computes exactly the frames of an offline object on the same
 * signal, in order, frame k with the same numbers (the same code on the
 * same samples; tests/test_stream.c checks 1e-12 for random push sizes):
 *   dsp_stream_new_stft     dsp_stft_magnitude (stft.h): frame k centred on
 *                           sample k*H, floor(L/H)+1 frames, N/2+1 values;
 *   dsp_stream_new_melspec  dsp_melspec_frame (melspec.h), librosa's centred
 *                           or VGGish's inside framing, n_mels values; with
 *                           DSP_STREAM_MEL_DB each frame through power_to_db
 *                           (ref 1, amin 1e-10, no top_db: a clip against the
 *                           whole signal's maximum cannot stream); with
 *                           DSP_STREAM_MFCC then the DCT of mfcc.h (librosa's
 *                           mfcc with top_db=None), n_mfcc values;
 *   dsp_stream_new_vggish   dsp_vggish_frame (vggish.h) on input already at
 *                           the preset's sample rate (16 kHz), n_mels values.
 * Centred frames read zeros before sample 0, as librosa pads: the stream
 * starts with those zeros in its buffer. The frames whose windows reach
 * past the end (centred framing) come out of dsp_stream_finish(), which
 * reads zeros there, once the signal's length is known.
 *
 * Latency, fixed: frame k is delivered by the push that brings the count
 * of samples pushed to k*H + dsp_stream_latency(s) (the end of its
 * window): ceil(M/2) after the frame's centre for the STFT, the window's
 * right half for librosa's framing (win_length + (n_fft - win_length)/2 -
 * n_fft/2), the whole window for VGGish's (400 samples = 25 ms at 16 kHz;
 * frame k's row time is its start k*H).
 *
 * Memory: everything is allocated by dsp_stream_new_*; push and finish
 * never allocate (tests/test_stream.c counts the heap with mallinfo2, as
 * bench_stft does), so the footprint is fixed
 * whatever the signal's length: a buffer of 16 windows plus the offline
 * object's.
 *
 *     struct dsp_melspec_params p = dsp_melspec_defaults(16000);
 *     struct dsp_stream *s = dsp_stream_new_melspec(&p, DSP_STREAM_MEL_POWER, 0);
 *     while ((n = read_some(block, 160)) > 0)
 *         dsp_stream_push(s, block, n, on_frame, ctx);   // on_frame(ctx, k, row, 128)
 *     dsp_stream_finish(s, on_frame, ctx);
 *     dsp_stream_free(s);
 */
#ifndef DSPLAB_STREAM_H
#define DSPLAB_STREAM_H

#include "dsplab/melspec.h"
#include "dsplab/vggish.h"

#include <stddef.h>

enum dsp_stream_mel {
    DSP_STREAM_MEL_POWER,   /* the mel spectrogram (|X|^power through the bank) */
    DSP_STREAM_MEL_DB,      /* its power_to_db, per frame */
    DSP_STREAM_MFCC,        /* the first n_mfcc orthonormal DCT-II coefficients of that */
};

struct dsp_stream;

/* Receives frame k (0, 1, 2, ... in order): n values, valid during the
 * call only. */
typedef void (*dsp_stream_frame_fn)(void *ctx, size_t k, const double *frame, size_t n);

/* NULL with dsp_last_error() set on a bad parameter (as the offline
 * object's constructor says it). */
struct dsp_stream *dsp_stream_new_stft(const double *window, size_t m, size_t n_fft, size_t hop);
struct dsp_stream *dsp_stream_new_melspec(const struct dsp_melspec_params *p,
                                          enum dsp_stream_mel output, size_t n_mfcc);
struct dsp_stream *dsp_stream_new_vggish(const struct dsp_vggish_params *p);
void dsp_stream_free(struct dsp_stream *s);   /* NULL is a no-op */

size_t dsp_stream_frame_size(const struct dsp_stream *s);   /* values per frame */
size_t dsp_stream_hop(const struct dsp_stream *s);          /* samples between frames */
size_t dsp_stream_latency(const struct dsp_stream *s);      /* samples, see above */
size_t dsp_stream_frames_done(const struct dsp_stream *s);  /* frames delivered so far */
/* The mel spectrogram object a mel stream computes with (NULL for the
 * others): its bank, band count and parameters. */
const struct dsp_melspec *dsp_stream_melspec(const struct dsp_stream *s);

/* Appends x[0..n-1] (n may be 0) and calls fn for every frame completed.
 * DSP_EINVAL after dsp_stream_finish (until dsp_stream_reset). */
int dsp_stream_push(struct dsp_stream *s, const double *x, size_t n, dsp_stream_frame_fn fn,
                    void *ctx);
/* The signal has ended: delivers the frames left (those the offline object
 * has for this many samples), reading zeros past the end. */
int dsp_stream_finish(struct dsp_stream *s, dsp_stream_frame_fn fn, void *ctx);
/* Forgets the signal: the next push starts a new one at sample 0. */
void dsp_stream_reset(struct dsp_stream *s);

#endif
