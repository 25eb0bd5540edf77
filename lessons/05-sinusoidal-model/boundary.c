/*
 * Lesson 05 — how each exercise's arguments cross the sandbox (grader/rpc.h).
 * Compiled into the judge (the proxies the suite calls) and, with
 * RPC_SERVE, into the worker that runs the student's code. Lengths are the
 * ones exercise.h promises.
 */
#include <stddef.h>

#include "exercise.h"
#include "rpc.h"

/* file, its exercise functions, the library functions it may not call */
RPC_FILES = {
    {"peaks.c", "peaks_ex", "dsp_peaks_* dsp_sine_*"},
    {"interp.c", "interp_ex", "dsp_peaks_* dsp_sine_*"},
    {"twosines.c", "twosines_ex", "dsp_peaks_* dsp_sine_*"},
    {"track.c", "track_ex", "dsp_sine_*"},
    {"synth.c", "synth_ex", "dsp_sine_*"},
};

/* loc has room for max_peaks values. */
RPC_FUNCTION(peaks_ex,
             (const double *mX, size_t n, double threshold, size_t *loc, size_t max_peaks,
              size_t *n_peaks),
             (mX, n, threshold, loc, max_peaks, n_peaks))
{
    RPC_SCALAR(n);
    RPC_SCALAR(threshold);
    RPC_SCALAR(max_peaks);
    RPC_IN(mX, n);
    RPC_OUT(loc, max_peaks);
    RPC_OUT(n_peaks, 1);
    return RPC_CALL(peaks_ex(mX, n, threshold, loc, max_peaks, n_peaks));
}

RPC_FUNCTION(interp_ex,
             (const double *mX, const double *pX, size_t n, const size_t *loc, size_t n_peaks,
              double *iloc, double *imag, double *iphase),
             (mX, pX, n, loc, n_peaks, iloc, imag, iphase))
{
    RPC_SCALAR(n);
    RPC_SCALAR(n_peaks);
    RPC_IN(mX, n);
    RPC_IN(pX, n);
    RPC_IN(loc, n_peaks);
    RPC_OUT(iloc, n_peaks);
    RPC_OUT(imag, n_peaks);
    RPC_OUT(iphase, n_peaks);
    return RPC_CALL(interp_ex(mX, pX, n, loc, n_peaks, iloc, imag, iphase));
}

RPC_FUNCTION(twosines_ex,
             (const double *x, size_t len, double fs, const double f_true[2], double f_est[2],
              double *err, size_t *m_used, size_t *n_used),
             (x, len, fs, f_true, f_est, err, m_used, n_used))
{
    RPC_SCALAR(len);
    RPC_SCALAR(fs);
    RPC_IN(x, len);
    RPC_IN(f_true, 2);
    RPC_OUT(f_est, 2);
    RPC_OUT(err, 1);
    RPC_OUT(m_used, 1);
    RPC_OUT(n_used, 1);
    return RPC_CALL(twosines_ex(x, len, fs, f_true, f_est, err, m_used, n_used));
}

RPC_FUNCTION(track_ex,
             (const double *pfreq, const double *pmag, const double *pphase, size_t n_peaks,
              const double *prev_freq, size_t n_tracks, double offset, double slope,
              double *tfreq, double *tmag, double *tphase),
             (pfreq, pmag, pphase, n_peaks, prev_freq, n_tracks, offset, slope, tfreq, tmag,
              tphase))
{
    RPC_SCALAR(n_peaks);
    RPC_SCALAR(n_tracks);
    RPC_SCALAR(offset);
    RPC_SCALAR(slope);
    RPC_IN(pfreq, n_peaks);
    RPC_IN(pmag, n_peaks);
    RPC_IN(pphase, n_peaks);
    RPC_IN(prev_freq, n_tracks);
    RPC_OUT(tfreq, n_tracks);
    RPC_OUT(tmag, n_tracks);
    RPC_OUT(tphase, n_tracks);
    return RPC_CALL(track_ex(pfreq, pmag, pphase, n_peaks, prev_freq, n_tracks, offset, slope,
                             tfreq, tmag, tphase));
}

RPC_FUNCTION(synth_ex,
             (const double *tfreq, const double *tamp, size_t n_frames, size_t n_tracks,
              size_t hop, double fs, double *y, size_t len),
             (tfreq, tamp, n_frames, n_tracks, hop, fs, y, len))
{
    RPC_SCALAR(n_frames);
    RPC_SCALAR(n_tracks);
    RPC_SCALAR(hop);
    RPC_SCALAR(fs);
    RPC_SCALAR(len);
    RPC_IN(tfreq, n_frames * n_tracks);
    RPC_IN(tamp, n_frames * n_tracks);
    RPC_OUT(y, len);
    return RPC_CALL(synth_ex(tfreq, tamp, n_frames, n_tracks, hop, fs, y, len));
}

RPC_LESSON(peaks_ex, interp_ex, twosines_ex, track_ex, synth_ex);
