/* spectrum.c — decibels, magnitudes and phases (see spectrum.h). */
#include "dsplab/spectrum.h"

#include <math.h>

static const double pi = 3.14159265358979323846264338327950;

double dsp_amp_to_db(double amp)
{
    /* fmax(NaN, floor) would hide a NaN; keep it visible. */
    if (isnan(amp))
        return amp;
    return 20.0 * log10(fmax(amp, DSP_DB_FLOOR_AMP));
}

double dsp_db_to_amp(double db)
{
    return pow(10.0, db / 20.0);
}

double dsp_power_to_db(double power)
{
    if (isnan(power))
        return power;
    return 10.0 * log10(fmax(power, DSP_DB_FLOOR_AMP));
}

double dsp_db_to_power(double db)
{
    return pow(10.0, db / 10.0);
}

void dsp_amp_to_db_array(const double *amp, double *db, size_t n)
{
    for (size_t i = 0; i < n; i++)
        db[i] = dsp_amp_to_db(amp[i]);
}

void dsp_db_to_amp_array(const double *db, double *amp, size_t n)
{
    for (size_t i = 0; i < n; i++)
        amp[i] = dsp_db_to_amp(db[i]);
}

void dsp_magnitude(const double complex *X, double *mag, size_t n)
{
    for (size_t i = 0; i < n; i++)
        mag[i] = cabs(X[i]);
}

void dsp_phase(const double complex *X, double *phase, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        double p = carg(X[i]);
        /* carg gives -pi for a negative real with imaginary part -0.0; the
         * contract is (-pi, pi]. */
        phase[i] = p == -pi ? pi : p;
    }
}

/* numpy.mod for doubles: the result takes the sign of the divisor. */
static double mod_floor(double a, double b)
{
    double r = fmod(a, b);
    if (r != 0.0 && ((r < 0.0) != (b < 0.0)))
        r += b;
    return r;
}

void dsp_unwrap(double *phase, size_t n)
{
    /* numpy.unwrap(p, discont=pi, period=2*pi), step by step:
     *   dd = diff(p); ddmod = mod(dd + pi, 2pi) - pi; ddmod[(ddmod == -pi) & (dd > 0)] = pi;
     *   correct = ddmod - dd; correct[|dd| < pi] = 0; p[1:] += cumsum(correct). */
    if (n < 2)
        return;
    double prev = phase[0];   /* the original, uncorrected previous value */
    double total = 0.0;
    for (size_t i = 1; i < n; i++) {
        double cur = phase[i];
        double dd = cur - prev;
        double ddmod = mod_floor(dd + pi, 2.0 * pi) - pi;
        if (ddmod == -pi && dd > 0.0)
            ddmod = pi;
        double correct = ddmod - dd;
        if (fabs(dd) < pi)
            correct = 0.0;
        total += correct;
        phase[i] = cur + total;
        prev = cur;
    }
}
