/* cmd_stretch.c — `dsplab stretch FILE --factor R -o OUT.wav`: time scaling
 * with the phase vocoder (transform.h). */
#include "cli.h"

#include <dsplab/transform.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_FACTOR = CLI_OPT_FIRST_FREE, OPT_LOCK, OPT_FLOAT, OPT_OUTPUT = 'o' };

static const char help[] =
    "Usage: dsplab stretch FILE --factor R -o OUT.wav [--fft N] [--hop H]\n"
    "                      [--lock identity|none] [--float]\n"
    "Makes FILE (mono downmix) R times longer (R < 1: shorter) without changing\n"
    "its pitch, with the phase vocoder: Hann frames of N samples every H/R input\n"
    "samples are resynthesised every H samples, each bin's phase advanced by its\n"
    "measured frequency. Identity phase locking (Laroche and Dolson) keeps the\n"
    "bins around each spectral peak together, which avoids the 'phasy' sound of\n"
    "the classic phase vocoder (--lock none). OUT.wav has round(R * length)\n"
    "samples. Prints the durations in seconds.\n"
    "\n"
    "      --factor R      time-scale factor, R > 0 (required; 2 = half speed)\n"
    "  -o, --output OUT    the WAV to write (required)\n"
    "      --fft N         frame and FFT size, even, N >= 4 (default 2048)\n"
    "      --hop H         synthesis hop, 1 <= H <= N/2 (default N/4)\n"
    "      --lock MODE     identity (default) or none\n"
    "      --float         write 32-bit float samples instead of 16-bit PCM\n"
    "  -h, --help          show this help\n"
    "\n"
    "Example: dsplab stretch speech.wav --factor 1.5 -o speech-slow.wav\n";

CLI_COMMAND(stretch)
{
    static const struct option opts[] = {
        {"factor", required_argument, NULL, OPT_FACTOR},
        {"lock", required_argument, NULL, OPT_LOCK},
        {"float", no_argument, NULL, OPT_FLOAT},
        {"output", required_argument, NULL, OPT_OUTPUT},
        CLI_OPTION_FFT,
        CLI_OPTION_HOP,
        CLI_HELP_OPTION,
        {0, 0, 0, 0},
    };
    static const char *const what[] = {"FILE"};
    const char *out = NULL;
    double factor = 0;
    size_t n_fft = 2048, hop = 0;
    enum dsp_pv_lock lock = DSP_PV_LOCK_IDENTITY;
    enum dsp_wav_encoding encoding = DSP_WAV_PCM16;
    int c;
    while ((c = cli_getopt(argc, argv, opts, help)) != -1) {
        switch (c) {
        case OPT_FACTOR:
            factor = cli_parse_double(cli_optname(), optarg);
            if (!(factor > 0))
                cli_usage_error("--factor must be greater than 0 (got %s)", optarg);
            break;
        case OPT_LOCK:
            if (strcmp(optarg, "identity") == 0)
                lock = DSP_PV_LOCK_IDENTITY;
            else if (strcmp(optarg, "none") == 0)
                lock = DSP_PV_LOCK_NONE;
            else
                cli_usage_error("--lock must be identity or none (got '%s')", optarg);
            break;
        case OPT_FLOAT:
            encoding = DSP_WAV_FLOAT32;
            break;
        case OPT_OUTPUT:
            out = optarg;
            break;
        case CLI_OPT_FFT:
            n_fft = cli_parse_size_max(cli_optname(), optarg, 4, CLI_MAX_SIZE);
            break;
        case CLI_OPT_HOP:
            hop = cli_parse_size_max(cli_optname(), optarg, 1, CLI_MAX_SIZE);
            break;
        }
    }
    const char *path = cli_operands(argc, argv, 1, what)[0];
    if (!out)
        cli_usage_error("missing -o OUT.wav (the sound to write)");
    if (factor == 0)
        cli_usage_error("missing --factor R (the time-scale factor)");
    if (n_fft % 2 != 0)
        cli_usage_error("--fft must be even (got %zu)", n_fft);
    if (!hop)
        hop = n_fft / 4;
    if (2 * hop > n_fft)
        cli_usage_error("--hop (%zu) must be at most half of --fft (%zu)", hop, n_fft);

    const char *out_names[] = {"-o"};
    cli_check_outputs(&path, 1, &out, out_names, 1);
    double *x, fs;
    size_t len;
    cli_read_mono(path, &x, &len, &fs);
    cli_check_sizes(path, len, n_fft, "--fft", 0, NULL, x);
    size_t out_len = dsp_time_stretch_len(len, factor);
    if (out_len == 0) {
        free(x);
        cli_runtime_error(path, "%zu samples times %g leave no sample to write", len, factor);
    }
    double *y = cli_malloc(out_len, sizeof *y);
    int status = dsp_time_stretch(x, len, factor, n_fft, hop, lock, y, out_len);
    free(x);
    if (status != DSP_OK) {
        free(y);
        cli_runtime_error(path, "%s", dsp_last_error());
    }
    status = dsp_audio_write_wav(out, y, out_len, 1, fs, encoding);
    free(y);
    if (status != DSP_OK)
        cli_runtime_error(out, "%s", dsp_last_error());
    printf("duration_s: %.6f -> %.6f\n", (double)len / fs, (double)out_len / fs);
    return 0;
}
