/*
 * batch.h — one command over many input files: `--out-dir DIR` and friends.
 *
 * A command that turns one input file into one matrix (melspec, mfcc, and
 * any later one such as the sinusoidal models) gets batch processing by
 * writing its work as a function of (input, output) and handing it here:
 *
 *     dsplab melspec a.wav b.wav c.wav --out-dir feats [--jobs 2] [--force]
 *     dsplab melspec --list files.txt --out-dir feats --format txt
 *
 * Without --out-dir the command runs as before: exactly one FILE, output on
 * stdout or in -o OUT, errors exit at once. With --out-dir:
 *   - each input gets DIR/<basename without its extension>.npy (.txt with
 *     --format txt); two inputs with the same basename are a usage error
 *     that names them (give each folder its own --out-dir);
 *   - an input whose output already exists is skipped: outputs are written
 *     under a temporary name and renamed when complete, so existence means
 *     complete; --force recomputes them;
 *   - --jobs N worker processes (default 1, 0 = the online CPUs; capped at
 *     the online CPUs and the number of inputs) are forked
 *     once and take inputs one at a time from a shared queue (a pipe the
 *     parent keeps filled), so uneven files balance themselves. A failure (an
 *     unreadable input, a value the file makes impossible) is reported by
 *     the worker as usual, "dsplab: FILE: reason", and ends only that
 *     worker; the parent counts the input failed and starts a new worker;
 *   - at the end "melspec: 998 written, 0 skipped, 2 failed" on stderr
 *     (always, in batch mode), and the exit status is 1 if any failed;
 *   - SIGINT/TERM/HUP stop the workers, remove their temporaries, report
 *     "melspec: interrupted: ..." and end the tool by the same signal.
 * fn runs in the workers, one input after another in the same process:
 * it must free what it allocates, and may keep caches in ctx (the mel
 * commands keep the FFT plan and mel bank of the last sample rate). Setup
 * done before cli_batch_run() is inherited by every worker.
 * Each output's "# command:" header is the single-file command that would
 * write it ("dsplab melspec --n-mels 64 a.wav -o feats/a.txt"): the batch
 * options are left out, so --jobs 1 and --jobs 2 write identical files.
 *
 *     CLI_COMMAND(melspec)
 *     {
 *         struct cli_batch b;
 *         cli_batch_init(&b, argc, argv);      // before cli_getopt
 *         while ((c = cli_getopt(argc, argv, opts, help)) != -1)
 *             if (!cli_batch_option(&b, c, optarg)) ...
 *         cli_batch_finish(&b, argc, argv, out);   // after the options
 *         return cli_batch_run(&b, one_file, &settings);
 *     }
 */
#ifndef DSPLAB_CLI_BATCH_H
#define DSPLAB_CLI_BATCH_H

#include "cli.h"

#include <stddef.h>

/* Long-only option vals, between the analysis options (256..) and the
 * commands' own (CLI_OPT_FIRST_FREE = 512..). */
enum {
    CLI_OPT_OUT_DIR = 384,
    CLI_OPT_LIST,
    CLI_OPT_FORCE,
    CLI_OPT_JOBS,
    CLI_OPT_FORMAT,
};

#define CLI_BATCH_OPTIONS                                          \
    {"out-dir", required_argument, NULL, CLI_OPT_OUT_DIR},         \
        {"list", required_argument, NULL, CLI_OPT_LIST},           \
        {"force", no_argument, NULL, CLI_OPT_FORCE},               \
        {"jobs", required_argument, NULL, CLI_OPT_JOBS},           \
        {"format", required_argument, NULL, CLI_OPT_FORMAT}

/* The lines a command's --help adds for the options above. */
#define CLI_BATCH_HELP                                                                   \
    "      --out-dir DIR   batch: write DIR/<name>.npy per input FILE (several FILEs\n"  \
    "                      allowed; DIR is created if missing)\n"                         \
    "      --list LIST     batch: read the input paths from LIST, one per line ('-'\n"   \
    "                      is stdin; blank lines and '#' comments ignored)\n"             \
    "      --format F      batch: npy (default) or txt\n"                                 \
    "      --force         batch: rewrite outputs that already exist (default: skip)\n"  \
    "      --jobs N        batch: N worker processes (default 1, 0 = all CPUs; never\n"  \
    "                      more than the CPUs or the inputs)\n"

/* Does the work for one input: reads `input`, writes `output` (NULL or "-"
 * is stdout), exits through cli_usage_error / cli_runtime_error on failure,
 * returns on success. in_batch is 1 in a batch child (no progress line, no
 * per-file warnings needed), 0 for the single-file command. */
typedef void (*cli_batch_fn)(void *ctx, const char *input, const char *output, int in_batch);

struct cli_batch {
    /* options as given */
    const char *out_dir;       /* NULL: single-file mode */
    const char *list;          /* --list path, or NULL */
    const char *ext;           /* "npy" or "txt" */
    size_t jobs;               /* 0 = online CPUs */
    int force, has_jobs, has_format;
    const char *output;        /* the command's -o (single-file mode) */
    /* the command line: argv as getopt permutes it, and a copy as typed */
    int argc;
    char **argv, **typed;
    char **batch_args;         /* tokens of the batch options (left out of headers) */
    size_t n_batch_args;
    /* inputs and their outputs (cli_batch_finish) */
    char **inputs, **outputs;
    size_t n, n_operands;      /* inputs[0 .. n_operands-1] are argv operands */
    char *list_text;           /* the --list file's contents (inputs point into it) */
};

/* Records the command line. Call before the first cli_getopt(). */
void cli_batch_init(struct cli_batch *b, int argc, char **argv);

/* Handles option c if it is a batch option: returns 1, else 0. */
int cli_batch_option(struct cli_batch *b, int c, const char *arg);

/* After the options: takes the operands (and --list) as the inputs and
 * checks the combination. Usage errors: batch options without --out-dir,
 * -o with --out-dir (output is the command's -o, or NULL), no input, more
 * than one input without --out-dir, two inputs that would write the same
 * output. */
void cli_batch_finish(struct cli_batch *b, int argc, char **argv, const char *output);

/* Runs fn over the inputs (see above) and frees what b holds. Returns the
 * command's exit status: 0, or 1 when a batch input failed. In single-file
 * mode it calls fn(ctx, input, output, 0) once and returns 0. */
int cli_batch_run(struct cli_batch *b, cli_batch_fn fn, void *ctx);

#endif
