/* vggish.c — the VGGish log-mel front end (see vggish.h). */
#include "dsplab/vggish.h"

#include "dsplab/melspec.h"
#include "dsplab/status.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct dsp_vggish {
    struct dsp_vggish_params p;
    double input_rate;
    size_t win, hop, n_fft, ex_frames, ex_hop;
    struct dsp_resample *rs;     /* NULL when input_rate == sample_rate */
    struct dsp_melspec *ms;
};

struct dsp_vggish_params dsp_vggish_defaults(void)
{
    struct dsp_vggish_params p = {
        .sample_rate = 16000.0,
        .window_seconds = 0.025,
        .hop_seconds = 0.010,
        .n_mels = 64,
        .fmin = 125.0,
        .fmax = 7500.0,
        .log_offset = 0.01,
        .example_window_seconds = 0.96,
        .example_hop_seconds = 0.96,
        .resample = dsp_resample_defaults(),
    };
    /* VGGish's own front end resamples with resampy's defaults: the
     * kaiser_best filter and floor(L * 16000 / sr) samples. */
    p.resample.filter = DSP_RESAMPLE_KAISER_BEST;
    p.resample.length = DSP_RESAMPLE_LEN_FLOOR;
    return p;
}

void dsp_vggish_free(struct dsp_vggish *v)
{
    if (!v)
        return;
    dsp_resample_free(v->rs);
    dsp_melspec_free(v->ms);
    free(v);
}

/* Python's round(): halves go to the even neighbour, as nearbyint does in
 * the default rounding mode. */
static size_t py_round(double x)
{
    return (size_t)nearbyint(x);
}

struct dsp_vggish *dsp_vggish_new(const struct dsp_vggish_params *p, double input_rate)
{
    struct dsp_vggish *v = NULL;
    if (!p) {
        dsp_fail(DSP_EINVAL, "vggish: no parameters given");
        goto fail;
    }
    if (!(p->sample_rate > 0.0) || !(p->window_seconds > 0.0) || !(p->hop_seconds > 0.0) ||
        !(p->example_window_seconds > 0.0) || !(p->example_hop_seconds > 0.0)) {
        dsp_fail(DSP_EINVAL, "vggish: sample rate (%g Hz), window (%g s), hop (%g s), example "
                 "window (%g s) and hop (%g s) must be positive", p->sample_rate,
                 p->window_seconds, p->hop_seconds, p->example_window_seconds,
                 p->example_hop_seconds);
        goto fail;
    }
    if (!(p->log_offset > 0.0)) {
        dsp_fail(DSP_EINVAL, "vggish: log offset (%g) must be positive (ln(mel + offset))",
                 p->log_offset);
        goto fail;
    }
    v = calloc(1, sizeof *v);
    if (!v) {
        dsp_fail(DSP_ENOMEM, "vggish: out of memory");
        goto fail;
    }
    v->p = *p;
    v->input_rate = input_rate;
    v->win = py_round(p->sample_rate * p->window_seconds);
    v->hop = py_round(p->sample_rate * p->hop_seconds);
    /* examples are counted in frames, at the feature rate 1 / hop_seconds
     * (vggish_input.py: int(round(EXAMPLE_WINDOW_SECONDS * features_rate))) */
    double features_rate = 1.0 / p->hop_seconds;
    v->ex_frames = py_round(p->example_window_seconds * features_rate);
    v->ex_hop = py_round(p->example_hop_seconds * features_rate);
    if (v->win < 1 || v->hop < 1 || v->ex_frames < 1 || v->ex_hop < 1) {
        dsp_fail(DSP_EINVAL, "vggish: window (%zu), hop (%zu) samples and example window (%zu), "
                 "hop (%zu) frames must be at least 1", v->win, v->hop, v->ex_frames, v->ex_hop);
        goto fail;
    }
    /* mel_features.py: fft_length = 2 ** ceil(log2(window_length)) */
    v->n_fft = 2;
    while (v->n_fft < v->win)
        v->n_fft *= 2;

    if (input_rate != p->sample_rate) {
        v->rs = dsp_resample_new(input_rate, p->sample_rate, &p->resample);
        if (!v->rs)
            goto fail;
    }
    struct dsp_melspec_params mp = {
        .sample_rate = p->sample_rate,
        .n_fft = v->n_fft,
        .win_length = v->win,
        .hop = v->hop,
        .window = DSP_WIN_HANN,
        .window_param = 0.0,
        .framing = DSP_FRAMES_INSIDE,
        .power = 1.0,
        .mel = {
            .sample_rate = p->sample_rate,
            .n_fft = v->n_fft,
            .n_mels = p->n_mels,
            .fmin = p->fmin,
            .fmax = p->fmax,
            .scale = DSP_MEL_HTK_LN,
            .norm = DSP_MEL_NORM_NONE,
            .triangles = DSP_MEL_TRIANGLES_MEL,
            .zero_dc = 1,
        },
    };
    v->ms = dsp_melspec_new(&mp);
    if (!v->ms)
        goto fail;
    return v;

fail:
    dsp_vggish_free(v);
    return NULL;
}

