/*
 * harness.h — the grader's private glue between runner.c (the parent that
 * prints results), isolate.c (one child process per test) and check.c (the
 * checks a test body makes). Suites never include this file.
 */
#ifndef DSPLAB_GRADER_HARNESS_H
#define DSPLAB_GRADER_HARNESS_H

#include <stddef.h>

#include "rpc.h"

/* ---- check.c: feedback recorded inside the child while a test runs ---- */

/* Where grade_reference() and grade_data_path() look, and the lesson name
 * (the folder under the reference directory). Set once in the parent. */
void harness_set_paths(const char *reference_dir, const char *data_dir, const char *lesson);
/* Where hidden tests' private inputs live (data/reference-hidden). */
void harness_set_hidden_dir(const char *dir);
/* The scratch directory grade_tmpdir() creates on first use (set per test). */
void harness_set_tmpdir(const char *path);
/* Clears the feedback and failure count before a test body runs. */
void harness_reset(void);
/* Failures recorded by the checks since harness_reset(). */
int harness_failures(void);
/* The feedback lines, each "    text\n" ("" when none). */
const char *harness_feedback(void);
/* Appends one feedback line (already formatted, without indentation). */
void harness_note_line(const char *line);
/* The file name check.c gives CUnit for its own failures, so the runner can
 * tell them apart from a suite's bare CU_ASSERTs. */
extern const char harness_check_file[];

/* ---- isolate.c: run one function in a limited child process ---- */

enum iso_kind {
    ISO_PASS,      /* the body returned and reported a pass */
    ISO_FAIL,      /* the body returned and reported a failure */
    ISO_CRASH,     /* killed by a signal (sig holds it) or a sanitizer report */
    ISO_TIMEOUT,   /* over its CPU time, or over the wall-clock backstop */
    ISO_EXITED,    /* the process ended without a verdict (exit() in student code) */
};

struct iso_limits {
    double cpu_s;          /* CPU seconds (rounded up to whole seconds) */
    double wall_s;         /* wall-clock backstop: the parent kills the child */
    size_t as_bytes;       /* address space added on top of the current size; 0 = none */
    size_t output_cap;     /* bytes of the child's stdout+stderr kept */
};

struct iso_result {
    enum iso_kind kind;
    int sig;               /* ISO_CRASH by signal / ISO_TIMEOUT by SIGXCPU or SIGKILL */
    int exit_status;       /* ISO_EXITED: the status passed to exit() */
    int wall_killed;       /* ISO_TIMEOUT: 1 when the wall-clock backstop fired */
    char *feedback;        /* the body's feedback lines (malloc'd, never NULL) */
    char *output;          /* captured stdout+stderr, up to output_cap (malloc'd) */
    size_t output_len;     /* bytes kept in output */
    size_t output_total;   /* bytes the child printed */
    double seconds;        /* wall-clock time */
};

/* The body runs in the child: returns 1 for a pass and sets *feedback to
 * text owned by the child (sent back to the parent with the verdict). */
typedef int (*iso_body)(void *arg, const char **feedback);

/* Forks, limits and runs body(arg), collects the verdict over a private pipe
 * authenticated by a per-test random nonce. Returns 0, or -1 if the child
 * could not be started (r->feedback says why). Free with iso_result_free. */
int iso_run(iso_body body, void *arg, const struct iso_limits *lim, struct iso_result *r);
void iso_result_free(struct iso_result *r);

/* "SIGSEGV: segmentation fault" for a signal number (static storage). */
const char *iso_signal_name(int sig);

/* Inside the test's process: ends the test now with this verdict (code is
 * the signal or exit status), sending the feedback recorded so far. Used
 * when the exercise's process crashed, hung or misbehaved. Never returns. */
void iso_child_end(enum iso_kind kind, int code) __attribute__((noreturn));
/* Added to an ISO_CRASH's signal (0 for a sanitizer report) when the
 * feedback already says what went wrong and where (grader/memreport.c):
 * the runner then adds no generic guess. */
#define ISO_SIG_EXPLAINED 0x100

/* ---- rpc_proxy.c: exercise calls, sent to the worker (see rpc.h) ---- */

struct rpc_setup {
    const char *worker;              /* host path of the worker program; NULL: none linked */
    double cpu_s;                    /* the test's CPU-time limit, also the worker's */
    size_t as_bytes;                 /* the worker's address-space limit (0: none) */
    const char *scratch;             /* the worker's folder when not sandboxed */
    const char *const *file_problem; /* per lesson file (rpc_lesson.files): NULL, or why it
                                        was not graded */
    const char *launcher;            /* host path of the kept sandbox's launcher (sandbox.h
                                        sb_pool_start); NULL: a sandbox per worker */
};
void rpc_proxy_setup(const struct rpc_setup *s);

