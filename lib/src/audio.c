/* audio.c — sound files through libsndfile (see audio.h). */
#include "dsplab/audio.h"

#include "outfile.h"

#include "dsplab/status.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sndfile.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_CHANNELS 1024
/* Frames read per call; the buffer grows as the file turns out longer, so a
 * header claiming billions of frames never causes a huge allocation. */
#define CHUNK_FRAMES 65536

static const char *major_name(int major)
{
    switch (major) {
    case SF_FORMAT_WAV: return "WAV";
    case SF_FORMAT_WAVEX: return "WAV";
    case SF_FORMAT_AIFF: return "AIFF";
    case SF_FORMAT_AU: return "AU";
    case SF_FORMAT_RAW: return "RAW";
    case SF_FORMAT_W64: return "W64";
    case SF_FORMAT_RF64: return "RF64";
    case SF_FORMAT_CAF: return "CAF";
    case SF_FORMAT_FLAC: return "FLAC";
    case SF_FORMAT_OGG: return "OGG";
    default: return NULL;
    }
}

static const char *subtype_name(int sub)
{
    switch (sub) {
    case SF_FORMAT_PCM_S8: return "8-bit PCM";
    case SF_FORMAT_PCM_U8: return "8-bit unsigned PCM";
    case SF_FORMAT_PCM_16: return "16-bit PCM";
    case SF_FORMAT_PCM_24: return "24-bit PCM";
    case SF_FORMAT_PCM_32: return "32-bit PCM";
    case SF_FORMAT_FLOAT: return "32-bit float";
    case SF_FORMAT_DOUBLE: return "64-bit float";
    case SF_FORMAT_ULAW: return "u-law";
    case SF_FORMAT_ALAW: return "A-law";
    case SF_FORMAT_IMA_ADPCM: return "IMA ADPCM";
    case SF_FORMAT_MS_ADPCM: return "MS ADPCM";
    case SF_FORMAT_GSM610: return "GSM 6.10";
    case SF_FORMAT_VORBIS: return "Vorbis";
    default: return NULL;
    }
}

/* "WAV 16-bit PCM", "FLAC 24-bit", "OGG Vorbis"; libsndfile's own names for
 * anything not in the tables above. */
static void describe_format(int format, char *out, size_t size)
{
    int major = format & SF_FORMAT_TYPEMASK, sub = format & SF_FORMAT_SUBMASK;
    const char *m = major_name(major), *s = subtype_name(sub);
    SF_FORMAT_INFO info;
    if (!m) {
        memset(&info, 0, sizeof info);
        info.format = major;
        m = sf_command(NULL, SFC_GET_FORMAT_INFO, &info, sizeof info) == 0 && info.name
                ? info.name : "unknown container";
    }
    if (!s) {
        SF_FORMAT_INFO sinfo;
        memset(&sinfo, 0, sizeof sinfo);
        sinfo.format = sub;
        s = sf_command(NULL, SFC_GET_FORMAT_INFO, &sinfo, sizeof sinfo) == 0 && sinfo.name
                ? sinfo.name : "unknown encoding";
    }
    if (major == SF_FORMAT_FLAC && (sub == SF_FORMAT_PCM_S8 || sub == SF_FORMAT_PCM_16 ||
                                    sub == SF_FORMAT_PCM_24)) {
        /* FLAC is always integer PCM, so the bit depth says it all. */
        snprintf(out, size, "FLAC %d-bit",
                 sub == SF_FORMAT_PCM_S8 ? 8 : sub == SF_FORMAT_PCM_16 ? 16 : 24);
        return;
    }
    snprintf(out, size, "%s %s", m, s);
}

void dsp_audio_free(struct dsp_audio *a)
{
    if (!a)
        return;
    free(a->data);
    memset(a, 0, sizeof *a);
}

