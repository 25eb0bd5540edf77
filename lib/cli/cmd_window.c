/* cmd_window.c — `dsplab window NAME M`: the values of an analysis window. */
#include "cli.h"

#include <stdlib.h>

enum { OPT_SYMMETRIC = CLI_OPT_FIRST_FREE };

static const char help[] =
    "Usage: dsplab window NAME M [--symmetric] [--beta B] [--sigma S]\n"
    "Print the M values of the window NAME, one per line (%.17g), after '#'\n"
    "header lines. Windows are periodic (DFT-even, for spectral analysis) unless\n"
    "--symmetric; values match scipy.signal.get_window.\n"
    "\n"
    "NAME: rectangular, triangular, bartlett, hann, hamming, blackman,\n"
    "      blackmanharris, kaiser (needs --beta), gaussian (needs --sigma)\n"
    "\n"
    "      --symmetric  w[i] == w[M-1-i] (filter design) instead of periodic\n"
    "      --beta B     Kaiser's beta, B >= 0\n"
    "      --sigma S    Gaussian's standard deviation in samples, S > 0\n"
    "  -h, --help       show this help\n"
    "\n"
    "Example: dsplab window hann 4        (prints 0, 0.5, 1, 0.5)\n";

CLI_COMMAND(window)
{
    static const struct option opts[] = {
        {"symmetric", no_argument, NULL, OPT_SYMMETRIC},
        CLI_OPTION_BETA,
        CLI_OPTION_SIGMA,
        CLI_HELP_OPTION,
        {0, 0, 0, 0},
    };
    static const char *const what[] = {"NAME", "M"};
    struct cli_analysis a = {0};
    enum dsp_window_symmetry sym = DSP_WINDOW_PERIODIC;
    int c;
    while ((c = cli_getopt(argc, argv, opts, help)) != -1) {
        if (c == OPT_SYMMETRIC)
            sym = DSP_WINDOW_SYMMETRIC;
        else
            cli_analysis_option(&a, c, optarg);
    }
    char **operand = cli_operands(argc, argv, 2, what);
    a.window = operand[0];
    a.m = cli_parse_size_max("M", operand[1], 1, CLI_MAX_SIZE);
    enum dsp_window type;
    cli_analysis_finish(&a, a.m, a.m, 1, &type);

    double param = cli_window_param(&a, type);
    double *w = cli_window_new(type, param, sym, a.m);
    struct dsp_matfile *f = cli_output_open("-", 1, NULL, 0.0);
    cli_output_header(f, "window", "%s", dsp_window_name(type));
    cli_output_header(f, "size", "%zu", a.m);
    cli_output_header(f, "symmetry", "%s", sym == DSP_WINDOW_SYMMETRIC ? "symmetric" : "periodic");
    if (type == DSP_WIN_KAISER)
        cli_output_header(f, "beta", "%.17g", param);
    if (type == DSP_WIN_GAUSSIAN)
        cli_output_header(f, "sigma", "%.17g", param);
    for (size_t i = 0; i < a.m; i++)
        cli_output_row(f, &w[i]);
    free(w);
    cli_output_commit(f);
    return 0;
}
