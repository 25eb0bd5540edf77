/*
 * Lesson 12 — streaming: the exercises students write (see README.md).
 *
 * A stream's state lives in arrays the caller owns and passes in on every
 * call (the ring buffer and the count of samples pushed so far), so each
 * function is a plain function of its arguments. Framing is VGGish's
 * "inside" framing: frame k is the win samples k*hop .. k*hop + win - 1,
 * and it exists once win + k*hop samples have been pushed.
 *
 * Every function returns DSP_OK, or DSP_EINVAL for a bad argument; the stubs
 * return DSP_ETODO until the student fills them in. Outputs go into arrays
 * the caller allocates; a length sits next to its pointer.
 */
#ifndef LESSON12_EXERCISE_H
#define LESSON12_EXERCISE_H

#include <stddef.h>

#include <dsplab/status.h>

/* Part 1: a ring buffer of cap samples (ring has cap values).
 * ring_write_ex: slot (pos + i) % cap receives x[i], i = 0..n-1 (a later
 * sample overwrites an earlier one in the same slot). cap >= 1. */
int ring_write_ex(double *ring, size_t cap, size_t pos, const double *x, size_t n);
/* ring_latest_ex: out[i] = ring[(pos + cap - count + i) % cap], i = 0..count-1:
 * the count samples written last before slot pos, oldest first (out has
 * count values). 1 <= cap, count <= cap. */
int ring_latest_ex(const double *ring, size_t cap, size_t pos, size_t count, double *out);

/* Part 2: pushing n more samples after `pushed` completes the frames
 * first .. first + count - 1 (count may be 0; first is then the next frame
 * to complete). win >= 1, hop >= 1. first and count: one value each. */
int frames_ready_ex(size_t pushed, size_t n, size_t win, size_t hop, size_t *first,
                    size_t *count);

/* Part 3: a streaming framer. ring (cap values, cap >= win) holds the
 * stream's recent samples, sample t in slot t % cap; pushed samples came
 * before x. Writes x into the ring and copies every frame that x completes,
 * in order, into frames (row j = the frame's win samples): frames has
 * max_frames * win values, max_frames >= n / hop + 1; *n_frames (one value)
 * gets the count. */
int framer_push_ex(double *ring, size_t cap, size_t pushed, const double *x, size_t n,
                   size_t win, size_t hop, double *frames, size_t max_frames, size_t *n_frames);

/* Part 4: a streaming log-mel front end with any sizes (VGGish's steps):
 * each frame the push completes goes through a periodic Hann window of win
 * samples, zero padding to n_fft >= win, the magnitude |X| of its n_fft/2+1
 * bins, the mel bank (bank: n_mels rows of n_fft/2+1 weights, row-major),
 * then ln(mel + 0.01). Ring and framing as in Part 3; logmel has
 * max_frames * n_mels values; *n_frames (one value) gets the count. */
int stream_mel_ex(double *ring, size_t cap, size_t pushed, const double *x, size_t n,
                  size_t win, size_t hop, size_t n_fft, const double *bank, size_t n_mels,
                  double *logmel, size_t max_frames, size_t *n_frames);

/* Part 5: the fixed latency of a framing, in samples and milliseconds:
 * frame k becomes complete when k*hop + *samples samples have been pushed.
 * centered = 0: inside framing (window of win samples at k*hop);
 * centered = 1: librosa's (win samples centred in an n_fft frame centred on
 * sample k*hop: it starts at k*hop - n_fft/2 + (n_fft - win)/2, integer
 * division). win >= 1, n_fft >= win, sample_rate > 0. One value each. */
int latency_ex(size_t win, size_t hop, size_t n_fft, int centered, double sample_rate,
               size_t *samples, double *ms);

#endif
