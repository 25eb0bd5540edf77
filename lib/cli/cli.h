/*
 * cli.h — what every `dsplab` command shares.
 *
 * A command is one function, int cmd_NAME(int argc, char **argv), in
 * lib/cli/cmd_NAME.c, called by main.c with argv[0] = "NAME". It parses its
 * options with cli_getopt() and its numbers with cli_parse_*(), reads its
 * input with cli_read_mono(), writes its matrix through cli_output_open() /
 * cli_output_commit(), and reports failures with:
 *
 *   cli_usage_error()    "dsplab: reason" + "Try 'dsplab NAME --help'."  exit 2
 *                        (unknown option, missing argument, impossible value)
 *   cli_runtime_error()  "dsplab: FILE: reason"                          exit 1
 *                        (unreadable input, unwritable output)
 *
 * Both abort the open output first, so a failed command leaves no file (and
 * no temporary) behind. A command returns 0 on success.
 *
 *     CLI_COMMAND(window)
 *     {
 *         static const struct option opts[] = {CLI_HELP_OPTION, {0, 0, 0, 0}};
 *         int c;
 *         while ((c = cli_getopt(argc, argv, opts, window_help)) != -1)
 *             ...
 *     }
 */
#ifndef DSPLAB_CLI_H
#define DSPLAB_CLI_H

#include <dsplab/dsplab.h>
#include <getopt.h>
#include <stddef.h>

#if defined(__GNUC__)
#define CLI_NORETURN __attribute__((noreturn))
#define CLI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define CLI_NORETURN
#define CLI_PRINTF(a, b)
#endif

/* Declares and defines a command's entry point: CLI_COMMAND(stft) { ... }
 * is int cmd_stft(int argc, char **argv) { ... }. main.c declares it too. */
#define CLI_COMMAND(name)                    \
    int cmd_##name(int argc, char **argv);   \
    int cmd_##name(int argc, char **argv)

/* The command being run ("stft"), set by main.c; names the help in errors. */
extern const char *cli_command;

/* ---- errors --------------------------------------------------------- */

/* "dsplab: <reason>\nTry 'dsplab <command> --help'.\n" on stderr, exit 2. */
CLI_NORETURN void cli_usage_error(const char *fmt, ...) CLI_PRINTF(1, 2);

/* "dsplab: <file>: <reason>" on stderr (the file is not repeated when the
 * reason already starts with "<file>:"), exit 1. file may be NULL. */
CLI_NORETURN void cli_runtime_error(const char *file, const char *fmt, ...) CLI_PRINTF(2, 3);

/* ---- options -------------------------------------------------------- */

/* Every command accepts --help / -h. */
#define CLI_HELP_OPTION {"help", no_argument, NULL, 'h'}

/* getopt_long over argv[0..argc-1] (argv[0] is the command name); GNU
 * argument permutation, so options may follow the file names. An entry
 * whose val is a printable character is also a short option ('h' gives -h,
 * 'o' gives -o); other vals are long-only. Returns the
 * option's val, or -1 when the options are done (then argv[optind..] are the
 * operands). --help prints help to stdout and exits 0; an unknown option or
 * a missing argument is a usage error naming the option. */
int cli_getopt(int argc, char **argv, const struct option *longopts, const char *help);

/* The option the last cli_getopt() returned, as the user spelled it
 * ("--hop" or "-H"), for error messages. */
const char *cli_optname(void);

/* Exactly count operands left after the options (else a usage error naming
 * what is missing or extra); what[i] names operand i ("FILE"). Returns
 * argv + optind. */
char **cli_operands(int argc, char **argv, int count, const char *const *what);

/* Strict numbers. text must be a whole number in decimal (no sign, no
 * trailing characters, no overflow) >= min; otherwise a usage error that
 * names `name` ("--hop", "M") and the text. */
size_t cli_parse_size(const char *name, const char *text, size_t min);
/* A finite decimal floating-point number (strtod syntax, whole text). */
double cli_parse_double(const char *name, const char *text);

/* ---- resources: stated maxima and a memory budget ---------------------- */

/* The largest window, FFT and hop sizes (samples) the tool takes: 2^24 =
 * 16777216 (380 s at 44.1 kHz). Above it a usage error, before any work. */
#define CLI_MAX_SIZE ((size_t)1 << 24)
/* The largest count of bands, sines, harmonics or coefficients: 2^16. */
#define CLI_MAX_COUNT ((size_t)1 << 16)

/* Window and FFT sizes up to this are taken for any input; larger ones
 * only up to the input's length (an FFT longer than the whole sound
 * resolves nothing more, and costs frames x N). */
