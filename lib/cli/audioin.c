/* audioin.c — WAV or raw PCM from a pipe (see audioin.h). */
#include "audioin.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Reads exactly n bytes (less only at the end of the input). */
static size_t read_full(int fd, unsigned char *p, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, p + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    return got;
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t le16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static int fail(char *why, size_t size, const char *msg)
{
    snprintf(why, size, "%s", msg);
    return -1;
}

/* The WAV header after "RIFF": up to the start of the data chunk. */
static int read_wav_header(struct audioin *a, char *why, size_t size)
{
    unsigned char h[8], fmt[40];
    int have_fmt = 0, bits = 0, tag = 0;
    if (read_full(a->fd, h, 8) != 8 || memcmp(h + 4, "WAVE", 4) != 0)
        return fail(why, size, "RIFF but not WAVE: not a WAV stream");
    for (;;) {
        if (read_full(a->fd, h, 8) != 8)
            return fail(why, size, "WAV stream ends before its data chunk");
        uint32_t len = le32(h + 4);
        if (memcmp(h, "data", 4) == 0)
            break;
        size_t skip = (size_t)len + (len & 1);   /* chunks are padded to even sizes */
        if (memcmp(h, "fmt ", 4) == 0) {
            if (len < 16 || len > sizeof fmt)
                return fail(why, size, "WAV fmt chunk has an unexpected size");
            if (read_full(a->fd, fmt, skip) != skip)
                return fail(why, size, "WAV stream ends inside its fmt chunk");
            tag = le16(fmt);
            a->channels = le16(fmt + 2);
            a->rate = le32(fmt + 4);
            bits = le16(fmt + 14);
            if (tag == 0xFFFE && len >= 26)
                tag = le16(fmt + 24);   /* the sub-format GUID's first two bytes */
            have_fmt = 1;
            continue;
        }
        unsigned char junk[512];
        while (skip > 0) {
            size_t n = skip < sizeof junk ? skip : sizeof junk;
            if (read_full(a->fd, junk, n) != n)
                return fail(why, size, "WAV stream ends inside a chunk before its data");
            skip -= n;
        }
    }
    if (!have_fmt)
        return fail(why, size, "WAV stream has no fmt chunk before its data");
    if (tag == 1 && bits == 8)
        a->format = AUDIOIN_U8;
    else if (tag == 1 && bits == 16)
        a->format = AUDIOIN_S16;
    else if (tag == 1 && bits == 24)
        a->format = AUDIOIN_S24;
    else if (tag == 1 && bits == 32)
        a->format = AUDIOIN_S32;
    else if (tag == 3 && bits == 32)
        a->format = AUDIOIN_F32;
    else if (tag == 3 && bits == 64)
        a->format = AUDIOIN_F64;
    else {
        snprintf(why, size, "WAV format %d with %d-bit samples is not supported (PCM 8/16/24/32, "
                 "float 32/64)", tag, bits);
        return -1;
    }
    if (a->channels < 1 || a->channels > 1024 || !(a->rate > 0))
        return fail(why, size, "WAV header has an impossible channel count or sample rate");
    uint32_t len = le32(h + 4);
    a->left = len == 0 || len >= 0x7ffff000u ? UINT64_MAX : len;
    return 0;
}

static size_t sample_bytes(enum audioin_format f)
{
    switch (f) {
    case AUDIOIN_U8: return 1;
    case AUDIOIN_S16: return 2;
    case AUDIOIN_S24: return 3;
    case AUDIOIN_F64: return 8;
    default: return 4;
    }
}

int audioin_open(struct audioin *a, int fd, double raw_rate, int raw_channels, char *why,
                 size_t why_size)
{
    memset(a, 0, sizeof *a);
    a->fd = fd;
    a->left = UINT64_MAX;
    a->have = read_full(fd, a->buf, 4);
    if (a->have == 4 && memcmp(a->buf, "RIFF", 4) == 0) {
        a->have = 0;
        a->is_wav = 1;
        if (read_wav_header(a, why, why_size) != 0)
            return -1;
    } else {
        a->format = AUDIOIN_S16;   /* the bytes read stay in buf as samples */
        a->channels = raw_channels;
        a->rate = raw_rate;
    }
    a->frame_bytes = sample_bytes(a->format) * (size_t)a->channels;
    return 0;
}

static double sample_at(enum audioin_format f, const unsigned char *p)
{
    switch (f) {
    case AUDIOIN_U8:
        return ((double)p[0] - 128.0) / 128.0;
    case AUDIOIN_S16:
        return (double)(int16_t)le16(p) / 32768.0;
    case AUDIOIN_S24: {
        int32_t v = (int32_t)((uint32_t)p[0] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 24);
        return (double)v / 2147483648.0;
    }
    case AUDIOIN_S32:
        return (double)(int32_t)le32(p) / 2147483648.0;
    case AUDIOIN_F32: {
        uint32_t bits = le32(p);
        float v;
        memcpy(&v, &bits, 4);
        return v;
    }
    default: {
        uint64_t bits = (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
        double v;
        memcpy(&v, &bits, 8);
        return v;
    }
    }
}

long audioin_read(struct audioin *a, double *mono, size_t max, char *why, size_t why_size)
{
    while (a->have < a->frame_bytes) {
        size_t room = sizeof a->buf - a->have;
        if (a->left != UINT64_MAX && room > a->left)
            room = (size_t)a->left;
        if (room == 0)
            return 0;   /* the data chunk is done */
        ssize_t r = read(a->fd, a->buf + a->have, room);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            snprintf(why, why_size, "read error: %s", strerror(errno));
            return -1;
        }
        if (r == 0)
            return 0;   /* the end (a partial last frame is dropped, as libsndfile does) */
        a->have += (size_t)r;
        if (a->left != UINT64_MAX)
            a->left -= (uint64_t)r;
    }
    size_t frames = a->have / a->frame_bytes, sb = sample_bytes(a->format);
    if (frames > max)
        frames = max;
    size_t ch = (size_t)a->channels;
    for (size_t i = 0; i < frames; i++) {
        const unsigned char *p = a->buf + i * a->frame_bytes;
        if (ch == 1) {
            mono[i] = sample_at(a->format, p);
        } else {
            double sum = 0.0;
            for (size_t c = 0; c < ch; c++)
                sum += sample_at(a->format, p + c * sb);
            mono[i] = sum / (double)ch;
        }
    }
    size_t used = frames * a->frame_bytes;
    memmove(a->buf, a->buf + used, a->have - used);
    a->have -= used;
    return (long)frames;
}
