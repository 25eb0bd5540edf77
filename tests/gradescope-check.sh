#!/bin/sh
# tests/gradescope-check.sh SCRATCH — builds the Gradescope autograder for
# lesson 02 (`make gradescope LESSON=02`), lays out Gradescope's folders in
# SCRATCH/root (source/ = the unzipped autograder, submission/, results/),
# runs setup.sh there (without apt-get: DSPLAB_SKIP_APT=1) and then
# run_autograder with AUTOGRADER_ROOT=SCRATCH/root for three submissions:
#   correct   the lesson-02 solution, uploaded as loose files: 31/31, the
#             hidden tests run and marked "after_published"
#   wrong     the solution with the inverse DFT's 1/N dropped, inside an
#             assignments-like folder: the idft tests fail, 1/N hint shown
#   hostile   tests/hostile/forge-verdict.c as dft_ex.c (forges a passing
#             verdict on every descriptor) with the stubs: 0 points
# and checks results.json each time (parsed as JSON when python3 is here).
# Also checks that the zip holds no solution. Last line "gradescope-check: ok".
set -u
scratch=$1
fail() { echo "gradescope-check: $*"; exit 1; }
rm -rf "$scratch" && mkdir -p "$scratch" || fail "cannot make $scratch"
top=$PWD
make --no-print-directory -s gradescope LESSON=02 GRADESCOPE_DIR="$scratch/gs" >"$scratch/make.log" 2>&1 ||
    { cat "$scratch/make.log"; fail "make gradescope failed"; }
zip="$scratch/gs/autograder.zip"
[ -f "$zip" ] || fail "no autograder.zip"
unzip -l "$zip" >"$scratch/list" || fail "autograder.zip does not list"
for f in setup.sh run_autograder config.sh dsplab/Makefile dsplab/lessons/02-sinusoids-dft/suite.c \
         dsplab/data/reference-hidden/02-sinusoids-dft/signal.txt; do
    grep -q " $f\$" "$scratch/list" || fail "autograder.zip lacks $f"
done
grep -q '/solution/' "$scratch/list" && fail "autograder.zip holds a solution"

root="$scratch/root"
mkdir -p "$root/source" "$root/results" || exit 1
(cd "$root/source" && unzip -q "$zip") || fail "cannot unzip"
# The library's objects of this checkout are reused (same sources, same
# flags; tests/release-check.sh builds a course from nothing), so setup.sh
# builds the tool and the lesson's judge only.
b=${BUILD:-build}
if [ -f "$b/lib/libdsplab.a" ] && [ -f "$b/.deps-ok" ]; then
    mkdir -p "$root/source/dsplab/build"
    cp -rp "$b/obj" "$b/lib" "$b/.deps-ok" "$root/source/dsplab/build/"
    rm -rf "$root/source/dsplab/build/obj/cli"
fi
DSPLAB_SKIP_APT=1 sh "$root/source/setup.sh" >"$scratch/setup.log" 2>&1 ||
    { tail -n 20 "$scratch/setup.log"; fail "setup.sh failed"; }

# grade SUBMISSION-FOLDER NAME: runs run_autograder on a copy, keeps the results
grade() {
    rm -rf "$root/submission" "$root/results"
    mkdir -p "$root/results"
    cp -r "$1" "$root/submission"
    AUTOGRADER_ROOT="$root" "$root/source/run_autograder" >"$scratch/$2.log" 2>&1 ||
        { tail -n 20 "$scratch/$2.log"; fail "$2: run_autograder exited non-zero"; }
    [ -f "$root/results/results.json" ] || fail "$2: no results.json"
    cp "$root/results/results.json" "$scratch/$2.json"
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d["score"], len(d["tests"]))' \
            "$scratch/$2.json" >"$scratch/$2.parsed" || fail "$2: results.json is not JSON"
    fi
}