#define CLI_FREE_SIZE ((size_t)1 << 16)

/* After reading `path` (len samples): a usage error when the window size m
 * or the FFT size n (named m_name, n_name; n_name NULL to skip n) exceeds
 * both CLI_FREE_SIZE and len. Frees to_free first (may be NULL). */
void cli_check_sizes(const char *path, size_t len, size_t m, const char *m_name, size_t n,
                     const char *n_name, void *to_free);

/* cli_parse_size with a maximum: above it a usage error that names it. */
size_t cli_parse_size_max(const char *name, const char *text, size_t min, size_t max);

/* The memory budget in bytes: --max-memory SIZE (any command, anywhere on
 * the line; SIZE in bytes or with a K, M, G or T suffix, powers of 1024),
 * default 4 GiB or the machine's physical memory if less. */
extern double cli_max_memory;

/* Takes the options every command accepts (--max-memory SIZE) out of
 * argv[1..argc-1] (up to a "--"); returns the new argc. Usage errors. */
int cli_global_options(int argc, char **argv);

/* Before the work: when `bytes` (an estimate of what the command will
 * allocate, counted in double so that no product overflows) exceeds the
 * budget, a runtime error (exit 1) "FILE: <what> would need 217.3 GiB of
 * memory, more than the budget of 4.0 GiB (--max-memory)"; what is
 * printf-style. file may be NULL. */
void cli_check_memory(const char *file, double bytes, const char *what_fmt, ...)
    CLI_PRINTF(3, 4);

/* ---- analysis options shared by dft, stft, resynth and later commands - */

/* --window NAME, --size M, --fft N, --hop H, --beta B, --sigma S, the values
 * as the user gave them; a zero size/fft/hop means "not given". */
struct cli_analysis {
    const char *window;      /* name, default "hann" */
    size_t m, n_fft, hop;
    int has_beta, has_sigma;
    double beta, sigma;
};

/* Long-only option vals (above any character, so no short form). */
enum {
    CLI_OPT_WINDOW = 256,
    CLI_OPT_SIZE,
    CLI_OPT_FFT,
    CLI_OPT_HOP,
    CLI_OPT_BETA,
    CLI_OPT_SIGMA,
    CLI_OPT_FIRST_FREE = 512,   /* commands number their own long options from here */
};

/* The getopt_long entries for these options. Use inside a struct option
 * array: {CLI_ANALYSIS_OPTIONS, ...}. A command that takes no hop simply
 * rejects CLI_OPT_HOP itself, or lists the entries it wants one by one. */
#define CLI_OPTION_WINDOW {"window", required_argument, NULL, CLI_OPT_WINDOW}
#define CLI_OPTION_SIZE {"size", required_argument, NULL, CLI_OPT_SIZE}
#define CLI_OPTION_FFT {"fft", required_argument, NULL, CLI_OPT_FFT}
#define CLI_OPTION_HOP {"hop", required_argument, NULL, CLI_OPT_HOP}
#define CLI_OPTION_BETA {"beta", required_argument, NULL, CLI_OPT_BETA}
#define CLI_OPTION_SIGMA {"sigma", required_argument, NULL, CLI_OPT_SIGMA}
#define CLI_ANALYSIS_OPTIONS                                                          \
    CLI_OPTION_WINDOW, CLI_OPTION_SIZE, CLI_OPTION_FFT, CLI_OPTION_HOP, CLI_OPTION_BETA, \
        CLI_OPTION_SIGMA

/* Handles option c (from cli_getopt) if it is one of the above: returns 1,
 * else 0. Numbers are checked here (M, N, H >= 1, beta >= 0, sigma > 0). */
int cli_analysis_option(struct cli_analysis *a, int c, const char *arg);

/* Fills in the defaults (M = def_m, N = max(def_n, M), H = def_hop) and
 * checks what depends on several options: N >= M, the window name, kaiser
 * needs --beta, gaussian needs --sigma, no --beta/--sigma for other windows.
 * Usage errors otherwise. On return *type holds the window. */
void cli_analysis_finish(struct cli_analysis *a, size_t def_m, size_t def_n, size_t def_hop,
                         enum dsp_window *type);

/* What the analysis of a's window and FFT sizes allocates, in bytes. */
double cli_analysis_bytes(const struct cli_analysis *a);

/* The window's parameter (beta, sigma or 0) for dsp_window_fill. */
double cli_window_param(const struct cli_analysis *a, enum dsp_window type);

