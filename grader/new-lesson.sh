#!/bin/sh
# new-lesson.sh NAME LESSONS_DIR REFERENCE_DIR — scaffolds LESSONS_DIR/NAME
# from grader/template/ (run by `make new-lesson NAME=13-topic`).
set -eu
name=$1 lessons=${2:-lessons} refs=${3:-data/reference}
case "$name" in
    [0-9][0-9]-*) ;;
    *) echo "usage: make new-lesson NAME=NN-topic   (e.g. NAME=13-pitch-tracking)" >&2; exit 2 ;;
esac
if printf '%s' "$name" | grep -q '[^a-z0-9-]'; then
    echo "new-lesson: NAME uses lowercase letters, digits and '-' only: $name" >&2; exit 2
fi
dest=$lessons/$name
if [ -e "$dest" ]; then
    echo "new-lesson: $dest already exists" >&2; exit 1
fi
nn=${name%%-*}
title=$(printf '%s' "${name#*-}" | tr '-' ' ')
mkdir -p "$dest/stub" "$dest/solution" "$refs/$name"
for f in README.md exercise.h suite.c boundary.c refgen.c stub/example_ex.c solution/example_ex.c; do
    sed -e "s/@LESSON@/$name/g" -e "s/@NN@/$nn/g" -e "s/@TITLE@/$title/g" \
        "grader/template/$f" > "$dest/$f"
done
echo "created $dest/ (README.md exercise.h stub/ solution/ suite.c boundary.c refgen.c) and $refs/$name/"
echo "next: make references LESSON=$nn && make grade LESSON=$nn"