/* Bytes per sample of a PCM or float encoding; 0 for compressed ones. */
static int sample_bytes(int sub)
{
    switch (sub) {
    case SF_FORMAT_PCM_S8: case SF_FORMAT_PCM_U8: case SF_FORMAT_ULAW: case SF_FORMAT_ALAW:
        return 1;
    case SF_FORMAT_PCM_16: return 2;
    case SF_FORMAT_PCM_24: return 3;
    case SF_FORMAT_PCM_32: case SF_FORMAT_FLOAT: return 4;
    case SF_FORMAT_DOUBLE: return 8;
    default: return 0;
    }
}

/* A file shorter than its header says. libsndfile then reads what is there
 * and notes the mismatch only in its log, as "data : 32000 (should be
 * 2957)" (WAV) or "SSND : 32008 (should be 2954)" (AIFF, whose chunk holds
 * 8 bytes before the samples): the declared and the actual size of the
 * sample chunk. A declared size of 0 or 0xFFFFFFFF is a stream's
 * placeholder, not a claim. Sets the error and returns DSP_EFORMAT when the
 * file is truncated. */
static int check_truncated(SNDFILE *sf, const SF_INFO *info, const char *path)
{
    char log[8192] = "";
    sf_command(sf, SFC_GET_LOG_INFO, log, sizeof log);
    for (const char *line = log; line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        char tag[8];
        long long declared, actual;
        if (sscanf(line, " %7s : %lld (should be %lld)", tag, &declared, &actual) != 3)
            continue;
        int skip = strcmp(tag, "data") == 0 ? 0 : strcmp(tag, "SSND") == 0 ? 8 : -1;
        if (skip < 0 || declared <= actual || declared == 0xFFFFFFFFLL || declared == 0)
            continue;
        int bpf = sample_bytes(info->format & SF_FORMAT_SUBMASK) * info->channels;
        if (bpf > 0)
            return dsp_fail(DSP_EFORMAT,
                            "%s: truncated: the header declares %lld frames, the file holds %lld",
                            path, (declared - skip) / bpf, (long long)info->frames);
        return dsp_fail(DSP_EFORMAT,
                        "%s: truncated: the header declares %lld bytes of audio, the file holds "
                        "%lld",
                        path, declared - skip, actual - skip);
    }
    return DSP_OK;
}

/* The first bytes of an MPEG audio file: a frame sync (11 bits set) or an
 * ID3 tag. libsndfile hands such files to libmpg123, which prints its
 * complaints about a damaged or fake stream to stderr; dsplab reads only
 * the formats whose decoders report through libsndfile's log. */
static int looks_like_mpeg(const unsigned char *b, size_t n)
{
    return (n >= 2 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0) ||
           (n >= 3 && memcmp(b, "ID3", 3) == 0);
}

/* Opens path for reading and checks the header (channels, rate, frames),
 * shared by dsp_audio_read and dsp_audio_probe. Returns NULL with the error
 * set; *status receives its code. */
static SNDFILE *open_sound(const char *path, SF_INFO *info, int *status)
{
    /* Open the file ourselves first so a missing or unreadable file reports
     * the system's reason, not libsndfile's guess. */
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        *status = dsp_fail(DSP_EIO, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        int e = S_ISDIR(st.st_mode) ? EISDIR : errno;
        close(fd);
        *status = dsp_fail(DSP_EIO, "%s: cannot read: %s", path, strerror(e));
        return NULL;
    }
    unsigned char head[4];
    ssize_t got = S_ISREG(st.st_mode) ? pread(fd, head, sizeof head, 0) : 0;
    if (got > 0 && looks_like_mpeg(head, (size_t)got)) {
        close(fd);
        *status = dsp_fail(DSP_EFORMAT, "%s: not a readable sound file: it starts like MPEG "
                           "audio (MP3), which dsplab does not read", path);
        return NULL;
    }
    memset(info, 0, sizeof *info);
    SNDFILE *sf = sf_open_fd(fd, SFM_READ, info, 1);   /* closes fd from now on */
    if (!sf) {
        *status = dsp_fail(DSP_EFORMAT, "%s: not a readable sound file: %s", path,
                           sf_strerror(NULL));
        return NULL;
    }
    if (info->channels < 1 || info->channels > MAX_CHANNELS)
        *status = dsp_fail(DSP_EFORMAT, "%s: header claims %d channels (expected 1 to %d)", path,
                           info->channels, MAX_CHANNELS);
    else if (info->samplerate <= 0)
        *status = dsp_fail(DSP_EFORMAT, "%s: header claims a sample rate of %d Hz", path,
                           info->samplerate);
    else if (info->frames == 0)
        *status = dsp_fail(DSP_EEMPTY, "%s: file contains no audio frames", path);
#ifdef SF_FORMAT_MPEG
    else if ((info->format & SF_FORMAT_TYPEMASK) == SF_FORMAT_MPEG)   /* through a pipe */
        *status = dsp_fail(DSP_EFORMAT, "%s: MPEG audio (MP3) is not read by dsplab", path);
#endif
    else if ((*status = check_truncated(sf, info, path)) == DSP_OK)
        return sf;
    sf_close(sf);
    return NULL;
}

