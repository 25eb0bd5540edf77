#!/bin/sh
# bench/grade.sh — how long `make grade` takes for the whole course with the
# reference solutions, in one run, three ways (medians of BENCH_RUNS runs):
#   sandboxed     today's grader: each file compiled and each test run in
#                 bubblewrap, exercise calls sent to a worker process
#   unsandboxed   the same grader with UNSAFE=1 (no bwrap; same processes)
#   before        the grader before the sandbox (BENCH_BEFORE, a commit;
#                 built in a temporary worktree), when git has that commit
# each both "fresh" (the submission's objects compiled: its build folder
# removed first) and "again" (nothing changed since the last run), after
# `make` (library, tool and judges built). Prints seconds and the ratio to
# the before-grader. Run by `make bench`.
set -eu
BUILD=${BUILD:-build}
runs=${BENCH_RUNS:-3}
before_commit=${BENCH_BEFORE:-83fb571}
if [ -f STUDENT_EDITION ]; then
    echo "bench/grade.sh: skipped: the student edition has no solutions to grade"
    exit 0
fi
tmp=$(mktemp -d)
cleanup() {
    if [ -d "$tmp/before" ]; then git worktree remove --force "$tmp/before" >/dev/null 2>&1 || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

# The same course for every grader: the lessons the before-grader has
# (01-08), unless BENCH_LESSONS names others.
lessons=${BENCH_LESSONS:-"01-sounds 02-sinusoids-dft 03-fourier-properties 04-stft 05-sinusoidal-model 06-harmonic-model 07-sines-plus-residual 08-mel-spectrogram"}
mkdir -p "$tmp/lessons"
for n in $lessons; do
    [ -d "lessons/$n" ] || { echo "bench/grade.sh: no lesson $n" >&2; exit 1; }
    ln -s "$PWD/lessons/$n" "$tmp/lessons/$n"
    mkdir -p "$tmp/sol/$n"
    cp "lessons/$n"/solution/*.c "$tmp/sol/$n/"
done

now() { date +%s.%N; }
# CPU seconds (user + system of reaped children) when GNU time is here: not
# stretched by other load; it misses what runs inside bwrap's pid namespace,
# so compare it only between runs of the same grader
timer=
[ -x /usr/bin/time ] && timer="/usr/bin/time -f %e,%U,%S"
cpu_tag=x
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# time_grade DIR BUILD FRESH EXTRA: one make grade, seconds on stdout
time_grade() {
    g_dir=$1 g_build=$2 g_fresh=$3 g_extra=$4
    [ "$g_fresh" = 1 ] && rm -rf "$g_dir/$g_build/grade/sub"
    case $g_extra in *LESSONS_DIR=*) ;; *) [ "$g_dir" = "$PWD" ] && g_extra="$g_extra LESSONS_DIR=$tmp/lessons" ;; esac
    t0=$(now)
    # shellcheck disable=SC2086
    (cd "$g_dir" && $timer make -s BUILD="$g_build" grade SUBMISSION="$tmp/sol" \
        GRADE_REPORT_DIR="$tmp/out" $g_extra >"$tmp/last.txt" 2>"$tmp/cpu.txt") || true
    t1=$(now)
    [ -n "$timer" ] && tail -n 1 "$tmp/cpu.txt" >>"$tmp/cpu-$cpu_tag"
    grep -q '^Score: \([0-9]*\)/\1$' "$tmp/last.txt" ||
        { echo "bench/grade.sh: the solutions did not score full marks:" >&2; tail -5 "$tmp/last.txt" >&2; exit 1; }
    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f\n", b - a}'
}

measure() { # NAME DIR BUILD EXTRA
    for fresh in 1 0; do
        : >"$tmp/times"
        cpu_tag="$1-$fresh"
        time_grade "$2" "$3" 1 "$4" >/dev/null # warm up (and build what is missing)
        i=0
        while [ $i -lt "$runs" ]; do
            time_grade "$2" "$3" "$fresh" "$4" >>"$tmp/times"
            i=$((i + 1))
        done
        printf '%s %s %s\n' "$1" "$fresh" "$(median <"$tmp/times")" >>"$tmp/results"
        : >"$tmp/cpu-$cpu_tag.tmp"
        [ -f "$tmp/cpu-$cpu_tag" ] && tail -n "$runs" "$tmp/cpu-$cpu_tag" |
            awk -F, '{print $2 + $3}' >"$tmp/cpu-$cpu_tag.tmp"
        printf '  %s, %s: %s s wall (runs: %s), %s s CPU\n' "$1" \
            "$([ "$fresh" = 1 ] && echo fresh || echo again)" \
            "$(median <"$tmp/times")" "$(tr '\n' ' ' <"$tmp/times")" \
            "$(median <"$tmp/cpu-$cpu_tag.tmp")"
    done
}

make -s BUILD="$BUILD" all grade-build LESSONS_DIR="$tmp/lessons" >/dev/null
: >"$tmp/results"
measure sandboxed "$PWD" "$BUILD" "LESSONS_DIR=$tmp/lessons"
measure unsandboxed "$PWD" "$BUILD" "UNSAFE=1 LESSONS_DIR=$tmp/lessons"
if git rev-parse --verify -q "$before_commit^{commit}" >/dev/null 2>&1 &&
   git worktree add --detach -q "$tmp/before" "$before_commit" >/dev/null 2>&1 &&
   make -C "$tmp/before" -s -j2 BUILD=build all >/dev/null 2>&1; then
    measure before "$tmp/before" build ""
else
    echo "note: the grader before the sandbox (commit $before_commit) is not available here; skipped"
fi

printf '\ngrading all lessons, reference solutions, median of %s runs (seconds)\n' "$runs"
printf '%-12s %10s %10s %14s %14s\n' grader fresh again "fresh/before" "again/before"
bf=$(awk '$1 == "before" && $2 == 1 {print $3}' "$tmp/results")
ba=$(awk '$1 == "before" && $2 == 0 {print $3}' "$tmp/results")
for g in sandboxed unsandboxed before; do
    f=$(awk -v g=$g '$1 == g && $2 == 1 {print $3}' "$tmp/results")
    a=$(awk -v g=$g '$1 == g && $2 == 0 {print $3}' "$tmp/results")
    [ -n "$f" ] || continue
    awk -v g=$g -v f="$f" -v a="$a" -v bf="${bf:-0}" -v ba="${ba:-0}" 'BEGIN {
        rf = "-"; ra = "-"
        if (bf > 0) rf = sprintf("%.2fx", f / bf)
        if (ba > 0) ra = sprintf("%.2fx", a / ba)
        printf "%-12s %10.2f %10.2f %14s %14s\n", g, f, a, rf, ra }'
done
