/* gen.c — test signals and the seeded random generator (see gen.h). */
#include "dsplab/gen.h"

#include "dsplab/dft.h"
#include "dsplab/status.h"

#include <math.h>

static const double two_pi = 6.283185307179586476925286766559;

static int check_common(const char *who, double fs, const void *x, size_t n)
{
    if (!(fs > 0.0) || !isfinite(fs))
        return dsp_fail(DSP_EINVAL, "%s: sample rate (%g) must be a positive finite number", who,
                        fs);
    if (!x && n > 0)
        return dsp_fail(DSP_EINVAL, "%s: output array is NULL for %zu samples", who, n);
    return DSP_OK;
}

int dsp_gen_sine(double amp, double freq, double phase, double fs, double *x, size_t n)
{
    int s = check_common("dsp_gen_sine", fs, x, n);
    if (s)
        return s;
    if (!isfinite(amp) || !isfinite(freq) || !isfinite(phase))
        return dsp_fail(DSP_EINVAL, "dsp_gen_sine: amp (%g), freq (%g) and phase (%g) must be finite",
                        amp, freq, phase);
    /* The angle is computed from i each time, never accumulated, so the error
     * does not grow along the signal. */
    for (size_t i = 0; i < n; i++)
        x[i] = amp * cos(two_pi * freq * ((double)i / fs) + phase);
    return DSP_OK;
}

int dsp_gen_cexp(double amp, double freq, double phase, double fs, double complex *x, size_t n)
{
    int s = check_common("dsp_gen_cexp", fs, x, n);
    if (s)
        return s;
    if (!isfinite(amp) || !isfinite(freq) || !isfinite(phase))
        return dsp_fail(DSP_EINVAL, "dsp_gen_cexp: amp (%g), freq (%g) and phase (%g) must be finite",
                        amp, freq, phase);
    for (size_t i = 0; i < n; i++) {
        double a = two_pi * freq * ((double)i / fs) + phase;
        x[i] = CMPLX(amp * cos(a), amp * sin(a));
    }
    return DSP_OK;
}

/* phi(t) / (2*pi): the closed-form integral of f from 0 to t (scipy.signal.chirp). */
static double chirp_cycles(enum dsp_chirp_kind kind, double f0, double f1, double t1, double t)
{
    if (kind == DSP_CHIRP_LINEAR)
        return f0 * t + 0.5 * (f1 - f0) / t1 * t * t;
    if (f0 == f1)
        return f0 * t;
    double beta = t1 / log(f1 / f0);
    return beta * f0 * (pow(f1 / f0, t / t1) - 1.0);
}

double dsp_chirp_frequency(enum dsp_chirp_kind kind, double f0, double f1, double t1, double t)
{
    if (kind == DSP_CHIRP_LINEAR)
        return f0 + (f1 - f0) * t / t1;
    return f0 * pow(f1 / f0, t / t1);
}

int dsp_gen_chirp(enum dsp_chirp_kind kind, double amp, double f0, double f1, double t1,
                  double fs, double *x, size_t n)
{
    int s = check_common("dsp_gen_chirp", fs, x, n);
    if (s)
        return s;
    if (kind != DSP_CHIRP_LINEAR && kind != DSP_CHIRP_EXPONENTIAL)
        return dsp_fail(DSP_EINVAL, "dsp_gen_chirp: unknown chirp kind (%d)", (int)kind);
    if (!isfinite(amp) || !isfinite(f0) || !isfinite(f1))
        return dsp_fail(DSP_EINVAL, "dsp_gen_chirp: amp (%g), f0 (%g) and f1 (%g) must be finite",
                        amp, f0, f1);
    if (!(t1 > 0.0) || !isfinite(t1))
        return dsp_fail(DSP_EINVAL, "dsp_gen_chirp: t1 (%g s) must be positive and finite", t1);
    if (kind == DSP_CHIRP_EXPONENTIAL && !(f0 > 0.0 && f1 > 0.0))
        return dsp_fail(DSP_EINVAL,
                        "dsp_gen_chirp: an exponential chirp needs f0 (%g) and f1 (%g) > 0", f0,
                        f1);
    for (size_t i = 0; i < n; i++) {
        double c = chirp_cycles(kind, f0, f1, t1, (double)i / fs);
        /* Keep only the fractional cycle before scaling by 2*pi: cos() of a
         * large argument would lose the low bits anyway. */
        x[i] = amp * cos(two_pi * (c - floor(c)));
    }
    return DSP_OK;
}

