/* cmd_sines.c — `dsplab sines FILE`: sinusoidal tracks (sine.h) and their
 * additive synthesis; also what sines, harmonic and decompose share (the
 * options, the tracks file, the synthesis; see cli.h). */
#include "cli.h"

#include <dsplab/harmonic.h>
#include <dsplab/sine.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- shared by the sinusoidal-model commands --------------------------- */

void cli_sms_init(struct cli_sms *s)
{
    memset(s, 0, sizeof *s);
    s->a.window = "blackman";
    s->threshold_db = -80.0;
    s->max_sines = 100;
    s->min_duration = 0.02;
    s->freq_dev_offset = 20.0;
    s->freq_dev_slope = 0.01;
    s->synthesis = CLI_SYNTH_TIME;
}

void cli_sms_init_harmonic(struct cli_sms *s)
{
    struct dsp_harmonic_params p;
    dsp_harmonic_params_default(&p, 1.0);
    cli_sms_init(s);
    s->harmonic = 1;
    s->a.window = dsp_window_name(p.window);
    s->threshold_db = p.threshold_db;
    s->n_harmonics = p.n_harmonics;
    s->min_f0 = p.min_f0;
    s->max_f0 = p.max_f0;
    s->max_f0_error = p.max_f0_error;
    s->harm_dev_slope = p.harm_dev_slope;
}

static double parse_nonnegative(const char *arg)
{
    double v = cli_parse_double(cli_optname(), arg);
    if (v < 0)
        cli_usage_error("%s must be at least 0 (got %s)", cli_optname(), arg);
    return v;
}

int cli_sms_option(struct cli_sms *s, int c, const char *arg)
{
    switch (c) {
    case CLI_OPT_THRESHOLD:
        s->threshold_db = cli_parse_double(cli_optname(), arg);
        return 1;
    case CLI_OPT_MAX_SINES:
        s->max_sines = cli_parse_size_max(cli_optname(), arg, 1, CLI_MAX_COUNT);
        return 1;
    case CLI_OPT_MIN_DURATION:
        s->min_duration = parse_nonnegative(arg);
        return 1;
    case CLI_OPT_FREQ_DEV_OFFSET:
        s->freq_dev_offset = parse_nonnegative(arg);
        return 1;
    case CLI_OPT_FREQ_DEV_SLOPE:
        s->freq_dev_slope = parse_nonnegative(arg);
        return 1;
    case CLI_OPT_SYNTH:
        s->synth = arg;
        return 1;
    case CLI_OPT_SYNTHESIS:
        if (strcmp(arg, "time") == 0)
            s->synthesis = CLI_SYNTH_TIME;
        else if (strcmp(arg, "spectral") == 0)
            s->synthesis = CLI_SYNTH_SPECTRAL;
        else
            cli_usage_error("--synthesis must be time or spectral (got '%s')", arg);
        return 1;
    case CLI_OPT_FLOAT:
        s->float_wav = 1;
        return 1;
    case 'o':
        s->out = arg;
        return 1;
    case CLI_OPT_HARMONICS:
        s->n_harmonics = cli_parse_size_max(cli_optname(), arg, 1, CLI_MAX_COUNT);
        return 1;
    case CLI_OPT_FMIN:
    case CLI_OPT_FMAX: {
        double v = cli_parse_double(cli_optname(), arg);
        if (!(v > 0))
            cli_usage_error("%s must be greater than 0 (got %s)", cli_optname(), arg);
        *(c == CLI_OPT_FMIN ? &s->min_f0 : &s->max_f0) = v;
        return 1;
    }
    case CLI_OPT_MAX_ERROR:
        s->max_f0_error = cli_parse_double(cli_optname(), arg);
        return 1;
    case CLI_OPT_HARM_DEV_SLOPE:
        s->harm_dev_slope = parse_nonnegative(arg);
        return 1;
    case CLI_OPT_COURSE_RULE:
        s->course_rule = 1;
        return 1;
    default:
        return cli_analysis_option(&s->a, c, arg);
    }
}

