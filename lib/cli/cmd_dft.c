/* cmd_dft.c — `dsplab dft FILE`: the DFT model of one frame; also that
 * frame's analysis, shared with `dsplab peaks` (cli_dft_frame, cli.h). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_START = CLI_OPT_FIRST_FREE, OPT_OUTPUT = 'o' };

static const char help[] =
    "Usage: dsplab dft FILE [--start S] [--size M] [--fft N] [--window NAME]\n"
    "                  [--beta B] [--sigma S] [-o OUT]\n"
    "The DFT model (course convention: unit-sum window, zero-phase buffer) of the\n"
    "M samples of FILE starting at sample S (mono downmix; samples past the end\n"
    "read as zero): N/2+1 rows \"bin freq_hz mag_db phase_rad\" after '#' header\n"
    "lines. A sinusoid of amplitude A on a bin centre peaks at 20*log10(A/2) dB.\n"
    "\n"
    "      --start S      first sample, 0 <= S < length (default 0)\n"
    "      --size M       window size in samples (default 1024)\n"
    "      --fft N        FFT size, N >= M (default 1024, or M if larger)\n"
    "      --window NAME  analysis window (default hann; see dsplab window --help)\n"
    "      --beta B       Kaiser's beta (required for --window kaiser)\n"
    "      --sigma S      Gaussian's sigma in samples (required for gaussian)\n"
    "  -o, --output OUT   write to OUT (.npy: NumPy float64) instead of stdout\n"
    "  -h, --help         show this help\n"
    "\n"
    "Example: dsplab dft voice.wav --start 4410 --size 1001 --fft 2048 --window hamming\n";

void cli_dft_frame(const struct cli_analysis *a, enum dsp_window type, const char *path,
                   size_t start, double *fs, double **mX, double **pX)
{
    double *x;
    size_t len;
    cli_check_memory(path, cli_analysis_bytes(a), "the analysis (window %zu, FFT %zu)", a->m,
                     a->n_fft);
    cli_read_mono(path, &x, &len, fs);
    cli_check_sizes(path, len, a->m, "--size", a->n_fft, "--fft", x);
    if (start >= len) {
        free(x);
        cli_usage_error("--start (%zu) is beyond the end of %s (%zu samples)", start, path, len);
    }

    double *w = cli_window_new(type, cli_window_param(a, type), DSP_WINDOW_PERIODIC, a->m);
    struct dsp_dftmodel *dm = dsp_dftmodel_new(w, a->m, a->n_fft);
    free(w);
    if (!dm) {
        free(x);
        cli_runtime_error(NULL, "%s", dsp_last_error());
    }
    size_t bins = a->n_fft / 2 + 1;
    double *frame = cli_malloc(a->m, sizeof *frame);
    *mX = cli_malloc(bins, sizeof **mX);
    *pX = cli_malloc(bins, sizeof **pX);
    size_t have = len - start < a->m ? len - start : a->m;
    memcpy(frame, x + start, have * sizeof *frame);
    memset(frame + have, 0, (a->m - have) * sizeof *frame);
    free(x);
    int status = dsp_dftmodel_analyze(dm, frame, *mX, *pX);
    dsp_dftmodel_free(dm);
    free(frame);
    if (status != DSP_OK) {
        free(*mX);
        free(*pX);
        cli_runtime_error(path, "%s", dsp_last_error());
    }
}

CLI_COMMAND(dft)
{
    static const struct option opts[] = {
        CLI_OPTION_WINDOW, CLI_OPTION_SIZE, CLI_OPTION_FFT, CLI_OPTION_BETA, CLI_OPTION_SIGMA,
        {"start", required_argument, NULL, OPT_START},
        {"output", required_argument, NULL, OPT_OUTPUT},
        CLI_HELP_OPTION,
        {0, 0, 0, 0},
    };
    static const char *const what[] = {"FILE"};
    struct cli_analysis a = {0};
    size_t start = 0;
    const char *out = NULL;
    int c;
    while ((c = cli_getopt(argc, argv, opts, help)) != -1) {
        if (c == OPT_START)
            start = cli_parse_size(cli_optname(), optarg, 0);
        else if (c == OPT_OUTPUT)
            out = optarg;
        else
            cli_analysis_option(&a, c, optarg);
    }
    const char *path = cli_operands(argc, argv, 1, what)[0];
    const char *out_names[] = {"-o"};
    cli_check_outputs(&path, 1, &out, out_names, 1);
    enum dsp_window type;
    cli_analysis_finish(&a, 1024, 1024, 1, &type);

    double fs, *mX, *pX;
    cli_dft_frame(&a, type, path, start, &fs, &mX, &pX);
    size_t bins = a.n_fft / 2 + 1;

    struct dsp_matfile *f = cli_output_open(out, 4, path, fs);
    cli_output_header(f, "start", "%zu", start);
    cli_analysis_header(f, &a, type);
    cli_output_header(f, "bins", "%zu", bins);
    cli_output_header(f, "fields", "bin freq_hz mag_db phase_rad");
    for (size_t k = 0; k < bins; k++) {
        double row[4] = {(double)k, (double)k * fs / (double)a.n_fft, mX[k], pX[k]};
        cli_output_row(f, row);
    }
    free(mX);
    free(pX);
    cli_output_commit(f);
    return 0;
}
