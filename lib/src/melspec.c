/* melspec.c — mel spectrograms and power_to_db (see melspec.h). */
#include "dsplab/melspec.h"

#include "dsplab/fft.h"
#include "dsplab/status.h"

#include "kernels.h"

#include <complex.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct dsp_melspec {
    struct dsp_melspec_params p;
    size_t n_bins;
    double *window;           /* win_length values */
    double *spec;             /* n_bins: the current frame's |X|^power */
    struct dsp_fft *fft;
    struct dsp_melbank *bank;
};

struct dsp_melspec_params dsp_melspec_defaults(double sample_rate)
{
    struct dsp_melspec_params p = {
        .sample_rate = sample_rate,
        .n_fft = 2048,
        .win_length = 2048,
        .hop = 512,
        .window = DSP_WIN_HANN,
        .window_param = 0.0,
        .framing = DSP_FRAMES_CENTERED,
        .power = 2.0,
        .mel = dsp_melbank_defaults(sample_rate, 2048),
    };
    return p;
}

void dsp_melspec_free(struct dsp_melspec *ms)
{
    if (!ms)
        return;
    free(ms->window);
    free(ms->spec);
    dsp_fft_free(ms->fft);
    dsp_melbank_free(ms->bank);
    free(ms);
}

struct dsp_melspec *dsp_melspec_new(const struct dsp_melspec_params *p)
{
    struct dsp_melspec *ms = NULL;
    if (!p) {
        dsp_fail(DSP_EINVAL, "mel spectrogram: no parameters given");
        goto fail;
    }
    if (p->n_fft < 2 || p->win_length < 1 || p->win_length > p->n_fft) {
        dsp_fail(DSP_EINVAL,
                 "mel spectrogram: window length (%zu) must be between 1 and n_fft (%zu), "
                 "n_fft at least 2",
                 p->win_length, p->n_fft);
        goto fail;
    }
    if (p->hop < 1) {
        dsp_fail(DSP_EINVAL, "mel spectrogram: hop size (0) must be at least 1");
        goto fail;
    }
    if (!(p->power > 0.0) || !isfinite(p->power)) {
        dsp_fail(DSP_EINVAL, "mel spectrogram: power (%g) must be positive (2 power, 1 magnitude)",
                 p->power);
        goto fail;
    }
    if (p->framing != DSP_FRAMES_CENTERED && p->framing != DSP_FRAMES_INSIDE) {
        dsp_fail(DSP_EINVAL, "mel spectrogram: unknown framing (%d)", (int)p->framing);
        goto fail;
    }
    ms = calloc(1, sizeof *ms);
    if (!ms) {
        dsp_fail(DSP_ENOMEM, "mel spectrogram: out of memory");
        goto fail;
    }
    ms->p = *p;
    ms->p.mel.sample_rate = p->sample_rate;
    ms->p.mel.n_fft = p->n_fft;
    ms->n_bins = p->n_fft / 2 + 1;
    ms->bank = dsp_melbank_new(&ms->p.mel);
    if (!ms->bank)
        goto fail;   /* message set by the bank */
    ms->window = malloc(p->win_length * sizeof *ms->window);
    ms->spec = malloc(ms->n_bins * sizeof *ms->spec);
    if (!ms->window || !ms->spec) {
        dsp_fail(DSP_ENOMEM, "mel spectrogram: out of memory");
        goto fail;
    }
    if (dsp_window_fill(p->window, p->window_param, DSP_WINDOW_PERIODIC, ms->window,
                        p->win_length) != DSP_OK)
        goto fail;
    ms->fft = dsp_fft_new(p->n_fft);
    if (!ms->fft)
        goto fail;
    return ms;

fail:
    dsp_melspec_free(ms);
    return NULL;
}

size_t dsp_melspec_num_frames(const struct dsp_melspec *ms, size_t len)
{
    size_t n = ms->p.n_fft, h = ms->p.hop, m = ms->p.win_length;
    /* librosa pads n/2 zeros per side; an odd n with no sample leaves the
     * padded signal one short of a frame (numpy: 1 + (-1) // h = 0) */
    if (ms->p.framing == DSP_FRAMES_CENTERED)
        return len + 2 * (n / 2) < n ? 0 : 1 + (len + 2 * (n / 2) - n) / h;
    return len < m ? 0 : 1 + (len - m) / h;
}

size_t dsp_melspec_num_bands(const struct dsp_melspec *ms)
{
    return dsp_melbank_num_bands(ms->bank);
}

const struct dsp_melbank *dsp_melspec_melbank(const struct dsp_melspec *ms)
{
    return ms->bank;
}

/* The FFT of the windowed frame in the FFT's input buffer, then |X|^power
 * into spec (n_bins values). */