void cli_sms_finish(struct cli_sms *s, enum dsp_window *type)
{
    if (s->harmonic) {
        struct dsp_harmonic_params p;
        dsp_harmonic_params_default(&p, 1.0);
        cli_analysis_finish(&s->a, p.m, p.n_fft, p.hop, type);
        if (!(s->min_f0 < s->max_f0))
            cli_usage_error("--fmin (%g Hz) must be below --fmax (%g Hz)", s->min_f0,
                            s->max_f0);
    } else {
        cli_analysis_finish(&s->a, 2001, 2048, 256, type);
    }
    /* A peak needs a bin on each side, and the DFT model a middle sample. */
    if (s->a.m < 3)
        cli_usage_error("--size must be at least 3 (got %zu)", s->a.m);
}

size_t cli_sms_min_frames(const struct cli_sms *s, double fs)
{
    /* sms-tools: cleaningSineTracks(tfreq, round(fs * minSineDur / H)),
     * Python 3's round, half to even: rint in the default rounding mode.
     * At H 128 and 0.02 s (6.89 frames) that is 7, where floor gave 6. */
    double frames = rint(fs * s->min_duration / (double)s->a.hop);
    return frames < 1e15 ? (size_t)frames : (size_t)1e15;
}

void cli_sms_header(struct dsp_matfile *f, const struct cli_sms *s, enum dsp_window type,
                    double fs)
{
    cli_analysis_header(f, &s->a, type);
    cli_output_header(f, "hop_size", "%zu", s->a.hop);
    cli_output_header(f, "threshold_db", "%.17g", s->threshold_db);
    cli_output_header(f, "min_duration_s", "%.17g", s->min_duration);
    cli_output_header(f, "min_frames", "%zu", cli_sms_min_frames(s, fs));
    if (s->harmonic) {
        cli_output_header(f, "harmonics", "%zu", s->n_harmonics);
        cli_output_header(f, "min_f0_hz", "%.17g", s->min_f0);
        cli_output_header(f, "max_f0_hz", "%.17g", s->max_f0);
        cli_output_header(f, "max_f0_error", "%.17g", s->max_f0_error);
        cli_output_header(f, "harm_dev_slope", "%.17g", s->harm_dev_slope);
        cli_output_header(f, "harmonic_rule", "%s",
                          s->course_rule ? "course (near h*f0 or near the previous frame's "
                                           "harmonic h)"
                                         : "near h*f0 only (no previous-frame rule)");
    } else {
        cli_output_header(f, "max_sines", "%zu", s->max_sines);
        cli_output_header(f, "freq_dev_offset_hz", "%.17g", s->freq_dev_offset);
        cli_output_header(f, "freq_dev_slope", "%.17g", s->freq_dev_slope);
    }
}

int cli_output_is_npy(const char *out)
{
    size_t n = out ? strlen(out) : 0;
    return n >= 4 && strcmp(out + n - 4, ".npy") == 0;
}

void cli_tracks_header(struct dsp_matfile *f, const struct cli_sms *s, double snr)
{
    cli_output_header(f, "blocks", "3 (freq_hz, mag_db, phase_rad)%s",
                      cli_output_is_npy(s->out) ? ", stacked" : "");
    if (s->synth) {
        cli_output_header(f, "synth_file", "%s", s->synth);
        cli_output_header(f, "synthesis", "%s", cli_synthesis_name(s->synthesis));
        cli_output_header(f, "synth_snr_db", "%.2f", snr);
    }
}

void cli_tracks_write(struct dsp_matfile *f, const char *out, const double *freq,
                      const double *mag, const double *phase, size_t frames, size_t tracks)
{
    const double *block[3] = {freq, mag, phase};
    double *row = cli_malloc(tracks, sizeof *row);
    for (int b = 0; b < 3; b++) {
        if (b > 0 && !cli_output_is_npy(out) && dsp_matfile_new_block(f) != DSP_OK) {
            free(row);
            cli_runtime_error(cli_output_name(out), "%s", dsp_last_error());
        }
        for (size_t k = 0; k < frames; k++) {
            for (size_t j = 0; j < tracks; j++) {
                double v = block[b][k * tracks + j];
                /* Interpolated phases are unwrapped along frequency (tens of
                 * radians up the spectrum): print them in [-pi, pi]. */
                if (b == 2)
                    v = freq[k * tracks + j] > 0 ? atan2(sin(v), cos(v)) : 0.0;
                row[j] = v;
            }
            cli_output_row(f, row);
        }
    }
    free(row);
}

