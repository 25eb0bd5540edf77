/*
 * Lesson 08 — how each exercise's arguments cross the sandbox (grader/rpc.h).
 * Compiled into the judge (the proxies the suite calls) and, with
 * RPC_SERVE, into the worker that runs the student's code. Lengths are the
 * ones exercise.h promises.
 */
#include <stddef.h>

#include "exercise.h"
#include "rpc.h"

/* file, its exercise functions, the library functions it may not call */
RPC_FILES = {
    {"mel.c", "hz_to_mel_ex mel_to_hz_ex", "dsp_hz_to_mel dsp_mel_to_hz"},
    {"melbank.c", "melbank_ex", "dsp_melbank_* dsp_melspec_* dsp_vggish_*"},
    {"melapply.c", "melapply_ex", "dsp_melbank_* dsp_melspec_*"},
    {"db.c", "power_to_db_ex", "dsp_power_to_db dsp_melspec_*"},
    {"mfcc.c", "mfcc_ex", "dsp_mfcc_*"},
    {"vggish.c", "vggish_frames_ex vggish_ex", "dsp_vggish_* dsp_melbank_* dsp_melspec_*"},
};

RPC_FUNCTION(hz_to_mel_ex, (const double *hz, size_t n, enum dsp_mel_scale scale, double *mel),
             (hz, n, scale, mel))
{
    RPC_SCALAR(n);
    RPC_SCALAR(scale);
    RPC_IN(hz, n);
    RPC_OUT(mel, n);
    return RPC_CALL(hz_to_mel_ex(hz, n, scale, mel));
}

RPC_FUNCTION(mel_to_hz_ex, (const double *mel, size_t n, enum dsp_mel_scale scale, double *hz),
             (mel, n, scale, hz))
{
    RPC_SCALAR(n);
    RPC_SCALAR(scale);
    RPC_IN(mel, n);
    RPC_OUT(hz, n);
    return RPC_CALL(mel_to_hz_ex(mel, n, scale, hz));
}

RPC_FUNCTION(melbank_ex,
             (double sample_rate, size_t n_fft, size_t n_mels, double f_min, double f_max,
              enum dsp_mel_scale scale, enum dsp_mel_norm norm, double *W),
             (sample_rate, n_fft, n_mels, f_min, f_max, scale, norm, W))
{
    RPC_SCALAR(sample_rate);
    RPC_SCALAR(n_fft);
    RPC_SCALAR(n_mels);
    RPC_SCALAR(f_min);
    RPC_SCALAR(f_max);
    RPC_SCALAR(scale);
    RPC_SCALAR(norm);
    RPC_OUT(W, n_mels * (n_fft / 2 + 1));
    return RPC_CALL(melbank_ex(sample_rate, n_fft, n_mels, f_min, f_max, scale, norm, W));
}

RPC_FUNCTION(melapply_ex,
             (const double *W, size_t n_mels, size_t n_bins, const double *P, size_t n_frames,
              double *S),
             (W, n_mels, n_bins, P, n_frames, S))
{
    RPC_SCALAR(n_mels);
    RPC_SCALAR(n_bins);
    RPC_SCALAR(n_frames);
    RPC_IN(W, n_mels * n_bins);
    RPC_IN(P, n_frames * n_bins);
    RPC_OUT(S, n_frames * n_mels);
    return RPC_CALL(melapply_ex(W, n_mels, n_bins, P, n_frames, S));
}

RPC_FUNCTION(power_to_db_ex,
             (const double *S, size_t n, double ref, double amin, double top_db, double *db),
             (S, n, ref, amin, top_db, db))
{
    RPC_SCALAR(n);
    RPC_SCALAR(ref);
    RPC_SCALAR(amin);
    RPC_SCALAR(top_db);
    RPC_IN(S, n);
    RPC_OUT(db, n);
    return RPC_CALL(power_to_db_ex(S, n, ref, amin, top_db, db));
}

RPC_FUNCTION(mfcc_ex,
             (const double *db, size_t n_frames, size_t n_mels, size_t n_mfcc, double *C),
             (db, n_frames, n_mels, n_mfcc, C))
{
    RPC_SCALAR(n_frames);
    RPC_SCALAR(n_mels);
    RPC_SCALAR(n_mfcc);
    RPC_IN(db, n_frames * n_mels);
    RPC_OUT(C, n_frames * n_mfcc);
    return RPC_CALL(mfcc_ex(db, n_frames, n_mels, n_mfcc, C));
}

RPC_FUNCTION(vggish_frames_ex, (size_t len, size_t *n_frames), (len, n_frames))
{
    RPC_SCALAR(len);
    RPC_OUT(n_frames, 1);
    return RPC_CALL(vggish_frames_ex(len, n_frames));
}

/* logmel: n_frames rows of 64 mel bands. */
RPC_FUNCTION(vggish_ex, (const double *x, size_t len, double *logmel, size_t n_frames),
             (x, len, logmel, n_frames))
{
    RPC_SCALAR(len);
    RPC_SCALAR(n_frames);
    RPC_IN(x, len);
    RPC_OUT(logmel, n_frames * 64);
    return RPC_CALL(vggish_ex(x, len, logmel, n_frames));
}

RPC_LESSON(hz_to_mel_ex, mel_to_hz_ex, melbank_ex, melapply_ex, power_to_db_ex, mfcc_ex,
           vggish_frames_ex, vggish_ex);
