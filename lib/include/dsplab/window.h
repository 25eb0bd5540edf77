/*
 * window.h — analysis windows, with scipy.signal.get_window's definitions.
 *
 * Each window comes in two forms:
 *   periodic  (DFT-even, the default): the symmetric window of length n+1
 *             with its last sample dropped — what spectral analysis wants,
 *             scipy's get_window(..., fftbins=True);
 *   symmetric: w[i] == w[n-1-i] — for filter design, fftbins=False.
 * Values equal scipy's within 1e-12 for every n >= 1 (n == 1 gives {1}).
 *
 *     double w[1024];
 *     dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, 1024);
 */
#ifndef DSPLAB_WINDOW_H
#define DSPLAB_WINDOW_H

#include <stddef.h>

enum dsp_window {
    DSP_WIN_RECTANGULAR,    /* "rectangular" (also "boxcar") */
    DSP_WIN_TRIANGULAR,     /* "triangular": scipy's triang, non-zero end points */
    DSP_WIN_BARTLETT,       /* "bartlett": zero end points */
    DSP_WIN_HANN,           /* "hann": 0.5 - 0.5 cos */
    DSP_WIN_HAMMING,        /* "hamming": 0.54 - 0.46 cos */
    DSP_WIN_BLACKMAN,       /* "blackman": 0.42 - 0.5 cos + 0.08 cos2 */
    DSP_WIN_BLACKMANHARRIS, /* "blackmanharris": 4-term, -92 dB side lobes */
    DSP_WIN_KAISER,         /* "kaiser": param = beta */
    DSP_WIN_GAUSSIAN,       /* "gaussian": param = sigma, in samples */
};

enum dsp_window_symmetry {
    DSP_WINDOW_PERIODIC = 0,
    DSP_WINDOW_SYMMETRIC = 1,
};

/* Kaiser's largest beta: I0(beta) overflows a double beyond about 713. */
#define DSP_KAISER_BETA_MAX 700.0

/* Fills w[0..n-1]. param is beta for Kaiser (0 <= beta <= DSP_KAISER_BETA_MAX)
 * and sigma for Gaussian (> 0, finite; a sigma so small that 2 sigma^2
 * underflows gives the limit, 1 at the centre and 0 elsewhere, rather than
 * scipy's NaN); other windows ignore it.
 * DSP_EINVAL for n == 0, w == NULL, an unknown type or a bad param. */
int dsp_window_fill(enum dsp_window type, double param, enum dsp_window_symmetry symmetry,
                    double *w, size_t n);

/* "hann" -> DSP_WIN_HANN, ...; DSP_EINVAL (with a message listing the names)
 * for an unknown name. Lower case; aliases "boxcar", "rect" (rectangular),
 * "triang" (scipy's name) and "hanning" (sms-tools'). */
int dsp_window_from_name(const char *name, enum dsp_window *type);

/* The window's canonical name, as dsp_window_from_name accepts it. */
const char *dsp_window_name(enum dsp_window type);

/* 1 if the window needs param (Kaiser's beta, Gaussian's sigma), else 0. */
int dsp_window_has_param(enum dsp_window type);

/* sum of w[i] */
double dsp_window_sum(const double *w, size_t n);

/* Equivalent noise bandwidth in bins: n * sum(w^2) / (sum w)^2
 * (1 for rectangular, 1.5 for periodic Hann). NaN when sum w is 0 (n == 0). */
double dsp_window_enbw(const double *w, size_t n);

#endif
