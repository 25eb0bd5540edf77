/* hpscommon.h — what `dsplab pitch` and `dsplab morph` share: the options
 * of the harmonic plus stochastic model (the harmonic analysis options of
 * `dsplab harmonic`, and --stoch-hop, --stocf, --seed), and their
 * conversion into the library's dsp_decompose_params (transform.h). */
#ifndef DSPLAB_CLI_HPSCOMMON_H
#define DSPLAB_CLI_HPSCOMMON_H

#include "cli.h"

#include <stdint.h>

/* Long-only option vals of the stochastic part (commands number their own
 * from CLI_OPT_FIRST_FREE). */
enum {
    CLI_HPS_OPT_STOCH_HOP = 400,
    CLI_HPS_OPT_STOCF,
    CLI_HPS_OPT_SEED,
};

#define CLI_HPS_OPTIONS                                                                \
    CLI_ANALYSIS_OPTIONS, CLI_OPTION_THRESHOLD, CLI_OPTION_MIN_DURATION,               \
        CLI_OPTION_HARMONICS, CLI_OPTION_FMIN, CLI_OPTION_FMAX, CLI_OPTION_MAX_ERROR,  \
        CLI_OPTION_HARM_DEV_SLOPE, CLI_OPTION_FLOAT, CLI_OPTION_OUTPUT,                \
        {"stoch-hop", required_argument, NULL, CLI_HPS_OPT_STOCH_HOP},                 \
        {"stocf", required_argument, NULL, CLI_HPS_OPT_STOCF},                         \
        {"seed", required_argument, NULL, CLI_HPS_OPT_SEED}

/* The harmonic analysis (s, from cli_sms_init_harmonic) and the stochastic
 * part's settings. */
struct cli_hps {
    struct cli_sms s;
    size_t stoch_hop;   /* 0: the analysis hop */
    double stocf;       /* default 0.2 */
    uint64_t seed;      /* default 1 */
};

void cli_hps_init(struct cli_hps *h);
/* Handles option c if it is one of CLI_HPS_OPTIONS: returns 1, else 0. */
int cli_hps_option(struct cli_hps *h, int c, const char *arg);
/* Defaults and checks across options (cli_sms_finish); *type the window. */
void cli_hps_finish(struct cli_hps *h, enum dsp_window *type);
/* The library's parameters for a sound at fs Hz. */
void cli_hps_params(const struct cli_hps *h, enum dsp_window type, double fs,
                    struct dsp_decompose_params *p);

#endif
