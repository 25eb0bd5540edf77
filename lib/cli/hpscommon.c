/* hpscommon.c — the harmonic plus stochastic options of `dsplab pitch` and
 * `dsplab morph` (see hpscommon.h). */
#include "hpscommon.h"

#include <string.h>

void cli_hps_init(struct cli_hps *h)
{
    memset(h, 0, sizeof *h);
    cli_sms_init_harmonic(&h->s);
    h->stocf = 0.2;
    h->seed = 1;
}

int cli_hps_option(struct cli_hps *h, int c, const char *arg)
{
    switch (c) {
    case CLI_HPS_OPT_STOCH_HOP:
        h->stoch_hop = cli_parse_size_max(cli_optname(), arg, 2, CLI_MAX_SIZE);
        return 1;
    case CLI_HPS_OPT_STOCF:
        h->stocf = cli_parse_double(cli_optname(), arg);
        if (!(h->stocf > 0 && h->stocf <= 1))
            cli_usage_error("--stocf must be in (0, 1] (got %s)", arg);
        return 1;
    case CLI_HPS_OPT_SEED:
        h->seed = (uint64_t)cli_parse_size(cli_optname(), arg, 0);
        return 1;
    default:
        return cli_sms_option(&h->s, c, arg);
    }
}

void cli_hps_finish(struct cli_hps *h, enum dsp_window *type)
{
    cli_sms_finish(&h->s, type);
    if (!h->stoch_hop)
        h->stoch_hop = h->s.a.hop >= 2 ? h->s.a.hop : 2;
}

void cli_hps_params(const struct cli_hps *h, enum dsp_window type, double fs,
                    struct dsp_decompose_params *p)
{
    const struct cli_sms *s = &h->s;
    memset(p, 0, sizeof *p);
    p->model = DSP_DECOMPOSE_HARMONIC;
    p->harmonic = (struct dsp_harmonic_params){
        .fs = fs, .window = type, .window_param = cli_window_param(&s->a, type),
        .m = s->a.m, .n_fft = s->a.n_fft, .hop = s->a.hop,
        .threshold_db = s->threshold_db,
        .n_harmonics = s->n_harmonics,
        .min_f0 = s->min_f0, .max_f0 = s->max_f0,
        .max_f0_error = s->max_f0_error,
        .harm_dev_slope = s->harm_dev_slope,
    };
    p->min_frames = cli_sms_min_frames(s, fs);
    p->stoch_hop = h->stoch_hop;
    p->stocf = h->stocf;
    p->seed = h->seed;
}
