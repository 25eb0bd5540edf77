/* cmd_info.c — `dsplab info FILE`: what a sound file holds. */
#include "cli.h"

#include <stdio.h>

static const char help[] =
    "Usage: dsplab info FILE\n"
    "Print a sound file's sample rate, channels, frames, duration and format,\n"
    "one \"key: value\" line each.\n"
    "\n"
    "  -h, --help   show this help\n"
    "\n"
    "Example: dsplab info voice.wav\n";

CLI_COMMAND(info)
{
    static const struct option opts[] = {CLI_HELP_OPTION, {0, 0, 0, 0}};
    static const char *const what[] = {"FILE"};
    int c;
    while ((c = cli_getopt(argc, argv, opts, help)) != -1)
        ;   /* --help is the only option, handled by cli_getopt */
    const char *path = cli_operands(argc, argv, 1, what)[0];

    struct dsp_audio a;
    if (dsp_audio_probe(path, &a) != DSP_OK)   /* the header is enough */
        cli_runtime_error(path, "%s", dsp_last_error());
    printf("file: %s\n", path);
    printf("sample_rate: %.17g\n", a.sample_rate);
    printf("channels: %d\n", a.channels);
    printf("frames: %zu\n", a.frames);
    printf("duration: %.6f s\n", (double)a.frames / a.sample_rate);
    printf("format: %s\n", a.format);
    dsp_audio_free(&a);
    return 0;
}
