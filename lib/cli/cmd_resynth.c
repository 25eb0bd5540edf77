/* cmd_resynth.c — `dsplab resynth FILE -o OUT.wav`: STFT analysis, then
 * synthesis, and the SNR of the reconstruction. */
#include "cli.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { OPT_FLOAT = CLI_OPT_FIRST_FREE, OPT_OUTPUT = 'o' };

static const char help[] =
    "Usage: dsplab resynth FILE -o OUT.wav [--window NAME] [--size M] [--fft N]\n"
    "                      [--hop H] [--beta B] [--sigma S] [--float]\n"
    "STFT analysis of FILE (mono downmix) into magnitude and phase, then\n"
    "overlap-add synthesis back to a sound written to OUT.wav (16-bit PCM, or\n"
    "32-bit float with --float). Prints the reconstruction SNR in dB,\n"
    "10*log10(sum x^2 / sum (x - y)^2), of the synthesis before it is stored\n"
    "(16-bit storage alone limits a file to roughly 90 dB).\n"
    "\n"
    "  -o, --output OUT    the WAV to write (required)\n"
    "      --window NAME   analysis window (default hann; see dsplab window --help)\n"
    "      --size M        window size in samples (default 2048)\n"
    "      --fft N         FFT size, N >= M (default 2048, or M if larger)\n"
    "      --hop H         hop size in samples, H >= 1 (default 512)\n"
    "      --beta B        Kaiser's beta (required for --window kaiser)\n"
    "      --sigma S       Gaussian's sigma in samples (required for gaussian)\n"
    "      --float         write 32-bit float samples instead of 16-bit PCM\n"
    "  -h, --help          show this help\n"
    "\n"
    "Example: dsplab resynth voice.wav -o voice-resynth.wav --hop 256\n";

CLI_COMMAND(resynth)
{
    static const struct option opts[] = {
        CLI_ANALYSIS_OPTIONS,
        {"float", no_argument, NULL, OPT_FLOAT},
        {"output", required_argument, NULL, OPT_OUTPUT},
        CLI_HELP_OPTION,
        {0, 0, 0, 0},
    };
    static const char *const what[] = {"FILE"};
    struct cli_analysis a = {0};
    const char *out = NULL;
    enum dsp_wav_encoding encoding = DSP_WAV_PCM16;
    int c;
    while ((c = cli_getopt(argc, argv, opts, help)) != -1) {
        if (c == OPT_FLOAT)
            encoding = DSP_WAV_FLOAT32;
        else if (c == OPT_OUTPUT)
            out = optarg;
        else
            cli_analysis_option(&a, c, optarg);
    }
    const char *path = cli_operands(argc, argv, 1, what)[0];
    if (!out)
        cli_usage_error("missing -o OUT.wav (the sound to write)");
    enum dsp_window type;
    cli_analysis_finish(&a, 2048, 2048, 512, &type);
    const char *names[] = {"-o"};
    cli_check_outputs(&path, 1, &out, names, 1);
    const char *staged = cli_stage_output(out);

    double *x, fs;
    size_t len;
    cli_read_mono(path, &x, &len, &fs);
    cli_check_sizes(path, len, a.m, "--size", a.n_fft, "--fft", x);
    /* frames and bins as the STFT's, checked before anything is allocated */
    cli_check_memory(path,
                     16.0 * (double)(len / a.hop + 1) * (double)(a.n_fft / 2 + 1) +
                         16.0 * (double)len + cli_analysis_bytes(&a),
                     "the resynthesis (%zu frames x %zu bins, magnitude and phase)",
                     len / a.hop + 1, a.n_fft / 2 + 1);
    struct dsp_stft *st = cli_stft_new(&a, type);
    size_t bins = dsp_stft_num_bins(st);
    size_t frames = dsp_stft_num_frames(st, len);
    /* Synthesis takes the whole (mX, pX): two frames x bins matrices. */
    double *mX = cli_malloc(frames, bins * sizeof *mX);
    double *pX = cli_malloc(frames, bins * sizeof *pX);
    double *y = cli_malloc(len, sizeof *y);

    struct cli_progress progress;
    cli_progress_begin(&progress, "resynth");
    int status = DSP_OK;
    for (size_t k = 0; k < frames && status == DSP_OK; k++) {
        status = dsp_stft_analyze_frame(st, x, len, k, mX + k * bins, pX + k * bins);
        cli_progress_update(&progress, k + 1, frames + frames / 4);
    }
    if (status == DSP_OK)
        status = dsp_stft_synthesize(st, mX, pX, frames, y, len);
    cli_progress_end(&progress);
    dsp_stft_free(st);
    free(mX);
    free(pX);
    if (status != DSP_OK) {
        free(x);
        free(y);
        cli_runtime_error(path, "%s", dsp_last_error());
    }

    double snr = dsp_snr_db(x, y, len);
    free(x);
    status = dsp_audio_write_wav(staged, y, len, 1, fs, encoding);
    free(y);
    if (status != DSP_OK)
        cli_runtime_error(out, "%s", cli_unstaged_error(out));
    cli_commit_outputs();
    if (isinf(snr))
        printf("snr_db: %s\n", snr > 0 ? "inf" : "-inf");
    else
        printf("snr_db: %.2f\n", snr);
    return 0;
}
