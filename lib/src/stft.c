/* stft.c — short-time Fourier transform: framing around the DFT model, and
 * overlap-add synthesis divided by the overlapped sum of squared windows
 * (see stft.h). */
#include "dsplab/stft.h"

#include "dsplab/dftmodel.h"
#include "dsplab/status.h"

#include "kernels.h"

#include <float.h>
#include <stdlib.h>
#include <string.h>

/* The overlapped sum d of squared windows counts as zero below this fraction
 * of the largest w^2. A sample's reconstruction error is about
 * eps * max(w) / sqrt(d) of the signal's scale (the synthesis' rounding,
 * spread evenly over the frame, divided by the window), so above the
 * threshold it stays below ~2e-8; below it the sample would be mostly
 * rounding noise, as on the ends of a narrow Gaussian window (w[0] = 1e-14
 * for sigma = M/16). A threshold much larger would refuse valid cases: a
 * periodic Hann of 4096 points with H = M/2 can leave the signal's last
 * sample to w[M-2] of the last frame alone, and w[M-2]^2 / max w^2 =
 * sin(2*pi/M)^4 = 5e-12. */
#define WSS_REL_TOL 1e-16

struct dsp_stft {
    size_t m, n, hop, hm2;
    struct dsp_dftmodel *dm;   /* window, FFT plans and the per-frame work */
    double *wsq;               /* (normalised window)^2, M values */
    double wsq_max;
    double *frame;             /* scratch: a zero-padded frame, M samples */
};

struct dsp_stft *dsp_stft_new(const double *window, size_t m, size_t n_fft, size_t hop)
{
    struct dsp_stft *st = NULL;
    if (hop == 0) {
        dsp_fail(DSP_EINVAL, "hop size (0) must be at least 1");
        goto fail;
    }
    if (m == 0) {
        dsp_fail(DSP_EINVAL, "window size (0) must be at least 1");
        goto fail;
    }
    if (n_fft < m) {
        dsp_fail(DSP_EINVAL, "FFT size (%zu) is smaller than the window size (%zu)", n_fft, m);
        goto fail;
    }
    st = calloc(1, sizeof *st);
    if (!st)
        goto nomem;
    st->m = m;
    st->n = n_fft;
    st->hop = hop;
    st->hm2 = m / 2;
    st->dm = dsp_dftmodel_new(window, m, n_fft);
    if (!st->dm)
        goto fail;   /* message set by dsp_dftmodel_new */
    st->wsq = malloc(m * sizeof *st->wsq);
    st->frame = malloc(m * sizeof *st->frame);
    if (!st->wsq || !st->frame)
        goto nomem;
    const double *w = dsp_dftmodel_window(st->dm);
    for (size_t i = 0; i < m; i++) {
        st->wsq[i] = w[i] * w[i];
        if (st->wsq[i] > st->wsq_max)
            st->wsq_max = st->wsq[i];
    }
    return st;
nomem:
    dsp_fail(DSP_ENOMEM, "stft: out of memory for M = %zu, N = %zu", m, n_fft);
fail:
    dsp_stft_free(st);
    return NULL;
}

void dsp_stft_free(struct dsp_stft *st)
{
    if (!st)
        return;
    dsp_dftmodel_free(st->dm);
    free(st->wsq);
    free(st->frame);
    free(st);
}

size_t dsp_stft_window_size(const struct dsp_stft *st)
{
    return st->m;
}

size_t dsp_stft_fft_size(const struct dsp_stft *st)
{
    return st->n;
}

size_t dsp_stft_hop(const struct dsp_stft *st)
{
    return st->hop;
}

size_t dsp_stft_num_bins(const struct dsp_stft *st)
{
    return st->n / 2 + 1;
}

size_t dsp_stft_num_frames(const struct dsp_stft *st, size_t len)
{
    return len / st->hop + 1;
}

static int check_frame(const struct dsp_stft *st, const double *x, size_t len, size_t k)
{
    if (!x && len > 0)
        return dsp_fail(DSP_EINVAL, "stft: signal is NULL but has %zu samples", len);
    size_t frames = dsp_stft_num_frames(st, len);
    if (k >= frames)
        return dsp_fail(DSP_EINVAL,
                        "frame %zu is out of range: a %zu-sample signal with hop %zu has "
                        "%zu frames (0 .. %zu)",
                        k, len, st->hop, frames, frames - 1);
    return DSP_OK;
}

/* Frame k's M samples start at sample k*H - floor(M/2). */
static void copy_frame(const struct dsp_stft *st, const double *x, size_t len, size_t k,
                       double *frame)
{
    size_t center = k * st->hop, lead = 0, start = 0;
    if (center < st->hm2)
        lead = st->hm2 - center;   /* frame starts before sample 0 */
    else
        start = center - st->hm2;
    memset(frame, 0, lead * sizeof *frame);
    size_t avail = start < len ? len - start : 0;
    size_t count = st->m - lead < avail ? st->m - lead : avail;
    if (count > 0)
        memcpy(frame + lead, x + start, count * sizeof *frame);
    memset(frame + lead + count, 0, (st->m - lead - count) * sizeof *frame);
}

