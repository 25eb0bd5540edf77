/* cmd_pitch.c — `dsplab pitch FILE --ratio Q -o OUT.wav`: pitch shifting
 * with the harmonic plus stochastic model (transform.h). */
#include "hpscommon.h"

#include <dsplab/transform.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_RATIO = CLI_OPT_FIRST_FREE, OPT_SEMITONES, OPT_ENVELOPE };

static const char help[] =
    "Usage: dsplab pitch FILE (--ratio Q | --semitones S) -o OUT.wav [options]\n"
    "Shifts the pitch of a harmonic sound FILE (mono downmix) by the ratio Q\n"
    "(or S semitones: Q = 2^(S/12)) and keeps its duration, with the harmonic\n"
    "plus stochastic model: harmonic analysis (as `dsplab harmonic`), every\n"
    "harmonic moved to Q times its frequency, additive synthesis, plus the\n"
    "residual's stochastic envelope resynthesised unshifted (as `dsplab\n"
    "decompose`). With --envelope keep (the default) each moved harmonic takes\n"
    "the magnitude the original spectral envelope has at its new frequency,\n"
    "so the formants stay; with --envelope move they travel with the pitch.\n"
    "Set --fmin/--fmax around the sound's f0.\n"
    "\n"
    "      --ratio Q            frequency ratio, Q > 0 (1.5: a fifth up)\n"
    "      --semitones S        or a number of semitones (-12: an octave down)\n"
    "      --envelope MODE      keep (default) or move\n"
    "  -o, --output OUT         the WAV to write (required)\n"
    "      --stoch-hop HS       stochastic hop, HS >= 2 (default: the hop H)\n"
    "      --stocf F            stochastic factor, 0 < F <= 1 (default 0.2)\n"
    "      --seed N             seed of the stochastic part's phases (default 1)\n"
    "      --float              write 32-bit float samples instead of 16-bit PCM\n"
    "  Harmonic analysis (see dsplab harmonic --help; defaults blackman 1201,\n"
    "  N 2048, H 128, -90 dB, 100 harmonics, 100..300 Hz, error 7, slope 0.01):\n"
    "      --window NAME, --size M, --fft N, --hop H, --beta B, --sigma S,\n"
    "      --threshold DB, --min-duration SEC, --harmonics NH, --fmin HZ,\n"
    "      --fmax HZ, --max-error E, --harm-dev-slope S\n"
    "  -h, --help               show this help\n"
    "\n"
    "Example: dsplab pitch violin-a4.wav --semitones 3 --fmin 300 --fmax 600 -o violin-c5.wav\n";

CLI_COMMAND(pitch)
{
    static const struct option opts[] = {
        CLI_HPS_OPTIONS,
        {"ratio", required_argument, NULL, OPT_RATIO},
        {"semitones", required_argument, NULL, OPT_SEMITONES},
        {"envelope", required_argument, NULL, OPT_ENVELOPE},
        CLI_HELP_OPTION,
        {0, 0, 0, 0},
    };
    static const char *const what[] = {"FILE"};
    struct cli_hps h;
    cli_hps_init(&h);
    double ratio = 0;
    int has_ratio = 0, has_semitones = 0;
    enum dsp_envelope envelope = DSP_ENVELOPE_KEEP;
    int c;
    while ((c = cli_getopt(argc, argv, opts, help)) != -1) {
        switch (c) {
        case OPT_RATIO:
            ratio = cli_parse_double(cli_optname(), optarg);
            if (!(ratio > 0))
                cli_usage_error("--ratio must be greater than 0 (got %s)", optarg);
            has_ratio = 1;
            break;
        case OPT_SEMITONES: {
            double st = cli_parse_double(cli_optname(), optarg);
            if (fabs(st) > 48)
                cli_usage_error("--semitones must lie within -48 .. 48 (got %s)", optarg);
            ratio = pow(2.0, st / 12.0);
            has_semitones = 1;
            break;
        }
        case OPT_ENVELOPE:
            if (strcmp(optarg, "keep") == 0)
                envelope = DSP_ENVELOPE_KEEP;
            else if (strcmp(optarg, "move") == 0)
                envelope = DSP_ENVELOPE_MOVE;
            else
                cli_usage_error("--envelope must be keep or move (got '%s')", optarg);
            break;
        default:
            cli_hps_option(&h, c, optarg);
        }
    }
    const char *path = cli_operands(argc, argv, 1, what)[0];
    if (has_ratio && has_semitones)
        cli_usage_error("give --ratio or --semitones, not both");
    if (!has_ratio && !has_semitones)
        cli_usage_error("missing --ratio Q or --semitones S (the pitch shift)");
    if (!h.s.out)
        cli_usage_error("missing -o OUT.wav (the sound to write)");
    enum dsp_window type;
    cli_hps_finish(&h, &type);
    const char *out_names[] = {"-o"};
    cli_check_outputs(&path, 1, &h.s.out, out_names, 1);

    double *x, fs;
    size_t len;
    cli_read_mono(path, &x, &len, &fs);
    struct dsp_decompose_params p;
    cli_hps_params(&h, type, fs, &p);
    double *y = cli_malloc(len, sizeof *y);
    int status = dsp_pitch_shift(&p, x, len, ratio, envelope, y, len);
    free(x);
    if (status != DSP_OK) {
        free(y);
        cli_runtime_error(path, "%s", dsp_last_error());
    }
    status = dsp_audio_write_wav(h.s.out, y, len, 1, fs,
                                 h.s.float_wav ? DSP_WAV_FLOAT32 : DSP_WAV_PCM16);
    free(y);
    if (status != DSP_OK)
        cli_runtime_error(h.s.out, "%s", dsp_last_error());
    printf("ratio: %.6f\n", ratio);
    return 0;
}
