/* melcommon.c — melspec and mfcc: options, checks, one file's computation
 * (see melcommon.h). */
#include "melcommon.h"

#include "audioin.h"
#include "batch.h"
#include "frames.h"

#include <dsplab/stream.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* librosa's power_to_db defaults, used by --db and by mfcc. */
#define DB_REF 1.0
#define DB_AMIN 1e-10
#define DB_TOP 80.0

enum {
    OPT_N_FFT = CLI_OPT_FIRST_FREE,
    OPT_HOP,
    OPT_WIN_LENGTH,
    OPT_N_MELS,
    OPT_FMIN,
    OPT_FMAX,
    OPT_HTK,
    OPT_NORM,
    OPT_POWER,
    OPT_DB,
    OPT_TOP_DB,
    OPT_PRESET,
    OPT_RESAMPLER,
    OPT_N_MFCC,
    OPT_DTYPE,
    OPT_THREADS,
    OPT_RATE,
    OPT_CHANNELS,
    OPT_OUTPUT = 'o',
};

/* The options as given; 0 / has_* = 0 means "not given, use the default". */
struct mel_opts {
    enum cli_mel_output what;
    size_t n_fft, hop, win_length, n_mels, n_mfcc;
    double fmin, fmax, power, top_db;
    int has_fmin, has_fmax, has_norm, has_power, has_top_db;
    int htk, db, vggish;
    int f32;          /* --dtype float32 */
    size_t threads;   /* --threads; 0: not given (CPU count, 1 in a batch) */
    double raw_rate;  /* --rate, raw audio on standard input; 0: not given */
    size_t raw_channels;   /* --channels, likewise */
    int design_resampler;    /* --resampler design (VGGish only) */
    const char *given_resampler;
    enum dsp_mel_norm norm;
    /* the option word of each given option, for conflict messages */
    const char *given_n_fft, *given_htk, *given_norm, *given_power, *given_db, *given_top_db;
};

static void parse_option(struct mel_opts *m, int c, const char *arg)
{
    const char *name = cli_optname();
    switch (c) {
    case OPT_N_FFT:
        m->n_fft = cli_parse_size_max(name, arg, 2, CLI_MAX_SIZE);
        m->given_n_fft = "--n-fft";
        break;
    case OPT_HOP:
        m->hop = cli_parse_size_max(name, arg, 1, CLI_MAX_SIZE);
        break;
    case OPT_WIN_LENGTH:
        m->win_length = cli_parse_size_max(name, arg, 1, CLI_MAX_SIZE);
        break;
    case OPT_N_MELS:
        m->n_mels = cli_parse_size_max(name, arg, 1, CLI_MAX_COUNT);
        break;
    case OPT_N_MFCC:
        m->n_mfcc = cli_parse_size_max(name, arg, 1, CLI_MAX_COUNT);
        break;
    case OPT_FMIN:
        m->fmin = cli_parse_double(name, arg);
        if (m->fmin < 0)
            cli_usage_error("--fmin must be at least 0 Hz (got %s)", arg);
        m->has_fmin = 1;
        break;
    case OPT_FMAX:
        m->fmax = cli_parse_double(name, arg);
        if (!(m->fmax > 0))
            cli_usage_error("--fmax must be above 0 Hz (got %s)", arg);
        m->has_fmax = 1;
        break;
    case OPT_HTK:
        m->htk = 1;
        m->given_htk = "--htk";
        break;
    case OPT_NORM:
        if (strcmp(arg, "slaney") == 0)
            m->norm = DSP_MEL_NORM_SLANEY;
        else if (strcmp(arg, "none") == 0)
            m->norm = DSP_MEL_NORM_NONE;
        else
            cli_usage_error("--norm must be slaney or none (got '%s')", arg);
        m->has_norm = 1;
        m->given_norm = "--norm";
        break;
    case OPT_POWER:
        if (strcmp(arg, "1") == 0)
            m->power = 1.0;
        else if (strcmp(arg, "2") == 0)
            m->power = 2.0;
        else
            cli_usage_error("--power must be 1 (magnitude) or 2 (power) (got '%s')", arg);
        m->has_power = 1;
        m->given_power = "--power";
        break;
    case OPT_DB:
        m->db = 1;
        m->given_db = "--db";
        break;
    case OPT_TOP_DB:
        if (strcmp(arg, "none") == 0) {
            m->top_db = DSP_DB_NO_TOP;
        } else {
            m->top_db = cli_parse_double(name, arg);
            if (m->top_db < 0)
                cli_usage_error("--top-db must be at least 0 dB, or none (got %s)", arg);
        }
        m->has_top_db = 1;
        m->given_top_db = "--top-db";
        break;
    case OPT_DTYPE:
        if (strcmp(arg, "float32") == 0)
            m->f32 = 1;
        else if (strcmp(arg, "float64") == 0)
            m->f32 = 0;
        else
            cli_usage_error("--dtype must be float64 or float32 (got '%s')", arg);
        break;
    case OPT_THREADS:
        m->threads = cli_parse_threads(name, arg);
        break;
    case OPT_RATE:
        m->raw_rate = cli_parse_double(name, arg);
        if (!(m->raw_rate > 0) || m->raw_rate > 1e7)
            cli_usage_error("--rate must be a sample rate in Hz above 0 (got %s)", arg);
        break;
    case OPT_CHANNELS:
        m->raw_channels = cli_parse_size(name, arg, 1);
        if (m->raw_channels > 1024)
            cli_usage_error("--channels must be at most 1024 (got %s)", arg);
        break;
    case OPT_RESAMPLER:
        if (strcmp(arg, "kaiser_best") == 0)
            m->design_resampler = 0;
        else if (strcmp(arg, "design") == 0)
            m->design_resampler = 1;
        else
            cli_usage_error("--resampler must be kaiser_best or design (got '%s')", arg);
        m->given_resampler = "--resampler";
        break;
    case OPT_PRESET:
        if (strcmp(arg, "vggish") != 0)
            cli_usage_error("unknown preset '%s' (known: vggish)", arg);
        m->vggish = 1;
        break;
    default:
        break;
    }
}

