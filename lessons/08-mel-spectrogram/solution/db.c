/* Lesson 08, Part 4 — reference solution. */
#include <math.h>

#include "exercise.h"

int power_to_db_ex(const double *S, size_t n, double ref, double amin, double top_db, double *db)
{
    if (n == 0 || !(amin > 0.0) || !(ref >= 0.0) || !(top_db >= 0.0))
        return DSP_EINVAL;
    if (ref == DSP_DB_REF_MAX) {
        ref = S[0];
        for (size_t i = 1; i < n; i++)
            ref = fmax(ref, S[i]);
    }
    /* amin is the floor: silence gives 10 log10(amin), never -inf */
    double offset = 10.0 * log10(fmax(amin, ref));
    double top = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        db[i] = 10.0 * log10(fmax(amin, S[i])) - offset;
        top = fmax(top, db[i]);
    }
    if (!isinf(top_db))
        for (size_t i = 0; i < n; i++)
            db[i] = fmax(db[i], top - top_db);
    return DSP_OK;
}
