# grader/grade-remote.sh — sourced by grader/grade-all.sh when HOSTS is given:
# grades the class on the machines of the hosts file through ssh with GNU
# parallel, then grade-all.sh assembles the gradebook here as usual.
#
# The hosts file holds GNU parallel sshlogins, one a line: "8/alice@node1"
# (8 students at a time there), "4/ssh -p 2222 -i key bob@10.0.0.7", or ":"
# for this machine. Each host needs the build's Debian packages (mk/deps.sh)
# and bubblewrap; nothing else.
#
#  1. Which students to grade is decided here, with grade-all.sh's rule
#     (their .c/.h files, the course, the checksums of their results).
#     A student folder that is a link is refused here and never sent.
#  2. The course is copied once per host: the grader edition (make release
#     without solutions, with the hidden tests' data) as one tar file in
#     ~/GRADE_REMOTE_DIR/, unpacked and built there once per course version
#     (course-<checksum>/; a later run with the same course reuses it).
#  3. Each student is one job, numbered: their folder as jobs/<n>.tar (no
#     name ever leaves this machine or reaches a shell; <n>.code here maps
#     the number to the student's encoded folder), graded there by the
#     course's own `make grade-all` on a class of one student named after
#     the job and the process (so jobs on one host never share a folder),
#     which requires the sandbox and applies GRADE_STUDENT_WALL; the
#     results (report.txt, results.json, junit.xml, points.tsv) come back as
#     <n>.out.tar and are unpacked into OUT/students/<code>/, where the
#     checksums for the next run are recorded.
# Variables from grade-all.sh: subs, out, GRADE_ALL_*.
hosts=$GRADE_ALL_HOSTS
command -v parallel >/dev/null 2>&1 ||
    { echo "grade-all: HOSTS needs GNU parallel (apt-get install parallel)" >&2; exit 2; }