int dsp_audio_probe(const char *path, struct dsp_audio *info)
{
    if (!info)
        return dsp_fail(DSP_EINVAL, "dsp_audio_probe: output struct is NULL");
    memset(info, 0, sizeof *info);
    if (!path)
        return dsp_fail(DSP_EINVAL, "dsp_audio_probe: path is NULL");
    SF_INFO sfi;
    int status = DSP_OK;
    SNDFILE *sf = open_sound(path, &sfi, &status);
    if (!sf)
        return status;
    sf_count_t frames = sfi.frames;
    if (frames < 0 || frames == SF_COUNT_MAX) {
        /* No length in the header: count by decoding through the open
         * handle (a pipe cannot be opened twice), in constant memory. */
        double buf[4 * MAX_CHANNELS];
        sf_count_t per = (sf_count_t)(sizeof buf / sizeof buf[0]) / sfi.channels, got;
        for (frames = 0; (got = sf_readf_double(sf, buf, per)) > 0;)
            frames += got;
        if (frames == 0)
            status = dsp_fail(DSP_EEMPTY, "%s: file contains no audio frames", path);
        else if (sf_error(sf) != SF_ERR_NO_ERROR)
            status = dsp_fail(DSP_EFORMAT, "%s: read error after %lld frames: %s", path,
                              (long long)frames, sf_strerror(sf));
        if (status != DSP_OK) {
            sf_close(sf);
            return status;
        }
    }
    describe_format(sfi.format, info->format, sizeof info->format);
    info->frames = (size_t)frames;
    info->channels = sfi.channels;
    info->sample_rate = sfi.samplerate;
    sf_close(sf);
    return DSP_OK;
}