/* Checks that need no input file. */
static void check_options(struct mel_opts *m)
{
    if (m->vggish) {
        /* The preset's scale, norm, magnitude and log are what make it VGGish;
         * its frame, hop, band count and range may be changed. */
        const char *fixed[] = {m->given_n_fft, m->given_htk, m->given_norm, m->given_power,
                               m->given_db, m->given_top_db};
        for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
            if (fixed[i])
                cli_usage_error("%s does not apply with --preset vggish (its FFT size follows "
                                "--win-length; its mel scale, norm, magnitude and log are fixed)",
                                fixed[i]);
        double fmax = m->has_fmax ? m->fmax : 7500.0, fmin = m->has_fmin ? m->fmin : 125.0;
        if (fmax > 8000.0)
            cli_usage_error("--fmax (%g Hz) is above the Nyquist frequency of --preset vggish "
                            "(8000 Hz: it works at 16 kHz)",
                            fmax);
        if (fmin >= fmax)
            cli_usage_error("--fmin (%g Hz) must be below fmax (%g Hz)", fmin, fmax);
        return;
    }
    if (m->given_resampler)
        cli_usage_error("--resampler is for --preset vggish (librosa's path does not resample)");
    size_t n_fft = m->n_fft ? m->n_fft : 2048;
    size_t win = m->win_length ? m->win_length : n_fft;
    if (win > n_fft)
        cli_usage_error("--win-length (%zu) must be at most the FFT size %s(%zu)", win,
                        m->n_fft ? "--n-fft " : "", n_fft);
    if (m->has_fmin && m->has_fmax && m->fmin >= m->fmax)
        cli_usage_error("--fmin (%g Hz) must be below --fmax (%g Hz)", m->fmin, m->fmax);
    if (m->what == CLI_MEL_MELSPEC && m->has_top_db && !m->db)
        cli_usage_error("--top-db needs --db");
    if (m->what == CLI_MEL_MFCC) {
        size_t n_mels = m->n_mels ? m->n_mels : 128;
        if (m->n_mfcc > n_mels)
            cli_usage_error("--n-mfcc (%zu) must be at most the number of mel bands %s(%zu)",
                            m->n_mfcc, m->n_mels ? "--n-mels " : "", n_mels);
    }
}

/* ---- the empty-band warning ----------------------------------------------- */

size_t cli_mel_warn_empty(const struct dsp_melbank *mb, const char *where)
{
    size_t n_bands = dsp_melbank_num_bands(mb);
    size_t *list = cli_malloc(n_bands, sizeof *list);
    size_t count = dsp_melbank_num_empty(mb, list, n_bands);
    if (count > 0) {
        /* runs of consecutive bands as "a-b" */
        char text[1024] = "";
        size_t len = 0;
        for (size_t i = 0; i < count && len < sizeof text;) {
            size_t j = i;
            while (j + 1 < count && list[j + 1] == list[j] + 1)
                j++;
            int k = j > i ? snprintf(text + len, sizeof text - len, "%s%zu-%zu", i ? ", " : "",
                                     list[i], list[j])
                          : snprintf(text + len, sizeof text - len, "%s%zu", i ? ", " : "",
                                     list[i]);
            len = k < 0 ? sizeof text : len + (size_t)k;
            i = j + 1;
        }
        fprintf(stderr,
                "dsplab: warning: %zu of %zu mel bands catch no FFT bin and stay zero (band%s "
                "%s) with %s; use fewer --n-mels or a larger --n-fft\n",
                count, n_bands, count > 1 ? "s" : "", text, where);
    }
    free(list);
    return count;
}

/* ---- the library objects for one sample rate ------------------------- */

/* What the computation needs for inputs at one sample rate. Building it
 * (the mel bank, the FFT plan) costs about as much as a 1 s file's frames,
 * so it is kept from one input to the next (see struct mel_ctx). */
struct setup {
    double fs;                       /* 0: nothing built */
    struct dsp_melspec_params mp;    /* librosa path */
    struct dsp_melspec *ms;
    struct dsp_melspec_f32 *ms32;    /* --dtype float32 */
    struct dsp_mfcc *mf;
    struct dsp_vggish_params vp;     /* --preset vggish */
    struct dsp_vggish *v;
    struct dsp_resample *rs;         /* NULL at 16 kHz */
};