/* A freshly allocated window of m values (caller frees). Exits on failure. */
double *cli_window_new(enum dsp_window type, double param, enum dsp_window_symmetry sym,
                       size_t m);

/* The STFT (stft.h) of a's periodic window, size, FFT size and hop; a
 * runtime error on failure. The caller frees it with dsp_stft_free. */
struct dsp_stft *cli_stft_new(const struct cli_analysis *a, enum dsp_window type);

/* Header lines of the analysis window, in this order: window, beta (kaiser)
 * or sigma (gaussian), window_size, fft_size. */
void cli_analysis_header(struct dsp_matfile *f, const struct cli_analysis *a,
                         enum dsp_window type);

/* The one frame of `dsplab dft` and `dsplab peaks` (defined in cmd_dft.c):
 * reads FILE (mono downmix) and runs the DFT model (dftmodel.h, a's
 * periodic window) on its a->m samples from sample start, zeros past the
 * end. New arrays of n_fft/2+1 magnitudes (dB) and phases (radians) into
 * *mX and *pX (caller frees), the sample rate into *fs. A start at or past
 * the end is a usage error; a failure a runtime error. */
void cli_dft_frame(const struct cli_analysis *a, enum dsp_window type, const char *path,
                   size_t start, double *fs, double **mX, double **pX);

/* ---- input ---------------------------------------------------------- */

/* dsp_audio_read_mono, with the library's message as a runtime error;
 * the header is probed first and a file that would not fit the memory
 * budget is refused before its samples are read. */
void cli_read_mono(const char *path, double **x, size_t *n, double *sample_rate);

/* malloc that exits with "dsplab: out of memory" (runtime error). */
void *cli_malloc(size_t count, size_t size);

/* ---- output --------------------------------------------------------- */

/* Opens the matrix output: path NULL or "-" is stdout (text), a name ending
 * in .npy is NumPy, anything else text. Writes the standard header lines
 *     # command: dsplab stft voice.wav --hop 256
 *     # file: voice.wav            (when file != NULL)
 *     # sample_rate: 44100         (when file != NULL)
 * to which the command adds its parameters with dsp_matfile_header(). The
 * command line is the one main() recorded with cli_set_args(). Registered as
 * the open output: an error exit aborts it (removing the temporary).
 * A failure to open is a runtime error naming the path. */
struct dsp_matfile *cli_output_open(const char *path, size_t cols, const char *file,
                                    double sample_rate);

/* dsp_matfile_header(), exiting with a runtime error on failure. */
void cli_output_header(struct dsp_matfile *f, const char *key, const char *fmt, ...)
    CLI_PRINTF(3, 4);

/* dsp_matfile_write_row(), exiting with a runtime error on failure. */
void cli_output_row(struct dsp_matfile *f, const double *row);
/* The same for a line formatted by dsp_matfile_format_row. */
void cli_output_text_row(struct dsp_matfile *f, const char *line, size_t len);
/* Leaves the option --long_name (with its value) out of the "# command:"
 * line, for options that do not change the output (--threads). */
void cli_header_omit(const char *long_name);

/* Commits the open output and then every other output the command staged
 * (cli_commit_outputs); runtime error on failure. */
void cli_output_commit(struct dsp_matfile *f);

/* All outputs of a command, or none. Every file a command writes goes to a
 * staging name beside it ("<path>.tmpXXXXXX", ".npy" kept), reserved at
 * once, so an unwritable folder fails before the work; the staged files are
 * renamed into place together by cli_commit_outputs() (cli_output_commit
 * calls it) once everything is written. Any error exit before that removes
 * the staged files, so a failed command leaves every file that existed
 * before as it was, and no new one. When several are renamed, an existing
 * target is hard-linked aside first (where the file system has hard links),
 * and put back if a later rename fails.
 * cli_stage_output returns the name to write path under: path itself for
 * "-" and for an existing device or FIFO (written in place), the same name
 * when called again for the same path. A folder is a runtime error. */
const char *cli_stage_output(const char *path);
void cli_commit_outputs(void);
/* From now on cli_output_commit only completes the matrix under its staged
 * name; the command calls cli_commit_outputs() itself (plot: the image and
 * --matrix's file together). */
void cli_defer_commit(void);

/* dsp_last_error() with a staged name at its start replaced by path. */
const char *cli_unstaged_error(const char *path);

/* Refuses (usage error, exit 2) an output that is the same file as an
 * input, or two outputs that name the same file. outputs[i] (NULL or "-"
 * skipped) is described in messages as names[i] ("--synth", "-o"). */
void cli_check_outputs(const char *const *inputs, size_t n_in, const char *const *outputs,
                       const char *const *names, size_t n_out);

