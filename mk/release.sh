#!/bin/sh
# mk/release.sh OUT — writes the student edition of the course to OUT (run
# by `make release OUT=dir`).
#
# The student edition is the committed tree (git ls-files: nothing
# untracked, no build output) without what only the instructor may hold:
#   lessons/*/solution/          the reference solutions
#   lessons/*/refgen.c           the reference generators (built from them)
#   data/reference-hidden/       hidden tests' private inputs
#   tests/grader/lesson*-wrong/  solutions with one planted mistake each
#   tests/test_lesson_hints.c    the test that grades those
#   deploy/, .ci/, grader/template/, grader/new-lesson.sh  instructor tools
# and it gains a file STUDENT_EDITION, which the build and the tests read:
# grade-check, references and check-references say they are skipped, and
# tests that need a solution skip those parts with a visible line.
# Everything else (texts, figures, stubs, exercise.h, boundary.c, the public
# suites with their hidden tests' table, the library, the tool, sounds,
# public references, the grader) is copied as committed.
#
# RELEASE_EDITION=grader (make gradescope, the container) keeps the hidden
# tests' data and writes no STUDENT_EDITION: the course a grading machine
# needs, still without solutions.
#
# OUT must not exist or be an empty folder: a release never overwrites.
set -eu
out=${1:-}
[ -n "$out" ] || { echo "usage: make release OUT=folder" >&2; exit 2; }
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ]; then
    echo "release: $out: exists and is not empty (a release never overwrites)" >&2
    exit 1
fi
git rev-parse --is-inside-work-tree >/dev/null 2>&1 ||
    { echo "release: not a git checkout (the release is made from committed files)" >&2; exit 1; }

tmp="$out.tmp.$$"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp"

# What stays behind: one extended regular expression on the path.
private='^(lessons/[^/]+/solution/|lessons/[^/]+/refgen\.c$|data/reference-hidden/|tests/grader/lesson[0-9]+-wrong/|tests/test_lesson_hints\.c$|grader/template/|grader/new-lesson\.sh$|deploy/|\.ci/)'

edition=${RELEASE_EDITION:-student}
[ "$edition" = grader ] && private=$(printf '%s' "$private" | sed 's#|data/reference-hidden/##')

git ls-files -z | tr '\0' '\n' | grep -Ev "$private" | while IFS= read -r f; do
    [ -f "$f" ] || continue   # deleted in the work tree but not yet committed
    mkdir -p "$tmp/$(dirname "$f")"
    cp -p "$f" "$tmp/$f"
done

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ "$edition" = grader ] || cat >"$tmp/STUDENT_EDITION" <<EOF
This is the student edition of dsplab (made by \`make release\` from commit
$commit). It has no reference solutions and no hidden tests' data:
\`make grade\` grades your work on the public tests and says how many hidden
tests your instructor will run. Instructor-only targets (grade-check,
references, check-references) say they are skipped here.
EOF

# Install atomically: the folder appears complete or not at all.
if [ -d "$out" ]; then rmdir "$out"; fi
mv "$tmp" "$out"
trap - EXIT
n=$(find "$out" -type f | wc -l)
echo "release: the $edition edition is in $out ($n files)"