static void setup_free(struct setup *s)
{
    dsp_melspec_free(s->ms);
    dsp_melspec_f32_free(s->ms32);
    dsp_mfcc_free(s->mf);
    dsp_vggish_free(s->v);
    dsp_resample_free(s->rs);
    memset(s, 0, sizeof *s);
}

/* The librosa parameters at rate fs. Returns 0, or 1 when fmax or fmin does
 * not fit this rate: then why says so, naming the input `path`. */
static int melspec_params(const struct mel_opts *m, double fs, const char *path,
                          struct dsp_melspec_params *p, char *why, size_t why_size)
{
    *p = dsp_melspec_defaults(fs);
    if (m->n_fft)
        p->n_fft = m->n_fft;
    p->win_length = m->win_length ? m->win_length : p->n_fft;
    if (m->hop)
        p->hop = m->hop;
    if (m->has_power)
        p->power = m->power;
    p->mel = dsp_melbank_defaults(fs, p->n_fft);
    if (m->n_mels)
        p->mel.n_mels = m->n_mels;
    p->mel.fmin = m->has_fmin ? m->fmin : 0.0;
    p->mel.fmax = m->has_fmax ? m->fmax : fs / 2.0;
    p->mel.scale = m->htk ? DSP_MEL_HTK : DSP_MEL_SLANEY;
    p->mel.norm = m->has_norm ? m->norm : DSP_MEL_NORM_SLANEY;
    if (p->mel.fmax > fs / 2.0) {
        snprintf(why, why_size, "--fmax (%g Hz) is above the Nyquist frequency of %s (%g Hz)",
                 p->mel.fmax, path, fs / 2.0);
        return 1;
    }
    if (p->mel.fmin >= p->mel.fmax) {
        snprintf(why, why_size, "--fmin (%g Hz) must be below fmax (%g Hz, half the sample "
                 "rate of %s)", p->mel.fmin, p->mel.fmax, path);
        return 1;
    }
    return 0;
}

/* The VGGish parameters with the user's changes. */
static struct dsp_vggish_params vggish_params(const struct mel_opts *m)
{
    struct dsp_vggish_params p = dsp_vggish_defaults();
    if (m->win_length)
        p.window_seconds = (double)m->win_length / p.sample_rate;
    if (m->hop)
        p.hop_seconds = (double)m->hop / p.sample_rate;
    if (m->n_mels)
        p.n_mels = m->n_mels;
    if (m->has_fmin)
        p.fmin = m->fmin;
    if (m->has_fmax)
        p.fmax = m->fmax;
    if (m->design_resampler) {
        p.resample.filter = DSP_RESAMPLE_DESIGN;
        p.resample.length = DSP_RESAMPLE_LEN_CEIL;
    }
    /* Examples (96-frame groups) are not written here; one frame each keeps
     * any --hop valid. */
    p.example_window_seconds = p.example_hop_seconds = p.hop_seconds;
    return p;
}

/* Builds s for rate fs (melspec_params() must have accepted fs). DSP_OK, or
 * the library's status with dsp_last_error() set and s empty. */
static int setup_build(const struct mel_opts *m, double fs, struct setup *s)
{
    memset(s, 0, sizeof *s);
    if (m->vggish) {
        s->vp = vggish_params(m);
        if (!(s->v = dsp_vggish_new(&s->vp, fs)))
            goto fail;
        /* the same resampler, with the same parameters, as dsp_vggish_log_mel */
        if (fs != s->vp.sample_rate &&
            !(s->rs = dsp_resample_new(fs, s->vp.sample_rate, &s->vp.resample)))
            goto fail;
    } else {
        char why[1200];
        if (melspec_params(m, fs, "the input", &s->mp, why, sizeof why) != 0)
            return dsp_fail(DSP_EINVAL, "%s", why);
        if (!(s->ms = dsp_melspec_new(&s->mp)))
            goto fail;
        if (m->f32 && !(s->ms32 = dsp_melspec_f32_new(&s->mp)))
            goto fail;
        if (m->what == CLI_MEL_MFCC &&
            !(s->mf = dsp_mfcc_new(dsp_melspec_num_bands(s->ms), m->n_mfcc ? m->n_mfcc : 20)))
            goto fail;
    }
    s->fs = fs;
    return DSP_OK;
fail:
    setup_free(s);
    return DSP_EINVAL;
}

/* ---- one file --------------------------------------------------------- */

/* Everything one file's computation holds, freed on success and on error.
 * The setup is borrowed from the context's cache (see one_file). */
/* One thread's objects for one file (frames.h): thread 0 borrows the
 * setup's, the others own theirs. */
struct mel_thread {
    struct dsp_melspec *ms;        /* librosa, float64 */
    struct dsp_melspec_f32 *ms32;  /* librosa, --dtype float32 */
    struct dsp_vggish *v;          /* --preset vggish (on 16 kHz samples) */
    int owned;
    const double *x;
    const float *xf;
    size_t len;
};

