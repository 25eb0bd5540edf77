#!/bin/sh
# Runs each test program given, prints its CUnit summary, and ends with one
# line "programs: N passed, N failed" counting programs. Exit 1 if any failed.
passed=0; failed=0; failed_names=""
for t in "$@"; do
    echo "== $t"
    if "$t"; then passed=$((passed + 1)); else failed=$((failed + 1)); failed_names="$failed_names $t"; fi
done
[ -n "$failed_names" ] && echo "failed:$failed_names"
echo "programs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
