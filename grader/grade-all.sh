#!/bin/sh
# grade-all.sh SUBMISSIONS OUT JOBS — grades a class. Run by `make grade-all`,
# which exports what the judges need (GRADE_ALL_* below) after building
# every lesson's judge once.
#
# SUBMISSIONS holds one folder per student, laid out like assignments/.
# Student folder names are data: they never reach a shell command line or a
# make variable, and each student's files live under OUT/students/<code>/,
# where <code> is the name with every byte outside [A-Za-z0-9_-] written as
# %XX (so no name can reach the gradebook, another student's folder or
# anything outside OUT). Each student is graded with a fresh build folder
# and a fresh report folder, by the lessons' judges (the sandboxed grader),
# within GRADE_ALL_STUDENT_WALL seconds of wall-clock time, else a TIMEOUT
# row. The gradebook, OUT/gradebook.csv, is assembled only from points.tsv
# files the judges' summariser wrote.
#
# A student is graded again only when their .c/.h files, the course or the
# grader changed since their last report, or when their report files no
# longer have the checksums recorded when they were written (tampering).
set -u
subs=$1 out=$2 jobs=$3
[ -d "$subs" ] || { echo "grade-all: $subs is not a folder" >&2; exit 2; }
: "${GRADE_ALL_JUDGES:?}" "${GRADE_ALL_LESSONS:?}" "${GRADE_ALL_GRADETOOL:?}" "${GRADE_ALL_BUILD:?}"
mkdir -p "$out/students" "$GRADE_ALL_BUILD"

# What every grade depends on besides the student's files.
GRADE_ALL_COURSE=$(find "$GRADE_ALL_LESSONS_DIR" "$GRADE_ALL_REFERENCE_DIR" ${GRADE_ALL_HIDDEN_DIR:+"$GRADE_ALL_HIDDEN_DIR"} grader lib/include lib/src \
                      -path grader/out -prune -o -type f -print 2>/dev/null | LC_ALL=C sort |
                   while IFS= read -r f; do printf '%s\n' "$f"; cat "$f"; done | sha256sum | cut -c1-64)
export GRADE_ALL_COURSE GRADE_ALL_OUT="$out" GRADE_ALL_SUBS="$subs"

n_all=0
for dir in "$subs"/*/; do [ -d "$dir" ] && n_all=$((n_all + 1)); done
echo "grade-all: $n_all students, $jobs at a time"

# One student: $1 is the folder name, passed as an argument (never as code).
# shellcheck disable=SC2016
grade_one='
set -u
student=$1
code=$("$GRADE_ALL_GRADETOOL" encode "$student")
dir="$GRADE_ALL_SUBS/$student"
d="$GRADE_ALL_OUT/students/$code"
b="$GRADE_ALL_BUILD/$code"
hash=$( { (cd "$dir" && find . -type f \( -name "*.c" -o -name "*.h" \) -print0 | LC_ALL=C sort -z |
           xargs -0 -r sha256sum); printf "%s\n" "$GRADE_ALL_COURSE"; } | sha256sum | cut -c1-64)
if [ -f "$d/hash" ] && [ -f "$d/points.tsv" ] &&
   [ "$(cat "$d/hash")" = "$hash $(cat "$d/points.tsv" "$d/results.json" 2>/dev/null | sha256sum | cut -c1-64)" ]; then
  exit 0
fi
rm -rf "$d" "$b"; mkdir -p "$d" "$b"
if [ -L "$dir" ]; then
  # a link could point anywhere (another student, the solutions)
  printf "not graded: this student folder is a symbolic link\n" >"$d/report.txt"
  exit 0
fi
frags=
{
  for L in $GRADE_ALL_LESSONS; do
    f="$b/$L.result"
    "$GRADE_ALL_JUDGES/$L/judge" grade --lesson "$L" --submission "$dir/$L" \
      --build-dir "$b/$L" --judge-dir "$GRADE_ALL_JUDGES/$L" --lesson-dir "$GRADE_ALL_LESSONS_DIR/$L" \
      --include-dir lib/include --cc "$GRADE_ALL_CC" --cflags "$GRADE_ALL_CFLAGS" \
      --ldflags "$GRADE_ALL_LDFLAGS" --libs "$GRADE_ALL_LIBS" --sandbox "$GRADE_ALL_SANDBOX" \
      --compile-cpu "${GRADE_ALL_COMPILE_CPU:-20}" --compile-wall "${GRADE_ALL_COMPILE_WALL:-60}" \
      --ref-dir "$GRADE_ALL_REFERENCE_DIR" --data-dir "$GRADE_ALL_DATA_DIR" --out "$f" \
      --hidden "${GRADE_ALL_HIDDEN:-run}" --hidden-dir "${GRADE_ALL_HIDDEN_DIR:-data/reference-hidden}"
    [ -f "$f" ] || printf "lesson\t%s\t0\n" "$L" >"$f"
    frags="$frags $f"
  done
  # shellcheck disable=SC2086
  "$GRADE_ALL_GRADETOOL" summarize --hidden-visibility "${GRADE_ALL_HIDDEN_VISIBILITY:-after_published}" --json "$d/results.json" --junit "$d/junit.xml" \
    --points "$d/points.tsv" $frags
} >"$d/report.txt" 2>&1
printf "%s %s\n" "$hash" "$(cat "$d/points.tsv" "$d/results.json" 2>/dev/null | sha256sum | cut -c1-64)" >"$d/hash"
'

export GRADE_ALL_ONE="$grade_one"

# With GRADE_ALL_HOSTS (make grade-all HOSTS=file), the students are graded
# on other machines through ssh and GNU parallel (grader/grade-remote.sh);
# the gradebook below is assembled here either way.
if [ -n "${GRADE_ALL_HOSTS:-}" ]; then
    . grader/grade-remote.sh || exit 1
else
# Each student under a wall-clock limit; timeout(1) signals the whole
# process group it leads.
for dir in "$subs"/*/; do
    [ -d "$dir" ] || continue
    name=${dir%/}
    printf '%s\0' "${name##*/}"
