#!/bin/sh
# grade-all.sh SUBMISSIONS OUT JOBS LESSONS_DIR REFERENCE_DIR "LESSONS" MAKE [ARGS...]
#
# Grades every student folder SUBMISSIONS/<student>/ (laid out like
# assignments/) with `MAKE ARGS grade SUBMISSION=...`, JOBS students at a
# time, into OUT/<student>/{report.txt,results.json,junit.xml,points.tsv},
# then writes OUT/gradebook.csv. Run by `make grade-all SUBMISSIONS=dir`.
#
# A student is graded again only when the content of their .c/.h files, or
# the lessons, references or grader, changed since their last report
# (OUT/<student>/hash). Each student's tests run under the grader's own
# limits, so one student's hanging code holds up nobody else.
set -u
subs=$1 out=$2 jobs=$3 lessons_dir=$4 ref_dir=$5 lessons=$6
shift 6
[ -d "$subs" ] || { echo "grade-all: $subs is not a folder" >&2; exit 2; }
mkdir -p "$out"

# What every grade depends on besides the student's files.
course_hash=$(find "$lessons_dir" "$ref_dir" grader lib/include lib/src \
                  -path grader/out -prune -o -type f -print 2>/dev/null | LC_ALL=C sort |
              while IFS= read -r f; do printf '%s\n' "$f"; cat "$f"; done | sha256sum | cut -c1-64)

student_hash() {
    (cd "$1" && find . -type f \( -name '*.c' -o -name '*.h' \) -print | LC_ALL=C sort |
        while IFS= read -r f; do printf '%s\n' "$f"; cat "$f"; done) | sha256sum | cut -c1-64
}

todo=$(mktemp)
trap 'rm -f "$todo"' EXIT
n_all=0 n_todo=0
for dir in "$subs"/*/; do
    [ -d "$dir" ] || continue
    student=$(basename "$dir")
    n_all=$((n_all + 1))
    h="$(student_hash "$dir") $course_hash"
    if [ -f "$out/$student/hash" ] && [ "$(cat "$out/$student/hash")" = "$h" ] &&
       [ -f "$out/$student/points.tsv" ]; then
        continue
    fi
    n_todo=$((n_todo + 1))
    printf '%s\n' "$student" >>"$todo"
done
echo "grade-all: $n_all students, $n_todo new or changed, $jobs at a time"

# Each student: make grade into its own build and report folders; the hash is
# written last, so an interrupted run grades that student again next time.
export GRADE_ALL_SUBS="$subs" GRADE_ALL_OUT="$out" GRADE_ALL_MAKE="$*"
if [ "$n_todo" -gt 0 ]; then
    # shellcheck disable=SC2016
    tr '\n' '\0' <"$todo" | xargs -0 -n 1 -P "$jobs" sh -c '
        student=$1
        d="$GRADE_ALL_OUT/$student"
        rm -rf "$d"; mkdir -p "$d"
        # make cannot quote paths: a name with spaces or quotes is graded
        # through a link and a work folder with plain names.
        sub="$GRADE_ALL_SUBS/$student" work="$d"
        case "$student" in
            *[!A-Za-z0-9._@+,=-]*)
                safe=$(printf "%s" "$student" | tr -c "A-Za-z0-9._-" "_")-$(printf "%s" "$student" | cksum | cut -d" " -f1)
                mkdir -p "$GRADE_ALL_OUT/.links" "$GRADE_ALL_OUT/.work"
                ln -sfn "$(cd "$sub" && pwd)" "$GRADE_ALL_OUT/.links/$safe"
                sub="$GRADE_ALL_OUT/.links/$safe" work="$GRADE_ALL_OUT/.work/$safe"
                rm -rf "$work"; mkdir -p "$work" ;;
        esac
        env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL NO_COLOR=1 $GRADE_ALL_MAKE --no-print-directory -s grade \
            SUBMISSION="$sub" GRADE_REPORT_DIR="$work" GRADE_JOBS=1 >"$d/report.txt" 2>&1
        if [ "$work" != "$d" ]; then
            for f in "$work"/*; do [ -f "$f" ] && mv "$f" "$d/"; done
            rmdir "$work" 2>/dev/null
        fi
        printf "%s\n" "$(tail -n 1 "$d/report.txt")  $student"
    ' grade-one
fi

# The hash goes beside each report whose grading finished.
while IFS= read -r student; do
    [ -n "$student" ] || continue
    if [ -f "$out/$student/points.tsv" ]; then
        printf '%s\n' "$(student_hash "$subs/$student/") $course_hash" >"$out/$student/hash"
    fi
done <"$todo"

# The gradebook: one row per student, points per lesson, total; the student
# field is always quoted (names may hold commas or quotes).
csv="$out/gradebook.csv"
tmp="$csv.tmp.$$"
{
    printf 'student'
    for l in $lessons; do printf ',%s' "$l"; done
    printf ',total,max\n'
    for dir in "$subs"/*/; do
        [ -d "$dir" ] || continue
        student=$(basename "$dir")
        pts="$out/$student/points.tsv"
        printf '"%s"' "$(printf '%s' "$student" | sed 's/"/""/g')"
        total=0 max=0
        for l in $lessons; do
            line=$(grep "^$l	" "$pts" 2>/dev/null | head -n 1)
            s=$(printf '%s' "$line" | cut -f2); m=$(printf '%s' "$line" | cut -f3)
            s=${s:-0}; m=${m:-0}
            total=$((total + s)); max=$((max + m))
            printf ',%s' "$s"
        done
        printf ',%s,%s\n' "$total" "$max"
    done
} >"$tmp" && mv "$tmp" "$csv"
echo "grade-all: gradebook in $csv; reports in $out/<student>/"