const char *cli_synthesis_name(enum cli_synthesis how)
{
    return how == CLI_SYNTH_SPECTRAL ? "spectral" : "time";
}

double *cli_tracks_synth(enum cli_synthesis how, const double *freq, const double *mag,
                         const double *phase, size_t frames, size_t tracks, size_t hop,
                         double fs, size_t len)
{
    double *y = cli_malloc(len, sizeof *y);
    int status;
    if (how == CLI_SYNTH_TIME) {
        status = dsp_sine_synth_time(freq, mag, phase, frames, tracks, hop, fs, y, len);
    } else {
        /* Ns = 4H as in the course (512 for H = 128): the triangle of 2H
         * samples then stays clear of the Blackman-Harris window's ends. */
        size_t ns = hop > ((size_t)-1) / 4 ? 0 : 4 * hop;
        if (ns < 16)
            ns = 16;
        struct dsp_sine_synth *ss = dsp_sine_synth_new(ns, hop, fs, tracks);
        status = ss ? dsp_sine_synth_spectral(ss, freq, mag, phase, frames, tracks, y, len)
                    : DSP_EINVAL;
        dsp_sine_synth_free(ss);
    }
    if (status != DSP_OK) {
        free(y);
        cli_runtime_error(NULL, "%s", dsp_last_error());
    }
    return y;
}

void cli_write_wav(const char *path, const double *y, size_t len, double fs, int float_wav)
{
    const char *staged = cli_stage_output(path);
    if (dsp_audio_write_wav(staged, y, len, 1, fs,
                            float_wav ? DSP_WAV_FLOAT32 : DSP_WAV_PCM16) != DSP_OK)
        cli_runtime_error(path, "%s", cli_unstaged_error(path));
}

int cli_tracks_command(struct cli_sms *s, int argc, char **argv, const struct option *opts,
                       const char *help)
{
    static const char *const what[] = {"FILE"};
    int c;
    while ((c = cli_getopt(argc, argv, opts, help)) != -1)
        cli_sms_option(s, c, optarg);
    const char *path = cli_operands(argc, argv, 1, what)[0];
    enum dsp_window type;
    cli_sms_finish(s, &type);
    const char *outputs[] = {s->out, s->synth}, *names[] = {"-o", "--synth"};
    cli_check_outputs(&path, 1, outputs, names, 2);
    if (s->synth)
        cli_stage_output(s->synth);
    if (s->out)
        cli_stage_output(s->out);

    double *x, fs;
    size_t len;
    cli_read_mono(path, &x, &len, &fs);
    cli_check_sizes(path, len, s->a.m, "--size", s->a.n_fft, "--fft", x);
    struct cli_tracks t;
    cli_tracks_analyze(s, type, path, x, len, fs, &t);

    double snr = 0;
    if (s->synth) {
        double *y = cli_tracks_synth(s->synthesis, t.freq, t.mag, t.phase, t.frames, t.tracks,
                                     s->a.hop, fs, len);
        snr = dsp_snr_db(x, y, len);
        cli_write_wav(s->synth, y, len, fs, s->float_wav);
        free(y);
    }
    free(x);

    struct dsp_matfile *f = cli_output_open(s->out, t.tracks, path, fs);
    cli_sms_header(f, s, type, fs);
    cli_output_header(f, "frames", "%zu", t.frames);
    if (s->harmonic)
        cli_output_header(f, "voiced_frames", "%zu", t.voiced);
    cli_output_header(f, "tracks", "%zu", t.tracks);
    cli_output_header(f, "row_k_time_s", "k*%zu/%.17g", s->a.hop, fs);
    if (s->harmonic)
        cli_output_header(f, "column_j", "harmonic j+1 (j from 0)");
    cli_tracks_header(f, s, snr);
    cli_tracks_write(f, s->out, t.freq, t.mag, t.phase, t.frames, t.tracks);
    free(t.freq);
    free(t.mag);
    free(t.phase);
    cli_output_commit(f);   /* the tracks and the WAV, together */
    return 0;
}

