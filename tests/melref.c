#include "melref.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

void mel_ref_signal(double *x, size_t n, double sr, double noise)
{
    const double pi = 3.14159265358979323846;
    uint32_t s = 12345;
    for (size_t i = 0; i < n; i++) {
        s = 1664525u * s + 1013904223u;   /* the LCG of mel_ref.py's lcg_noise() */
        double u = (double)s / 4294967296.0 - 0.5;
        double t = (double)i;
        x[i] = 0.5 * sin(2.0 * pi * 440.0 * t / sr) + 0.25 * sin(2.0 * pi * 3000.5 * t / sr + 0.3) +
               noise * u;
    }
}

size_t mel_ref_read(const char *path, double *v, size_t max)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cannot open %s (run the tests from the repository root)\n", path);
        return 0;
    }
    char line[65536];
    size_t n = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#')
            continue;
        char *p = line, *end;
        for (;;) {
            double d = strtod(p, &end);
            if (end == p)
                break;
            if (n < max)
                v[n] = d;
            n++;
            p = end;
        }
    }
    fclose(f);
    return n;
}