struct job {
    double *x, *x16, *row, *mel, *S;
    float *xf;
    struct mel_thread *t;
    size_t threads;
    struct setup *s;
};

static void job_free(struct job *j)
{
    for (size_t i = 0; j->t && i < j->threads; i++)
        if (j->t[i].owned) {
            dsp_melspec_free(j->t[i].ms);
            dsp_melspec_f32_free(j->t[i].ms32);
            dsp_vggish_free(j->t[i].v);
        }
    free(j->t);
    free(j->xf);
    free(j->x);
    free(j->x16);
    free(j->row);
    free(j->mel);
    free(j->S);
    memset(j, 0, sizeof *j);
}

/* The library's message as a runtime error about `path`. */
CLI_NORETURN static void job_fail(struct job *j, const char *path)
{
    char msg[1024];
    snprintf(msg, sizeof msg, "%s", dsp_last_error());
    job_free(j);
    cli_runtime_error(path, "%s", msg);
}

static int mel_row(void *ctx, size_t k, double *row)
{
    struct mel_thread *t = ctx;
    if (t->v)
        return dsp_vggish_frame(t->v, t->x, t->len, k, row);
    if (t->ms32)
        return dsp_melspec_f32_frame(t->ms32, t->xf, t->len, k, row);
    return dsp_melspec_frame(t->ms, t->x, t->len, k, row);
}

/* Builds j->threads thread contexts over the samples x (or, with
 * --dtype float32 on the librosa path, their float copy j->xf). */
static void job_threads(const struct mel_opts *m, struct job *j, const char *path,
                        const double *x, size_t len)
{
    struct setup *s = j->s;
    if (s->ms32 && !j->xf) {
        j->xf = cli_malloc(len, sizeof *j->xf);
        for (size_t i = 0; i < len; i++)
            j->xf[i] = (float)x[i];
    }
    j->t = cli_malloc(j->threads, sizeof *j->t);
    memset(j->t, 0, j->threads * sizeof *j->t);
    for (size_t i = 0; i < j->threads; i++) {
        struct mel_thread *t = &j->t[i];
        *t = (struct mel_thread){.x = x, .xf = j->xf, .len = len, .owned = i > 0};
        if (i == 0) {
            t->ms = s->ms;
            t->ms32 = s->ms32;
            t->v = s->v;
        } else if (m->vggish) {
            /* at the preset's own rate: no resampler, the same frames */
            if (!(t->v = dsp_vggish_new(&s->vp, s->vp.sample_rate)))
                job_fail(j, path);
        } else if (s->ms32) {
            if (!(t->ms32 = dsp_melspec_f32_new(&s->mp)))
                job_fail(j, path);
        } else if (!(t->ms = dsp_melspec_new(&s->mp))) {
            job_fail(j, path);
        }
    }
}

/* What the rows go through, in frame order, on the main thread. */
struct mel_emit {
    struct dsp_matfile *f;
    struct cli_progress progress;
    int show_progress;
    size_t frames, n_mels;
    int db, mfcc;
    const struct dsp_mfcc *mf;
    double *S;     /* whole-file rows (a finite top_db), else NULL */
    double *row;   /* scratch: dB mel bands / MFCCs */
};

static void mel_emit_row(void *arg, size_t k, const double *mel)
{
    struct mel_emit *e = arg;
    if (e->S) {
        memcpy(e->S + k * e->n_mels, mel, e->n_mels * sizeof *mel);
    } else if (!e->db) {
        cli_output_row(e->f, mel);
    } else {
        dsp_melspec_power_to_db(mel, e->n_mels, DB_REF, DB_AMIN, DSP_DB_NO_TOP, e->row);
        if (e->mfcc) {
            double *c = e->row + e->n_mels;
            dsp_mfcc_frame(e->mf, e->row, e->n_mels, c);
            cli_output_row(e->f, c);
        } else {
            cli_output_row(e->f, e->row);
        }
    }
    if (e->show_progress)
        cli_progress_update(&e->progress, k + 1, e->frames);
}

/* The header of VGGish frames; frames: the count, or what stands for it. */
static void vggish_header(const struct mel_opts *m, struct dsp_matfile *f,
                          const struct dsp_vggish_params *p, const struct dsp_vggish *v,
                          const char *frames)
{
    size_t bands = dsp_vggish_num_bands(v);
    size_t hop = dsp_vggish_hop_length(v), win = dsp_vggish_window_length(v);
    cli_output_header(f, "preset", "vggish (AudioSet log-mel front end)");
    cli_output_header(f, "resampled_to", "%.17g", p->sample_rate);
    cli_output_header(f, "resampler", "%s", p->resample.filter == DSP_RESAMPLE_KAISER_BEST
                                                ? "kaiser_best (resampy), floor(L*16000/sr) samples"
                                                : "design (Kaiser, flat to 0.9 Nyquist), "
                                                  "ceil(L*16000/sr) samples");
    cli_output_header(f, "n_fft", "%zu", dsp_vggish_fft_size(v));
    cli_output_header(f, "hop", "%zu", hop);
    cli_output_header(f, "win_length", "%zu", win);
    cli_output_header(f, "window", "hann (periodic)");
    cli_output_header(f, "framing", "inside: frames of win_length samples wholly inside the "
                                    "signal, zero-padded to n_fft");
    cli_output_header(f, "n_mels", "%zu", bands);
    cli_output_header(f, "fmin", "%.17g", p->fmin);
    cli_output_header(f, "fmax", "%.17g", p->fmax);
    cli_output_header(f, "scale", "htk_ln: 1127 ln(1 + f/700), triangles in mel, DC bin zeroed");
    cli_output_header(f, "norm", "none");
    cli_output_header(f, "power", "1 (magnitude)");
    cli_output_header(f, "log", "ln(mel + %.17g)", p->log_offset);
    cli_output_header(f, "dtype", "%s", m->f32 ? "float32 (computed in float64, stored as "
                                                 "float32)" : "float64");
    cli_output_header(f, "frames", "%s", frames);
    cli_output_header(f, "row_k_time_s", "k*%zu/%.17g (start of frame k)", hop, p->sample_rate);
}

