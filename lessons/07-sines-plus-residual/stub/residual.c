/*
 * Lesson 07, Part 2 — The residual
 *
 * Implement residual_ex(): what the sinusoids do not explain. Synthesise
 * the sines with your sines_ex() (Part 1), subtract them from x sample by
 * sample, and measure the sines-to-residual ratio:
 *     sines    = sines_ex(freq, amp, phase, ...)
 *     residual = x - sines
 *     srr_db   = 10 log10( sum sines^2 / sum residual^2 )
 * (+inf, i.e. INFINITY from math.h, when the residual is all zeros).
 * The subtraction only works because the sines have the right PHASE: the
 * DFT model's peaks give the phase at each frame's centre.
 *
 * x                 input, len samples
 * freq, amp, phase, n_frames, n_sines, hop, fs   as in Part 1
 * sines, residual   outputs, len samples each
 * srr_db            output, dB
 * Returns what sines_ex returns for bad arguments, else DSP_OK.
 *
 * EXAMPLE  x = 0.6 cos(2 pi 440 t + 0.3) + 0.3 cos(2 pi 1234.5 t - 1) + noise
 *          (uniform, standard deviation 0.05), 0.5 s at 44.1 kHz, hop 256,
 *          the two sinusoids' exact parameters in every frame:
 *            residual = the noise (to 1e-12), srr_db = 19.51
 *          the flute excerpt with its 30 peaks per frame: srr_db = 32.49
 *   The grader compares srr_db to the energies of your own outputs (1e-9).
 * HINT  declare nothing new: sines_ex is in exercise.h.
 * CHECK make grade LESSON=07 ONLY=residual
 */
#include <math.h>

#include "exercise.h"

int residual_ex(const double *x, size_t len, const double *freq, const double *amp,
                const double *phase, size_t n_frames, size_t n_sines, size_t hop, double fs,
                double *sines, double *residual, double *srr_db)
{
    /* YOUR CODE HERE */
    (void)x;
    (void)len;
    (void)freq;
    (void)amp;
    (void)phase;
    (void)n_frames;
    (void)n_sines;
    (void)hop;
    (void)fs;
    (void)sines;
    (void)residual;
    (void)srr_db;
    return DSP_ETODO;
}
