/* Lesson 09, Part 6 — reference solution. */
#include <math.h>

#include "exercise.h"

int morph_ex(const double *freq_a, const double *mag_a, const double *env_a, size_t n_a,
             const double *freq_b, const double *mag_b, const double *env_b, size_t n_b,
             size_t n_harm, size_t n_env, double alpha_freq, double alpha_mag,
             double alpha_stoch, double *out_freq, double *out_mag, double *out_env)
{
    if (n_b == 0 || !(alpha_freq >= 0 && alpha_freq <= 1) || !(alpha_mag >= 0 && alpha_mag <= 1) ||
        !(alpha_stoch >= 0 && alpha_stoch <= 1))
        return DSP_EINVAL;
    for (size_t k = 0; k < n_a; k++) {
        /* B stretched onto A's time line */
        size_t kb = n_a < 2 ? 0 : (size_t)llround((double)k * (double)(n_b - 1) / (double)(n_a - 1));
        for (size_t h = 0; h < n_harm; h++) {
            size_t qa = k * n_harm + h, qb = kb * n_harm + h;
            if (freq_a[qa] > 0 && freq_b[qb] > 0) {
                out_freq[qa] = (1 - alpha_freq) * freq_a[qa] + alpha_freq * freq_b[qb];
                out_mag[qa] = (1 - alpha_mag) * mag_a[qa] + alpha_mag * mag_b[qb];
            } else {
                out_freq[qa] = 0.0;
                out_mag[qa] = 0.0;
            }
        }
        for (size_t e = 0; e < n_env; e++)
            out_env[k * n_env + e] =
                (1 - alpha_stoch) * env_a[k * n_env + e] + alpha_stoch * env_b[kb * n_env + e];
    }
    return DSP_OK;
}
