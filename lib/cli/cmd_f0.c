/* cmd_f0.c — `dsplab f0 FILE`: the fundamental frequency per frame, by the
 * two-way mismatch on spectral peaks or by YIN (harmonic.h). */
#include "cli.h"

#include <math.h>

#include <dsplab/harmonic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_METHOD = CLI_OPT_FIRST_FREE, OPT_YIN_THRESHOLD };

static const char help[] =
    "Usage: dsplab f0 FILE [--method twm|yin] [--fmin HZ] [--fmax HZ] [--window NAME]\n"
    "                 [--size M] [--fft N] [--hop H] [--threshold DB]\n"
    "                 [--max-error E] [--yin-threshold T] [-o OUT]\n"
    "The fundamental frequency of FILE (mono downmix) in each frame (frame k is\n"
    "centred on sample k*H, at time k*H/fs; floor(L/H)+1 frames): rows\n"
    "\"time_s f0_hz\" after '#' header lines, f0 = 0 where the frame is unvoiced.\n"
    "\n"
    "twm (default): the two-way mismatch (Maher and Beauchamp) between the\n"
    "  frame's spectral peaks above the threshold (as `dsplab peaks`) and the\n"
    "  harmonics of candidates in (fmin, fmax); unvoiced when fewer than 3 peaks\n"
    "  or the least error is at least E. A new f0 is kept when the last was 0\n"
    "  or within a fifth of it (the f0 of `dsplab harmonic`).\n"
    "yin: de Cheveigne and Kawahara's YIN on an integration window of M samples\n"
    "  centred on the frame; unvoiced when the normalised difference has no dip\n"
    "  below T. Needs fmax <= fs/4.\n"
    "\n"
    "      --method METHOD    twm or yin (default twm)\n"
    "      --fmin HZ          lowest f0 (default 100)\n"
    "      --fmax HZ          highest f0, above fmin (default 300)\n"
    "                         (the range must hold the sound's f0: outside it\n"
    "                         TWM answers a subharmonic, e.g. 220 for 880 Hz)\n"
    "      --window NAME      analysis window, twm (default blackman)\n"
    "      --size M           window size in samples (default 1201; yin: its\n"
    "                         integration window, which must hold the longest\n"
    "                         period: fmin >= fs/M)\n"
    "      --fft N            FFT size, N >= M, twm (default 2048, or M if larger)\n"
    "      --hop H            hop size in samples (default 128)\n"
    "      --beta B, --sigma S  Kaiser's beta, Gaussian's sigma (twm, those windows)\n"
    "      --threshold DB     twm: ignore peaks at or below DB dB (default -90)\n"
    "      --max-error E      twm: unvoiced at a TWM error of E or more (default 7)\n"
    "      --yin-threshold T  yin: dip threshold, 0 < T < 1 (default 0.1)\n"
    "  -o, --output OUT       write to OUT (.npy: NumPy float64) instead of stdout\n"
    "  -h, --help             show this help\n"
    "\n"
    "Example: dsplab f0 singer.wav --fmin 80 --fmax 400 -o singer-f0.txt\n";