/* ---- gate.c: from a submission folder to a worker program ---- */

struct gate_config {
    const char *lesson;        /* "02-sinusoids-dft" */
    const char *submission;    /* the student's folder for this lesson */
    const char *lesson_dir;    /* lessons/02-sinusoids-dft (for exercise.h) */
    const char *include_dir;   /* lib/include */
    const char *judge_dir;     /* worker.o, serve.o, stub/<file>.o, libdsplab.a */
    const char *build_dir;     /* this submission's build folder for the lesson */
    const char *cc;            /* the compiler (absolute path, or found in PATH) */
    const char *cflags;        /* space-separated, no quoting */
    const char *ldflags;
    const char *libs;
    double cpu_s, wall_s;      /* per compile or link */
};

struct gate_result {
    char *worker;              /* the linked worker (malloc'd), or NULL */
    char **problem;            /* per file: NULL, or why it was not graded (malloc'd) */
    size_t n_files;
    char *messages;            /* lines to show above the lesson's tests (malloc'd) */
    char **file_messages;      /* per file: the part of messages about it (warnings, why
                                  not graded), or NULL (malloc'd) */
    char *general_messages;    /* the part of messages about no one file (malloc'd) */
    int sanitized;             /* built with -fsanitize: no address-space limit */
};

/* Checks and builds the submission (see gate.c). Returns 0, or -1 when the
 * grader itself cannot work (r->messages says why). */
int gate_build(const struct gate_config *c, const struct rpc_lesson *lesson,
               struct gate_result *r);
void gate_result_free(struct gate_result *r);

/* ---- report.c: result fragments, JSON, JUnit, summaries ---- */

struct rep_test {
    char *lesson;
    char *name;
    int score, max_score;
    char *status;          /* "OK", "FAIL", "CRASH (...)", "TIMEOUT" */
    double seconds;
    char *output;          /* feedback + captured output, any bytes */
    int hidden;            /* a hidden test (Gradescope visibility) */
};

struct rep_lesson {
    char *name;
    int built;             /* 0 when the lesson failed to build */
    int score, max_score;
    struct rep_test *tests;
    size_t n_tests;
    char *messages;        /* the gate's lines (warnings, files not graded), or NULL */
    int hidden_skipped, hidden_points; /* hidden tests not run here */
};

/* Writes a lesson's results to path atomically (temp + rename). */
int rep_write_fragment(const char *path, const struct rep_lesson *l);
/* Reads a fragment; returns 0 or -1 (l is then an empty lesson). */
int rep_read_fragment(const char *path, struct rep_lesson *l);
void rep_lesson_free(struct rep_lesson *l);

/* Writes the Gradescope results.json / JUnit XML for the lessons, atomically. */
int rep_write_json(const char *path, const struct rep_lesson *ls, size_t n, double seconds);
/* The Gradescope visibility of hidden tests: "after_published" (default) or
 * "hidden"; public tests are "visible". */
void rep_set_hidden_visibility(const char *visibility);
int rep_write_junit(const char *path, const struct rep_lesson *ls, size_t n);
/* Writes "lesson<TAB>score<TAB>max" lines (for the class gradebook). */
int rep_write_points(const char *path, const struct rep_lesson *ls, size_t n);

/* Appends s (n bytes, any content) to a growing buffer as JSON / XML text:
 * escapes what must be escaped, replaces invalid UTF-8 with U+FFFD. */
struct rep_buf {
    char *data;
    size_t len, cap;
    int oom;
};
void rep_buf_put(struct rep_buf *b, const char *s, size_t n);
void rep_buf_printf(struct rep_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void rep_buf_json(struct rep_buf *b, const char *s, size_t n);
void rep_buf_xml(struct rep_buf *b, const char *s, size_t n);
/* Writes the buffer to path via path.tmp.<pid> + rename. */
int rep_buf_commit(const struct rep_buf *b, const char *path);

/* Compares two text data files token by token: numbers within
 * |a-b| <= atol + rtol*|b|, other tokens exactly. Prints up to max_report
 * differences to stdout prefixed by label; returns the count of differences
 * (or -1 if a file cannot be read). */
long rep_compare_files(const char *got, const char *expected, double atol, double rtol,
                       int max_report);

#endif
