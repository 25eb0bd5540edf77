/* cmd_morph.c — `dsplab morph A.wav B.wav -o OUT.wav`: a sound between two
 * harmonic sounds, with the harmonic plus stochastic model (transform.h). */
#include "hpscommon.h"

#include <dsplab/transform.h>
#include <stdio.h>
#include <stdlib.h>

enum {
    OPT_ALPHA = CLI_OPT_FIRST_FREE,
    OPT_ALPHA_FREQ,
    OPT_ALPHA_MAG,
    OPT_ALPHA_STOCH,
    OPT_FMIN_B,
    OPT_FMAX_B,
};

static const char help[] =
    "Usage: dsplab morph A.wav B.wav -o OUT.wav [--alpha X] [options]\n"
    "Morphs the harmonic sound A towards B (both mono downmixes, same sample\n"
    "rate): both go through the harmonic plus stochastic model (as `dsplab\n"
    "decompose --model harmonic`); B's frames are stretched onto A's duration;\n"
    "each harmonic present in both gets the frequency (1-af) fA + af fB and the\n"
    "magnitude (1-am) mA + am mB (dB), the stochastic envelopes mix as\n"
    "(1-as) eA + as eB; the result is synthesised with A's length.\n"
    "\n"
    "      --alpha X            af = am = as = X, 0 <= X <= 1 (default 0.5)\n"
    "      --alpha-freq X       af alone: where the pitch lies\n"
    "      --alpha-mag X        am alone: whose timbre\n"
    "      --alpha-stoch X      as alone: whose noise\n"
    "  -o, --output OUT         the WAV to write (required)\n"
    "      --fmin HZ, --fmax HZ     f0 range of A (default 100 .. 300)\n"
    "      --fmin-b HZ, --fmax-b HZ f0 range of B (default: A's)\n"
    "      --stoch-hop HS, --stocf F, --seed N, --float   as in dsplab pitch\n"
    "  Harmonic analysis of both (see dsplab harmonic --help):\n"
    "      --window NAME, --size M, --fft N, --hop H, --beta B, --sigma S,\n"
    "      --threshold DB, --min-duration SEC, --harmonics NH, --max-error E,\n"
    "      --harm-dev-slope S\n"
    "  -h, --help               show this help\n"
    "\n"
    "Example: dsplab morph violin-a4.wav flute-a5.wav --fmin 300 --fmax 600 \\\n"
    "             --fmin-b 600 --fmax-b 1200 --alpha-freq 0 --alpha-mag 1 -o mix.wav\n";

static double parse_alpha(const char *arg)
{
    double v = cli_parse_double(cli_optname(), arg);
    if (!(v >= 0 && v <= 1))
        cli_usage_error("%s must lie in [0, 1] (got %s)", cli_optname(), arg);
    return v;
}

static double parse_hz(const char *arg)
{
    double v = cli_parse_double(cli_optname(), arg);
    if (!(v > 0))
        cli_usage_error("%s must be greater than 0 (got %s)", cli_optname(), arg);
    return v;
}

CLI_COMMAND(morph)
{
    static const struct option opts[] = {
        CLI_HPS_OPTIONS,
        {"alpha", required_argument, NULL, OPT_ALPHA},
        {"alpha-freq", required_argument, NULL, OPT_ALPHA_FREQ},
        {"alpha-mag", required_argument, NULL, OPT_ALPHA_MAG},
        {"alpha-stoch", required_argument, NULL, OPT_ALPHA_STOCH},
        {"fmin-b", required_argument, NULL, OPT_FMIN_B},
        {"fmax-b", required_argument, NULL, OPT_FMAX_B},
        CLI_HELP_OPTION,
        {0, 0, 0, 0},
    };
    static const char *const what[] = {"A.wav", "B.wav"};
    struct cli_hps h;
    cli_hps_init(&h);
    double alpha[3] = {0.5, 0.5, 0.5}, fmin_b = 0, fmax_b = 0;
    int given[3] = {0, 0, 0};
    int c;
    while ((c = cli_getopt(argc, argv, opts, help)) != -1) {
        switch (c) {
        case OPT_ALPHA: {
            double v = parse_alpha(optarg);
            for (int i = 0; i < 3; i++)
                if (!given[i])
                    alpha[i] = v;
            break;
        }
        case OPT_ALPHA_FREQ:
        case OPT_ALPHA_MAG:
        case OPT_ALPHA_STOCH:
            alpha[c - OPT_ALPHA_FREQ] = parse_alpha(optarg);
            given[c - OPT_ALPHA_FREQ] = 1;
            break;
        case OPT_FMIN_B:
            fmin_b = parse_hz(optarg);
            break;
        case OPT_FMAX_B:
            fmax_b = parse_hz(optarg);
            break;
        default:
            cli_hps_option(&h, c, optarg);
        }
    }
    char **files = cli_operands(argc, argv, 2, what);
    if (!h.s.out)
        cli_usage_error("missing -o OUT.wav (the sound to write)");
    enum dsp_window type;
    cli_hps_finish(&h, &type);
    const char *out_names[] = {"-o"};
    cli_check_outputs((const char *const *)files, 2, &h.s.out, out_names, 1);
    struct cli_hps hb = h;
    if (fmin_b > 0)
        hb.s.min_f0 = fmin_b;
    if (fmax_b > 0)
        hb.s.max_f0 = fmax_b;
    if (!(hb.s.min_f0 < hb.s.max_f0))
        cli_usage_error("--fmin-b (%g Hz) must be below --fmax-b (%g Hz)", hb.s.min_f0,
                        hb.s.max_f0);

    double *xa, *xb, fs_a, fs_b;
    size_t len_a, len_b;
    cli_read_mono(files[0], &xa, &len_a, &fs_a);
    cli_read_mono(files[1], &xb, &len_b, &fs_b);
    if (fs_a != fs_b) {
        free(xa);
        free(xb);
        cli_runtime_error(files[1], "sample rate %g Hz differs from %s's %g Hz", fs_b,
                          files[0], fs_a);
    }
    struct dsp_decompose_params pa, pb;
    cli_hps_params(&h, type, fs_a, &pa);
    cli_hps_params(&hb, type, fs_b, &pb);
    double *y = cli_malloc(len_a, sizeof *y);
    int status = dsp_morph(&pa, xa, len_a, &pb, xb, len_b, alpha[0], alpha[1], alpha[2], y,
                           len_a);
    free(xa);
    free(xb);
    if (status != DSP_OK) {
        free(y);
        cli_runtime_error(files[0], "%s", dsp_last_error());
    }
    status = dsp_audio_write_wav(h.s.out, y, len_a, 1, fs_a,
                                 h.s.float_wav ? DSP_WAV_FLOAT32 : DSP_WAV_PCM16);
    free(y);
    if (status != DSP_OK)
        cli_runtime_error(h.s.out, "%s", dsp_last_error());
    printf("alpha_freq: %g\nalpha_mag: %g\nalpha_stoch: %g\n", alpha[0], alpha[1], alpha[2]);
    return 0;
}