/* VGGish log-mel frames, streamed: resample to 16 kHz, then one frame at a
 * time (dsp_vggish_frame on the resampled signal is what dsp_vggish_log_mel
 * computes). */
static void vggish_file(const struct mel_opts *m, struct job *j, const char *path, size_t len,
                        const char *out, int in_batch)
{
    const struct dsp_vggish_params *p = &j->s->vp;
    struct dsp_vggish *v = j->s->v;
    double fs = j->s->fs;
    const double *x16 = j->x;
    size_t len16 = len;
    if (j->s->rs) {
        len16 = dsp_resample_out_len(j->s->rs, len);
        j->x16 = cli_malloc(len16, sizeof *j->x16);
        if (dsp_resample_process(j->s->rs, j->x, len, j->x16, len16) != DSP_OK)
            job_fail(j, path);
        free(j->x);
        j->x = NULL;
        x16 = j->x16;
    }
    size_t bands = dsp_vggish_num_bands(v), frames = dsp_vggish_num_frames(v, len);
    job_threads(m, j, path, x16, len16);

    struct dsp_matfile *f = cli_output_open(out, bands, path, fs);
    if (m->f32 && dsp_matfile_set_float32(f) != DSP_OK)
        job_fail(j, path);
    char count[32];
    snprintf(count, sizeof count, "%zu", frames);
    vggish_header(m, f, p, v, count);

    struct mel_emit e = {.f = f, .show_progress = !in_batch, .frames = frames, .n_mels = bands};
    if (!in_batch)
        cli_progress_begin(&e.progress, cli_command);
    void **ctx = cli_malloc(j->threads, sizeof *ctx);
    for (size_t i = 0; i < j->threads; i++)
        ctx[i] = &j->t[i];
    int status = cli_frames_run(mel_row, ctx, j->threads, frames, bands, mel_emit_row, &e);
    free(ctx);
    if (status != DSP_OK)
        job_fail(j, path);
    if (!in_batch)
        cli_progress_end(&e.progress);
    job_free(j);
    cli_output_commit(f);
}

/* The header of librosa's mel frames (or MFCCs); frames: the count, or
 * what stands for it. */
static void melspec_header(const struct mel_opts *m, struct dsp_matfile *f,
                           const struct dsp_melspec_params *p, size_t n_mels, size_t n_mfcc,
                           int db, double top_db, const char *frames)
{
    int mfcc = m->what == CLI_MEL_MFCC;
    double fs = p->sample_rate;
    cli_output_header(f, "n_fft", "%zu", p->n_fft);
    cli_output_header(f, "hop", "%zu", p->hop);
    cli_output_header(f, "win_length", "%zu", p->win_length);
    cli_output_header(f, "window", "hann (periodic, not normalised)");
    cli_output_header(f, "framing", "centered: n_fft/2 zeros padded on each side (librosa "
                                    "center=True, pad_mode='constant')");
    cli_output_header(f, "n_mels", "%zu", n_mels);
    cli_output_header(f, "fmin", "%.17g", p->mel.fmin);
    cli_output_header(f, "fmax", "%.17g", p->mel.fmax);
    cli_output_header(f, "scale", "%s", m->htk ? "htk" : "slaney");
    cli_output_header(f, "norm", "%s", p->mel.norm == DSP_MEL_NORM_SLANEY ? "slaney" : "none");
    cli_output_header(f, "power", "%.17g", p->power);
    cli_output_header(f, "db", "%s", db ? "yes: power_to_db, 10 log10(max(amin, S) / ref)" : "no");
    if (db) {
        cli_output_header(f, "ref", "%.17g", DB_REF);
        cli_output_header(f, "amin", "%.17g", DB_AMIN);
        if (isfinite(top_db))
            cli_output_header(f, "top_db", "%.17g (values below max - top_db are raised to it)",
                              top_db);
        else
            cli_output_header(f, "top_db", "none");
    }
    if (mfcc) {
        cli_output_header(f, "n_mfcc", "%zu", n_mfcc);
        cli_output_header(f, "dct", "type 2, orthonormal (scipy norm='ortho'), over the dB "
                                    "mel bands");
    }
    cli_output_header(f, "dtype", "%s", m->f32 ? "float32 (spectrum computed in single "
                                                 "precision, see dsplab/f32.h)" : "float64");
    cli_output_header(f, "frames", "%s", frames);
    cli_output_header(f, "row_k_time_s", "k*%zu/%.17g (centre of frame k)", p->hop, fs);
}