int dsp_audio_read(const char *path, struct dsp_audio *a)
{
    SNDFILE *sf = NULL;
    double *data = NULL;
    int status = DSP_OK;
    if (!a)
        return dsp_fail(DSP_EINVAL, "dsp_audio_read: output struct is NULL");
    memset(a, 0, sizeof *a);
    if (!path)
        return dsp_fail(DSP_EINVAL, "dsp_audio_read: path is NULL");
    SF_INFO info;
    sf = open_sound(path, &info, &status);
    if (!sf)
        return status;
    sf_command(sf, SFC_SET_NORM_DOUBLE, NULL, SF_TRUE);

    size_t ch = (size_t)info.channels, cap = 0, frames = 0;
    for (;;) {
        if (frames == cap) {
            size_t want = cap ? cap * 2 : CHUNK_FRAMES;
            if (info.frames > 0 && (uint64_t)info.frames < want && cap == 0)
                want = (size_t)info.frames + 1;   /* +1: notice a file longer than claimed */
            if (want > SIZE_MAX / ch / sizeof *data) {
                status = dsp_fail(DSP_EFORMAT, "%s: too many samples to hold in memory", path);
                goto fail;
            }
            double *bigger = realloc(data, want * ch * sizeof *data);
            if (!bigger) {
                status = dsp_fail(DSP_ENOMEM, "%s: out of memory for %zu frames of %zu channels",
                                  path, want, ch);
                goto fail;
            }
            data = bigger;
            cap = want;
        }
        sf_count_t got = sf_readf_double(sf, data + frames * ch, (sf_count_t)(cap - frames));
        if (got <= 0)
            break;
        frames += (size_t)got;
    }
    if (sf_error(sf) != SF_ERR_NO_ERROR) {
        status = dsp_fail(DSP_EFORMAT, "%s: read error after %zu frames: %s", path, frames,
                          sf_strerror(sf));
        goto fail;
    }
    if (frames == 0) {
        status = dsp_fail(DSP_EEMPTY, "%s: file contains no audio frames", path);
        goto fail;
    }
    /* A float file may hold NaN or Inf: refused here, where the file is
     * known, rather than surfacing as NaN spectra or a failed write. */
    for (size_t i = 0; i < frames * ch; i++) {
        if (!isfinite(data[i])) {
            status = dsp_fail(DSP_EFORMAT, "%s: sample %zu of channel %zu is %s", path, i / ch,
                              i % ch, isnan(data[i]) ? "nan" : data[i] > 0 ? "inf" : "-inf");
            goto fail;
        }
    }
    describe_format(info.format, a->format, sizeof a->format);
    sf_close(sf);
    /* Give back what a shorter-than-claimed file left unused. */
    double *fit = realloc(data, frames * ch * sizeof *data);
    a->data = fit ? fit : data;
    a->frames = frames;
    a->channels = info.channels;
    a->sample_rate = info.samplerate;
    return DSP_OK;

fail:
    free(data);
    sf_close(sf);
    memset(a, 0, sizeof *a);
    return status;
}

int dsp_audio_mixdown(const struct dsp_audio *a, double *mono)
{
    if (!a || !a->data || a->channels < 1)
        return dsp_fail(DSP_EINVAL, "dsp_audio_mixdown: no audio to mix down");
    if (!mono)
        return dsp_fail(DSP_EINVAL, "dsp_audio_mixdown: output array is NULL");
    size_t ch = (size_t)a->channels;
    for (size_t f = 0; f < a->frames; f++) {
        double sum = 0.0;
        for (size_t c = 0; c < ch; c++)
            sum += a->data[f * ch + c];
        mono[f] = sum / (double)ch;
    }
    return DSP_OK;
}

int dsp_audio_read_mono(const char *path, double **x, size_t *n, double *sample_rate)
{
    if (!x || !n || !sample_rate)
        return dsp_fail(DSP_EINVAL, "dsp_audio_read_mono: an output pointer is NULL");
    *x = NULL;
    *n = 0;
    *sample_rate = 0.0;
    struct dsp_audio a;
    int s = dsp_audio_read(path, &a);
    if (s)
        return s;
    double *mono;
    if (a.channels == 1) {
        mono = a.data;   /* already mono: hand the buffer over */
        a.data = NULL;
    } else {
        mono = malloc(a.frames * sizeof *mono);
        if (!mono) {
            dsp_audio_free(&a);
            return dsp_fail(DSP_ENOMEM, "%s: out of memory for %zu mono samples", path, a.frames);
        }
        dsp_audio_mixdown(&a, mono);
    }
    *x = mono;
    *n = a.frames;
    *sample_rate = a.sample_rate;
    dsp_audio_free(&a);
    return DSP_OK;
}

