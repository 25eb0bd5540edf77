#!/bin/sh
# Makes sure the build's dependencies are installed. Run by make before the
# first compile. As root on Debian it installs what is missing with apt-get;
# otherwise it names the one command to run and fails.
set -u
pkgs=""
pkg-config --version >/dev/null 2>&1 || pkgs="$pkgs pkg-config"
for pair in sndfile:libsndfile1-dev fftw3:libfftw3-dev cunit:libcunit1-dev; do
    mod=${pair%%:*}; deb=${pair#*:}
    pkg-config --exists "$mod" 2>/dev/null || pkgs="$pkgs $deb"
done
# The grader runs student code inside bubblewrap's sandbox (grader/THREATS.md).
command -v bwrap >/dev/null 2>&1 || pkgs="$pkgs bubblewrap"
# gnuplot is a run-time tool (dsplab plot): installed when we can, never required.
optional=""
command -v gnuplot >/dev/null 2>&1 || optional="gnuplot-nox"
[ -z "$pkgs$optional" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    if [ -n "$pkgs" ]; then
        echo "dsplab: installing missing packages:$pkgs" >&2
        { apt-get update -qq >/dev/null &&
            apt-get install -y -qq --no-install-recommends $pkgs >/dev/null; } ||
            { echo "dsplab: apt-get install$pkgs failed" >&2; exit 1; }
    fi
    if [ -n "$optional" ]; then
        echo "dsplab: installing $optional (for dsplab plot)" >&2
        { apt-get update -qq >/dev/null &&
            apt-get install -y -qq --no-install-recommends $optional >/dev/null; } ||
            echo "dsplab: note: could not install $optional; dsplab plot will not work, the rest will" >&2
    fi
    exit 0
fi
if [ -z "$pkgs" ]; then
    echo "dsplab: note: gnuplot is not installed, so dsplab plot will not work (sudo apt-get install gnuplot-nox)" >&2
    exit 0
fi
echo "dsplab: missing packages; run: sudo apt-get install$pkgs $optional" >&2
exit 1
