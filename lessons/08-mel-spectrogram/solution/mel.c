/* Lesson 08, Part 1 — reference solution. */
#include <math.h>

#include "exercise.h"

/* Slaney's constants as librosa writes them: 200/3 Hz per mel below
 * 1000 Hz (so 1000 Hz is mel 15), 27 mels per factor 6.4 above. */
#define F_SP (200.0 / 3.0)
#define BREAK_HZ 1000.0
#define BREAK_MEL (BREAK_HZ / F_SP)

static double logstep(void)
{
    return log(6.4) / 27.0;
}

static int known_scale(enum dsp_mel_scale scale)
{
    return scale == DSP_MEL_SLANEY || scale == DSP_MEL_HTK || scale == DSP_MEL_HTK_LN;
}

static double one_hz_to_mel(double f, enum dsp_mel_scale scale)
{
    switch (scale) {
    case DSP_MEL_HTK: return 2595.0 * log10(1.0 + f / 700.0);
    case DSP_MEL_HTK_LN: return 1127.0 * log(1.0 + f / 700.0);
    default:
        if (f < BREAK_HZ)
            return f / F_SP;   /* linear part */
        return BREAK_MEL + log(f / BREAK_HZ) / logstep();
    }
}

static double one_mel_to_hz(double m, enum dsp_mel_scale scale)
{
    switch (scale) {
    case DSP_MEL_HTK: return 700.0 * (pow(10.0, m / 2595.0) - 1.0);
    case DSP_MEL_HTK_LN: return 700.0 * (exp(m / 1127.0) - 1.0);
    default:
        if (m < BREAK_MEL)
            return F_SP * m;
        return BREAK_HZ * exp(logstep() * (m - BREAK_MEL));
    }
}

int hz_to_mel_ex(const double *hz, size_t n, enum dsp_mel_scale scale, double *mel)
{
    if (!known_scale(scale))
        return DSP_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (!(hz[i] >= 0.0) || !isfinite(hz[i]))
            return DSP_EINVAL;
    for (size_t i = 0; i < n; i++)
        mel[i] = one_hz_to_mel(hz[i], scale);
    return DSP_OK;
}

int mel_to_hz_ex(const double *mel, size_t n, enum dsp_mel_scale scale, double *hz)
{
    if (!known_scale(scale))
        return DSP_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (!(mel[i] >= 0.0) || !isfinite(mel[i]))
            return DSP_EINVAL;
    for (size_t i = 0; i < n; i++)
        hz[i] = one_mel_to_hz(mel[i], scale);
    return DSP_OK;
}