[ -f "$hosts" ] || { echo "grade-all: HOSTS=$hosts: no such file" >&2; exit 2; }
# the folder under each host's home (one name, no slash)
remote_dir=${GRADE_REMOTE_DIR:-.dsplab-grade}
case $remote_dir in ''|*/*|.|..|*[!A-Za-z0-9._-]*)
    echo "grade-all: GRADE_REMOTE_DIR=$remote_dir: one folder name under the hosts' home" >&2; exit 2 ;; esac
stage=$(mktemp -d "${TMPDIR:-/tmp}/dsplab-remote.XXXXXX") || exit 1
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/jobs"
# A ":" host (this machine) gets no copies: its jobs run in the stage
# itself, which this link makes look like a host's folder.
ln -s . "$stage/$remote_dir"
course_id=$(printf '%s' "$GRADE_ALL_COURSE" | cut -c1-16)

# 1. the students to grade, each as jobs/<code>.tar
n_todo=0
for dir in "$subs"/*/; do
    [ -d "$dir" ] || continue
    name=${dir%/}
    student=${name##*/}
    code=$("$GRADE_ALL_GRADETOOL" encode "$student")
    d="$out/students/$code"
    dir="$subs/$student"
    hash=$( { (cd "$dir" && find . -type f \( -name "*.c" -o -name "*.h" \) -print0 | LC_ALL=C sort -z |
               xargs -0 -r sha256sum); printf "%s\n" "$GRADE_ALL_COURSE"; } | sha256sum | cut -c1-64)
    if [ -f "$d/hash" ] && [ -f "$d/points.tsv" ] &&
       [ "$(cat "$d/hash")" = "$hash $(cat "$d/points.tsv" "$d/results.json" 2>/dev/null | sha256sum | cut -c1-64)" ]; then
        continue
    fi
    rm -rf "$d"; mkdir -p "$d"
    if [ -L "$dir" ]; then
        printf "not graded: this student folder is a symbolic link\n" >"$d/report.txt"
        continue
    fi
    n_todo=$((n_todo + 1))
    printf '%s\n' "$hash" >"$stage/jobs/$n_todo.hash"
    printf '%s\n' "$code" >"$stage/jobs/$n_todo.code"
    tar -cf "$stage/jobs/$n_todo.tar" -C "$dir" . 2>/dev/null
done
echo "grade-all: $n_todo students to grade on the hosts of $hosts"

if [ "$n_todo" -gt 0 ]; then
    # 2. the course, once per host
    RELEASE_EDITION=grader sh mk/release.sh "$stage/course" >/dev/null || exit 1
    tar -czf "$stage/course-$course_id.tar.gz" -C "$stage/course" . && rm -rf "$stage/course"
    unsafe=
    [ "$GRADE_ALL_SANDBOX" = off ] && unsafe=UNSAFE=1
    cd "$stage" || exit 1
    # shellcheck disable=SC2016
    parallel --nonall --sshloginfile "$hosts" --workdir "$remote_dir" \
        --basefile "course-$course_id.tar.gz" \
        'c=course-'"$course_id"'; if ! [ -f $c/.ready ]; then rm -rf $c && mkdir -p $c &&
         tar -xzf $c.tar.gz -C $c && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u BUILD make -C $c -s -j"$(nproc)" BUILD=build all grade-build grade-tool >$c.build.log 2>&1 &&
         touch $c/.ready || { echo "grade-all: the course does not build on $(hostname):"; tail -n 20 $c.build.log; exit 1; }; fi' ||
        { echo "grade-all: preparing a host failed" >&2; exit 1; }

    # 3. one job per student: jobs/<code>.tar there, jobs/<code>.out.tar back
    # shellcheck disable=SC2016
    seq 1 "$n_todo" | parallel --sshloginfile "$hosts" --workdir "$remote_dir" \
        --transferfile 'jobs/{}.tar' --return 'jobs/{}.out.tar' --cleanup \
        --timeout "$((${GRADE_ALL_STUDENT_WALL:-900} + 120))" \
        'c=course-'"$course_id"'; w=work-{}-$$; s=s{}-$$; rm -rf $w && mkdir -p $w/class/$s $w/out &&
         tar -xf jobs/{}.tar -C $w/class/$s --no-same-owner --no-same-permissions &&
         (W=$PWD; cd $c && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u GRADE_ALL_HOSTS -u BUILD \
            make --no-print-directory -s grade-all BUILD=build HOSTS= SUBMISSIONS="$W/$w/class" \
            GRADE_CLASS_DIR="$W/$w/out" GRADE_JOBS=1 GRADE_STUDENT_WALL='"${GRADE_ALL_STUDENT_WALL:-900}"' '"$unsafe"' \
            >$W/$w.log 2>&1 || cat $W/$w.log >&2);
         tar -cf jobs/{}.out.tar -C $w/out/students/$s . ; rm -rf $w $w.log' ||
        echo "grade-all: some students could not be graded on the hosts (see their report.txt)" >&2
    cd - >/dev/null || exit 1

    # back here: only the expected files, then the checksums for next time
    for job in "$stage"/jobs/*.hash; do
        [ -f "$job" ] || continue
        n=${job%.hash}
        code=$(cat "$n.code")
        d="$out/students/$code"
        res="$n.out.tar"
        if [ -f "$res" ]; then
            tar -xf "$res" -C "$d" --no-same-owner --no-same-permissions \
                ./report.txt ./results.json ./junit.xml ./points.tsv 2>/dev/null
        fi
        [ -f "$d/report.txt" ] || printf "not graded: no results came back from the hosts\n" >"$d/report.txt"
        if [ -f "$d/points.tsv" ]; then
            printf "%s %s\n" "$(cat "$job")" "$(cat "$d/points.tsv" "$d/results.json" 2>/dev/null | sha256sum | cut -c1-64)" >"$d/hash"
        fi
    done
fi
rm -rf "$stage"
trap - EXIT
