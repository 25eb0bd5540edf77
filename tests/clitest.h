/*
 * clitest.h — what the test programs of the dsplab tool share: running
 * "$DSPLAB <args>" with its stdout and stderr captured, the checks every
 * error gets (a usage error exits 2 with "dsplab: ..." and the --help hint,
 * a runtime error exits 1 with one line "dsplab: FILE: reason", and neither
 * leaves a file or a temporary behind), and small fixture writers.
 *
 * A program keeps its own buffers and output folder and names them once:
 *
 *     static char out[1 << 20], err[1 << 16], outdir[4200];
 *     static void test_window(void)
 *     {
 *         CU_ASSERT_EQUAL(dsplab("window hann %d", 4), 0);   (stdout in out)
 *         expect_usage("missing M argument", "window hann");
 *     }
 *     int main(void)
 *     {
 *         cli_test_init(&(struct cli_test_config){.out = out, .out_size = sizeof out,
 *                                                 .err = err, .err_size = sizeof err,
 *                                                 .outdir = outdir});
 *         return test_run("cli", cases, TEST_COUNT(cases));
 *     }
 */
#ifndef DSPLAB_CLITEST_H
#define DSPLAB_CLITEST_H

#include "testutil.h"

#include <dsplab/datafile.h>
#include <stddef.h>

/* Lets the compiler check the format strings of the printf-style helpers. */
#if defined(__GNUC__)
#define CLITEST_PRINTF(fmt_arg, first_arg) __attribute__((format(printf, fmt_arg, first_arg)))
#else
#define CLITEST_PRINTF(fmt_arg, first_arg)
#endif

struct cli_test_config {
    char *out;            /* the last run's stdout, NUL-terminated, cut at out_size */
    size_t out_size;
    char *err;            /* the last run's stderr, likewise */
    size_t err_size;
    const char *outdir;   /* the folder a failed command must leave empty; the name may
                           * be filled in later (by a fixture); NULL: no such folder */
    int print_nonzero;    /* 1: dsplab() prints the command and its stderr whenever the
                           * exit status is not 0; 0: only beyond 2 (a crash or signal) */
};

/* Names the program's buffers and folder; call once, in main() before
 * test_run(). The pointers must stay valid while the tests run. */
void cli_test_init(const struct cli_test_config *config);

/* Runs "$DSPLAB <args>" (args printf-style, quoted by the caller as the
 * shell needs) and returns its exit status; stdout and stderr land in the
 * buffers given to cli_test_init. */
int dsplab(const char *fmt, ...) CLITEST_PRINTF(1, 2);

/* The entries of a folder other than . and .., sorted, their names joined
 * by single spaces into list (cut at size); returns their count. A folder
 * that cannot be read is a fatal CUnit failure. */
int count_entries(const char *path, char *list, size_t size);

/* The folder holds exactly the entries named in want ("a.npy b.npy", sorted;
 * "" for none). */
void expect_dir(const char *path, const char *want);

/* The output folder is empty: no file, no temporary, no sub-folder. What
 * names the command in the message printed otherwise. */
void assert_outdir_empty(const char *what);

/* "dsplab <args>" exits 2, and its stderr starts "dsplab: ", contains msg
 * and the hint "Try 'dsplab ... --help'."; the output folder stays empty. */
void expect_usage(const char *msg, const char *fmt, ...) CLITEST_PRINTF(2, 3);

/* "dsplab <args>" exits 1, and its stderr is one line "dsplab: FILE: ..."
 * containing msg; the output folder stays empty. */
void expect_runtime(const char *file, const char *msg, const char *fmt, ...)
    CLITEST_PRINTF(3, 4);

/* "dsplab --help" lists every name on a line "  NAME ...", and each
 * "dsplab NAME --help" exits 0 with "Usage: dsplab NAME " on stdout and
 * nothing on stderr. */
void expect_command_help(const char *const *names, size_t n);

/* Each of the n lines is somewhere in text (a header the tool writes);
 * a missing one is printed and fails, named after what. */
void expect_lines(const char *what, const char *text, const char *const *lines, size_t n);

/* Fixture writers; a failure to write is fatal. */
void write_text(const char *path, const char *text);
/* Mono, 32-bit float: the tool reads back the test's samples to float
 * precision (relative error 6e-8). */
void write_mono_wav(const char *path, const double *x, size_t n, double sample_rate);
/* A new folder (its parent must exist). */
void make_dir(const char *path);

/* Reads a matrix the tool wrote (text or .npy); an unreadable one prints
 * the library's message and is a fatal failure. */
void read_mat(const char *path, struct dsp_mat *m);

#endif
