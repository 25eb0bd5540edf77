/* mfcc.c — orthonormal DCT-II of dB mel spectra (see mfcc.h). */
#include "dsplab/mfcc.h"

#include "dsplab/status.h"

#include <math.h>
#include <stdlib.h>

static const double pi = 3.14159265358979323846;

struct dsp_mfcc {
    size_t n_mels, n_mfcc;
    double *dct;   /* n_mfcc rows of n_mels: the scaled cosines */
};

struct dsp_mfcc *dsp_mfcc_new(size_t n_mels, size_t n_mfcc)
{
    struct dsp_mfcc *mf = NULL;
    if (n_mels < 1 || n_mfcc < 1 || n_mfcc > n_mels) {
        dsp_fail(DSP_EINVAL, "mfcc: n_mfcc (%zu) must be between 1 and n_mels (%zu)", n_mfcc,
                 n_mels);
        goto fail;
    }
    mf = calloc(1, sizeof *mf);
    if (!mf || !(mf->dct = malloc(n_mels * n_mfcc * sizeof *mf->dct))) {
        dsp_fail(DSP_ENOMEM, "mfcc: out of memory (%zu x %zu DCT)", n_mfcc, n_mels);
        goto fail;
    }
    mf->n_mels = n_mels;
    mf->n_mfcc = n_mfcc;
    double M = (double)n_mels;
    for (size_t q = 0; q < n_mfcc; q++) {
        /* orthonormal scaling: row 0 has norm sqrt(1/M) * sqrt(M) = 1 */
        double s = q == 0 ? sqrt(1.0 / M) : sqrt(2.0 / M);
        for (size_t m = 0; m < n_mels; m++)
            mf->dct[q * n_mels + m] =
                s * cos(pi * (double)q * (double)(2 * m + 1) / (2.0 * M));
    }
    return mf;

fail:
    dsp_mfcc_free(mf);
    return NULL;
}

void dsp_mfcc_free(struct dsp_mfcc *mf)
{
    if (!mf)
        return;
    free(mf->dct);
    free(mf);
}

size_t dsp_mfcc_num_coeffs(const struct dsp_mfcc *mf)
{
    return mf->n_mfcc;
}

int dsp_mfcc_frame(const struct dsp_mfcc *mf, const double *db, size_t n_mels, double *c)
{
    if (n_mels != mf->n_mels)
        return dsp_fail(DSP_EINVAL, "mfcc: frame has %zu mel bands, expected %zu", n_mels,
                        mf->n_mels);
    for (size_t q = 0; q < mf->n_mfcc; q++) {
        const double *row = mf->dct + q * n_mels;
        double acc = 0.0;
        for (size_t m = 0; m < n_mels; m++)
            acc += row[m] * db[m];
        c[q] = acc;
    }
    return DSP_OK;
}

int dsp_mfcc_compute(const struct dsp_mfcc *mf, struct dsp_melspec *ms, const double *x,
                     size_t len, double *S, double *C, size_t n_frames)
{
    size_t n_mels = dsp_melspec_num_bands(ms);
    if (n_mels != mf->n_mels)
        return dsp_fail(DSP_EINVAL, "mfcc: the mel spectrogram has %zu bands, expected %zu",
                        n_mels, mf->n_mels);
    int s = dsp_melspec_compute(ms, x, len, S, n_frames);
    if (s != DSP_OK)
        return s;
    /* librosa.feature.mfcc: power_to_db(S) with ref 1, amin 1e-10, top_db 80 */
    s = dsp_melspec_power_to_db(S, n_frames * n_mels, 1.0, 1e-10, 80.0, S);
    if (s != DSP_OK)
        return s;
    for (size_t k = 0; k < n_frames; k++)
        dsp_mfcc_frame(mf, S + k * n_mels, n_mels, C + k * mf->n_mfcc);
    return DSP_OK;
}