int dsp_audio_write_wav(const char *path, const double *data, size_t frames, int channels,
                        double sample_rate, enum dsp_wav_encoding encoding)
{
    if (!path)
        return dsp_fail(DSP_EINVAL, "dsp_audio_write_wav: path is NULL");
    if (channels < 1 || channels > MAX_CHANNELS)
        return dsp_fail(DSP_EINVAL, "%s: channel count (%d) must be 1 to %d", path, channels,
                        MAX_CHANNELS);
    if (!(sample_rate > 0.0) || sample_rate > 2147483647.0 || sample_rate != floor(sample_rate))
        return dsp_fail(DSP_EINVAL, "%s: sample rate (%g Hz) must be a positive whole number",
                        path, sample_rate);
    if (frames == 0)
        return dsp_fail(DSP_EINVAL, "%s: no frames to write", path);
    if (!data)
        return dsp_fail(DSP_EINVAL, "%s: sample array is NULL", path);
    if (encoding != DSP_WAV_PCM16 && encoding != DSP_WAV_FLOAT32)
        return dsp_fail(DSP_EINVAL, "%s: unknown WAV encoding (%d)", path, (int)encoding);
    size_t ch = (size_t)channels;
    if (frames > SIZE_MAX / ch || frames > (size_t)INT64_MAX / ch)
        return dsp_fail(DSP_EINVAL, "%s: %zu frames of %d channels is too many", path, frames,
                        channels);
    for (size_t i = 0; i < frames * ch; i++)
        if (!isfinite(data[i]))
            return dsp_fail(DSP_EINVAL, "%s: sample %zu (frame %zu, channel %zu) is %g", path, i,
                            i / ch, i % ch, data[i]);

    int status = DSP_OK;
    SNDFILE *sf = NULL;
    char *tmp = NULL;
    int fd = dsp_outfile_open(path, &tmp);
    if (fd < 0)
        return dsp_fail(DSP_EIO, "%s: cannot create the output file: %s", path, strerror(errno));
    SF_INFO info;
    memset(&info, 0, sizeof info);
    info.samplerate = (int)sample_rate;
    info.channels = channels;
    info.format = SF_FORMAT_WAV | (encoding == DSP_WAV_PCM16 ? SF_FORMAT_PCM_16 : SF_FORMAT_FLOAT);
    sf = sf_open_fd(fd, SFM_WRITE, &info, 1);
    if (!sf) {
        close(fd);
        status = dsp_fail(DSP_EIO, "%s: cannot write: %s", path, sf_strerror(NULL));
        goto fail;
    }
    sf_count_t put = 0;
    if (encoding == DSP_WAV_PCM16) {
        /* Quantise here rather than through libsndfile, which scales by
         * 32767 on writing but by 1/32768 on reading: x*32768 rounded and
         * saturated to [-32768, 32767] reads back within half a step, and
         * exactly for multiples of 1/32768. */
        short buf[4096];
        size_t per = sizeof buf / sizeof buf[0] / ch, done = 0;
        while (done < frames) {
            size_t k = frames - done < per ? frames - done : per;
            for (size_t i = 0; i < k * ch; i++) {
                double v = data[done * ch + i] * 32768.0;
                buf[i] = (short)(v >= 32767.0 ? 32767 : v <= -32768.0 ? -32768 : lrint(v));
            }
            sf_count_t w = sf_writef_short(sf, buf, (sf_count_t)k);
            put += w > 0 ? w : 0;
            if (w != (sf_count_t)k)
                break;
            done += k;
        }
    } else {
        put = sf_writef_double(sf, data, (sf_count_t)frames);
    }
    if (put != (sf_count_t)frames) {
        status = dsp_fail(DSP_EIO, "%s: wrote %lld of %zu frames: %s", path, (long long)put,
                          frames, sf_strerror(sf));
        goto fail;
    }
    int err = sf_close(sf);
    sf = NULL;
    if (err != 0) {
        status = dsp_fail(DSP_EIO, "%s: cannot finish the file: %s", path, sf_error_number(err));
        goto fail;
    }
    if (dsp_outfile_finish(path, tmp) != 0) {
        status = dsp_fail(DSP_EIO, "%s: cannot rename %s into place: %s", path, tmp,
                          strerror(errno));
        free(tmp);
        return status;
    }
    free(tmp);
    return DSP_OK;

fail:
    if (sf)
        sf_close(sf);
    dsp_outfile_discard(tmp);
    free(tmp);
    return status;
}