/* librosa's melspectrogram (optionally power_to_db), or its mfcc. */
static void melspec_file(const struct mel_opts *m, struct job *j, const char *path, size_t len,
                         const char *out, int in_batch)
{
    int mfcc = m->what == CLI_MEL_MFCC;
    const struct dsp_melspec_params *p = &j->s->mp;
    struct dsp_melspec *ms = j->s->ms;
    double fs = j->s->fs;
    size_t n_mels = dsp_melspec_num_bands(ms), frames = dsp_melspec_num_frames(ms, len);
    size_t n_mfcc = mfcc ? dsp_mfcc_num_coeffs(j->s->mf) : 0;
    if (!in_batch) {
        char where[128];
        snprintf(where, sizeof where, "n_fft %zu at %g Hz", p->n_fft, fs);
        cli_mel_warn_empty(dsp_melspec_melbank(ms), where);
    }
    int db = m->db || mfcc;
    double top_db = m->has_top_db ? m->top_db : DB_TOP;
    size_t cols = mfcc ? n_mfcc : n_mels;
    j->row = cli_malloc(n_mels + cols, sizeof *j->row);
    job_threads(m, j, path, j->x, len);
    if (j->xf) {   /* the float copy is all the threads read */
        free(j->x);
        j->x = NULL;
    }

    struct dsp_matfile *f = cli_output_open(out, cols, path, fs);
    if (m->f32 && dsp_matfile_set_float32(f) != DSP_OK)
        job_fail(j, path);
    char count[32];
    snprintf(count, sizeof count, "%zu", frames);
    melspec_header(m, f, p, n_mels, n_mfcc, db, top_db, count);

    /* top_db clips against the maximum over the whole signal, so those rows
     * wait until every frame is computed (frames x n_mels values; with the
     * defaults a quarter of the input's own size); all others stream. */
    int whole = db && isfinite(top_db);
    if (whole)
        j->S = cli_malloc(frames, n_mels * sizeof *j->S);
    struct mel_emit e = {.f = f, .show_progress = !in_batch, .frames = frames,
                         .n_mels = n_mels, .db = db, .mfcc = mfcc, .mf = j->s->mf,
                         .S = j->S, .row = j->row};
    if (!in_batch)
        cli_progress_begin(&e.progress, cli_command);
    void **ctx = cli_malloc(j->threads, sizeof *ctx);
    for (size_t i = 0; i < j->threads; i++)
        ctx[i] = &j->t[i];
    int status = cli_frames_run(mel_row, ctx, j->threads, frames, n_mels, mel_emit_row, &e);
    free(ctx);
    if (status != DSP_OK)
        job_fail(j, path);
    if (whole) {
        if (dsp_melspec_power_to_db(j->S, frames * n_mels, DB_REF, DB_AMIN, top_db, j->S) !=
            DSP_OK)
            job_fail(j, path);
        for (size_t k = 0; k < frames; k++) {
            const double *db_row = j->S + k * n_mels;
            if (mfcc)
                dsp_mfcc_frame(j->s->mf, db_row, n_mels, j->row);
            cli_output_row(f, mfcc ? j->row : db_row);
        }
    }
    if (!in_batch)
        cli_progress_end(&e.progress);
    job_free(j);
    cli_output_commit(f);
}

/* The options, and the setup for the last sample rate seen: a batch
 * worker keeps it from one input to the next (and the parent builds it for
 * the first input before forking), so a folder of files at one rate builds
 * the FFT plan and the mel bank once. */
struct mel_ctx {
    const struct mel_opts *m;
    struct setup cache;
};

