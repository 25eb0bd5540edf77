#!/bin/sh
# setup.sh — Gradescope runs this once, as root, when it builds the
# autograder's image (Debian/Ubuntu). It installs what the course builds
# with and the grader's sandbox, then builds the library, the tool and every
# lesson's judge, so grading a submission compiles only the student's files.
# DSPLAB_SKIP_APT=1 skips the packages (the tests, on a machine that has them).
set -eu
if [ "${DSPLAB_SKIP_APT:-0}" != 1 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends build-essential make pkg-config \
        libsndfile1-dev libfftw3-dev libcunit1-dev bubblewrap ca-certificates
fi
here=$(cd "$(dirname "$0")" && pwd)
LESSON=
[ -f "$here/config.sh" ] && . "$here/config.sh"
make -C "$here/dsplab" -s -j"$(nproc)" all grade-build grade-tool LESSON="$LESSON"