/* Makes the --out-dir folder DIR (one level) unless it is already a folder;
 * a runtime error naming DIR when it is something else or cannot be made.
 * A folder made here is removed again (when empty) by an error exit, unless
 * cli_keep_out_dir() was called (batch mode keeps it for every worker). */
void cli_make_out_dir(const char *dir);
void cli_keep_out_dir(void);

/* The path as the user will see it in messages ("-" -> "standard output"). */
const char *cli_output_name(const char *path);

/* Records the command line for the "# command:" header. */
void cli_set_args(int argc, char **argv);

/* ---- progress ------------------------------------------------------- */

/* "stft: 45%\r" on stderr, only when stderr is a terminal and the work has
 * run for more than a second; cli_progress_end() clears the line. */
struct cli_progress {
    const char *label;
    double start;       /* seconds, monotonic clock */
    int shown;          /* last percentage printed, -1 for none */
    int tty;
};
void cli_progress_begin(struct cli_progress *p, const char *label);
void cli_progress_update(struct cli_progress *p, size_t done, size_t total);
void cli_progress_end(struct cli_progress *p);


/* ---- sinusoidal-model commands: sines, harmonic, decompose ------------ */
/* Defined in cmd_sines.c; shared so that the three commands take the same
 * options with the same defaults and write tracks the same way. */

enum cli_synthesis { CLI_SYNTH_TIME, CLI_SYNTH_SPECTRAL };

/* Options of the sinusoidal analysis and synthesis, with the course's
 * defaults: threshold -80 dB, 100 sines, 0.02 s, 20 Hz, 0.01, time
 * synthesis, 16-bit WAV. The analysis options (a) default to Blackman 2001,
 * N 2048, H 256 through cli_sms_finish(). */
struct cli_sms {
    struct cli_analysis a;
    double threshold_db;
    size_t max_sines;
    double min_duration;      /* seconds */
    double freq_dev_offset;   /* Hz */
    double freq_dev_slope;
    const char *out;          /* -o TRACKS, NULL = stdout */
    const char *synth;        /* --synth OUT.wav, NULL = none */
    enum cli_synthesis synthesis;
    int float_wav;
    /* the harmonic model (cli_sms_init_harmonic): analysis defaults
     * Blackman 1201, N 2048, H 128, -90 dB, and these, from harmonic.h */
    int harmonic;
    size_t n_harmonics;       /* default 100 */
    double min_f0, max_f0;    /* Hz, default 100, 300 */
    double max_f0_error;      /* TWM error above which a frame is unvoiced, default 7 */
    double harm_dev_slope;    /* default 0.01 */
    int course_rule;          /* --course-rule: the course's previous-frame rule */
};

enum {
    CLI_OPT_THRESHOLD = 300,
    CLI_OPT_MAX_SINES,
    CLI_OPT_MIN_DURATION,
    CLI_OPT_FREQ_DEV_OFFSET,
    CLI_OPT_FREQ_DEV_SLOPE,
    CLI_OPT_SYNTH,
    CLI_OPT_SYNTHESIS,
    CLI_OPT_FLOAT,
    CLI_OPT_HARMONICS,
    CLI_OPT_FMIN,
    CLI_OPT_FMAX,
    CLI_OPT_MAX_ERROR,
    CLI_OPT_HARM_DEV_SLOPE,
    CLI_OPT_COURSE_RULE,
};
#define CLI_OPTION_THRESHOLD {"threshold", required_argument, NULL, CLI_OPT_THRESHOLD}
#define CLI_OPTION_MAX_SINES {"max-sines", required_argument, NULL, CLI_OPT_MAX_SINES}
#define CLI_OPTION_MIN_DURATION {"min-duration", required_argument, NULL, CLI_OPT_MIN_DURATION}
#define CLI_OPTION_FREQ_DEV_OFFSET \
    {"freq-dev-offset", required_argument, NULL, CLI_OPT_FREQ_DEV_OFFSET}
