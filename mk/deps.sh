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
command -v gnuplot >/dev/null 2>&1 || pkgs="$pkgs gnuplot-nox"
[ -z "$pkgs" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "dsplab: installing missing packages:$pkgs" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $pkgs >/dev/null ||
        { echo "dsplab: apt-get install$pkgs failed" >&2; exit 1; }
    exit 0
fi
echo "dsplab: missing packages; run: sudo apt-get install$pkgs" >&2
exit 1
