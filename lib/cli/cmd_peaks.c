/* cmd_peaks.c — `dsplab peaks FILE`: the interpolated spectral peaks of one
 * frame (DFT model, then peaks.h). */
#include "cli.h"

#include <dsplab/peaks.h>
#include <math.h>
#include <stdlib.h>

enum { OPT_START = CLI_OPT_FIRST_FREE, OPT_THRESHOLD, OPT_OUTPUT = 'o' };

static const char help[] =
    "Usage: dsplab peaks FILE [--start S] [--size M] [--fft N] [--window NAME]\n"
    "                    [--threshold DB] [--beta B] [--sigma S] [-o OUT]\n"
    "The spectral peaks of the M samples of FILE starting at sample S (mono\n"
    "downmix; samples past the end read as zero), through the DFT model of\n"
    "`dsplab dft` (unit-sum window, zero-phase buffer): every bin above the\n"
    "threshold that is strictly above both neighbours, with its location,\n"
    "magnitude and phase refined by a parabola through the three bins. One row\n"
    "\"freq_hz mag_db phase_rad\" per peak, by increasing frequency, after '#'\n"
    "header lines. A stationary sinusoid A*cos(2*pi*f*t + phi) gives a peak near\n"
    "f Hz and 20*log10(A/2) dB, with its phase (in [-pi, pi]) at the frame's\n"
    "middle sample S + floor(M/2); zero padding (N > M) makes the estimates\n"
    "closer.\n"
    "\n"
    "      --start S        first sample, 0 <= S < length (default 0)\n"
    "      --size M         window size in samples, M >= 3 (default 1024)\n"
    "      --fft N          FFT size, N >= M (default 1024, or M if larger)\n"
    "      --window NAME    analysis window (default hann; see dsplab window --help)\n"
    "      --threshold DB   ignore peaks at or below DB dB (default -80)\n"
    "      --beta B         Kaiser's beta (required for --window kaiser)\n"
    "      --sigma S        Gaussian's sigma in samples (required for gaussian)\n"
    "  -o, --output OUT     write to OUT (.npy: NumPy float64) instead of stdout\n"
    "  -h, --help           show this help\n"
    "\n"
    "Example: dsplab peaks flute.wav --start 22050 --size 1001 --fft 4096 --window blackman\n";

CLI_COMMAND(peaks)
{
    static const struct option opts[] = {
        CLI_OPTION_WINDOW, CLI_OPTION_SIZE, CLI_OPTION_FFT, CLI_OPTION_BETA, CLI_OPTION_SIGMA,
        {"start", required_argument, NULL, OPT_START},
        {"threshold", required_argument, NULL, OPT_THRESHOLD},
        {"output", required_argument, NULL, OPT_OUTPUT},
        CLI_HELP_OPTION,
        {0, 0, 0, 0},
    };
    static const char *const what[] = {"FILE"};
    struct cli_analysis a = {0};
    size_t start = 0;
    double threshold = -80.0;
    const char *out = NULL;
    int c;
    while ((c = cli_getopt(argc, argv, opts, help)) != -1) {
        if (c == OPT_START)
            start = cli_parse_size(cli_optname(), optarg, 0);
        else if (c == OPT_THRESHOLD)
            threshold = cli_parse_double(cli_optname(), optarg);
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
    /* A peak needs a bin on each side: N/2+1 >= 3 bins. */
    if (a.m < 3)
        cli_usage_error("--size must be at least 3 (got %zu)", a.m);

    double fs, *mX, *pX;
    cli_dft_frame(&a, type, path, start, &fs, &mX, &pX);
    size_t bins = a.n_fft / 2 + 1;
    size_t max_peaks = (bins - 1) / 2;   /* never truncates (peaks.h) */
    size_t *loc = cli_malloc(max_peaks, sizeof *loc);
    double *iloc = cli_malloc(max_peaks, sizeof *iloc);
    double *imag = cli_malloc(max_peaks, sizeof *imag);
    double *iphase = cli_malloc(max_peaks, sizeof *iphase);
    size_t n_peaks = 0;
    int status = dsp_peaks_detect(mX, bins, threshold, loc, max_peaks, &n_peaks);
    if (status == DSP_OK)
        status = dsp_peaks_interp(mX, pX, bins, loc, n_peaks, iloc, imag, iphase);
    free(mX);
    free(pX);
    free(loc);
    if (status != DSP_OK) {
        free(iloc);
        free(imag);
        free(iphase);
        cli_runtime_error(path, "%s", dsp_last_error());
    }

    struct dsp_matfile *f = cli_output_open(out, 3, path, fs);
    cli_output_header(f, "start", "%zu", start);
    cli_analysis_header(f, &a, type);
    cli_output_header(f, "threshold_db", "%.17g", threshold);
    cli_output_header(f, "phase_at_sample", "%zu", start + a.m / 2);
    cli_output_header(f, "peaks", "%zu", n_peaks);
    cli_output_header(f, "fields", "freq_hz mag_db phase_rad");
    for (size_t i = 0; i < n_peaks; i++) {
        /* The interpolated phase is unwrapped along frequency (tens of
         * radians up the spectrum): print it in [-pi, pi]. */
        double row[3] = {iloc[i] * fs / (double)a.n_fft, imag[i],
                         atan2(sin(iphase[i]), cos(iphase[i]))};
        cli_output_row(f, row);
    }
    free(iloc);
    free(imag);
    free(iphase);
    cli_output_commit(f);
    return 0;
}
