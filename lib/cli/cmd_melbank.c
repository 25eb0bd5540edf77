/* cmd_melbank.c — `dsplab melbank --sr SR --n-fft N`: the mel filterbank
 * matrix (librosa.filters.mel). */
#include "melcommon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_SR = CLI_OPT_FIRST_FREE,
    OPT_N_FFT,
    OPT_N_MELS,
    OPT_FMIN,
    OPT_FMAX,
    OPT_HTK,
    OPT_NORM,
    OPT_OUTPUT = 'o',
};

static const char help[] =
    "Usage: dsplab melbank --sr SR --n-fft N [--n-mels K] [--fmin HZ] [--fmax HZ]\n"
    "                      [--htk] [--norm slaney|none] [-o OUT]\n"
    "The mel filterbank of librosa.filters.mel: one row per band, N/2+1 columns\n"
    "(bin k is k*SR/N Hz). K+2 band edges equally spaced in mel from fmin to fmax;\n"
    "band m is a triangle, linear in Hz, rising from edge m to 1 at edge m+1 and\n"
    "falling to edge m+2. Values in float64 (librosa returns float32).\n"
    "Bands that catch no bin (K too large for N) stay zero and are named in a\n"
    "warning on stderr; the matrix is written all the same.\n"
    "\n"
    "      --sr SR         sample rate in Hz (required)\n"
    "      --n-fft N       FFT size, N >= 2 (required)\n"
    "      --n-mels K      number of bands (default 128)\n"
    "      --fmin HZ       lowest edge (default 0)\n"
    "      --fmax HZ       highest edge, at most SR/2 (default SR/2)\n"
    "      --htk           HTK mel scale 2595 log10(1 + f/700) (default Slaney's:\n"
    "                      linear below 1 kHz, logarithmic above)\n"
    "      --norm N        slaney: each triangle scaled by 2/(width in Hz), area 1\n"
    "                      (default); none: peak 1\n"
    "  -o, --output OUT    write to OUT (.npy: NumPy float64) instead of stdout\n"
    "  -h, --help          show this help\n"
    "\n"
    "Example: dsplab melbank --sr 22050 --n-fft 2048 --n-mels 40 -o mel40.txt\n";

