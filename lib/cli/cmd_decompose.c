/* cmd_decompose.c — `dsplab decompose FILE --model sine|harmonic --out-dir
 * DIR`: the sinusoidal (or harmonic) part, the residual and its stochastic
 * approximation as WAVs, and the tracks (residual.h). */
#include "cli.h"

#include <dsplab/residual.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_MODEL = CLI_OPT_FIRST_FREE,
    OPT_OUT_DIR,
    OPT_STOCH_HOP,
    OPT_STOCF,
    OPT_SEED,
};

static const char help[] =
    "Usage: dsplab decompose FILE --model sine|harmonic --out-dir DIR [options]\n"
    "Splits FILE (mono downmix) into a sinusoidal part, a residual and a\n"
    "stochastic approximation of the residual (the course's SPS and HPS models):\n"
    "  sines       the additive synthesis of the tracks of `dsplab sines` (model\n"
    "              sine) or `dsplab harmonic` (model harmonic), with their phases\n"
    "  residual    FILE minus sines, sample by sample (sines + residual = FILE)\n"
    "  stochastic  noise with the residual's spectral envelope: per frame of hop\n"
    "              Hs (Hann window of 2Hs), the mean power of round(stocf*(Hs+1))\n"
    "              bands, resynthesised with random phases (seeded)\n"
    "written to DIR/BASE-sines.wav, DIR/BASE-residual.wav, DIR/BASE-stochastic.wav\n"
    "and the tracks (as `dsplab sines` writes them) to DIR/BASE-tracks.txt, where\n"
    "BASE is FILE's name without folder and extension. DIR is created if missing\n"
    "(one level). Prints the SNR of sines against FILE in dB.\n"
    "\n"
    "      --model MODEL        sine or harmonic (required)\n"
    "      --out-dir DIR        the folder for the four outputs (required)\n"
    "      --stoch-hop HS       stochastic hop, HS >= 2 (default: the hop H)\n"
    "      --stocf F            stochastic factor, 0 < F <= 1 (default 0.2)\n"
    "      --seed N             seed of the random phases (default 1)\n"
    "      --synthesis METHOD   time (default) or spectral, for the sines\n"
    "      --float              write 32-bit float WAVs (default 16-bit)\n"
    "  Analysis, both models (defaults: sine | harmonic):\n"
    "      --window NAME        analysis window (blackman | blackman)\n"
    "      --size M             window size, M >= 3 (2001 | 1201)\n"
    "      --fft N              FFT size, N >= M (2048 | 2048)\n"
    "      --hop H              hop size (256 | 128)\n"
    "      --beta B, --sigma S  Kaiser's beta, Gaussian's sigma (those windows only)\n"
    "      --threshold DB       ignore peaks at or below DB dB (-80 | -90)\n"
    "      --min-duration SEC   remove tracks shorter than round(SEC*fs/H) frames\n"
    "                           (0.02)\n"
    "  Model sine only (see dsplab sines --help):\n"
    "      --max-sines K, --freq-dev-offset HZ, --freq-dev-slope S\n"
    "  Model harmonic only (see dsplab harmonic --help):\n"
    "      --harmonics NH, --fmin HZ, --fmax HZ, --max-error E, --harm-dev-slope S,\n"
    "      --course-rule\n"
    "  -h, --help               show this help\n"
    "\n"
    "Example: dsplab decompose flute-a5.wav --model harmonic --fmin 700 --fmax 1000 --out-dir parts\n";

/* FILE's name without folder and extension, into buf. */
static void base_name(const char *path, char *buf, size_t size)
{
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    const char *dot = strrchr(name, '.');
    size_t n = dot && dot != name ? (size_t)(dot - name) : strlen(name);
    if (n == 0) {
        name = "out";
        n = 3;
    }
    snprintf(buf, size, "%.*s", (int)n, name);
}

/* DIR/BASE-what.ext, allocated. */
static char *out_path(const char *dir, const char *base, const char *what)
{
    size_t n = strlen(dir) + strlen(base) + strlen(what) + 3;
    char *p = cli_malloc(n, 1);
    snprintf(p, n, "%s/%s-%s", dir, base, what);
    return p;
}

