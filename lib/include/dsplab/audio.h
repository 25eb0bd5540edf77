/*
 * audio.h — reading and writing sound files (libsndfile).
 *
 * Reading accepts what libsndfile reads (WAV 8/16/24/32-bit integer and
 * float, AIFF, FLAC, OGG/Vorbis, ...) except MPEG audio (MP3): libsndfile
 * decodes that with libmpg123, which prints to stderr on damaged input, so
 * a file that starts like MPEG audio is refused (DSP_EFORMAT) before any
 * decoder sees it; every other decoder reports through libsndfile's log and
 * the library stays silent. Samples come back as doubles in [-1, 1],
 * interleaved by channel: frame f, channel c is data[f*channels + c].
 * A sample that is NaN or infinite (a float file can hold them) is refused:
 * "FILE: sample N of channel C is nan" (N the frame, C the channel, from 0).
 * A file shorter than its header says (libsndfile's log records the sample
 * chunk's declared and actual size) is refused: "FILE: truncated: the
 * header declares 8000 frames, the file holds 1000".
 * Writing produces WAV, 16-bit PCM or 32-bit float, via a temporary file that
 * is renamed into place, so a failed write never leaves a partial file.
 *
 *     struct dsp_audio a;
 *     if (dsp_audio_read("voice.wav", &a) != DSP_OK) { ...dsp_last_error()... }
 *     double *mono = malloc(a.frames * sizeof *mono);
 *     dsp_audio_mixdown(&a, mono);
 *     dsp_audio_write_wav("copy.wav", mono, a.frames, 1, a.sample_rate, DSP_WAV_PCM16);
 *     dsp_audio_free(&a);
 */
#ifndef DSPLAB_AUDIO_H
#define DSPLAB_AUDIO_H

#include <stddef.h>

struct dsp_audio {
    double *data;        /* frames * channels samples, interleaved, in [-1, 1] */
    size_t frames;       /* samples per channel */
    int channels;        /* >= 1 */
    double sample_rate;  /* Hz */
    char format[64];     /* human-readable container and encoding, e.g. "WAV 16-bit PCM" */
};

enum dsp_wav_encoding {
    DSP_WAV_PCM16,       /* 16-bit signed integer; values are clipped to [-1, 1) */
    DSP_WAV_FLOAT32,     /* 32-bit IEEE float; values are stored as they are */
};

/* Reads a whole sound file. Fails with DSP_EIO (missing, unreadable),
 * DSP_EFORMAT (not a sound file, unsupported, truncated, absurd header, a
 * NaN or infinite sample) or
 * DSP_EEMPTY (zero frames); dsp_last_error() names the file and the reason.
 * On success the caller owns a->data and releases it with dsp_audio_free(). */
int dsp_audio_read(const char *path, struct dsp_audio *a);

/* What dsp_audio_read would report, without reading the samples: fills
 * frames, channels, sample_rate and format, leaves info->data NULL (nothing to
 * free). Reads the header only, unless the header holds no length (a
 * stream), which is then decoded in constant memory. Fails like
 * dsp_audio_read, truncation included (samples are not checked). */
int dsp_audio_probe(const char *path, struct dsp_audio *info);

/* Reads a file and mixes it down to mono in one step: *x (allocated, caller
 * frees with free()) holds *n samples, *sample_rate is in Hz. */
int dsp_audio_read_mono(const char *path, double **x, size_t *n, double *sample_rate);

/* Mono downmix: mono[f] = mean over channels of a->data[f*channels + c].
 * mono has a->frames samples, allocated by the caller. */
int dsp_audio_mixdown(const struct dsp_audio *a, double *mono);

/* Frees a->data and resets *a. Safe on a zeroed or already-freed struct. */
void dsp_audio_free(struct dsp_audio *a);

/* Writes frames * channels interleaved samples as a WAV file. */
int dsp_audio_write_wav(const char *path, const double *data, size_t frames, int channels,
                        double sample_rate, enum dsp_wav_encoding encoding);

#endif
