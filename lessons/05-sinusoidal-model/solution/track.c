/* Lesson 05, Part 4 — reference solution. */
#include <math.h>
#include <stdlib.h>

#include "exercise.h"

int track_ex(const double *pfreq, const double *pmag, const double *pphase, size_t n_peaks,
             const double *prev_freq, size_t n_tracks, double offset, double slope,
             double *tfreq, double *tmag, double *tphase)
{
    if (!(offset >= 0) || !(slope >= 0))
        return DSP_EINVAL;
    for (size_t i = 0; i < n_peaks; i++)
        if (!(pfreq[i] > 0))
            return DSP_EINVAL;
    int *used = calloc(n_peaks + 1, sizeof *used);       /* peak i placed */
    int *claimed = calloc(n_tracks + 1, sizeof *claimed); /* slot continued */
    size_t *order = malloc((n_peaks + 1) * sizeof *order);
    if (!used || !claimed || !order) {
        free(used);
        free(claimed);
        free(order);
        return DSP_ENOMEM;
    }
    /* peaks by decreasing magnitude, ties by index: insertion sort is stable */
    for (size_t i = 0; i < n_peaks; i++) {
        size_t j = i;
        while (j > 0 && pmag[order[j - 1]] < pmag[i]) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    for (size_t t = 0; t < n_tracks; t++)
        tfreq[t] = tmag[t] = tphase[t] = 0.0;
    /* 1. continue live tracks, loudest peak first */
    for (size_t o = 0; o < n_peaks; o++) {
        size_t i = order[o], best = n_tracks;
        for (size_t t = 0; t < n_tracks; t++)
            if (prev_freq[t] > 0 && !claimed[t] &&
                (best == n_tracks ||
                 fabs(pfreq[i] - prev_freq[t]) < fabs(pfreq[i] - prev_freq[best])))
                best = t;
        if (best < n_tracks && fabs(pfreq[i] - prev_freq[best]) < offset + slope * pfreq[i]) {
            claimed[best] = 1;
            used[i] = 1;
            tfreq[best] = pfreq[i];
            tmag[best] = pmag[i];
            tphase[best] = pphase[i];
        }
    }
    /* 2. new tracks in the slots that were empty, loudest first */
    size_t slot = 0;
    for (size_t o = 0; o < n_peaks; o++) {
        size_t i = order[o];
        if (used[i])
            continue;
        while (slot < n_tracks && prev_freq[slot] > 0)
            slot++;
        if (slot == n_tracks)
            break;   /* no room: the rest are dropped */
        tfreq[slot] = pfreq[i];
        tmag[slot] = pmag[i];
        tphase[slot] = pphase[i];
        slot++;
    }
    free(used);
    free(claimed);
    free(order);
    return DSP_OK;
}
