#!/bin/sh
# grader/dashboard.sh OUT — the class dashboard, OUT/index.html, from what
# `make grade-all` wrote in OUT: gradebook.csv and each student's
# students/<code>/results.json. Run by grader/grade-all.sh after the
# gradebook; outside the trusted core (it only reads the judges' results).
#
# It shows the distribution of total scores (percent of the maximum, ten
# bins), each test's pass rate over the students graded, the most frequent
# hints (the class's common mistakes; numbers of two digits or more, or
# with a point, are written N in a hint, so the
# same mistake counts once), and links to each student's report (the
# report.html beside it when there is one, else report.txt). Students are
# shown by their folder code (bytes outside [A-Za-z0-9_-] as %XX), and all
# text is HTML-escaped, so nothing a student wrote becomes markup.
# Written to a temporary file and renamed.
set -u
out=$1
csv="$out/gradebook.csv"
[ -f "$csv" ] || { echo "dashboard: $csv: no gradebook" >&2; exit 1; }
tmp="$out/.index.html.tmp.$$"
trap 'rm -f "$tmp" "$tmp.tests" "$tmp.hints" "$tmp.students"' EXIT

# One line per student: code<TAB>total<TAB>max<TAB>status (from the
# gradebook, whose first column is the name; the code is recomputed the way
# grade-all names folders: the students/ folder listing in gradebook order
# is not needed, the points are summed from points.tsv).
: >"$tmp.students"
for d in "$out"/students/*/; do
    [ -d "$d" ] || continue
    code=${d%/}
    code=${code##*/}
    total=0 max=0 status=ok
    if [ -f "$d/points.tsv" ]; then
        while IFS="$(printf '\t')" read -r _ s m; do
            case $s in ''|*[!0-9]*) s=0 ;; esac
            case $m in ''|*[!0-9]*) m=0 ;; esac
            total=$((total + s)); max=$((max + m))
        done <"$d/points.tsv"
    else
        status=$(grep -q '^not graded' "$d/report.txt" 2>/dev/null && echo refused || echo TIMEOUT)
    fi
    report=report.txt
    [ -f "$d/report.html" ] && report=report.html
    printf '%s\t%s\t%s\t%s\t%s\n' "$code" "$total" "$max" "$status" "$report" >>"$tmp.students"
done

# Per test: passed / graded; per hint: how many students got it.
: >"$tmp.tests"
: >"$tmp.hints"
for j in "$out"/students/*/results.json; do
    [ -f "$j" ] || continue
    awk -v tests="$tmp.tests" -v hints="$tmp.hints" '
        /^    \{"name": "/ {
            name = $0
            sub(/^    \{"name": "/, "", name)
            sub(/", "score": .*/, "", name)
            st = ($0 ~ /"status": "passed"/) ? 1 : 0
            print name "\t" st >> tests
            out = $0
            sub(/.*"output": "/, "", out)
            n = split(out, part, /\\n/)
            for (i = 1; i <= n; i++)
                if (part[i] ~ /^    hint: /) {
                    h = part[i]
                    sub(/^    hint: /, "", h)
                    gsub(/[0-9]*\.[0-9]+(e[-+]?[0-9]+)?|[0-9]+e[-+]?[0-9]+|[0-9][0-9]+/, "N", h)
                    seen[h] = 1
                }
        }
        END { for (h in seen) print h >> hints }' "$j"
done

# JSON string text (\" and \\ undone) as HTML text
esc() { sed -e 's/\\"/"/g' -e 's/\\\\/\\/g' -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'; }

n_students=$(wc -l <"$tmp.students")
{
    cat <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>dsplab: class dashboard</title>
<style>
body { font-family: sans-serif; margin: 2em; max-width: 70em; }
table { border-collapse: collapse; } td, th { padding: 2px 8px; text-align: left; }
tr:nth-child(even) { background: #f4f4f4; }
.bar { display: inline-block; height: 1em; background: #4a7ebb; vertical-align: middle; }
.low { background: #c0504d; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
</style></head><body>
<h1>Class dashboard</h1>
EOF
    printf '<p id="summary">%s students; gradebook: <a href="gradebook.csv">gradebook.csv</a></p>\n' "$n_students"

    echo '<h2>Score distribution</h2>'
    echo '<table id="distribution"><tr><th>percent of the maximum</th><th class="num">students</th><th></th></tr>'
    awk -F'\t' '{ p = $3 > 0 ? 100 * $2 / $3 : 0; b = int(p / 10); if (b > 9) b = 9; c[b]++ }
        END { for (b = 0; b <= 9; b++) printf "<tr class=\"bin\"><td>%d&ndash;%d%%</td><td class=\"num\">%d</td><td><span class=\"bar\" style=\"width:%dpx\"></span></td></tr>\n",
                                           10 * b, b == 9 ? 100 : 10 * b + 9, c[b], 12 * c[b] }' "$tmp.students"
    echo '</table>'

    echo '<h2>Pass rate per test</h2>'
    echo '<table id="tests"><tr><th>test</th><th class="num">passed</th><th class="num">%</th><th></th></tr>'
    awk -F'\t' '{ if (!($1 in n)) order[++k] = $1; n[$1]++; p[$1] += $2 }
        END { for (i = 1; i <= k; i++) { t = order[i]; r = 100 * p[t] / n[t]
              printf "%s\t%d/%d\t%.0f\t%d\n", t, p[t], n[t], r, r } }' "$tmp.tests" |
        while IFS="$(printf '\t')" read -r t frac pct w; do
            cls=bar
            [ "$w" -lt 50 ] && cls="bar low"
            printf '<tr class="test"><td>%s</td><td class="num">%s</td><td class="num">%s</td><td><span class="%s" style="width:%spx"></span></td></tr>\n' \
                "$(printf '%s' "$t" | esc)" "$frac" "$pct" "$cls" "$w"
        done
    echo '</table>'

    echo '<h2>Most frequent hints</h2>'
    echo '<table id="hints"><tr><th class="num">students</th><th>hint</th></tr>'
    sort "$tmp.hints" | uniq -c | sort -rn | head -n 15 | while read -r count hint; do
        printf '<tr class="hint"><td class="num">%s</td><td>%s</td></tr>\n' "$count" "$(printf '%s' "$hint" | esc)"
    done
    echo '</table>'

    echo '<h2>Students</h2>'
    echo '<table id="students"><tr><th>student</th><th class="num">score</th><th>status</th></tr>'
    sort "$tmp.students" | while IFS="$(printf '\t')" read -r code total max status report; do
        printf '<tr class="student"><td><a href="students/%s/%s">%s</a></td><td class="num">%s/%s</td><td>%s</td></tr>\n' \
            "$(printf '%s' "$code" | sed 's/%/%25/g')" "$report" "$code" "$total" "$max" "$status"
    done
    echo '</table></body></html>'
} >"$tmp" && mv "$tmp" "$out/index.html"
echo "grade-all: dashboard in $out/index.html"
