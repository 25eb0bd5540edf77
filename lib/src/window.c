/*
 * window.c — analysis windows with scipy.signal.windows' definitions.
 *
 * Every window here is first defined in its symmetric form of length M; the
 * periodic window of length n is the symmetric one with M = n + 1 and its
 * last sample dropped (scipy's _extend/_truncate). Values are computed for
 * the first half only and mirrored, so symmetric windows are exactly
 * symmetric, bit for bit.
 */
#include "dsplab/window.h"

#include "dsplab/status.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* Kaiser's beta above this makes I0(beta) overflow a double (I0(713) ~ 1e308). */
#define KAISER_BETA_MAX DSP_KAISER_BETA_MAX

static const double PI = 3.14159265358979323846;

static const struct {
    const char *name;
    enum dsp_window type;
} window_names[] = {
    {"rectangular", DSP_WIN_RECTANGULAR},
    {"triangular", DSP_WIN_TRIANGULAR},
    {"bartlett", DSP_WIN_BARTLETT},
    {"hann", DSP_WIN_HANN},
    {"hamming", DSP_WIN_HAMMING},
    {"blackman", DSP_WIN_BLACKMAN},
    {"blackmanharris", DSP_WIN_BLACKMANHARRIS},
    {"kaiser", DSP_WIN_KAISER},
    {"gaussian", DSP_WIN_GAUSSIAN},
    /* aliases: scipy's and sms-tools' spellings */
    {"boxcar", DSP_WIN_RECTANGULAR},
    {"rect", DSP_WIN_RECTANGULAR},
    {"triang", DSP_WIN_TRIANGULAR},
    {"hanning", DSP_WIN_HANN},
};

#define N_CANONICAL 9
#define VALID_NAMES                                                                           \
    "rectangular (or boxcar, rect), triangular (or triang), bartlett, hann (or hanning), "   \
    "hamming, blackman, blackmanharris, kaiser, gaussian"

/*
 * Modified Bessel function of the first kind, order 0, by its power series
 *     I0(x) = sum_k ((x/2)^2)^k / (k!)^2.
 * Every term is positive, so there is no cancellation: the relative error is
 * a few ulps per term summed. The terms grow until k ~ x/2 and then shrink
 * faster than geometrically; we stop once past the peak and the next term no
 * longer changes the sum. For x <= 20 that is under 40 terms.
 */
static double bessel_i0(double x)
{
    double q = 0.25 * x * x;
    double term = 1.0, sum = 1.0;
    for (int k = 1; k < 10000; k++) {
        term *= q / ((double)k * (double)k);
        sum += term;
        if ((double)k > 0.5 * x && term <= sum * (0.25 * DBL_EPSILON))
            break;
    }
    return sum;
}

/* Generalised cosine window sum_k a[k] cos(k*theta), theta = -pi + 2*pi*i/(M-1)
 * (scipy's linspace(-pi, pi, M)). cos(k*(t - pi)) = (-1)^k cos(k*t), so we
 * use t = 2*pi*i/(M-1) with alternating signs. */
static double cosine_sum(const double *a, int terms, size_t i, size_t m)
{
    double t = 2.0 * PI * (double)i / (double)(m - 1);
    double w = 0.0, sign = 1.0;
    for (int k = 0; k < terms; k++) {
        w += sign * a[k] * cos((double)k * t);
        sign = -sign;
    }
    return w;
}

/* Sample i (i <= (m-1)/2, the first half) of the symmetric window of length m >= 2. */
static double symmetric_value(enum dsp_window type, double param, size_t i, size_t m)
{
    static const double hann[] = {0.5, 0.5};
    static const double hamming[] = {0.54, 0.46};
    static const double blackman[] = {0.42, 0.50, 0.08};
    static const double blackmanharris[] = {0.35875, 0.48829, 0.14128, 0.01168};
    double centre = 0.5 * (double)(m - 1);

    switch (type) {
    case DSP_WIN_RECTANGULAR:
        return 1.0;
    case DSP_WIN_TRIANGULAR:
        /* scipy's triang: never reaches zero at the ends */
        if (m % 2 == 0)
            return (2.0 * (double)(i + 1) - 1.0) / (double)m;
        return 2.0 * (double)(i + 1) / ((double)m + 1.0);
    case DSP_WIN_BARTLETT:
        return 2.0 * (double)i / (double)(m - 1);
    case DSP_WIN_HANN:
        return cosine_sum(hann, 2, i, m);
    case DSP_WIN_HAMMING:
        return cosine_sum(hamming, 2, i, m);
    case DSP_WIN_BLACKMAN:
        return cosine_sum(blackman, 3, i, m);
    case DSP_WIN_BLACKMANHARRIS:
        return cosine_sum(blackmanharris, 4, i, m);
    case DSP_WIN_KAISER: {
        double r = ((double)i - centre) / centre;
        double s = 1.0 - r * r;
        return bessel_i0(param * sqrt(s > 0.0 ? s : 0.0)) / bessel_i0(param);
    }
    case DSP_WIN_GAUSSIAN: {
        double d = (double)i - centre, s2 = 2.0 * param * param;
        if (s2 == 0.0)   /* sigma^2 underflowed: the limit, not 0/0 */
            return d == 0.0 ? 1.0 : 0.0;
        return exp(-d * d / s2);
    }
    }
    return 0.0; /* not reached: the type was checked */
}