/* Sinusoidal or harmonic analysis of all frames, then track cleaning. */
void cli_tracks_analyze(const struct cli_sms *s, enum dsp_window type, const char *path,
                        const double *x, size_t len, double fs, struct cli_tracks *t)
{
    struct dsp_sine_analysis *sa = NULL;
    struct dsp_harmonic_analysis *ha = NULL;
    double param = cli_window_param(&s->a, type);
    /* frames as the STFT's (floor(L/H)+1), before anything is allocated */
    size_t nf_est = len / s->a.hop + 1, K_est = s->harmonic ? s->n_harmonics : s->max_sines;
    cli_check_memory(path,
                     24.0 * (double)nf_est * (double)K_est + 32.0 * (double)len +
                         cli_analysis_bytes(&s->a) + 64.0 * (double)K_est,
                     "the tracks (%zu frames x %zu %s, frequency, magnitude and phase)", nf_est, K_est,
                     s->harmonic ? "harmonics" : "sines");
    if (s->harmonic) {
        struct dsp_harmonic_params p = {
            .fs = fs, .window = type, .window_param = param,
            .m = s->a.m, .n_fft = s->a.n_fft, .hop = s->a.hop,
            .threshold_db = s->threshold_db,
            .n_harmonics = s->n_harmonics,
            .min_f0 = s->min_f0, .max_f0 = s->max_f0,
            .max_f0_error = s->max_f0_error,
            .harm_dev_slope = s->harm_dev_slope,
            .course_rule = s->course_rule,
        };
        ha = dsp_harmonic_analysis_new(&p);
        if (!ha)
            cli_runtime_error(path, "%s", dsp_last_error());
        t->frames = dsp_harmonic_analysis_num_frames(ha, len);
        t->tracks = s->n_harmonics;
        dsp_harmonic_analysis_reset(ha);
    } else {
        struct dsp_sine_params p = {
            .fs = fs, .window = type, .window_param = param,
            .m = s->a.m, .n_fft = s->a.n_fft, .hop = s->a.hop,
            .threshold_db = s->threshold_db,
            .max_sines = s->max_sines,
            .freq_dev_offset = s->freq_dev_offset,
            .freq_dev_slope = s->freq_dev_slope,
        };
        sa = dsp_sine_analysis_new(&p);
        if (!sa)
            cli_runtime_error(path, "%s", dsp_last_error());
        t->frames = dsp_sine_analysis_num_frames(sa, len);
        t->tracks = s->max_sines;
        dsp_sine_analysis_reset(sa);
    }
    size_t nf = t->frames, K = t->tracks;
    t->freq = cli_malloc(nf, K * sizeof *t->freq);
    t->mag = cli_malloc(nf, K * sizeof *t->mag);
    t->phase = cli_malloc(nf, K * sizeof *t->phase);
    t->voiced = 0;

    struct cli_progress progress;
    cli_progress_begin(&progress, cli_command ? cli_command : "analysis");
    int status = DSP_OK;
    for (size_t k = 0; k < nf && status == DSP_OK; k++) {
        double *f = t->freq + k * K, *m = t->mag + k * K, *ph = t->phase + k * K;
        if (ha) {
            double f0 = 0;
            status = dsp_harmonic_analysis_frame(ha, x, len, k, &f0, f, m, ph);
            t->voiced += f0 > 0;
        } else {
            status = dsp_sine_analysis_frame(sa, x, len, k, f, m, ph);
        }
        cli_progress_update(&progress, k + 1, nf);
    }
    cli_progress_end(&progress);
    dsp_sine_analysis_free(sa);
    dsp_harmonic_analysis_free(ha);
    if (status == DSP_OK)
        status = dsp_sine_tracks_clean(t->freq, t->mag, t->phase, nf, K,
                                       cli_sms_min_frames(s, fs));
    if (status != DSP_OK)
        cli_runtime_error(path, "%s", dsp_last_error());
}