static int transform(struct dsp_melspec *ms, double *spec)
{
    dsp_fft_execute_real(ms->fft);
    const double complex *X = dsp_fft_real_output(ms->fft);

    if (ms->p.power == 2.0) {
        /* re, im pairs read as plain doubles so the loop vectorises */
        dsp_k_pow((const double *)X, spec, ms->n_bins);
    } else if (ms->p.power == 1.0) {
        /* sqrt(re^2 + im^2) rather than cabs: cabs (hypot) guards against
         * overflow that a windowed frame of [-1, 1] samples cannot reach,
         * and costs about a third of the VGGish front end's time */
        dsp_k_mag((const double *)X, spec, ms->n_bins);
    } else {
        for (size_t b = 0; b < ms->n_bins; b++)
            spec[b] = pow(cabs(X[b]), ms->p.power);
    }
    return DSP_OK;
}

int dsp_melspec_spectrum(struct dsp_melspec *ms, const double *x, size_t len, size_t k,
                         double *spec)
{
    size_t n = ms->p.n_fft, m = ms->p.win_length;
    size_t frames = dsp_melspec_num_frames(ms, len);
    if (k >= frames)
        return dsp_fail(DSP_EINVAL, "mel spectrogram: frame %zu out of range (%zu frames for %zu "
                        "samples)", k, frames, len);

    /* First signal sample under window sample 0; librosa centres an M-point
     * window inside the N-point frame that starts at k*H - N/2. */
    long long start = (long long)(k * ms->p.hop);
    if (ms->p.framing == DSP_FRAMES_CENTERED)
        start += (long long)((n - m) / 2) - (long long)(n / 2);

    /* The windowed samples go to the front of the FFT buffer, zeros after:
     * a circular shift of librosa's frame, which |X| does not see. */
    double *in = dsp_fft_real_input(ms->fft);
    /* window samples i in [lo, hi) fall inside the signal; zeros elsewhere */
    size_t lo, hi;
    dsp_k_frame_span(start, len, m, &lo, &hi);
    memset(in, 0, lo * sizeof *in);
    if (hi > lo)
        dsp_k_mul(x + (size_t)(start + (long long)lo), ms->window + lo, in + lo, hi - lo);
    memset(in + hi, 0, (n - hi) * sizeof *in);
    /* the samples frame k+1 reads, to arrive during this frame's FFT */
    dsp_k_prefetch_next_frame(x, sizeof *x, len, start, m, ms->p.hop);
    return transform(ms, spec);
}

int dsp_melspec_frame_samples(struct dsp_melspec *ms, const double *seg, double *mel)
{
    if (!seg || !mel)
        return dsp_fail(DSP_EINVAL, "mel spectrogram: NULL frame or output");
    size_t n = ms->p.n_fft, m = ms->p.win_length;
    double *in = dsp_fft_real_input(ms->fft);
    dsp_k_mul(seg, ms->window, in, m);
    memset(in + m, 0, (n - m) * sizeof *in);
    int s = transform(ms, ms->spec);
    if (s != DSP_OK)
        return s;
    return dsp_melbank_apply(ms->bank, ms->spec, ms->n_bins, mel);
}

int dsp_melspec_frame(struct dsp_melspec *ms, const double *x, size_t len, size_t k,
                      double *mel)
{
    int s = dsp_melspec_spectrum(ms, x, len, k, ms->spec);
    if (s != DSP_OK)
        return s;
    return dsp_melbank_apply(ms->bank, ms->spec, ms->n_bins, mel);
}

int dsp_melspec_compute(struct dsp_melspec *ms, const double *x, size_t len, double *S,
                        size_t n_frames)
{
    size_t frames = dsp_melspec_num_frames(ms, len);
    if (n_frames != frames)
        return dsp_fail(DSP_EINVAL, "mel spectrogram: %zu samples give %zu frames, not %zu", len,
                        frames, n_frames);
    size_t n_mels = dsp_melbank_num_bands(ms->bank);
    for (size_t k = 0; k < frames; k++) {
        int s = dsp_melspec_frame(ms, x, len, k, S + k * n_mels);
        if (s != DSP_OK)
            return s;
    }
    return DSP_OK;
}

int dsp_melspec_power_to_db(const double *S, size_t n, double ref, double amin, double top_db,
                            double *db)
{
    if (!(amin > 0.0))
        return dsp_fail(DSP_EINVAL, "power_to_db: amin (%g) must be positive", amin);
    if (!(ref >= 0.0))
        return dsp_fail(DSP_EINVAL, "power_to_db: ref (%g) must be positive, or DSP_DB_REF_MAX",
                        ref);
    if (!(top_db >= 0.0))
        return dsp_fail(DSP_EINVAL, "power_to_db: top_db (%g) must be >= 0", top_db);
    if (ref == DSP_DB_REF_MAX) {
        ref = 0.0;
        for (size_t i = 0; i < n; i++)
            ref = fmax(ref, S[i]);
    }
    double offset = 10.0 * log10(fmax(amin, ref));
    double top = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        db[i] = 10.0 * log10(fmax(amin, S[i])) - offset;
        top = fmax(top, db[i]);
    }
    if (isfinite(top_db)) {
        double floor_db = top - top_db;
        for (size_t i = 0; i < n; i++)
            db[i] = fmax(db[i], floor_db);
    }
    return DSP_OK;
}
