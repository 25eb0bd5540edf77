#!/bin/sh
# tests/parallel-check.sh SCRATCH — `make grade-all HOSTS=file` against the
# local `make grade-all` for the same class of three (a correct lesson 01, the
# stubs, a wrong lesson 01 under an awkward name): the gradebooks must be
# identical. The host is this machine reached through ssh: an sshd of the
# test's own on 127.0.0.1 (a free port, keys made here, the process ended
# afterwards), when sshd exists and we are root (CI); else GNU parallel's
# local mode (":"), saying so. Then a second run grades nobody, and one
# after a student's file changed grades that student only.
set -u
scratch=$1
fail() { echo "parallel-check: $*"; exit 1; }
rm -rf "$scratch" && mkdir -p "$scratch" || fail "cannot make $scratch"
command -v parallel >/dev/null 2>&1 || fail "GNU parallel is not installed (apt-get install parallel)"
b=${BUILD:-build}
remote_dir=.dsplab-grade-test-$$
sshd_pid=
cleanup() {
    [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null
    [ -n "${HOME:-}" ] && rm -rf "${HOME:?}/$remote_dir"
}
trap cleanup EXIT

# the class
class="$scratch/class"
for s in alice bob "odd name \$(x)"; do
    mkdir -p "$class/$s/01-sounds"
    cp lessons/01-sounds/stub/*.c "$class/$s/01-sounds/"
done
cp lessons/01-sounds/solution/*.c "$class/alice/01-sounds/"
cp lessons/01-sounds/solution/*.c "$class/odd name \$(x)/01-sounds/"
sed -i 's/gain \* x\[i\]/(gain + 1e-6) * x[i]/' "$class/odd name \$(x)/01-sounds/scale.c"
grep -q 'gain + 1e-6' "$class/odd name \$(x)/01-sounds/scale.c" || fail "could not plant the mistake"

# the host
hosts="$scratch/hosts"
mode=local
if command -v sshd >/dev/null 2>&1 || [ -x /usr/sbin/sshd ]; then
    if [ "$(id -u)" = 0 ] && command -v ssh-keygen >/dev/null 2>&1 && command -v rsync >/dev/null 2>&1; then
        ssh-keygen -q -t ed25519 -N '' -f "$scratch/hostkey" &&
        ssh-keygen -q -t ed25519 -N '' -f "$scratch/userkey" || fail "ssh-keygen failed"
        cp "$scratch/userkey.pub" "$scratch/authorized_keys"
        mkdir -p /run/sshd
        port=$((20000 + $$ % 30000))
        cat >"$scratch/sshd_config" <<EOC
Port $port
ListenAddress 127.0.0.1
HostKey $scratch/hostkey
AuthorizedKeysFile $scratch/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
PidFile $scratch/sshd.pid
EOC
        if /usr/sbin/sshd -f "$scratch/sshd_config" -E "$scratch/sshd.log"; then
            sleep 1
            sshd_pid=$(cat "$scratch/sshd.pid" 2>/dev/null)
            login="ssh -p $port -i $scratch/userkey -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR root@127.0.0.1"
            if $login true 2>"$scratch/ssh.err"; then
                printf '2/%s\n' "$login" >"$hosts"
                mode=ssh
            else
                echo "parallel-check: note: ssh to the test's sshd failed ($(head -n 1 "$scratch/ssh.err")); local mode"
            fi
        fi
    fi
fi
[ "$mode" = local ] && printf ':\n' >"$hosts" && echo "parallel-check: note: no sshd here: GNU parallel's local mode (\":\")"

run() { # OUT [HOSTS]
    env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL NO_COLOR=1 make --no-print-directory -s BUILD="$b" grade-all \
        SUBMISSIONS="$class" GRADE_CLASS_DIR="$1" GRADE_REMOTE_DIR="$remote_dir" ${2:+HOSTS="$2"} \
        >"$1.log" 2>&1 || { tail -n 30 "$1.log"; fail "make grade-all ${2:+HOSTS=$2} failed"; }
}
run "$scratch/local"
run "$scratch/remote" "$hosts"
cmp -s "$scratch/local/gradebook.csv" "$scratch/remote/gradebook.csv" ||
    { diff "$scratch/local/gradebook.csv" "$scratch/remote/gradebook.csv"; fail "the gradebooks differ"; }
grep -q '^"alice",31,' "$scratch/remote/gradebook.csv" || fail "alice has not 31 points: $(cat "$scratch/remote/gradebook.csv")"
grep -q '^"odd name $(x)",31,' "$scratch/remote/gradebook.csv" && fail "the wrong scale lost no points"
[ -f "$scratch/remote/students/odd%20name%20%24%28x%29/report.txt" ] || fail "no report for the awkward name"
grep -q 'scale: hidden: OK' "$scratch/remote/students/alice/report.txt" || fail "the hosts did not run the hidden tests"
echo "parallel-check: the gradebook over $mode hosts equals the local one"

run "$scratch/remote" "$hosts"
grep -q '^grade-all: 0 students to grade' "$scratch/remote.log" || fail "a second run graded again: $(grep 'to grade' "$scratch/remote.log")"
echo '/* a change */' >>"$class/bob/01-sounds/scale.c"
run "$scratch/remote" "$hosts"
grep -q '^grade-all: 1 students to grade' "$scratch/remote.log" || fail "a changed student was not the only one graded"
cmp -s "$scratch/local/gradebook.csv" "$scratch/remote/gradebook.csv" || fail "the gradebook changed after regrading"
echo "parallel-check: re-runs grade only changed students"

# The class dashboard (grader/dashboard.sh), rendered by headless Chromium.
html="$scratch/local/index.html"
[ -f "$html" ] || fail "grade-all wrote no dashboard"
for want in 'id="distribution"' 'class="bin"' 'id="tests"' 'class="test"><td>01-sounds: scale: example</td><td class="num">1/3</td>' \
            'class="hint"' 'href="students/odd%2520name%2520%2524%2528x%2529/report.txt"'; do
    grep -qF "$want" "$html" || fail "the dashboard lacks $want"
done
chrome=
for c in chromium chromium-browser google-chrome; do command -v $c >/dev/null 2>&1 && chrome=$c && break; done
[ -n "$chrome" ] || fail "no Chromium to render the dashboard (apt-get install chromium)"
# --no-sandbox: Chromium refuses to run as root otherwise (CI runs as root)
timeout 60 $chrome --headless --no-sandbox --disable-gpu --dump-dom "file://$html" >"$scratch/dom.html" 2>"$scratch/chrome.err" ||
    { tail -n 5 "$scratch/chrome.err"; fail "Chromium could not load the dashboard"; }
rows=$(grep -o '<tr class="student">' "$scratch/dom.html" | wc -l)
[ "$rows" = 3 ] || fail "Chromium's DOM has $rows student rows, expected 3"
grep -q '<tr class="hint">' "$scratch/dom.html" || fail "Chromium's DOM has no hint rows"
timeout 60 $chrome --headless --no-sandbox --disable-gpu --window-size=1000,1400 \
    --screenshot="$scratch/dashboard.png" "file://$html" >/dev/null 2>&1
[ "$(wc -c <"$scratch/dashboard.png" 2>/dev/null || echo 0)" -gt 5000 ] || fail "Chromium drew no screenshot of the dashboard"
echo "parallel-check: the dashboard renders in $chrome (3 students, hints, pass rates)"
echo "parallel-check: ok"