CLI_COMMAND(f0)
{
    static const struct option opts[] = {
        CLI_ANALYSIS_OPTIONS,
        CLI_OPTION_FMIN,
        CLI_OPTION_FMAX,
        CLI_OPTION_THRESHOLD,
        CLI_OPTION_MAX_ERROR,
        CLI_OPTION_OUTPUT,
        {"method", required_argument, NULL, OPT_METHOD},
        {"yin-threshold", required_argument, NULL, OPT_YIN_THRESHOLD},
        CLI_HELP_OPTION,
        {0, 0, 0, 0},
    };
    static const char *const what[] = {"FILE"};
    struct cli_sms s;
    cli_sms_init_harmonic(&s);
    s.a.window = NULL;   /* to tell whether --window was given */
    int yin = 0;
    double yin_threshold = 0.1;
    /* options that only one method reads: a usage error with the other */
    const char *twm_only = NULL, *yin_only = NULL;
    int c;
    while ((c = cli_getopt(argc, argv, opts, help)) != -1) {
        if (c == OPT_METHOD) {
            if (strcmp(optarg, "twm") == 0)
                yin = 0;
            else if (strcmp(optarg, "yin") == 0)
                yin = 1;
            else
                cli_usage_error("--method must be twm or yin (got '%s')", optarg);
        } else if (c == OPT_YIN_THRESHOLD) {
            yin_threshold = cli_parse_double(cli_optname(), optarg);
            if (!(yin_threshold > 0 && yin_threshold < 1))
                cli_usage_error("--yin-threshold must be between 0 and 1 (got %s)", optarg);
            yin_only = "--yin-threshold";
        } else {
            if (c == CLI_OPT_WINDOW || c == CLI_OPT_FFT || c == CLI_OPT_BETA ||
                c == CLI_OPT_SIGMA || c == CLI_OPT_THRESHOLD || c == CLI_OPT_MAX_ERROR) {
                static char name[64];
                snprintf(name, sizeof name, "%s", cli_optname());
                twm_only = name;
            }
            cli_sms_option(&s, c, optarg);
        }
    }
    const char *path = cli_operands(argc, argv, 1, what)[0];
    const char *out_names[] = {"-o"};
    cli_check_outputs(&path, 1, &s.out, out_names, 1);
    if (yin && twm_only)
        cli_usage_error("%s is only for --method twm", twm_only);
    if (!yin && yin_only)
        cli_usage_error("%s is only for --method yin", yin_only);
    if (!s.a.window)
        s.a.window = "blackman";
    enum dsp_window type;
    cli_sms_finish(&s, &type);

    double *x, fs;
    size_t len;
    cli_read_mono(path, &x, &len, &fs);
    cli_check_sizes(path, len, s.a.m, "--size", s.a.n_fft, "--fft", x);
    if (yin && s.max_f0 > fs / 4) {
        free(x);
        cli_usage_error("--fmax (%g Hz) must be at most fs/4 (%g Hz) for yin", s.max_f0, fs / 4);
    }
    if (yin && ceil(fs / s.min_f0) > (double)s.a.m) {
        free(x);
        cli_usage_error("--fmin (%g Hz) is below %g Hz, the lowest f0 whose period fits YIN's "
                        "window --size %zu at %g Hz; raise --fmin or --size",
                        s.min_f0, fs / (double)s.a.m, s.a.m, fs);
    }

    size_t frames = len / s.a.hop + 1;   /* frame k centred on k*H, as the STFT's */
    double *f0 = cli_malloc(frames, sizeof *f0);
    int status = DSP_OK;
    struct cli_progress progress;
    cli_progress_begin(&progress, "f0");
    if (yin) {
        struct dsp_yin *y = dsp_yin_new(s.a.m, fs, s.min_f0, s.max_f0, yin_threshold);
        if (!y) {
            free(x);
            free(f0);
            cli_runtime_error(path, "%s", dsp_last_error());
        }
        for (size_t k = 0; k < frames && status == DSP_OK; k++) {
            double ap = 1.0;
            status = dsp_yin_frame(y, x, len, k * s.a.hop, &f0[k], &ap);
            if (!(ap < yin_threshold))
                f0[k] = 0.0;
            cli_progress_update(&progress, k + 1, frames);
        }
        dsp_yin_free(y);
    } else {
        struct dsp_harmonic_params p = {
            .fs = fs,
            .window = type,
            .window_param = cli_window_param(&s.a, type),
            .m = s.a.m,
            .n_fft = s.a.n_fft,
            .hop = s.a.hop,
            .threshold_db = s.threshold_db,
            .n_harmonics = 1,   /* only f0 is wanted */
            .min_f0 = s.min_f0,
            .max_f0 = s.max_f0,
            .max_f0_error = s.max_f0_error,
            .harm_dev_slope = s.harm_dev_slope,
        };
        struct dsp_harmonic_analysis *ha = dsp_harmonic_analysis_new(&p);
        if (!ha) {
            free(x);
            free(f0);
            cli_runtime_error(path, "%s", dsp_last_error());
        }
        dsp_harmonic_analysis_reset(ha);
        double hf, hm;
        for (size_t k = 0; k < frames && status == DSP_OK; k++) {
            status = dsp_harmonic_analysis_frame(ha, x, len, k, &f0[k], &hf, &hm, NULL);
            cli_progress_update(&progress, k + 1, frames);
        }
        dsp_harmonic_analysis_free(ha);
    }
    cli_progress_end(&progress);
    free(x);
    if (status != DSP_OK) {
        free(f0);
        cli_runtime_error(path, "%s", dsp_last_error());
    }

    struct dsp_matfile *f = cli_output_open(s.out, 2, path, fs);
    cli_output_header(f, "method", "%s", yin ? "yin" : "twm");
    cli_output_header(f, "min_f0_hz", "%.17g", s.min_f0);
    cli_output_header(f, "max_f0_hz", "%.17g", s.max_f0);
    if (yin) {
        cli_output_header(f, "integration_window", "%zu", s.a.m);
        cli_output_header(f, "yin_threshold", "%.17g", yin_threshold);
    } else {
        cli_analysis_header(f, &s.a, type);
        cli_output_header(f, "threshold_db", "%.17g", s.threshold_db);
        cli_output_header(f, "max_f0_error", "%.17g", s.max_f0_error);
    }
    cli_output_header(f, "hop_size", "%zu", s.a.hop);
    cli_output_header(f, "frames", "%zu", frames);
    cli_output_header(f, "fields", "time_s f0_hz");
    for (size_t k = 0; k < frames; k++) {
        double row[2] = {(double)(k * s.a.hop) / fs, f0[k]};
        cli_output_row(f, row);
    }
    free(f0);
    cli_output_commit(f);
    return 0;
}
