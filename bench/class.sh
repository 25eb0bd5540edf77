#!/bin/sh
# bench/class.sh — grading throughput for a class: `make grade-all` on
# generated classes of BENCH_CLASS_SIZES students (default "10 100"),
# BENCH_JOBS at a time (default 2: the 2 cores of the reference machine),
# sandbox required, after the library and every judge are built (they are
# built once per course, not per student). Each student submits every
# lesson; each exercise file is, by a checksum of (student, lesson, file):
#   60%  the reference solution                           (correct)
#   10%  the stub (returns DSP_ETODO)                     (unfinished)
#   20%  the solution with every "+ 1" / "- 1" made "+ 2" / "- 2"
#        (off by one: wrong, sometimes not compiling)     (wrong)
#   10%  in lesson 02, an attack from tests/hostile/ submitted under the
#        file name it targets (quick ones: forged verdicts, secrets, escapes);
#        elsewhere the stub                               (hostile)
# Prints seconds, students per minute and seconds per student for each size
# and the growth from the first size to the last. Run by `make bench`
# (BENCH_CLASS_SIZES=10 there keeps it short); bench/README.md has numbers.
set -eu
BUILD=${BUILD:-build}
sizes=${BENCH_CLASS_SIZES:-10 100}
jobs=${BENCH_JOBS:-2}
if [ -f STUDENT_EDITION ]; then
    echo "bench/class.sh: skipped: the student edition has no solutions to make a class from"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
attacks="forge-verdict read-secrets include-passwd terminal-escape constructor signal-grader forge-reply"

# make_class N DIR
make_class() {
    i=1
    while [ "$i" -le "$1" ]; do
        s="$2/student-$(printf '%03d' "$i")"
        for L in lessons/*/; do
            L=${L%/}; L=${L##*/}
            mkdir -p "$s/$L"
            for f in lessons/"$L"/stub/*.c; do
                name=${f##*/}
                k=$(printf '%s/%s/%s' "$i" "$L" "$name" | cksum | cut -d' ' -f1)
                k=$((k % 10))
                if [ "$k" -lt 6 ]; then
                    cp "lessons/$L/solution/$name" "$s/$L/"
                elif [ "$k" -lt 7 ]; then
                    cp "$f" "$s/$L/"
                elif [ "$k" -lt 9 ]; then
                    sed -e 's/+ 1\([^0-9.]\)/+ 2\1/g' -e 's/- 1\([^0-9.]\)/- 2\1/g' "lessons/$L/solution/$name" >"$s/$L/$name"
                else
                    cp "$f" "$s/$L/"
                    if [ "$L" = 02-sinusoids-dft ]; then
                        for a in $attacks; do
                            if grep -q "^ \* as: $name\$" "tests/hostile/$a.c" && [ $(((i + ${#name}) % 2)) = 0 ]; then
                                cp "tests/hostile/$a.c" "$s/$L/$name"
                                break
                            fi
                        done
                    fi
                fi
            done
        done
        i=$((i + 1))
    done
}

make -s BUILD="$BUILD" all grade-build grade-tool >/dev/null
: >"$tmp/results"

# CPU time of the grading alone, whatever else the machine runs: a cpuacct
# cgroup (v1) of its own when this user may make one, else "-".
cg=
for root in /sys/fs/cgroup/cpuacct /sys/fs/cgroup/cpu,cpuacct; do
    if [ -w "$root" ] && mkdir "$root/dsplab-bench-$$" 2>/dev/null; then
        cg=$root/dsplab-bench-$$
        break
    fi
done
cpu_ns() { if [ -n "$cg" ]; then cat "$cg/cpuacct.usage"; else echo 0; fi; }
trap 'rm -rf "$tmp"; [ -z "$cg" ] || { echo $$ >"${cg%/*}/tasks"; rmdir "$cg"; } 2>/dev/null' EXIT
[ -z "$cg" ] || echo $$ >"$cg/tasks"
for n in $sizes; do
    make_class "$n" "$tmp/class-$n"
    t0=$(date +%s.%N); c0=$(cpu_ns)
    make -s BUILD="$BUILD" grade-all SUBMISSIONS="$tmp/class-$n" GRADE_CLASS_DIR="$tmp/out-$n" \
        GRADE_JOBS="$jobs" >"$tmp/log-$n" 2>&1 || { tail -n 20 "$tmp/log-$n"; exit 1; }
    t1=$(date +%s.%N); c1=$(cpu_ns)
    graded=$(grep -c ',ok$' "$tmp/out-$n/gradebook.csv" || true)
    [ "$graded" = "$n" ] || { echo "bench/class.sh: $graded of $n students graded ok"; grep -v ',ok$' "$tmp/out-$n/gradebook.csv" | head -5; }
    awk -v n="$n" -v a="$t0" -v b="$t1" -v c="$c0" -v d="$c1" -v cg="$cg" \
        'BEGIN { s = b - a; printf "%d %.1f %.2f %.2f %s\n", n, s, 60 * n / s, s / n, cg == "" ? "-" : sprintf("%.2f", (d - c) / 1e9 / n) }' >>"$tmp/results"
    awk 'NR > 1 { split($0, f, ","); t += f[length(f) - 2]; m += f[length(f) - 1] } END { printf "  class of %d: mean score %.0f%%\n", NR - 1, m ? 100 * t / m : 0 }' \
        "$tmp/out-$n/gradebook.csv"
done
printf '\nclass grading, whole course per student, %s at a time (sandbox on)\n' "$jobs"
printf '%10s %10s %16s %16s %18s\n' students seconds students/min s/student "CPU s/student"
awk '{ printf "%10d %10.1f %16.2f %16.2f %18s\n", $1, $2, $3, $4, $5 }' "$tmp/results"
echo "(CPU s/student: all cores, the grading's own processes only; 2 cores at full use grade"
echo " 120 / (CPU s/student) students a minute, whatever else runs)"
awk 'NR == 1 { n0 = $1; s0 = $2 } END { if (NR > 1) printf "growth: %dx the students took %.2fx the time\n", $1 / n0, $2 / s0 }' "$tmp/results"
