#!/bin/sh
# tests/release-check.sh SCRATCH — makes the student edition with
# `make release` and checks it (run by tests/test_release.c):
#   1. no solution source is in it: every "distinctive" line of every
#      lessons/*/solution/*.c (a line of 12+ characters found nowhere else
#      in the instructor's committed tree but in solutions and the planted-
#      mistake fixtures) is searched for in every file of the release;
#      (whole lines, spaces trimmed, compared with every line of every text
#      file of the release); every solution file must have such lines, and
#      the search must find
#      a solution file planted in a copy of the release (so it can fail);
#   2. no value of a hidden test's data (data/reference-hidden/) is in it;
#   3. it builds and grades on its own: `make grade LESSON=01` there (the
#      stubs: 0 points, the hidden test counted, not run), `make grade-check
#      LESSON=01` says only the stubs are checked, and `make test` runs one
#      test program.
# Prints "release-check: ok" at the end; any failure says what and exits 1.
set -u
scratch=$1
fail() { echo "release-check: $*"; exit 1; }
top=$PWD
rel="$scratch/release"
rm -rf "$scratch" && mkdir -p "$scratch" || fail "cannot make $scratch"

make --no-print-directory -s release OUT="$rel" >"$scratch/release.log" 2>&1 ||
    { cat "$scratch/release.log"; fail "make release failed"; }
[ -f "$rel/STUDENT_EDITION" ] || fail "the release has no STUDENT_EDITION file"
for f in lessons/01-sounds/stub lessons/02-sinusoids-dft/exercise.h lessons/02-sinusoids-dft/suite.c \
         lessons/02-sinusoids-dft/boundary.c lib/src grader/runner.c data/sounds data/reference Makefile; do
    [ -e "$rel/$f" ] || fail "the release lacks $f"
done
[ -z "$(find "$rel" -path '*/solution*' -o -path '*reference-hidden*' -o -name refgen.c | head -n 1)" ] ||
    fail "the release holds a solution folder, refgen.c or hidden data: $(find "$rel" -path '*/solution*' | head -n 3)"

# 1. distinctive lines of the solutions
trim() { sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$@"; }
git ls-files | grep -Ev '^(lessons/[^/]+/solution/|tests/grader/lesson[0-9]+-wrong/)' |
    while IFS= read -r f; do [ -f "$f" ] && grep -Iq . "$f" && trim "$f"; done |
    LC_ALL=C sort -u >"$scratch/public-lines"
: >"$scratch/distinct"
n_sol=0
for s in lessons/*/solution/*.c; do
    n_sol=$((n_sol + 1))
    trim "$s" | awk 'length($0) >= 12' | LC_ALL=C sort -u |
        LC_ALL=C comm -23 - "$scratch/public-lines" >"$scratch/one"
    [ -s "$scratch/one" ] || fail "$s has no line of its own to search for"
    cat "$scratch/one" >>"$scratch/distinct"
done
[ "$n_sol" -gt 0 ] || fail "no solution files to search for"
LC_ALL=C sort -u -o "$scratch/distinct" "$scratch/distinct"
# the trimmed lines of every text file under a folder, sorted
tree_lines() { find "$1" -type f -exec grep -Il . {} + | while IFS= read -r f; do trim "$f"; done | LC_ALL=C sort -u; }
tree_lines "$rel" | LC_ALL=C comm -12 "$scratch/distinct" - >"$scratch/leaks"
[ -s "$scratch/leaks" ] && fail "solution lines found in the release, e.g.: $(head -n 3 "$scratch/leaks")"
# the search finds a planted solution
mkdir -p "$scratch/planted"
cp -r "$rel/lessons" "$scratch/planted/"
sol=$(ls lessons/*/solution/*.c | tail -n 1)
cp "$sol" "$scratch/planted/lessons/copied.c"
tree_lines "$scratch/planted" | LC_ALL=C comm -12 "$scratch/distinct" - | grep -q . ||
    fail "the search misses a planted solution ($sol)"
echo "release-check: $n_sol solution files, $(wc -l <"$scratch/distinct") distinctive lines, none in the release"

# 2. hidden tests' data: every value line, anywhere in the release
n_hidden=0
for h in data/reference-hidden/*/*; do
    [ -f "$h" ] || continue
    n_hidden=$((n_hidden + 1))
    grep -v '^#' "$h" | awk 'length($0) >= 12' >"$scratch/hidden-lines"
    [ -s "$scratch/hidden-lines" ] || fail "$h has no data lines"
    leaks=$(grep -rlF -f "$scratch/hidden-lines" "$rel" | head -n 3)
    [ -z "$leaks" ] || fail "values of $h found in the release: $leaks"
    # and the search would find the file itself
    grep -qF -f "$scratch/hidden-lines" "$h" || fail "the search misses $h itself"
done
[ "$n_hidden" -gt 0 ] || fail "no hidden data to search for"
echo "release-check: $n_hidden hidden data files, no value of theirs in the release"

# 3. the release builds, grades and tests on its own
cd "$rel" || fail "cannot enter $rel"
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL NO_COLOR=1 make --no-print-directory -s -j2 grade LESSON=01 2>&1 | cat \
    >"$scratch/grade.log" 2>&1
grep -q '^Score: 0/29$' "$scratch/grade.log" || { tail -n 20 "$scratch/grade.log"; fail "make grade LESSON=01 in the release: no 'Score: 0/29'"; }
grep -q '^(1 hidden test, 2 points, run when your instructor grades)$' "$scratch/grade.log" ||
    fail "make grade in the release does not count the hidden test"
grep -q '^scale: hidden' "$scratch/grade.log" && fail "the release ran a hidden test"
grep -q 'after_published\|"visibility": "visible"' grader/out/results.json ||
    fail "the release's results.json has no visibility fields"
# (through a pipe: make grade writes to /dev/stdout, which would truncate a
# log file opened by the shell and lose the lines before it)
{ env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL NO_COLOR=1 make --no-print-directory -s grade-check LESSON=01 2>&1; echo "rc=$?"; } |
    cat >"$scratch/check.log"
grep -q '^rc=0$' "$scratch/check.log" || { tail -n 20 "$scratch/check.log"; fail "make grade-check in the release failed"; }
grep -q 'only the stubs are checked' "$scratch/check.log" || fail "grade-check in the release does not say it skips the solutions"
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s check-references 2>&1 | grep -q 'skipped' ||
    fail "check-references in the release does not say it is skipped"
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s -j2 test TEST_SRC=tests/test_status.c \
    >"$scratch/test.log" 2>&1 || { tail -n 20 "$scratch/test.log"; fail "make test in the release failed"; }
grep -q '^programs: 1 passed, 0 failed$' "$scratch/test.log" || fail "make test in the release ran no program"
cd "$top" || exit 1
echo "release-check: the release builds, grades (stubs 0/29, 1 hidden test counted) and tests"
echo "release-check: ok"
