/*
 * Lesson 09, Part 6 — Morphing two harmonic sounds
 *
 * Implement morph_ex(): a sound between A and B, on A's time line (the
 * course's hpsMorph). Frame k of A (n_a frames) meets frame
 *     kb = round(k (n_b - 1) / (n_a - 1))   of B   (kb = 0 when n_a = 1)
 * so B is stretched or squeezed to A's duration. Then, per harmonic h:
 *     present in both:  f = (1 - alpha_freq) f_A + alpha_freq f_B
 *                       m = (1 - alpha_mag)  m_A + alpha_mag  m_B   (dB)
 *     otherwise:        empty (f = 0, m = 0)
 * and per band e of the stochastic envelopes (dB):
 *     env = (1 - alpha_stoch) env_A + alpha_stoch env_B
 * Three separate factors let the pitch come from one sound and the timbre
 * (or the noise) from the other.
 *
 * freq_a, mag_a: n_a x n_harm; env_a: n_a x n_env; freq_b, mag_b: n_b x
 * n_harm; env_b: n_b x n_env; out_freq, out_mag: n_a x n_harm; out_env:
 * n_a x n_env. Returns DSP_OK, or DSP_EINVAL (n_b 0, an alpha outside
 * [0, 1]).
 *
 * EXAMPLE  A: 3 frames of harmonics {100, 200} Hz at {-10, -20} dB,
 *          B: 2 frames, {150, 0} at {-30, 0} then {160, 320} at {-40, -60};
 *          alpha_freq 0.5, alpha_mag 0.25 (A's frames meet B's 0, 1, 1)
 *            ->  out_freq = {125, 0, 130, 260, 130, 260}
 *                out_mag  = {-15, 0, -17.5, -30, -17.5, -30}
 *          one envelope band, env_a = {-40, -50, -60}, env_b = {-20, -30},
 *          alpha_stoch 0.25  ->  out_env = {-35, -45, -52.5}
 *   The grader allows 1e-9.
 * HINT  (k * (n_b - 1)) / (n_a - 1) in size_t truncates: compute in double
 *       and round.
 * CHECK make grade LESSON=09 ONLY=morph
 */
#include <math.h>

#include "exercise.h"

int morph_ex(const double *freq_a, const double *mag_a, const double *env_a, size_t n_a,
             const double *freq_b, const double *mag_b, const double *env_b, size_t n_b,
             size_t n_harm, size_t n_env, double alpha_freq, double alpha_mag,
             double alpha_stoch, double *out_freq, double *out_mag, double *out_env)
{
    /* YOUR CODE HERE */
    (void)freq_a;
    (void)mag_a;
    (void)env_a;
    (void)n_a;
    (void)freq_b;
    (void)mag_b;
    (void)env_b;
    (void)n_b;
    (void)n_harm;
    (void)n_env;
    (void)alpha_freq;
    (void)alpha_mag;
    (void)alpha_stoch;
    (void)out_freq;
    (void)out_mag;
    (void)out_env;
    return DSP_ETODO;
}