L=02-sinusoids-dft
mkdir -p "$scratch/correct" "$scratch/wrong/assignments/$L" "$scratch/hostile"
cp lessons/$L/solution/*.c "$scratch/correct/"
cp lessons/$L/solution/*.c "$scratch/wrong/assignments/$L/"
sed -i 's|x\[m\] = sum / (double)n;|x[m] = sum;|' "$scratch/wrong/assignments/$L/idft_ex.c"
grep -q 'x\[m\] = sum;' "$scratch/wrong/assignments/$L/idft_ex.c" || fail "could not plant the mistake"
cp lessons/$L/stub/*.c "$scratch/hostile/"
cp tests/hostile/forge-verdict.c "$scratch/hostile/dft_ex.c"

grade "$scratch/correct" correct
grep -q '"score": 31,' "$scratch/correct.json" || fail "correct: not 31 points: $(head -c 300 "$scratch/correct.json")"
grep -q '"max_score": 31,' "$scratch/correct.json" || fail "correct: the maximum is not 31 (hidden tests missing?)"
grep -q '"dft: hidden signal".*"visibility": "after_published"\|hidden signal", "score": 2, "max_score": 2, "status": "passed", "visibility": "after_published"' \
    "$scratch/correct.json" || fail "correct: the hidden test is not run or not marked after_published"

grade "$scratch/wrong" wrong
grep -q '"score": 31,' "$scratch/wrong.json" && fail "wrong: full marks for a wrong inverse DFT"
grep -q 'idft: example", "score": 0' "$scratch/wrong.json" || fail "wrong: idft: example did not fail"
grep -q 'missing 1/N normalisation' "$scratch/wrong.json" || fail "wrong: no 1/N hint"
grep -q 'dft: example {1,2,3,4}", "score": 2' "$scratch/wrong.json" || fail "wrong: the right DFT lost points"

grade "$scratch/hostile" hostile
grep -q '"score": 0,' "$scratch/hostile.json" || fail "hostile: points for a forged verdict: $(head -c 300 "$scratch/hostile.json")"

# nothing at all: a clear results.json, not a crash
mkdir -p "$scratch/empty"
grade "$scratch/empty" empty
grep -q 'no exercise file' "$scratch/empty.json" || fail "empty: no explanation in results.json"
# The container's entry script (deploy/container/entry.sh) on the same
# unpacked autograder: a read-only submission, a results folder.
sub_ro="$scratch/container-sub"
cres="$scratch/container-results"
cp -r "$scratch/wrong" "$sub_ro" && mkdir -p "$cres"
before=$(cd "$sub_ro" && find . -type f -exec sha256sum {} + | sort | sha256sum)
DSPLAB_GRADER="$root/source" DSPLAB_SUBMISSION="$sub_ro" DSPLAB_RESULTS="$cres" \
    sh deploy/container/entry.sh >"$scratch/container.log" 2>&1 ||
    { tail -n 20 "$scratch/container.log"; fail "container entry: exited non-zero"; }
cmp -s "$cres/results.json" "$scratch/wrong.json" ||
    { sed -e 's/"execution_time": [0-9.]*//' -e 's/plot: [^ ]*//g' "$cres/results.json" >"$scratch/c1";
      sed -e 's/"execution_time": [0-9.]*//' -e 's/plot: [^ ]*//g' "$scratch/wrong.json" >"$scratch/c2";
      cmp -s "$scratch/c1" "$scratch/c2" || fail "container entry: results differ from run_autograder's"; }
grep -q '^Score: ' "$cres/report.txt" || fail "container entry: no report.txt with the score"
after=$(cd "$sub_ro" && find . -type f -exec sha256sum {} + | sort | sha256sum)
[ "$before" = "$after" ] || fail "container entry: the submission was changed"
DSPLAB_GRADER="$root/source" DSPLAB_SUBMISSION="$scratch/nowhere" DSPLAB_RESULTS="$cres" \
    sh deploy/container/entry.sh >/dev/null 2>"$scratch/container-err" && fail "container entry: no submission, yet exit 0"
grep -q 'no submission mounted' "$scratch/container-err" || fail "container entry: no clear message without a submission"
echo "gradescope-check: the container's entry script grades a read-only submission into /results"

# A container engine, when one works here (not in CI): build the image and
# grade the wrong submission in it, with the flags deploy/README.md gives.
engine=
for e in podman docker; do
    if command -v $e >/dev/null 2>&1 && timeout 10 $e info >/dev/null 2>&1; then engine=$e; break; fi
done
if [ -n "$engine" ] && [ "${DSPLAB_TEST_CONTAINER:-1}" = 1 ]; then
    make --no-print-directory -s container-context LESSON=02 CONTAINER_DIR="$scratch/ctx" >/dev/null 2>&1 ||
        fail "make container-context failed"
    $engine build -q -t dsplab-grader-test "$scratch/ctx" >"$scratch/engine.log" 2>&1 ||
        { tail -n 20 "$scratch/engine.log"; fail "$engine build failed"; }
    mkdir -p "$scratch/engine-out" && chmod 777 "$scratch/engine-out"
    $engine run --rm --network=none --security-opt seccomp=unconfined --security-opt apparmor=unconfined \
        -v "$sub_ro:/submission:ro" -v "$scratch/engine-out:/results" dsplab-grader-test >>"$scratch/engine.log" 2>&1 ||
        fail "$engine run failed"
    grep -q 'idft: example", "score": 0' "$scratch/engine-out/results.json" || fail "$engine: unexpected results"
    echo "gradescope-check: $engine built the image and graded in it"
else
    echo "gradescope-check: no working container engine here: the image itself was not built (its entry script was tested)"
fi
cd "$top" || exit 1
echo "gradescope-check: correct 31/31 (hidden tests run), wrong and hostile lose points, empty explained"
echo "gradescope-check: ok"
