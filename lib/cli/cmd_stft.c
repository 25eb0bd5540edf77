/* cmd_stft.c — `dsplab stft FILE`: the magnitude spectrogram, streamed. */
#include "cli.h"
#include "frames.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { OPT_UNITS = CLI_OPT_FIRST_FREE, OPT_DTYPE, OPT_THREADS, OPT_OUTPUT = 'o' };

static const char help[] =
    "Usage: dsplab stft FILE [--window NAME] [--size M] [--fft N] [--hop H]\n"
    "                   [--units db|linear] [--beta B] [--sigma S]\n"
    "                   [--dtype float64|float32] [--threads T] [-o OUT]\n"
    "The STFT magnitude of FILE (mono downmix): one row per frame, N/2+1 columns\n"
    "(bin k is k*fs/N Hz), after '#' header lines. There are floor(L/H)+1 frames\n"
    "for L samples; frame k is centred on sample k*H (zeros outside the signal),\n"
    "so row k equals `dsplab dft FILE --start k*H-M/2`. Rows are written as they\n"
    "are computed: memory stays at the input plus a few frames.\n"
    "\n"
    "      --window NAME   analysis window (default hann; see dsplab window --help)\n"
    "      --size M        window size in samples (default 2048)\n"
    "      --fft N         FFT size, N >= M (default 2048, or M if larger)\n"
    "      --hop H         hop size in samples, H >= 1 (default 512)\n"
    "      --units U       db (20*log10, unit-sum window) or linear (default db)\n"
    "      --beta B        Kaiser's beta (required for --window kaiser)\n"
    "      --sigma S       Gaussian's sigma in samples (required for gaussian)\n"
    "      --dtype D       float64 (default) or float32: computed in single precision\n"
    "                      (fftw3f; |X| within 1e-5 of each frame's peak, see\n"
    "                      dsplab/f32.h) and written as float32 (.npy '<f4')\n"
    "      --threads T     threads for the frames (default: the CPU count); the\n"
    "                      output is the same bytes for any T\n"
    "  -o, --output OUT    write to OUT (.npy: NumPy float64) instead of stdout\n"
    "  -h, --help          show this help\n"
    "\n"
    "Example: dsplab stft voice.wav --size 1024 --hop 256 -o voice-stft.npy\n";

/* The input, shared read-only by the threads. */
struct stft_run {
    double *x;         /* float64 samples (NULL with --dtype float32) */
    float *xf;         /* float32 samples (--dtype float32) */
    size_t len;
    int linear;
};

/* One thread's objects. */
struct stft_ctx {
    const struct stft_run *run;
    struct dsp_stft *st;       /* float64 */
    struct dsp_stft_f32 *sf;   /* float32 */
    float *mag;                /* float32 scratch, N/2+1 */
};

static int stft_row(void *ctx, size_t k, double *row)
{
    struct stft_ctx *c = ctx;
    const struct stft_run *r = c->run;
    if (!c->sf)
        return r->linear ? dsp_stft_magnitude(c->st, r->x, r->len, k, row)
                         : dsp_stft_analyze_frame(c->st, r->x, r->len, k, row, NULL);
    int s = dsp_stft_f32_magnitude(c->sf, r->xf, r->len, k, c->mag);
    size_t nb = dsp_stft_f32_num_bins(c->sf);
    for (size_t b = 0; b < nb; b++)
        row[b] = r->linear ? (double)c->mag[b] : dsp_amp_to_db((double)c->mag[b]);
    return s;
}

struct stft_out {
    struct dsp_matfile *f;
    struct cli_progress progress;
    size_t frames;
};

static void stft_emit(void *arg, size_t k, const double *row)
{
    struct stft_out *o = arg;
    cli_output_row(o->f, row);
    cli_progress_update(&o->progress, k + 1, o->frames);
}

/* Text output: each thread formats its own rows (the file's settings are
 * only read), and the lines are written here in order. */
static size_t stft_format(void *arg, const double *row, char *buf, size_t cap)
{
    return dsp_matfile_format_row(arg, row, buf, cap);
}

static void stft_emit_text(void *arg, size_t k, const char *line, size_t len)
{
    struct stft_out *o = arg;
    cli_output_text_row(o->f, line, len);
    cli_progress_update(&o->progress, k + 1, o->frames);
}

