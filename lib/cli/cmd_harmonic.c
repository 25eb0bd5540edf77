/* cmd_harmonic.c — `dsplab harmonic FILE`: harmonic tracks (harmonic.h),
 * one column per harmonic, and their additive synthesis. */
#include "cli.h"

static const char help[] =
    "Usage: dsplab harmonic FILE [--harmonics NH] [--fmin HZ] [--fmax HZ]\n"
    "                       [--window NAME] [--size M] [--fft N] [--hop H]\n"
    "                       [--threshold DB] [--max-error E] [--harm-dev-slope S]\n"
    "                       [--min-duration SECONDS] [-o TRACKS] [--synth OUT.wav]\n"
    "                       [--synthesis time|spectral] [--float] [--course-rule]\n"
    "The harmonic model of FILE (mono downmix): in each STFT frame (frame k is\n"
    "centred on sample k*H; floor(L/H)+1 frames) the f0 of `dsplab f0` (two-way\n"
    "mismatch), then for h = 1 .. NH the peak nearest to h*f0, kept as harmonic h\n"
    "when it lies within f0/3 + S*freq of h*f0 (with --course-rule also when it\n"
    "lies that close to the previous frame's harmonic h, as the course's\n"
    "harmonicDetection does). Runs of a harmonic shorter than the minimum\n"
    "duration are removed.\n"
    "\n"
    "TRACKS is as for `dsplab sines`: three blocks (frequencies in Hz,\n"
    "magnitudes in dB, phases in radians in [-pi, pi]) separated by two blank\n"
    "lines, one row per frame, one column per harmonic (column h is harmonic h;\n"
    "0 where it is absent or the frame unvoiced); with -o NAME.npy the blocks\n"
    "are stacked, shape (3*frames, NH).\n"
    "\n"
    "      --harmonics NH       harmonics per frame (default 100)\n"
    "      --fmin HZ            lowest f0 (default 100)\n"
    "      --fmax HZ            highest f0, above fmin (default 300)\n"
    "                           (the range must hold the sound's f0: outside it\n"
    "                           TWM answers a subharmonic, e.g. 220 for 880 Hz)\n"
    "      --window NAME        analysis window (default blackman)\n"
    "      --size M             window size in samples, M >= 3 (default 1201)\n"
    "      --fft N              FFT size, N >= M (default 2048, or M if larger)\n"
    "      --hop H              hop size in samples (default 128)\n"
    "      --beta B, --sigma S  Kaiser's beta, Gaussian's sigma (those windows only)\n"
    "      --threshold DB       ignore peaks at or below DB dB (default -90)\n"
    "      --max-error E        unvoiced at a TWM error of E or more (default 7)\n"
    "      --harm-dev-slope S   added tolerance per Hz (default 0.01)\n"
    "      --course-rule        the course's rule (sms-tools): a peak near the\n"
    "                           previous frame's harmonic h is kept too, so a\n"
    "                           drifting partial stays on its track, and one peak\n"
    "                           may serve two harmonics (default: near h*f0 only,\n"
    "                           each peak once)\n"
    "      --min-duration SEC   remove runs shorter than round(SEC*fs/H) frames\n"
    "                           (default 0.02)\n"
    "  -o, --output TRACKS      write the tracks to TRACKS instead of stdout\n"
    "      --synth OUT.wav      also write the additive synthesis of the tracks\n"
    "      --synthesis METHOD   time (oscillators, cubic phase; default) or\n"
    "                           spectral (Blackman-Harris lobes, inverse FFT of 4H)\n"
    "      --float              write OUT.wav as 32-bit float (default 16-bit)\n"
    "  -h, --help               show this help\n"
    "\n"
    "With --synth, the header of TRACKS also gives synth_snr_db, the SNR of the\n"
    "synthesis against the input in dB.\n"
    "\n"
    "Example: dsplab harmonic violin-a4.wav --fmin 300 --fmax 600 --harmonics 40 -o v-harm.txt\n";

CLI_COMMAND(harmonic)
{
    static const struct option opts[] = {
        CLI_ANALYSIS_OPTIONS,
        CLI_OPTION_HARMONICS,
        CLI_OPTION_FMIN,
        CLI_OPTION_FMAX,
        CLI_OPTION_THRESHOLD,
        CLI_OPTION_MAX_ERROR,
        CLI_OPTION_HARM_DEV_SLOPE,
        CLI_OPTION_COURSE_RULE,
        CLI_OPTION_MIN_DURATION,
        CLI_OPTION_SYNTH,
        CLI_OPTION_SYNTHESIS,
        CLI_OPTION_FLOAT,
        CLI_OPTION_OUTPUT,
        CLI_HELP_OPTION,
        {0, 0, 0, 0},
    };
    struct cli_sms s;
    cli_sms_init_harmonic(&s);
    return cli_tracks_command(&s, argc, argv, opts, help);
}