#define CLI_OPTION_FREQ_DEV_SLOPE {"freq-dev-slope", required_argument, NULL, CLI_OPT_FREQ_DEV_SLOPE}
#define CLI_OPTION_SYNTH {"synth", required_argument, NULL, CLI_OPT_SYNTH}
#define CLI_OPTION_SYNTHESIS {"synthesis", required_argument, NULL, CLI_OPT_SYNTHESIS}
#define CLI_OPTION_FLOAT {"float", no_argument, NULL, CLI_OPT_FLOAT}
#define CLI_OPTION_OUTPUT {"output", required_argument, NULL, 'o'}
#define CLI_OPTION_HARMONICS {"harmonics", required_argument, NULL, CLI_OPT_HARMONICS}
#define CLI_OPTION_FMIN {"fmin", required_argument, NULL, CLI_OPT_FMIN}
#define CLI_OPTION_FMAX {"fmax", required_argument, NULL, CLI_OPT_FMAX}
#define CLI_OPTION_MAX_ERROR {"max-error", required_argument, NULL, CLI_OPT_MAX_ERROR}
#define CLI_OPTION_HARM_DEV_SLOPE \
    {"harm-dev-slope", required_argument, NULL, CLI_OPT_HARM_DEV_SLOPE}
#define CLI_OPTION_COURSE_RULE {"course-rule", no_argument, NULL, CLI_OPT_COURSE_RULE}

void cli_sms_init(struct cli_sms *s);
/* cli_sms_init, then the harmonic model's defaults (harmonic = 1). */
void cli_sms_init_harmonic(struct cli_sms *s);
/* Handles option c (analysis options, the CLI_OPT_* above, and 'o'):
 * returns 1, else 0. Numbers are checked here. */
int cli_sms_option(struct cli_sms *s, int c, const char *arg);
/* Defaults of the analysis options and the checks across options
 * (cli_analysis_finish, then M >= 3, and --fmin below --fmax). */
void cli_sms_finish(struct cli_sms *s, enum dsp_window *type);
/* round(fs * min_duration / hop), half to even as sms-tools' Python round:
 * tracks shorter than this many frames go. */
size_t cli_sms_min_frames(const struct cli_sms *s, double fs);
/* Header lines stating the analysis parameters common to the commands. */
void cli_sms_header(struct dsp_matfile *f, const struct cli_sms *s, enum dsp_window type,
                    double fs);

/* Tracks: frames x tracks matrices (row k = frame k), allocated. */
struct cli_tracks {
    size_t frames, tracks;
    double *freq, *mag, *phase;   /* Hz, dB, radians; 0 where silent */
    size_t voiced;                /* harmonic model: frames with f0 > 0 */
};

/* The sinusoidal (s->harmonic == 0) or harmonic analysis of x (len
 * samples at fs Hz) with s's parameters, then the removal of tracks
 * shorter than cli_sms_min_frames(). A runtime error naming path on
 * failure. The caller frees t->freq, t->mag, t->phase. */
void cli_tracks_analyze(const struct cli_sms *s, enum dsp_window type, const char *path,
                        const double *x, size_t len, double fs, struct cli_tracks *t);

/* The output name ends in .npy (NumPy, no header, no blocks). */
int cli_output_is_npy(const char *out);

/* Header lines "blocks" and, with --synth, "synth_file", "synthesis" and
 * "synth_snr_db" (snr, in dB). */
void cli_tracks_header(struct dsp_matfile *f, const struct cli_sms *s, double snr);

/* Writes frames x tracks matrices as three blocks, freq_hz then mag_db then
 * phase_rad (wrapped to [-pi, pi]; 0 where the track is silent), separated
 * by two blank lines; a .npy output (no blocks) gets them stacked, shape
 * (3*frames, tracks). */
void cli_tracks_write(struct dsp_matfile *f, const char *out, const double *freq,
                      const double *mag, const double *phase, size_t frames, size_t tracks);

/* Additive synthesis of the tracks (hop samples per frame) into a new
 * array of len samples (caller frees); a runtime error on failure. Spectral
 * synthesis uses an inverse FFT of max(16, 4*hop) points. */
double *cli_tracks_synth(enum cli_synthesis how, const double *freq, const double *mag,
                         const double *phase, size_t frames, size_t tracks, size_t hop,
                         double fs, size_t len);
const char *cli_synthesis_name(enum cli_synthesis how);

/* Writes mono y as a WAV (16-bit, or float with float_wav) under path's
 * staged name (cli_stage_output): it appears under path only when the
 * command's outputs are committed. A runtime error naming path on failure. */
void cli_write_wav(const char *path, const double *y, size_t len, double fs, int float_wav);

/* `dsplab sines FILE` and `dsplab harmonic FILE` after s holds the model's
 * defaults (cli_sms_init or cli_sms_init_harmonic): reads the options opts
 * (help for --help) into s, then writes the tracks of FILE to -o (stdout
 * when not given) and, with --synth, their synthesis. Returns the exit
 * status, 0; errors exit as usual. */
int cli_tracks_command(struct cli_sms *s, int argc, char **argv, const struct option *opts,
                       const char *help);

#endif