static void one_file(void *ctx, const char *path, const char *out, int in_batch)
{
    struct mel_ctx *c = ctx;
    const struct mel_opts *m = c->m;
    struct job j = {0};
    double fs;
    size_t len;
    cli_read_mono(path, &j.x, &len, &fs);
    /* Before the setup and the frames: the FFT, the mel bank (at most a few
     * weights per bin and band edge), the rows and, for VGGish, the signal
     * resampled to 16 kHz. */
    {
        size_t n_fft = m->n_fft ? m->n_fft : 2048, n_mels = m->n_mels ? m->n_mels : 128;
        double len_work = (double)len, table = 0.0;
        if (m->vggish) {
            size_t win = m->win_length ? m->win_length : 400;
            for (n_fft = 1; n_fft < win; n_fft *= 2)
                ;
            n_mels = m->n_mels ? m->n_mels : 64;
            len_work = (double)len * 16000.0 / fs + 1.0;
            table = 2.0 * 409601.0;   /* kaiser_best's table and its differences */
        }
        double bins = (double)(n_fft / 2 + 1);
        double bytes = 8.0 * (len_work + table + 4.0 * bins + 3.0 * (double)n_mels +
                              (double)n_mels * (double)(m->n_mfcc ? m->n_mfcc : 20)) +
                       48.0 * (double)n_fft;
        if (m->vggish) {
            size_t win = m->win_length ? m->win_length : 400;
            if (win > CLI_FREE_SIZE && (double)win > len_work) {
                job_free(&j);
                char at16[4200];
                snprintf(at16, sizeof at16, "%s resampled to 16 kHz", path);
                cli_check_sizes(at16, (size_t)len_work, win, "--win-length", 0, NULL, NULL);
            }
        } else {
            cli_check_sizes(path, len, m->win_length, "--win-length", n_fft, "--n-fft", j.x);
        }
        if (bytes > cli_max_memory)
            job_free(&j);
        cli_check_memory(path, bytes, "the mel spectrogram (FFT %zu, %zu bands)", n_fft, n_mels);
    }
    if (!(c->cache.fs == fs && fs > 0)) {
        setup_free(&c->cache);
        struct dsp_melspec_params p;
        char why[1200];
        if (!m->vggish && melspec_params(m, fs, path, &p, why, sizeof why) != 0) {
            job_free(&j);
            cli_usage_error("%s", why);
        }
        if (setup_build(m, fs, &c->cache) != DSP_OK)
            job_fail(&j, path);
    }
    j.s = &c->cache;
    /* a batch's workers are its parallelism: one thread each unless asked */
    j.threads = m->threads ? m->threads : in_batch ? 1 : cli_default_threads();
    if (m->vggish)
        vggish_file(m, &j, path, len, out, in_batch);
    else
        melspec_file(m, &j, path, len, out, in_batch);
}

/* Batch parent: the setup for the first input's rate (nothing if that
 * input cannot be read or the rate does not suit the options: its worker
 * will say why). */
static void prepare(struct mel_ctx *c, const char *first)
{
    double *x, fs;
    size_t len;
    if (dsp_audio_read_mono(first, &x, &len, &fs) != DSP_OK)
        return;
    free(x);
    struct dsp_melspec_params p;
    char why[1200];
    if (!c->m->vggish && melspec_params(c->m, fs, first, &p, why, sizeof why) != 0)
        return;
    setup_build(c->m, fs, &c->cache);   /* on failure the cache stays empty */
}

/* ---- standard input, streamed ------------------------------------------ */

struct stdin_out {
    struct dsp_matfile *f;
};

static void stdin_row(void *ctx, size_t k, const double *frame, size_t n)
{
    (void)k;
    (void)n;
    cli_output_row(((struct stdin_out *)ctx)->f, frame);
}

/* `dsplab melspec -`: WAV or raw audio from standard input, each frame
 * written as soon as it is complete (stream.h), stdout flushed after every
 * read. */
static void stdin_main(const struct mel_opts *m, const char *out)
{
    const char *name = "standard input";
    int mfcc = m->what == CLI_MEL_MFCC;
    if ((m->db || mfcc) && !(m->has_top_db && !isfinite(m->top_db)))
        cli_usage_error("%s from standard input needs --top-db none: clipping at max - top_db "
                        "needs the whole signal's maximum, which a stream never has",
                        mfcc ? "mfcc" : "--db");
    if (m->threads > 1)
        cli_usage_error("--threads does not apply to standard input: frames are computed as "
                        "the samples arrive");
    struct audioin *in = cli_malloc(1, sizeof *in);
    char why[1200];
    if (audioin_open(in, 0, m->raw_rate ? m->raw_rate : 16000.0,
                     m->raw_channels ? (int)m->raw_channels : 1, why, sizeof why) != 0)
        cli_runtime_error(name, "%s", why);
    if (in->is_wav && (m->raw_rate || m->raw_channels))
        cli_usage_error("--rate and --channels are for raw audio; the WAV header on standard "
                        "input gives them (%g Hz, %d channels)", in->rate, in->channels);
    double fs = in->rate;
    struct dsp_stream *s;
    struct dsp_vggish_params vp;
    struct dsp_melspec_params mp;
    size_t cols;
    if (m->vggish) {
        vp = vggish_params(m);
        if (fs != vp.sample_rate)
            cli_runtime_error(name, "--preset vggish streams %g Hz audio and this is %g Hz "
                              "(record at 16 kHz, e.g. arecord -r 16000, or give --rate)",
                              vp.sample_rate, fs);
        if (!(s = dsp_stream_new_vggish(&vp)))
            cli_runtime_error(name, "%s", dsp_last_error());
    } else {
        if (melspec_params(m, fs, name, &mp, why, sizeof why) != 0)
            cli_usage_error("%s", why);
        enum dsp_stream_mel kind = mfcc ? DSP_STREAM_MFCC : m->db ? DSP_STREAM_MEL_DB
                                                                  : DSP_STREAM_MEL_POWER;
        if (!(s = dsp_stream_new_melspec(&mp, kind, m->n_mfcc ? m->n_mfcc : 20)))
            cli_runtime_error(name, "%s", dsp_last_error());
    }
    cols = dsp_stream_frame_size(s);

    struct dsp_matfile *f = cli_output_open(out, cols, name, fs);
    if (m->f32 && dsp_matfile_set_float32(f) != DSP_OK)
        cli_runtime_error(name, "%s", dsp_last_error());
    char frames[160];
    snprintf(frames, sizeof frames, "streamed: one row per frame, written when its last sample "
             "arrives (latency %zu samples)", dsp_stream_latency(s));
    if (m->vggish) {
        struct dsp_vggish *v = dsp_vggish_new(&vp, fs);
        if (!v)
            cli_runtime_error(name, "%s", dsp_last_error());
        vggish_header(m, f, &vp, v, frames);
        dsp_vggish_free(v);
    } else {
        melspec_header(m, f, &mp, dsp_melspec_num_bands(dsp_stream_melspec(s)), mfcc ? cols : 0,
                       m->db || mfcc, DSP_DB_NO_TOP, frames);
    }
    int to_stdout = !out || strcmp(out, "-") == 0;
    if (to_stdout)
        fflush(stdout);

    struct stdin_out o = {.f = f};
    double block[4096];
    for (;;) {
        long n = audioin_read(in, block, sizeof block / sizeof block[0], why, sizeof why);
        if (n < 0)
            cli_runtime_error(name, "%s", why);
        if (n == 0)
            break;
        if (dsp_stream_push(s, block, (size_t)n, stdin_row, &o) != DSP_OK)
            cli_runtime_error(name, "%s", dsp_last_error());
        if (to_stdout && fflush(stdout) != 0)
            cli_runtime_error(NULL, "standard output: write failed");
    }
    if (dsp_stream_finish(s, stdin_row, &o) != DSP_OK)
        cli_runtime_error(name, "%s", dsp_last_error());
    dsp_stream_free(s);
    free(in);
    cli_output_commit(f);
}