/* ---- dsplab sines ------------------------------------------------------ */

static const char help[] =
    "Usage: dsplab sines FILE [--window NAME] [--size M] [--fft N] [--hop H]\n"
    "                    [--threshold DB] [--max-sines K] [--min-duration SECONDS]\n"
    "                    [--freq-dev-offset HZ] [--freq-dev-slope S] [-o TRACKS]\n"
    "                    [--synth OUT.wav] [--synthesis time|spectral] [--float]\n"
    "The sinusoidal model of FILE (mono downmix): in each STFT frame (frame k is\n"
    "centred on sample k*H; floor(L/H)+1 frames) the interpolated peaks above the\n"
    "threshold (as `dsplab peaks`), joined from frame to frame into at most K\n"
    "tracks: a peak, largest first, continues the nearest track of the previous\n"
    "frame when their frequencies differ by less than offset + slope * freq;\n"
    "tracks shorter than the minimum duration are removed.\n"
    "\n"
    "TRACKS is text with '#' header lines and three blocks separated by two\n"
    "blank lines (gnuplot's index 0, 1, 2): frequencies in Hz, magnitudes in dB\n"
    "(20*log10(A/2) for amplitude A), phases in radians ([-pi, pi], at the frame\n"
    "centre). Each block has one row per frame and one column per track slot\n"
    "(K columns; 0 where the slot is silent; a slot may hold several tracks one\n"
    "after the other). With -o NAME.npy the three blocks are stacked into one\n"
    "array of shape (3*frames, K): numpy.load(NAME).reshape(3, frames, K).\n"
    "\n"
    "      --window NAME        analysis window (default blackman)\n"
    "      --size M             window size in samples, M >= 3 (default 2001)\n"
    "      --fft N              FFT size, N >= M (default 2048, or M if larger)\n"
    "      --hop H              hop size in samples (default 256)\n"
    "      --beta B, --sigma S  Kaiser's beta, Gaussian's sigma (those windows only)\n"
    "      --threshold DB       ignore peaks at or below DB dB (default -80)\n"
    "      --max-sines K        at most K tracks at once (default 100)\n"
    "      --min-duration SEC   remove tracks shorter than SEC seconds, i.e.\n"
    "                           round(SEC*fs/H) frames (default 0.02)\n"
    "      --freq-dev-offset HZ continuation tolerance at 0 Hz (default 20)\n"
    "      --freq-dev-slope S   added tolerance per Hz (default 0.01)\n"
    "  -o, --output TRACKS      write the tracks to TRACKS instead of stdout\n"
    "      --synth OUT.wav      also write the additive synthesis of the tracks\n"
    "      --synthesis METHOD   time (oscillators, cubic phase; default) or\n"
    "                           spectral (Blackman-Harris lobes, inverse FFT of 4H)\n"
    "      --float              write OUT.wav as 32-bit float (default 16-bit)\n"
    "  -h, --help               show this help\n"
    "\n"
    "With --synth, the header of TRACKS also gives synth_snr_db, the SNR of the\n"
    "synthesis against the input, 10*log10(sum x^2 / sum (x - y)^2), in dB.\n"
    "\n"
    "Example: dsplab sines flute.wav --threshold -70 -o flute-tracks.txt --synth flute-sines.wav\n";

CLI_COMMAND(sines)
{
    static const struct option opts[] = {
        CLI_ANALYSIS_OPTIONS,
        CLI_OPTION_THRESHOLD,
        CLI_OPTION_MAX_SINES,
        CLI_OPTION_MIN_DURATION,
        CLI_OPTION_FREQ_DEV_OFFSET,
        CLI_OPTION_FREQ_DEV_SLOPE,
        CLI_OPTION_SYNTH,
        CLI_OPTION_SYNTHESIS,
        CLI_OPTION_FLOAT,
        CLI_OPTION_OUTPUT,
        CLI_HELP_OPTION,
        {0, 0, 0, 0},
    };
    struct cli_sms s;
    cli_sms_init(&s);
    return cli_tracks_command(&s, argc, argv, opts, help);
}