CLI_COMMAND(decompose)
{
    static const struct option opts[] = {
        CLI_ANALYSIS_OPTIONS,
        CLI_OPTION_THRESHOLD,
        CLI_OPTION_MIN_DURATION,
        CLI_OPTION_MAX_SINES,
        CLI_OPTION_FREQ_DEV_OFFSET,
        CLI_OPTION_FREQ_DEV_SLOPE,
        CLI_OPTION_HARMONICS,
        CLI_OPTION_FMIN,
        CLI_OPTION_FMAX,
        CLI_OPTION_MAX_ERROR,
        CLI_OPTION_HARM_DEV_SLOPE,
        CLI_OPTION_COURSE_RULE,
        CLI_OPTION_SYNTHESIS,
        CLI_OPTION_FLOAT,
        {"model", required_argument, NULL, OPT_MODEL},
        {"out-dir", required_argument, NULL, OPT_OUT_DIR},
        {"stoch-hop", required_argument, NULL, OPT_STOCH_HOP},
        {"stocf", required_argument, NULL, OPT_STOCF},
        {"seed", required_argument, NULL, OPT_SEED},
        CLI_HELP_OPTION,
        {0, 0, 0, 0},
    };
    static const char *const what[] = {"FILE"};
    /* The model may come after its options: every option goes to both
     * models' settings, and the one --model names is used. */
    struct cli_sms sine, harm;
    cli_sms_init(&sine);
    cli_sms_init_harmonic(&harm);
    const char *model = NULL, *dir = NULL;
    const char *sine_only = NULL, *harm_only = NULL;
    static char sine_only_buf[64], harm_only_buf[64];
    size_t stoch_hop = 0;
    double stocf = 0.2;
    size_t seed = 1;
    int c;
    while ((c = cli_getopt(argc, argv, opts, help)) != -1) {
        switch (c) {
        case OPT_MODEL:
            if (strcmp(optarg, "sine") != 0 && strcmp(optarg, "harmonic") != 0)
                cli_usage_error("--model must be sine or harmonic (got '%s')", optarg);
            model = optarg;
            break;
        case OPT_OUT_DIR:
            if (!optarg[0])
                cli_usage_error("--out-dir: the folder name is empty");
            dir = optarg;
            break;
        case OPT_STOCH_HOP:
            stoch_hop = cli_parse_size_max(cli_optname(), optarg, 2, CLI_MAX_SIZE);
            break;
        case OPT_STOCF:
            stocf = cli_parse_double(cli_optname(), optarg);
            if (!(stocf > 0 && stocf <= 1))
                cli_usage_error("--stocf must be in (0, 1] (got %s)", optarg);
            break;
        case OPT_SEED:
            seed = cli_parse_size(cli_optname(), optarg, 0);
            break;
        default:
            if (c == CLI_OPT_MAX_SINES || c == CLI_OPT_FREQ_DEV_OFFSET ||
                c == CLI_OPT_FREQ_DEV_SLOPE) {
                snprintf(sine_only_buf, sizeof sine_only_buf, "%s", cli_optname());
                sine_only = sine_only_buf;
            }
            if (c == CLI_OPT_HARMONICS || c == CLI_OPT_FMIN || c == CLI_OPT_FMAX ||
                c == CLI_OPT_MAX_ERROR || c == CLI_OPT_HARM_DEV_SLOPE ||
                c == CLI_OPT_COURSE_RULE) {
                snprintf(harm_only_buf, sizeof harm_only_buf, "%s", cli_optname());
                harm_only = harm_only_buf;
            }
            cli_sms_option(&sine, c, optarg);
            cli_sms_option(&harm, c, optarg);
        }
    }
    const char *path = cli_operands(argc, argv, 1, what)[0];
    if (!model)
        cli_usage_error("missing --model sine|harmonic");
    if (!dir)
        cli_usage_error("missing --out-dir DIR (where the four outputs go)");
    int harmonic = strcmp(model, "harmonic") == 0;
    if (harmonic && sine_only)
        cli_usage_error("%s is only for --model sine", sine_only);
    if (!harmonic && harm_only)
        cli_usage_error("%s is only for --model harmonic", harm_only);
    struct cli_sms *s = harmonic ? &harm : &sine;
    enum dsp_window type;
    cli_sms_finish(s, &type);
    if (!stoch_hop)
        stoch_hop = s->a.hop >= 2 ? s->a.hop : 2;

    /* The four outputs are staged before the work and appear together. */
    char base[1024];
    base_name(path, base, sizeof base);
    char *p_sines = out_path(dir, base, "sines.wav");
    char *p_residual = out_path(dir, base, "residual.wav");
    char *p_stochastic = out_path(dir, base, "stochastic.wav");
    char *p_tracks = out_path(dir, base, "tracks.txt");
    const char *outputs[] = {p_sines, p_residual, p_stochastic, p_tracks};
    const char *names[] = {"output", "output", "output", "output"};
    cli_check_outputs(&path, 1, outputs, names, 4);
    cli_make_out_dir(dir);
    for (int i = 0; i < 4; i++)
        cli_stage_output(outputs[i]);

    double *x, fs;
    size_t len;
    cli_read_mono(path, &x, &len, &fs);
    cli_check_sizes(path, len, s->a.m, "--size", s->a.n_fft, "--fft", x);
    struct cli_tracks t;
    cli_tracks_analyze(s, type, path, x, len, fs, &t);

    /* sines, then residual = x - sines, then the residual's stochastic
     * model; all three before anything is written. */
    double *sines = cli_tracks_synth(s->synthesis, t.freq, t.mag, t.phase, t.frames, t.tracks,
                                     s->a.hop, fs, len);
    double *residual = cli_malloc(len, sizeof *residual);
    double *stochastic = cli_malloc(len, sizeof *stochastic);
    int status = dsp_residual_subtract(x, sines, len, residual);
    struct dsp_stochastic *st = dsp_stochastic_new(stoch_hop, stocf);
    if (!st)
        status = DSP_EINVAL;
    double *env = NULL;
    size_t n_env = 0, env_frames = 0;
    if (status == DSP_OK) {
        env_frames = dsp_stochastic_num_frames(st, len);
        n_env = dsp_stochastic_env_size(st);
        env = cli_malloc(env_frames, n_env * sizeof *env);
        status = dsp_stochastic_analyze(st, residual, len, env, env_frames);
    }
    if (status == DSP_OK)
        status = dsp_stochastic_synthesize(st, env, env_frames, (uint64_t)seed, stochastic, len);
    dsp_stochastic_free(st);
    free(env);
    if (status != DSP_OK)
        cli_runtime_error(path, "%s", dsp_last_error());
    double snr = dsp_snr_db(x, sines, len);
    double ex = dsp_energy(x, len);
    double residual_db = ex > 0 ? 10.0 * log10(dsp_energy(residual, len) / ex) : 0.0;
    free(x);

    cli_write_wav(p_sines, sines, len, fs, s->float_wav);
    cli_write_wav(p_residual, residual, len, fs, s->float_wav);
    cli_write_wav(p_stochastic, stochastic, len, fs, s->float_wav);
    free(sines);
    free(residual);
    free(stochastic);

    struct dsp_matfile *f = cli_output_open(p_tracks, t.tracks, path, fs);
    cli_output_header(f, "model", "%s", model);
    cli_sms_header(f, s, type, fs);
    cli_output_header(f, "frames", "%zu", t.frames);
    if (harmonic)
        cli_output_header(f, "voiced_frames", "%zu", t.voiced);
    cli_output_header(f, "tracks", "%zu", t.tracks);
    cli_output_header(f, "row_k_time_s", "k*%zu/%.17g", s->a.hop, fs);
    cli_output_header(f, "stoch_hop", "%zu", stoch_hop);
    cli_output_header(f, "stocf", "%.17g", stocf);
    cli_output_header(f, "stoch_bands", "%zu", n_env);
    cli_output_header(f, "seed", "%zu", seed);
    cli_output_header(f, "sines_file", "%s", p_sines);
    cli_output_header(f, "residual_file", "%s", p_residual);
    cli_output_header(f, "stochastic_file", "%s", p_stochastic);
    cli_output_header(f, "synthesis", "%s", cli_synthesis_name(s->synthesis));
    cli_output_header(f, "sines_snr_db", "%.2f", snr);
    cli_output_header(f, "residual_db", "%.2f", residual_db);
    cli_output_header(f, "blocks", "3 (freq_hz, mag_db, phase_rad)");
    cli_tracks_write(f, p_tracks, t.freq, t.mag, t.phase, t.frames, t.tracks);
    free(t.freq);
    free(t.mag);
    free(t.phase);
    cli_output_commit(f);   /* all four, together */

    if (isinf(snr))
        printf("sines_snr_db: %s\n", snr > 0 ? "inf" : "-inf");
    else
        printf("sines_snr_db: %.2f\n", snr);
    free(p_sines);
    free(p_residual);
    free(p_stochastic);
    free(p_tracks);
    return 0;
}