/* cli_batch_fn for the single input "-". */
static void stdin_file(void *ctx, const char *path, const char *out, int in_batch)
{
    (void)path;
    (void)in_batch;
    stdin_main(ctx, out);
}

/* ---- the command ------------------------------------------------------ */

#define MEL_COMMON_OPTIONS                                               \
    {"n-fft", required_argument, NULL, OPT_N_FFT},                       \
        {"hop", required_argument, NULL, OPT_HOP},                       \
        {"win-length", required_argument, NULL, OPT_WIN_LENGTH},         \
        {"n-mels", required_argument, NULL, OPT_N_MELS},                 \
        {"fmin", required_argument, NULL, OPT_FMIN},                     \
        {"fmax", required_argument, NULL, OPT_FMAX},                     \
        {"htk", no_argument, NULL, OPT_HTK},                             \
        {"norm", required_argument, NULL, OPT_NORM},                     \
        {"power", required_argument, NULL, OPT_POWER},                   \
        {"top-db", required_argument, NULL, OPT_TOP_DB},                 \
        {"dtype", required_argument, NULL, OPT_DTYPE},                   \
        {"threads", required_argument, NULL, OPT_THREADS},               \
        {"rate", required_argument, NULL, OPT_RATE},                     \
        {"channels", required_argument, NULL, OPT_CHANNELS},             \
        {"output", required_argument, NULL, OPT_OUTPUT}, CLI_BATCH_OPTIONS, CLI_HELP_OPTION

int cli_mel_main(int argc, char **argv, enum cli_mel_output what, const char *help)
{
    static const struct option melspec_opts[] = {
        MEL_COMMON_OPTIONS,
        {"db", no_argument, NULL, OPT_DB},
        {"preset", required_argument, NULL, OPT_PRESET},
        {"resampler", required_argument, NULL, OPT_RESAMPLER},
        {0, 0, 0, 0},
    };
    static const struct option mfcc_opts[] = {
        MEL_COMMON_OPTIONS,
        {"n-mfcc", required_argument, NULL, OPT_N_MFCC},
        {0, 0, 0, 0},
    };
    const struct option *opts = what == CLI_MEL_MFCC ? mfcc_opts : melspec_opts;
    struct mel_opts m = {.what = what};
    struct cli_batch b;
    cli_batch_init(&b, argc, argv);
    cli_header_omit("threads");   /* the output is the same bytes for any count */
    const char *out = NULL;
    int c;
    while ((c = cli_getopt(argc, argv, opts, help)) != -1) {
        if (c == OPT_OUTPUT)
            out = optarg;
        else if (!cli_batch_option(&b, c, optarg))
            parse_option(&m, c, optarg);
    }
    check_options(&m);
    cli_batch_finish(&b, argc, argv, out);
    int from_stdin = !b.out_dir && b.n == 1 && strcmp(b.inputs[0], "-") == 0;
    if (!from_stdin && (m.raw_rate || m.raw_channels))
        cli_usage_error("--rate and --channels are for raw audio on standard input ('-')");
    if (from_stdin)
        return cli_batch_run(&b, stdin_file, &m);
    struct mel_ctx ctx = {.m = &m};
    /* FFTW's first plan of a size costs ~2 ms and the mel bank as much again;
     * later plans reuse what the planner learnt, and forked children inherit
     * both: build them once here. */
    if (b.out_dir && b.n > 0)
        prepare(&ctx, b.inputs[0]);
    int status = cli_batch_run(&b, one_file, &ctx);
    setup_free(&ctx.cache);
    return status;
}
