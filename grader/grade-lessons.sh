#!/bin/sh
# grade-lessons.sh JUDGES GRADE_DIR SUBMISSION LESSONS_DIR JOBS "LESSONS" [JUDGE ARGS...]
# Runs each lesson's judge on SUBMISSION/<lesson> (run by `make grade`),
# JOBS lessons at a time, and prints their reports in lesson order; the
# result fragments go to GRADE_DIR/<lesson>/result.txt, whose paths it
# lists in GRADE_DIR/.fragments. A single lesson's report streams as it runs. Exit 3 when a judge refused to run (no sandbox
# where one is required).
set -u
if [ "${1:-}" = --one ]; then
    # --one LESSON OUTFILE JUDGES GRADE_DIR SUBMISSION LESSONS_DIR [JUDGE ARGS...]
    L=$2 outfile=$3 judges=$4 gdir=$5 sub=$6 ldir=$7
    shift 7
    d=$gdir/$L
    mkdir -p "$d"
    rm -f "$d/result.txt"
    run_one() {
        "$judges/$L/judge" grade --lesson "$L" --submission "$sub/$L" --build-dir "$d/build" \
            --judge-dir "$judges/$L" --lesson-dir "$ldir/$L" --out "$d/result.txt" "$@"
        rc=$?
        [ $rc = 0 ] || echo "$L: the judge exited with status $rc"
        [ -f "$d/result.txt" ] || { echo "$L: the judge stopped before the end (status $rc)";
                                    printf 'lesson\t%s\t0\n' "$L" >"$d/result.txt"; }
        echo $rc >"$d/judge.rc"
    }
    # "-": this terminal or file as it is (reopening /dev/stdout would
    # truncate a file that stdout appends to)
    if [ "$outfile" = - ]; then run_one "$@" 2>&1; else run_one "$@" >"$outfile" 2>&1; fi
    exit 0
fi
judges=$1 gdir=$2 sub=$3 ldir=$4 jobs=$5 lessons=$6
shift 6
n=0
for L in $lessons; do n=$((n + 1)); done
if [ "$n" -le 1 ] || [ "$jobs" -le 1 ]; then
    for L in $lessons; do
        sh "$0" --one "$L" - "$judges" "$gdir" "$sub" "$ldir" "$@"
        [ "$(cat "$gdir/$L/judge.rc" 2>/dev/null)" = 3 ] && exit 3
        export DSPLAB_SANDBOX_WARNED=1
    done
else
    # each report to a file; then all of them in order, the note about a
    # missing sandbox once
    first=1
    for L in $lessons; do
        mkdir -p "$gdir/$L"
        printf '%s\0' "$L"
    done | xargs -0 -P "$jobs" -I{} sh "$0" --one {} "$gdir/{}/report.txt" "$judges" "$gdir" \
        "$sub" "$ldir" "$@"
    for L in $lessons; do
        out=$gdir/$L/report.txt
        if [ $first = 1 ]; then cat "$out"; first=0; else grep -v '^grade: note: ' "$out"; fi
        [ "$(cat "$gdir/$L/judge.rc" 2>/dev/null)" = 3 ] && exit 3
    done
fi
for L in $lessons; do echo "$gdir/$L/result.txt"; done >"$gdir/.fragments"
