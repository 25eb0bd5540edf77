/* main.c — the `dsplab` tool: the command table and dispatch.
 *
 *     dsplab COMMAND [options] ...     dsplab --help     dsplab COMMAND --help
 *
 * Exit status: 0 success, 1 runtime error (unreadable input, unwritable
 * output), 2 usage error (unknown command or option, bad value).
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#ifndef DSPLAB_VERSION
#define DSPLAB_VERSION "0.1.0"
#endif

/* The command table: one line per command, CMD(name, "one-line summary").
 *
 * TO ADD A COMMAND NAME: write lib/cli/cmd_NAME.c whose entry point is
 *     CLI_COMMAND(NAME) { ... }      (int cmd_NAME(int argc, char **argv))
 * (copy cmd_info.c or cmd_stft.c as a start), then add ONE line below.
 * The Makefile builds every .c file in lib/cli/ into the tool; nothing else changes. */
#define COMMANDS(CMD)                                                                      \
    CMD(info, "show a sound file's sample rate, channels, frames, duration, format")    \
    CMD(window, "print the M values of an analysis window")                             \
    CMD(dft, "DFT model (magnitude dB, phase) of one frame of a sound")                 \
    CMD(stft, "magnitude spectrogram of a sound, one row per frame")                    \
    CMD(resynth, "STFT analysis then synthesis to a WAV; print the SNR")                \
    CMD(plot, "draw a figure with gnuplot (waveform, spectrogram, window, ...)")        \
    CMD(peaks, "interpolated spectral peaks of one frame: freq, dB, phase")             \
    CMD(melbank, "mel filterbank matrix (librosa.filters.mel), one row per band")        \
    CMD(melspec, "mel spectrogram (librosa or VGGish log-mel) of one file or a batch")   \
    CMD(mfcc, "MFCCs (librosa.feature.mfcc) of one file or a batch")                    \
    CMD(sines, "sinusoidal tracks (freq, dB, phase) of a sound; additive synthesis")    \
    CMD(f0, "fundamental frequency per frame (two-way mismatch or YIN)")                \
    CMD(harmonic, "harmonic tracks (one column per harmonic); additive synthesis")      \
    CMD(decompose, "sinusoidal + residual + stochastic parts (WAVs) and the tracks")    \
    CMD(stretch, "time scaling with the phase vocoder (WAV), pitch unchanged")          \
    CMD(pitch, "pitch shifting with the harmonic + stochastic model (WAV)")             \
    CMD(morph, "morph two harmonic sounds (WAV): pitch, timbre and noise mixed")        \
    CMD(features, "spectral descriptors per frame, or a summary per sound (lesson 10)")

#define DECLARE(name, summary) int cmd_##name(int argc, char **argv);
COMMANDS(DECLARE)

struct command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
};

#define ENTRY(name, summary) {#name, summary, cmd_##name},
static const struct command commands[] = {COMMANDS(ENTRY)};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static int print_help(void)
{
    printf("Usage: dsplab COMMAND [options] ...\n"
           "       dsplab COMMAND --help      options of one command\n"
           "       dsplab --version\n"
           "\n"
           "Audio signal processing from the command line (libdsplab).\n"
           "\n"
           "Commands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        printf("  %-10s %s\n", commands[i].name, commands[i].summary);
    printf("\n"
           "Matrix outputs are text with '#' header lines (gnuplot, numpy.loadtxt),\n"
           "or NumPy .npy when -o names a file ending in .npy.\n"
           "Every command takes --max-memory SIZE (e.g. 512M, 8G; default 4G or the\n"
           "machine's memory if less): work that would need more is refused at once.\n"
           "Exit status: 0 success, 1 runtime error, 2 usage error.\n");
    if (fflush(stdout) != 0 || ferror(stdout))
        cli_runtime_error("standard output", "write error");
    return 0;
}

int main(int argc, char **argv)
{
    cli_set_args(argc, argv);
    argc = cli_global_options(argc, argv);   /* --max-memory, for every command */
    if (argc < 2)
        cli_usage_error("missing command");
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0)
        return print_help();
    if (strcmp(name, "--version") == 0) {
        printf("dsplab %s\n", DSPLAB_VERSION);
        return 0;
    }
    for (size_t i = 0; i < N_COMMANDS; i++) {
        if (strcmp(name, commands[i].name) == 0) {
            cli_command = commands[i].name;
            int status = commands[i].run(argc - 1, argv + 1);
            if (fflush(stdout) != 0 || ferror(stdout))
                cli_runtime_error("standard output", "write error");
            return status;
        }
    }
    if (name[0] == '-')
        cli_usage_error("unrecognized option '%s' (options follow the command)", name);
    cli_usage_error("unknown command '%s'", name);
}
