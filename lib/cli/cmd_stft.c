/* cmd_stft.c — `dsplab stft FILE`: the magnitude spectrogram, streamed. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { OPT_UNITS = CLI_OPT_FIRST_FREE, OPT_OUTPUT = 'o' };

static const char help[] =
    "Usage: dsplab stft FILE [--window NAME] [--size M] [--fft N] [--hop H]\n"
    "                   [--units db|linear] [--beta B] [--sigma S] [-o OUT]\n"
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
    "  -o, --output OUT    write to OUT (.npy: NumPy float64) instead of stdout\n"
    "  -h, --help          show this help\n"
    "\n"
    "Example: dsplab stft voice.wav --size 1024 --hop 256 -o voice-stft.npy\n";

CLI_COMMAND(stft)
{
    static const struct option opts[] = {
        CLI_ANALYSIS_OPTIONS,
        {"units", required_argument, NULL, OPT_UNITS},
        {"output", required_argument, NULL, OPT_OUTPUT},
        CLI_HELP_OPTION,
        {0, 0, 0, 0},
    };
    static const char *const what[] = {"FILE"};
    struct cli_analysis a = {0};
    const char *out = NULL;
    int linear = 0;
    int c;
    while ((c = cli_getopt(argc, argv, opts, help)) != -1) {
        if (c == OPT_UNITS) {
            if (strcasecmp(optarg, "db") == 0)   /* "dB" as people write it */
                linear = 0;
            else if (strcasecmp(optarg, "linear") == 0)
                linear = 1;
            else
                cli_usage_error("--units must be db or linear (got '%s')", optarg);
        } else if (c == OPT_OUTPUT) {
            out = optarg;
        } else {
            cli_analysis_option(&a, c, optarg);
        }
    }
    const char *path = cli_operands(argc, argv, 1, what)[0];
    enum dsp_window type;
    cli_analysis_finish(&a, 2048, 2048, 512, &type);

    double *x, fs;
    size_t len;
    cli_read_mono(path, &x, &len, &fs);
    struct dsp_stft *st = cli_stft_new(&a, type);
    size_t bins = dsp_stft_num_bins(st);
    size_t frames = dsp_stft_num_frames(st, len);
    double *row = cli_malloc(bins, sizeof *row);

    struct dsp_matfile *f = cli_output_open(out, bins, path, fs);
    cli_analysis_header(f, &a, type);
    cli_output_header(f, "hop_size", "%zu", a.hop);
    cli_output_header(f, "units", "%s", linear ? "linear" : "db");
    cli_output_header(f, "frames", "%zu", frames);
    cli_output_header(f, "row_k_time_s", "k*%zu/%.17g", a.hop, fs);
    cli_output_header(f, "column_k_freq_hz", "k*%.17g/%zu", fs, a.n_fft);

    struct cli_progress progress;
    cli_progress_begin(&progress, "stft");
    for (size_t k = 0; k < frames; k++) {
        int status = linear ? dsp_stft_magnitude(st, x, len, k, row)
                            : dsp_stft_analyze_frame(st, x, len, k, row, NULL);
        if (status != DSP_OK) {
            dsp_stft_free(st);
            free(x);
            free(row);
            cli_runtime_error(path, "%s", dsp_last_error());
        }
        cli_output_row(f, row);
        cli_progress_update(&progress, k + 1, frames);
    }
    cli_progress_end(&progress);
    dsp_stft_free(st);
    free(x);
    free(row);
    cli_output_commit(f);
    return 0;
}
