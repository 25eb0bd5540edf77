#!/bin/sh
# entry.sh — what the grading container runs (deploy/Containerfile): grades
# the one submission mounted read-only at /submission and writes
# results.json (Gradescope's format) and report.txt (what the student would
# see) into the folder mounted at /results. Exit 0 when results.json was
# written, even for a score of 0; 1 when the folders are not there.
#
#   DSPLAB_SUBMISSION  the submission (default /submission)
#   DSPLAB_RESULTS     the results folder (default /results)
#   DSPLAB_GRADER      the unpacked autograder: run_autograder and dsplab/
#                      (default /opt/dsplab-grader, where the image has it)
set -u
sub=${DSPLAB_SUBMISSION:-/submission}
res=${DSPLAB_RESULTS:-/results}
grader=${DSPLAB_GRADER:-/opt/dsplab-grader}
[ -d "$sub" ] || { echo "dsplab-grader: $sub: no submission mounted (-v DIR:$sub:ro)" >&2; exit 1; }
[ -d "$res" ] && [ -w "$res" ] || { echo "dsplab-grader: $res: no writable results folder mounted (-v DIR:$res)" >&2; exit 1; }
DSPLAB_SUBMISSION=$sub DSPLAB_RESULTS=$res "$grader/run_autograder"
[ -f "$res/results.json" ] || { echo "dsplab-grader: no results.json was written" >&2; exit 1; }
exit 0