static int check_param(enum dsp_window type, double param)
{
    if (type == DSP_WIN_KAISER && !(param >= 0.0 && param <= KAISER_BETA_MAX))
        return dsp_fail(DSP_EINVAL, "kaiser window: beta (%g) must be between 0 and %g", param,
                        KAISER_BETA_MAX);
    if (type == DSP_WIN_GAUSSIAN && !(param > 0.0 && isfinite(param)))
        return dsp_fail(DSP_EINVAL, "gaussian window: sigma (%g samples) must be positive",
                        param);
    return DSP_OK;
}

int dsp_window_fill(enum dsp_window type, double param, enum dsp_window_symmetry symmetry,
                    double *w, size_t n)
{
    if ((unsigned)type > (unsigned)DSP_WIN_GAUSSIAN)
        return dsp_fail(DSP_EINVAL, "unknown window type (%d)", (int)type);
    if (symmetry != DSP_WINDOW_PERIODIC && symmetry != DSP_WINDOW_SYMMETRIC)
        return dsp_fail(DSP_EINVAL, "window symmetry (%d) must be DSP_WINDOW_PERIODIC or "
                        "DSP_WINDOW_SYMMETRIC", (int)symmetry);
    if (n == 0 || n == SIZE_MAX)
        return dsp_fail(DSP_EINVAL, "%s window: length (%zu) must be at least 1",
                        dsp_window_name(type), n);
    if (!w)
        return dsp_fail(DSP_EINVAL, "%s window: output array is NULL", dsp_window_name(type));
    int status = check_param(type, param);
    if (status != DSP_OK)
        return status;

    /* scipy returns ones for a length-1 window in both forms */
    if (n == 1) {
        w[0] = 1.0;
        return DSP_OK;
    }
    /* periodic: the symmetric window one longer, last sample dropped */
    size_t m = symmetry == DSP_WINDOW_SYMMETRIC ? n : n + 1;
    for (size_t i = 0; i < n; i++) {
        size_t mirror = m - 1 - i;
        w[i] = symmetric_value(type, param, i < mirror ? i : mirror, m);
    }
    return DSP_OK;
}

int dsp_window_from_name(const char *name, enum dsp_window *type)
{
    if (!name || !type)
        return dsp_fail(DSP_EINVAL, "window name: NULL argument; valid names: " VALID_NAMES);
    for (size_t i = 0; i < sizeof window_names / sizeof window_names[0]; i++) {
        if (strcmp(name, window_names[i].name) == 0) {
            *type = window_names[i].type;
            return DSP_OK;
        }
    }
    return dsp_fail(DSP_EINVAL, "unknown window \"%s\"; valid names: " VALID_NAMES, name);
}

const char *dsp_window_name(enum dsp_window type)
{
    for (size_t i = 0; i < N_CANONICAL; i++)
        if (window_names[i].type == type)
            return window_names[i].name;
    return "unknown";
}

int dsp_window_has_param(enum dsp_window type)
{
    return type == DSP_WIN_KAISER || type == DSP_WIN_GAUSSIAN;
}

double dsp_window_sum(const double *w, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += w[i];
    return s;
}

double dsp_window_enbw(const double *w, size_t n)
{
    double s = 0.0, s2 = 0.0;
    for (size_t i = 0; i < n; i++) {
        s += w[i];
        s2 += w[i] * w[i];
    }
    return (double)n * s2 / (s * s);
}