/* The frame's samples: a pointer into x when the frame lies wholly inside
 * the signal (no copy, no per-sample bounds checks), else the zero-padded
 * copy in st->frame. */
static const double *frame_ptr(struct dsp_stft *st, const double *x, size_t len, size_t k)
{
    /* the samples frame k+1 reads (callers go through frames in order) */
    dsp_k_prefetch_next_frame(x, sizeof *x, len, (long long)(k * st->hop) - (long long)st->hm2,
                              st->m, st->hop);
    size_t center = k * st->hop;
    if (center >= st->hm2 && center - st->hm2 + st->m <= len)
        return x + (center - st->hm2);
    copy_frame(st, x, len, k, st->frame);
    return st->frame;
}

int dsp_stft_frame(const struct dsp_stft *st, const double *x, size_t len, size_t k,
                   double *frame)
{
    int s = check_frame(st, x, len, k);
    if (s != DSP_OK)
        return s;
    copy_frame(st, x, len, k, frame);
    return DSP_OK;
}

int dsp_stft_spectrum(struct dsp_stft *st, const double *x, size_t len, size_t k,
                      double complex *X)
{
    int s = check_frame(st, x, len, k);
    if (s != DSP_OK)
        return s;
    return dsp_dftmodel_spectrum(st->dm, frame_ptr(st, x, len, k), X);
}

int dsp_stft_magnitude(struct dsp_stft *st, const double *x, size_t len, size_t k, double *mag)
{
    int s = check_frame(st, x, len, k);
    if (s != DSP_OK)
        return s;
    return dsp_dftmodel_magnitude(st->dm, frame_ptr(st, x, len, k), mag);
}

int dsp_stft_power(struct dsp_stft *st, const double *x, size_t len, size_t k, double *power)
{
    int s = check_frame(st, x, len, k);
    if (s != DSP_OK)
        return s;
    return dsp_dftmodel_power(st->dm, frame_ptr(st, x, len, k), power);
}

int dsp_stft_analyze_frame(struct dsp_stft *st, const double *x, size_t len, size_t k,
                           double *mX, double *pX)
{
    int s = check_frame(st, x, len, k);
    if (s != DSP_OK)
        return s;
    return dsp_dftmodel_analyze(st->dm, frame_ptr(st, x, len, k), mX, pX);
}

/* sum over frames k = 0 .. n_frames-1 of w[t + floor(M/2) - k*H]^2, the
 * window indices that land on sample t. */
static double wss_at(const struct dsp_stft *st, size_t t, size_t n_frames)
{
    const size_t h = st->hop, p = t + st->hm2;   /* p - k*H is the window index */
    size_t kmax = p / h;
    if (kmax > n_frames - 1)
        kmax = n_frames - 1;
    /* k*H > p - M, i.e. k >= (p - M + 1) / H rounded up */
    size_t kmin = p + 1 > st->m ? (p + 1 - st->m + h - 1) / h : 0;
    double d = 0.0;
    for (size_t k = kmin; k <= kmax; k++)
        d += st->wsq[p - k * h];
    return d;
}

int dsp_stft_synthesize(struct dsp_stft *st, const double *mX, const double *pX,
                        size_t n_frames, double *y, size_t len)
{
    const size_t m = st->m, h = st->hop, hm2 = st->hm2, nb = dsp_stft_num_bins(st);
    size_t want = dsp_stft_num_frames(st, len);
    if (n_frames != want)
        return dsp_fail(DSP_EINVAL,
                        "stft synthesis: %zu frames given, but a %zu-sample signal with hop "
                        "%zu has %zu",
                        n_frames, len, h, want);
    /* Fail before any work where the frames leave a sample uncovered. */
    const double tol = WSS_REL_TOL * st->wsq_max;
    for (size_t t = 0; t < len; t++) {
        double d = wss_at(st, t, n_frames);
        if (!(d > tol))
            return dsp_fail(DSP_EINVAL,
                            "stft synthesis: the overlapped sum of squared windows is %g at "
                            "sample %zu (window of M = %zu samples, hop H = %zu): that sample "
                            "cannot be reconstructed; use a smaller hop or a window whose "
                            "ends are not zero",
                            d, t, m, h);
    }
    memset(y, 0, len * sizeof *y);
    const double *w = dsp_dftmodel_window(st->dm);
    for (size_t k = 0; k < n_frames; k++) {
        /* the windowed frame x*w, back from (mX, pX) */
        int s = dsp_dftmodel_synthesize(st->dm, mX + k * nb, pX + k * nb, st->frame);
        if (s != DSP_OK)
            return s;
        /* samples t = k*H - hm2 + i for i in [i0, i1) fall inside 0 .. len-1 */
        size_t center = k * h;
        size_t i0 = center < hm2 ? hm2 - center : 0;
        size_t i1 = len + hm2 > center ? len + hm2 - center : 0;
        if (i1 > m)
            i1 = m;
        for (size_t i = i0; i < i1; i++)
            y[center + i - hm2] += st->frame[i] * w[i];   /* window once more */
    }
    for (size_t t = 0; t < len; t++)
        y[t] /= wss_at(st, t, n_frames);
    return DSP_OK;
}
