#!/bin/sh
# Installs into a temporary prefix and checks what a user of the installed
# library gets: every header compiles on its own, a program builds with
# `pkg-config --cflags --libs dsplab` against the shared library and runs,
# and the installed tool runs. Usage: sh mk/install-check.sh [make args...]
set -eu
prefix=$(mktemp -d "${TMPDIR:-/tmp}/dsplab-install-XXXXXX")
trap 'rm -rf "$prefix"' EXIT
make -s install PREFIX="$prefix" "$@" >/dev/null

for h in "$prefix"/include/dsplab/*.h; do
    printf '#include <dsplab/%s>\n' "$(basename "$h")" |
        cc -std=c11 -Wall -Wextra -Werror -I"$prefix/include" -x c -fsyntax-only - ||
        { echo "install-check: $(basename "$h") does not compile on its own" >&2; exit 1; }
done

cat > "$prefix/use.c" <<'C'
#include <dsplab/dsplab.h>
#include <math.h>
#include <stdio.h>

int main(void)
{
    double x[64], w[64], mX[33];
    dsp_gen_sine(1.0, 8 * 44100.0 / 64, 0.0, 44100.0, x, 64);
    dsp_window_fill(DSP_WIN_HANN, 0.0, DSP_WINDOW_PERIODIC, w, 64);
    struct dsp_dftmodel *dm = dsp_dftmodel_new(w, 64, 64);
    if (!dm || dsp_dftmodel_analyze(dm, x, mX, NULL) != DSP_OK)
        return 1;
    dsp_dftmodel_free(dm);
    /* a bin-centred sine of amplitude 1 peaks at 20*log10(1/2) dB */
    printf("%.6f\n", mX[8]);
    return fabs(mX[8] - 20 * log10(0.5)) < 1e-9 ? 0 : 1;
}
C
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
cc -std=c11 -Wall -Wextra -Werror -o "$prefix/use" "$prefix/use.c" $(pkg-config --cflags --libs dsplab) -lm
LD_LIBRARY_PATH="$prefix/lib" "$prefix/use" >/dev/null ||
    { echo "install-check: a program linked with the installed library failed" >&2; exit 1; }
"$prefix/bin/dsplab" --version >/dev/null
# the installed tool finds its installed gnuplot scripts (run from elsewhere)
if command -v gnuplot >/dev/null 2>&1; then
    (cd "$prefix" && "$prefix/bin/dsplab" plot window hann --size 64 -o w.png >/dev/null &&
        test -s w.png) ||
        { echo "install-check: the installed dsplab plot cannot find its scripts" >&2; exit 1; }
fi
echo "install-check: headers, pkg-config, shared library and tool OK"
