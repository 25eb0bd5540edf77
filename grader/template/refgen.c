/*
 * refgen.c — writes data/reference/@LESSON@/ from the reference solution.
 * Usage (from the repository root, run by `make references`): refgen <output folder>
 *   example.txt  example_ex() of x = 0..7 with gain 2: one row of 8 values
 */
#include <stdio.h>

#include <dsplab/datafile.h>

#include "exercise.h"

static int write_example(const char *dir)
{
    double x[8], y[8];
    for (size_t i = 0; i < 8; i++)
        x[i] = (double)i;
    if (example_ex(x, 8, 2.0, y) != DSP_OK)
        return -1;
    char path[4096];
    snprintf(path, sizeof path, "%s/example.txt", dir);
    struct dsp_matfile *f = dsp_matfile_create(path, 8);
    if (f == NULL)
        return -1;
    dsp_matfile_header(f, "dsplab", "@LESSON@ example_ex");
    dsp_matfile_header(f, "x", "0..7");
    dsp_matfile_header(f, "gain", "%g", 2.0);
    dsp_matfile_write_row(f, y);
    return dsp_matfile_commit(f);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUTPUT_FOLDER\n", argv[0]);
        return 2;
    }
    if (write_example(argv[1]) != 0) {
        fprintf(stderr, "refgen @LESSON@: %s\n", dsp_last_error());
        return 1;
    }
    return 0;
}