CLI_COMMAND(melbank)
{
    static const struct option opts[] = {
        {"sr", required_argument, NULL, OPT_SR},
        {"n-fft", required_argument, NULL, OPT_N_FFT},
        {"n-mels", required_argument, NULL, OPT_N_MELS},
        {"fmin", required_argument, NULL, OPT_FMIN},
        {"fmax", required_argument, NULL, OPT_FMAX},
        {"htk", no_argument, NULL, OPT_HTK},
        {"norm", required_argument, NULL, OPT_NORM},
        {"output", required_argument, NULL, OPT_OUTPUT},
        CLI_HELP_OPTION,
        {0, 0, 0, 0},
    };
    static const char *const what[] = {""};
    double sr = 0, fmin = 0, fmax = 0;
    size_t n_fft = 0, n_mels = 128;
    int has_fmax = 0, htk = 0;
    enum dsp_mel_norm norm = DSP_MEL_NORM_SLANEY;
    const char *out = NULL;
    int c;
    while ((c = cli_getopt(argc, argv, opts, help)) != -1) {
        switch (c) {
        case OPT_SR:
            sr = cli_parse_double(cli_optname(), optarg);
            if (!(sr > 0))
                cli_usage_error("--sr must be above 0 Hz (got %s)", optarg);
            break;
        case OPT_N_FFT:
            n_fft = cli_parse_size_max(cli_optname(), optarg, 2, CLI_MAX_SIZE);
            break;
        case OPT_N_MELS:
            n_mels = cli_parse_size_max(cli_optname(), optarg, 1, CLI_MAX_COUNT);
            break;
        case OPT_FMIN:
            fmin = cli_parse_double(cli_optname(), optarg);
            if (fmin < 0)
                cli_usage_error("--fmin must be at least 0 Hz (got %s)", optarg);
            break;
        case OPT_FMAX:
            fmax = cli_parse_double(cli_optname(), optarg);
            has_fmax = 1;
            break;
        case OPT_HTK:
            htk = 1;
            break;
        case OPT_NORM:
            if (strcmp(optarg, "slaney") == 0)
                norm = DSP_MEL_NORM_SLANEY;
            else if (strcmp(optarg, "none") == 0)
                norm = DSP_MEL_NORM_NONE;
            else
                cli_usage_error("--norm must be slaney or none (got '%s')", optarg);
            break;
        case OPT_OUTPUT:
            out = optarg;
            break;
        }
    }
    cli_operands(argc, argv, 0, what);
    if (sr == 0)
        cli_usage_error("missing --sr SR (the sample rate in Hz)");
    if (n_fft == 0)
        cli_usage_error("missing --n-fft N (the FFT size)");
    if (!has_fmax)
        fmax = sr / 2;
    if (fmax > sr / 2)
        cli_usage_error("--fmax (%g Hz) is above the Nyquist frequency (%g Hz for --sr %g)", fmax,
                        sr / 2, sr);
    if (fmin >= fmax)
        cli_usage_error("--fmin (%g Hz) must be below fmax (%g Hz)", fmin, fmax);

    /* The output is the dense n_mels x bins matrix (librosa holds it so):
     * counted against the budget, as are the weights behind it. */
    cli_check_memory(NULL, 8.0 * (double)n_mels * (double)(n_fft / 2 + 1),
                     "the mel bank's matrix (%zu bands x %zu bins)", n_mels, n_fft / 2 + 1);
    struct dsp_melbank_params p = dsp_melbank_defaults(sr, n_fft);
    p.n_mels = n_mels;
    p.fmin = fmin;
    p.fmax = fmax;
    p.scale = htk ? DSP_MEL_HTK : DSP_MEL_SLANEY;
    p.norm = norm;
    struct dsp_melbank *mb = dsp_melbank_new(&p);
    if (!mb)
        cli_runtime_error(NULL, "%s", dsp_last_error());
    char where[128];
    snprintf(where, sizeof where, "--n-fft %zu at --sr %g", n_fft, sr);
    size_t empty = cli_mel_warn_empty(mb, where);

    size_t bins = dsp_melbank_num_bins(mb);
    double *row = cli_malloc(bins, sizeof *row);
    struct dsp_matfile *f = cli_output_open(out, bins, NULL, 0);
    cli_output_header(f, "sample_rate", "%.17g", sr);
    cli_output_header(f, "n_fft", "%zu", n_fft);
    cli_output_header(f, "n_mels", "%zu", n_mels);
    cli_output_header(f, "fmin", "%.17g", fmin);
    cli_output_header(f, "fmax", "%.17g", fmax);
    cli_output_header(f, "scale", "%s", htk ? "htk" : "slaney");
    cli_output_header(f, "norm", "%s", norm == DSP_MEL_NORM_SLANEY ? "slaney" : "none");
    cli_output_header(f, "triangles", "linear in Hz (librosa)");
    cli_output_header(f, "empty_bands", "%zu", empty);
    cli_output_header(f, "row_m", "band m, peak at edge m+1 of the %zu mel-spaced edges",
                      n_mels + 2);
    cli_output_header(f, "column_k_freq_hz", "k*%.17g/%zu", sr, n_fft);
    for (size_t m = 0; m < n_mels; m++) {
        size_t first, count;
        const double *w;
        dsp_melbank_band(mb, m, &first, &count, &w);
        memset(row, 0, bins * sizeof *row);
        memcpy(row + first, w, count * sizeof *w);
        cli_output_row(f, row);
    }
    free(row);
    dsp_melbank_free(mb);
    cli_output_commit(f);
    return 0;
}
