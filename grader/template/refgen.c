/*
 * refgen.c — writes data/reference/@LESSON@/ from the reference solution.
 * Usage (from the repository root, run by `make references`): refgen <output folder>
 *   example.txt  example_ex() of x = 0..7 with gain 2: one row of 8 values
 */
#include <stdio.h>

#include <dsplab/datafile.h>

#include "exercise.h"
#include "refgen.h"

static int write_example(const char *dir)
{
    double x[8], y[8];
    for (size_t i = 0; i < 8; i++)
        x[i] = (double)i;
    int s = example_ex(x, 8, 2.0, y);
    if (s != DSP_OK)
        return s;
    struct dsp_matfile *f = refgen_open(dir, "example.txt", 8, "@LESSON@", "example_ex");
    if (f == NULL)
        return DSP_EIO;
    dsp_matfile_header(f, "x", "0..7");
    dsp_matfile_header(f, "gain", "%g", 2.0);
    dsp_matfile_write_row(f, y);
    return dsp_matfile_commit(f);
}

int main(int argc, char **argv)
{
    return refgen_main(argc, argv, "@NN@", write_example);
}