int dsp_gen_harmonics(double f0, const double *amps, const double *phases, size_t n_harmonics,
                      double fs, double *x, size_t n)
{
    int s = check_common("dsp_gen_harmonics", fs, x, n);
    if (s)
        return s;
    if (!isfinite(f0))
        return dsp_fail(DSP_EINVAL, "dsp_gen_harmonics: f0 (%g) must be finite", f0);
    if (!amps && n_harmonics > 0)
        return dsp_fail(DSP_EINVAL, "dsp_gen_harmonics: amps is NULL for %zu harmonics",
                        n_harmonics);
    for (size_t h = 0; h < n_harmonics; h++)
        if (!isfinite(amps[h]) || (phases && !isfinite(phases[h])))
            return dsp_fail(DSP_EINVAL,
                            "dsp_gen_harmonics: harmonic %zu has a non-finite amplitude or phase",
                            h + 1);
    for (size_t i = 0; i < n; i++)
        x[i] = 0.0;
    for (size_t h = 1; h <= n_harmonics; h++) {
        double f = (double)h * f0;
        if (fabs(f) >= fs / 2.0)
            continue;   /* would alias: left out */
        double ph = phases ? phases[h - 1] : 0.0;
        for (size_t i = 0; i < n; i++)
            x[i] += amps[h - 1] * cos(two_pi * f * ((double)i / fs) + ph);
    }
    return DSP_OK;
}

/* splitmix64 (Steele, Lea, Flood 2014): spreads one 64-bit seed over the state. */
static uint64_t splitmix64(uint64_t *z)
{
    uint64_t r = (*z += 0x9e3779b97f4a7c15u);
    r = (r ^ (r >> 30)) * 0xbf58476d1ce4e5b9u;
    r = (r ^ (r >> 27)) * 0x94d049bb133111ebu;
    return r ^ (r >> 31);
}

static inline uint64_t rotl(uint64_t v, int k)
{
    return (v << k) | (v >> (64 - k));
}

void dsp_rng_seed(struct dsp_rng *rng, uint64_t seed)
{
    uint64_t z = seed;
    for (int i = 0; i < 4; i++)
        rng->s[i] = splitmix64(&z);
}

/* xoshiro256** (Blackman and Vigna 2018). */
uint64_t dsp_rng_next(struct dsp_rng *rng)
{
    uint64_t *s = rng->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double dsp_rng_uniform(struct dsp_rng *rng)
{
    return (double)(dsp_rng_next(rng) >> 11) * 0x1.0p-53;
}

double dsp_rng_normal(struct dsp_rng *rng)
{
    /* 1 - u lies in (0, 1], so the logarithm is finite. */
    double u1 = 1.0 - dsp_rng_uniform(rng);
    double u2 = dsp_rng_uniform(rng);
    return sqrt(-2.0 * log(u1)) * cos(two_pi * u2);
}

int dsp_gen_noise(double amp, uint64_t seed, double *x, size_t n)
{
    if (!isfinite(amp))
        return dsp_fail(DSP_EINVAL, "dsp_gen_noise: amp (%g) must be finite", amp);
    if (!x && n > 0)
        return dsp_fail(DSP_EINVAL, "dsp_gen_noise: output array is NULL for %zu samples", n);
    struct dsp_rng rng;
    dsp_rng_seed(&rng, seed);
    for (size_t i = 0; i < n; i++)
        x[i] = amp * (2.0 * dsp_rng_uniform(&rng) - 1.0);
    return DSP_OK;
}