done | xargs -0 -r -n 1 -P "$jobs" sh -c '
    student=$1
    if ! timeout -s KILL "${GRADE_ALL_STUDENT_WALL:-900}" sh -c "$GRADE_ALL_ONE" grade-one "$student"; then
        code=$(printf "%s" "$student" | cksum | cut -d" " -f1)
        echo "grade-all: a student (checksum $code) ran over ${GRADE_ALL_STUDENT_WALL:-900} s or failed" >&2
    fi
' grade-all-one
fi

echo "grade-all: gradebook"
# The gradebook: one row per student, points per lesson, total, status.
csv="$out/gradebook.csv"
tmp="$out/.gradebook.csv.tmp.$$"
{
    printf 'student'
    for l in $GRADE_ALL_LESSONS; do printf ',%s' "$l"; done
    printf ',total,max,status\n'
    for dir in "$subs"/*/; do
        [ -d "$dir" ] || continue
        name=${dir%/}
        student=${name##*/}
        code=$("$GRADE_ALL_GRADETOOL" encode "$student")
        pts="$out/students/$code/points.tsv"
        status=ok
        if ! [ -f "$out/students/$code/hash" ] || ! [ -f "$pts" ]; then
            if grep -q '^not graded' "$out/students/$code/report.txt" 2>/dev/null; then
                status=refused
            else
                status=TIMEOUT
            fi
        fi
        # A spreadsheet must not read a name as a formula.
        shown=$(printf '%s' "$student" | tr '\n\r' '  ' | sed 's/"/""/g; s/^\([=+@-]\)/'"'"'\1/')
        printf '"%s"' "$shown"
        total=0 max=0
        for l in $GRADE_ALL_LESSONS; do
            line=$(grep "^$l	" "$pts" 2>/dev/null | head -n 1)
            s=$(printf '%s' "$line" | cut -f2); m=$(printf '%s' "$line" | cut -f3)
            case $s in ''|*[!0-9]*) s=0 ;; esac
            case $m in ''|*[!0-9]*) m=0 ;; esac
            total=$((total + s)); max=$((max + m))
            printf ',%s' "$s"
        done
        printf ',%s,%s,%s\n' "$total" "$max" "$status"
    done
} >"$tmp" && mv "$tmp" "$csv"
echo "grade-all: gradebook in $csv; reports in $out/students/<name>/"
sh grader/dashboard.sh "$out" || echo "grade-all: the dashboard could not be written" >&2
