/*
 * melcommon.h — what the mel commands (melbank, melspec, mfcc) share: the
 * options, their checks, the per-file computation (streamed, or batched
 * through batch.h) and the empty-band warning.
 *
 * melspec and mfcc are one program with two outputs: cmd_melspec.c and
 * cmd_mfcc.c hold their help texts and call cli_mel_main().
 */
#ifndef DSPLAB_CLI_MELCOMMON_H
#define DSPLAB_CLI_MELCOMMON_H

#include "cli.h"

enum cli_mel_output {
    CLI_MEL_MELSPEC,   /* mel bands (or dB, or the VGGish log-mel) per frame */
    CLI_MEL_MFCC,      /* n_mfcc cepstral coefficients per frame */
};

/* Parses argv (argv[0] is the command) and runs the command over its input
 * file(s). Returns the exit status. */
int cli_mel_main(int argc, char **argv, enum cli_mel_output what, const char *help);

/* "dsplab: warning: ..." on stderr when bands of mb have no weight (n_mels
 * too large for n_fft), naming them as ranges ("bands 0-2, 7"); `where`
 * says what was asked ("n_fft 256 at 8000 Hz"). Returns the count. */
size_t cli_mel_warn_empty(const struct dsp_melbank *mb, const char *where);

#endif
