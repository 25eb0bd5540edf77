/*
 * Lesson 08, Part 4 — Log compression and its floor
 *
 * Implement power_to_db_ex(), librosa.power_to_db: powers to decibels
 * relative to a reference, with a floor amin so that zero power (digital
 * silence) gives a finite number, and an optional range limit top_db:
 *     db[i] = 10 log10(max(amin, S[i])) - 10 log10(max(amin, ref))
 *     then, if top_db is finite:  db[i] = max(db[i], max_j db[j] - top_db)
 *
 * S       input powers, n >= 1 values (>= 0)
 * ref     reference power (0 dB), > 0; or DSP_DB_REF_MAX (0.0): use max(S)
 * amin    floor, > 0 (librosa: 1e-10, i.e. -100 dB)
 * top_db  >= 0 (librosa: 80), or DSP_DB_NO_TOP (INFINITY): no clipping
 * db      output, n values; S and db may be the same array
 * Returns DSP_OK, or DSP_EINVAL for n == 0, amin <= 0, ref < 0, top_db < 0
 * or a NaN among ref, amin and top_db.
 *
 * EXAMPLE  S = {1, 0.1, 1e-3, 1e-12, 0}
 *          ref 1,    amin 1e-10, no top_db  ->  {0, -10, -30, -100, -100}
 *          ref 1,    amin 1e-10, top_db 80  ->  {0, -10, -30,  -80,  -80}
 *          ref 0.01, amin 1e-10, top_db 100 ->  {20, 10, -10,  -80,  -80}
 *          1000 zeros, ref DSP_DB_REF_MAX   ->  all 0 dB (ref is floored too)
 *   The grader allows 1e-9 dB.
 * HINT  Find the reference (and so the offset) before the loop, the top
 *       after it: top_db clips against the largest dB value, which you only
 *       know once every value is converted. If S == db, the first loop has
 *       overwritten S; work out max(S) before it. isinf(top_db) tells
 *       DSP_DB_NO_TOP apart. Why the floor matters: log10(0) = -inf, and
 *       one -inf in a feature matrix poisons every mean and every network.
 * CHECK make grade LESSON=08 ONLY=db
 */
#include <math.h>

#include "exercise.h"

int power_to_db_ex(const double *S, size_t n, double ref, double amin, double top_db, double *db)
{
    /* YOUR CODE HERE */
    (void)S;
    (void)n;
    (void)ref;
    (void)amin;
    (void)top_db;
    (void)db;
    return DSP_ETODO;
}