size_t dsp_vggish_num_bands(const struct dsp_vggish *v)
{
    return v->p.n_mels;
}

size_t dsp_vggish_window_length(const struct dsp_vggish *v)
{
    return v->win;
}

size_t dsp_vggish_hop_length(const struct dsp_vggish *v)
{
    return v->hop;
}

size_t dsp_vggish_fft_size(const struct dsp_vggish *v)
{
    return v->n_fft;
}

size_t dsp_vggish_example_frames(const struct dsp_vggish *v)
{
    return v->ex_frames;
}

size_t dsp_vggish_example_hop(const struct dsp_vggish *v)
{
    return v->ex_hop;
}

size_t dsp_vggish_resampled_len(const struct dsp_vggish *v, size_t len)
{
    return v->rs ? dsp_resample_out_len(v->rs, len) : len;
}

size_t dsp_vggish_num_frames(const struct dsp_vggish *v, size_t len)
{
    return dsp_melspec_num_frames(v->ms, dsp_vggish_resampled_len(v, len));
}

static size_t examples_of(const struct dsp_vggish *v, size_t n_frames)
{
    return n_frames < v->ex_frames ? 0 : 1 + (n_frames - v->ex_frames) / v->ex_hop;
}

size_t dsp_vggish_num_examples(const struct dsp_vggish *v, size_t len)
{
    return examples_of(v, dsp_vggish_num_frames(v, len));
}

int dsp_vggish_frame(struct dsp_vggish *v, const double *x16, size_t len16, size_t k,
                     double *logmel)
{
    int s = dsp_melspec_frame(v->ms, x16, len16, k, logmel);
    if (s != DSP_OK)
        return s;
    for (size_t m = 0; m < v->p.n_mels; m++)
        logmel[m] = log(logmel[m] + v->p.log_offset);
    return DSP_OK;
}

int dsp_vggish_frame_samples(struct dsp_vggish *v, const double *seg, double *logmel)
{
    int s = dsp_melspec_frame_samples(v->ms, seg, logmel);
    if (s != DSP_OK)
        return s;
    for (size_t m = 0; m < v->p.n_mels; m++)
        logmel[m] = log(logmel[m] + v->p.log_offset);
    return DSP_OK;
}

int dsp_vggish_log_mel(struct dsp_vggish *v, const double *x, size_t len, double *work,
                       double *logmel, size_t n_frames)
{
    size_t frames = dsp_vggish_num_frames(v, len);
    if (n_frames != frames)
        return dsp_fail(DSP_EINVAL, "vggish: %zu samples give %zu frames, not %zu", len, frames,
                        n_frames);
    const double *x16 = x;
    size_t len16 = len;
    if (v->rs) {
        if (!work)
            return dsp_fail(DSP_EINVAL, "vggish: resampling %g -> %g Hz needs a work buffer of "
                            "%zu values", v->input_rate, v->p.sample_rate,
                            dsp_resample_out_len(v->rs, len));
        len16 = dsp_resample_out_len(v->rs, len);
        int s = dsp_resample_process(v->rs, x, len, work, len16);
        if (s != DSP_OK)
            return s;
        x16 = work;
    }
    for (size_t k = 0; k < frames; k++) {
        int s = dsp_vggish_frame(v, x16, len16, k, logmel + k * v->p.n_mels);
        if (s != DSP_OK)
            return s;
    }
    return DSP_OK;
}

int dsp_vggish_examples(const struct dsp_vggish *v, const double *logmel, size_t n_frames,
                        double *out, size_t n_examples)
{
    size_t want = examples_of(v, n_frames);
    if (n_examples != want)
        return dsp_fail(DSP_EINVAL, "vggish: %zu frames give %zu examples, not %zu", n_frames,
                        want, n_examples);
    size_t row = v->p.n_mels, block = v->ex_frames * row;
    for (size_t e = 0; e < n_examples; e++)
        memmove(out + e * block, logmel + e * v->ex_hop * row, block * sizeof *out);
    return DSP_OK;
}