CLI_COMMAND(stft)
{
    static const struct option opts[] = {
        CLI_ANALYSIS_OPTIONS,
        {"units", required_argument, NULL, OPT_UNITS},
        {"dtype", required_argument, NULL, OPT_DTYPE},
        {"threads", required_argument, NULL, OPT_THREADS},
        {"output", required_argument, NULL, OPT_OUTPUT},
        CLI_HELP_OPTION,
        {0, 0, 0, 0},
    };
    static const char *const what[] = {"FILE"};
    struct cli_analysis a = {0};
    const char *out = NULL;
    int linear = 0, f32 = 0;
    size_t threads = cli_default_threads();
    cli_header_omit("threads");
    int c;
    while ((c = cli_getopt(argc, argv, opts, help)) != -1) {
        if (c == OPT_UNITS) {
            if (strcasecmp(optarg, "db") == 0)   /* "dB" as people write it */
                linear = 0;
            else if (strcasecmp(optarg, "linear") == 0)
                linear = 1;
            else
                cli_usage_error("--units must be db or linear (got '%s')", optarg);
        } else if (c == OPT_DTYPE) {
            if (strcmp(optarg, "float32") == 0)
                f32 = 1;
            else if (strcmp(optarg, "float64") == 0)
                f32 = 0;
            else
                cli_usage_error("--dtype must be float64 or float32 (got '%s')", optarg);
        } else if (c == OPT_THREADS) {
            threads = cli_parse_threads(cli_optname(), optarg);
        } else if (c == OPT_OUTPUT) {
            out = optarg;
        } else {
            cli_analysis_option(&a, c, optarg);
        }
    }
    const char *path = cli_operands(argc, argv, 1, what)[0];
    const char *out_names[] = {"-o"};
    cli_check_outputs(&path, 1, &out, out_names, 1);
    enum dsp_window type;
    cli_analysis_finish(&a, 2048, 2048, 512, &type);

    double *x, fs;
    size_t len;
    cli_read_mono(path, &x, &len, &fs);
    cli_check_sizes(path, len, a.m, "--size", a.n_fft, "--fft", x);
    /* Rows are streamed, but the output is the frames x bins matrix: as
     * doubles (.npy) it takes this much, as text about 2.5 times more. */
    if (8.0 * (double)(len / a.hop + 1) * (double)(a.n_fft / 2 + 1) > cli_max_memory)
        free(x);
    cli_check_memory(path, 8.0 * (double)(len / a.hop + 1) * (double)(a.n_fft / 2 + 1),
                     "the spectrogram's output (%zu frames x %zu bins)", len / a.hop + 1,
                     a.n_fft / 2 + 1);
    struct stft_run run = {.x = x, .len = len, .linear = linear};
    if (f32) {
        run.xf = cli_malloc(len, sizeof *run.xf);
        for (size_t i = 0; i < len; i++)
            run.xf[i] = (float)x[i];
        free(x);
        run.x = NULL;
    }
    size_t bins = a.n_fft / 2 + 1, frames = len / a.hop + 1;
    void **ctx = cli_malloc(threads, sizeof *ctx);
    struct stft_ctx *tc = cli_malloc(threads, sizeof *tc);
    for (size_t t = 0; t < threads; t++) {
        tc[t] = (struct stft_ctx){.run = &run};
        if (f32) {
            double *w = cli_window_new(type, cli_window_param(&a, type), DSP_WINDOW_PERIODIC, a.m);
            if (!(tc[t].sf = dsp_stft_f32_new(w, a.m, a.n_fft, a.hop)))
                cli_runtime_error(path, "%s", dsp_last_error());
            free(w);
            tc[t].mag = cli_malloc(bins, sizeof *tc[t].mag);
        } else {
            tc[t].st = cli_stft_new(&a, type);
        }
        ctx[t] = &tc[t];
    }

    struct dsp_matfile *f = cli_output_open(out, bins, path, fs);
    if (f32 && dsp_matfile_set_float32(f) != DSP_OK)
        cli_runtime_error(path, "%s", dsp_last_error());
    cli_analysis_header(f, &a, type);
    cli_output_header(f, "hop_size", "%zu", a.hop);
    cli_output_header(f, "units", "%s", linear ? "linear" : "db");
    cli_output_header(f, "dtype", "%s", f32 ? "float32 (computed in single precision)" : "float64");
    cli_output_header(f, "frames", "%zu", frames);
    cli_output_header(f, "row_k_time_s", "k*%zu/%.17g", a.hop, fs);
    cli_output_header(f, "column_k_freq_hz", "k*%.17g/%zu", fs, a.n_fft);

    struct stft_out o = {.f = f, .frames = frames};
    cli_progress_begin(&o.progress, "stft");
    size_t line_max = dsp_matfile_row_text_max(f);
    int status = line_max ? cli_frames_run_text(stft_row, ctx, threads, frames, bins, stft_format,
                                                f, line_max, stft_emit_text, &o)
                          : cli_frames_run(stft_row, ctx, threads, frames, bins, stft_emit, &o);
    if (status != DSP_OK)
        cli_runtime_error(path, "%s", dsp_last_error());
    cli_progress_end(&o.progress);
    for (size_t t = 0; t < threads; t++) {
        dsp_stft_free(tc[t].st);
        dsp_stft_f32_free(tc[t].sf);
        free(tc[t].mag);
    }
    free(tc);
    free(ctx);
    free(run.x);
    free(run.xf);
    cli_output_commit(f);
    return 0;
}
