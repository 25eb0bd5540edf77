/*
 * refgen.h — what every lessons/NN-topic/refgen.c does the same way: open a
 * reference file with its "# dsplab:" line, and the main() that checks the
 * one argument (the output folder) and reports a failure.
 *
 * Header-only on purpose: grader/grader.mk builds a refgen from refgen.c,
 * the lesson's solution files and libdsplab alone (not the grader library,
 * which needs CUnit), with -Igrader.
 *
 *     static int write_all(const char *dir)
 *     {
 *         struct dsp_matfile *f = refgen_open(dir, "example.txt", 8, "09-topic", "example_ex");
 *         ...
 *         return dsp_matfile_commit(f);
 *     }
 *     int main(int argc, char **argv) { return refgen_main(argc, argv, "09", write_all); }
 */
#ifndef DSPLAB_REFGEN_H
#define DSPLAB_REFGEN_H

#include <stdio.h>

#include <dsplab/datafile.h>
#include <dsplab/status.h>

/* Creates dir/name with cols columns and writes the header line
 * "# dsplab: <lesson> <what>" (what: the exercise or input it holds).
 * NULL on failure, with dsp_last_error() set. */
static inline struct dsp_matfile *refgen_open(const char *dir, const char *name, size_t cols,
                                              const char *lesson, const char *what)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    struct dsp_matfile *f = dsp_matfile_create(path, cols);
    if (f)
        dsp_matfile_header(f, "dsplab", "%s %s", lesson, what);
    return f;
}

/* The whole main() of a refgen: `refgen <output folder>` runs write(folder).
 * Returns 0, 1 after a failure (reported as "refgen <nn>: <message>"), or 2
 * for a wrong command line. */
static inline int refgen_main(int argc, char **argv, const char *nn, int (*write)(const char *dir))
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s <output folder>\n", argv[0]);
        return 2;
    }
    if (write(argv[1]) != DSP_OK) {
        fprintf(stderr, "refgen %s: %s\n", nn, dsp_last_error());
        return 1;
    }
    return 0;
}

#endif
