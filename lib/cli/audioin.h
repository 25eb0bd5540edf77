/*
 * audioin.h — audio from a pipe (standard input), read as it arrives, for
 * the streaming commands (`dsplab melspec -`).
 *
 * A stream that starts with "RIFF....WAVE" is a WAV file: its fmt chunk
 * gives the rate, the channels and the sample format (PCM 8/16/24/32-bit,
 * IEEE float 32/64-bit, also as WAVE_FORMAT_EXTENSIBLE); the data chunk's
 * size is honoured unless it is 0 or at least 0x7ffff000, which recorders
 * writing to a pipe (arecord, sox) put there for "until the end". Anything
 * else is raw signed 16-bit little-endian PCM (arecord -f S16_LE -t raw) at
 * the rate and channel count given. Samples are scaled as libsndfile does
 * (16-bit: 1/32768), and channels are averaged to mono in order, as
 * dsp_audio_read_mono does, so a WAV piped in gives the same samples as the
 * file read from disk.
 */
#ifndef DSPLAB_CLI_AUDIOIN_H
#define DSPLAB_CLI_AUDIOIN_H

#include <stddef.h>
#include <stdint.h>

enum audioin_format { AUDIOIN_U8, AUDIOIN_S16, AUDIOIN_S24, AUDIOIN_S32, AUDIOIN_F32, AUDIOIN_F64 };

struct audioin {
    int fd;
    enum audioin_format format;
    int channels;
    double rate;
    int is_wav;
    size_t frame_bytes;     /* bytes per sample frame (all channels) */
    uint64_t left;          /* data bytes still to read; UINT64_MAX: until EOF */
    unsigned char buf[1 << 15];
    size_t have;            /* bytes in buf not yet converted */
};

/* Reads the WAV header if there is one. 0, or -1 with why filled in. */
int audioin_open(struct audioin *a, int fd, double raw_rate, int raw_channels, char *why,
                 size_t why_size);

/* Waits for at least one sample frame (or the end) and converts what has
 * arrived, up to max frames, into mono. Returns the frame count, 0 at the
 * end, -1 on a read error (why filled in). */
long audioin_read(struct audioin *a, double *mono, size_t max, char *why, size_t why_size);

#endif
