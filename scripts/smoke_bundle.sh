#!/usr/bin/env bash
# Smoke-test the built bundle the way a lab PC runs it: a clean environment (env -i with only PATH,
# a temporary HOME and LCDREADER_HOME), nothing from the venv or the source tree.
#
#   bash scripts/smoke_bundle.sh [dist/lcdreader]
#
# Checks: 1) --version matches pyproject.toml; 2) `read` on the bundled sample screen finds 100.07
# in a box; 3) the GUI starts offscreen, stays up 6 s and logs no traceback; 4) a 2-step `train`
# job ends with a {"event": "done"} line. Takes about 2 minutes on 2 cores (most of it the train step).
set -uo pipefail
cd "$(dirname "$0")/.."
BUNDLE=${1:-dist/lcdreader}
EXE="$BUNDLE/lcdreader"
[ -x "$EXE" ] || { echo "no executable at $EXE: run scripts/build_bundle.sh first" >&2; exit 2; }
HOST_PY=$(command -v python3 || true)
[ -n "$HOST_PY" ] || { echo "python3 is needed to check the JSON output" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/lcdreader-smoke.XXXXXX")
GUI_PID=""
cleanup() {
    [ -n "$GUI_PID" ] && kill "$GUI_PID" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT
mkdir -p "$TMP/home" "$TMP/data" "$TMP/work"
clean_env() { env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$TMP/home" LCDREADER_HOME="$TMP/data" "$@"; }

FAILED=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; FAILED=1; }
step_time() { echo "$(( $(date +%s) - $1 )) s"; }

# 1. version ---------------------------------------------------------------------------------------
t=$(date +%s)
expected="lcdreader $(sed -n 's/^version *= *"\(.*\)"/\1/p' pyproject.toml | head -1)"
got=$(clean_env "$EXE" --version 2>"$TMP/version.err")
if [ "$got" = "$expected" ]; then pass "--version: $got ($(step_time "$t"))"
else fail "--version: got '$got', expected '$expected'"; cat "$TMP/version.err"; fi

# 2. read a sample screen --------------------------------------------------------------------------
t=$(date +%s)
SAMPLE=$(find "$BUNDLE" -path "*resources/samples/sampler_lcd.png" | head -1)
if [ -z "$SAMPLE" ]; then fail "read: resources/samples/sampler_lcd.png is not in the bundle"
else
    clean_env "$EXE" read "$SAMPLE" >"$TMP/read.jsonl" 2>"$TMP/read.err"
    rc=$?
    if [ $rc -eq 0 ] && "$HOST_PY" - "$TMP/read.jsonl" <<'EOF'
import json, sys
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
texts = [box["text"] for record in records for box in record.get("boxes", [])]
print("  boxes:", " | ".join(texts))
sys.exit(0 if any("100.07" in text for text in texts) else 1)
EOF
    then pass "read: 100.07 found in a box ($(step_time "$t"))"
    else fail "read (exit $rc): 100.07 not found"; tail -20 "$TMP/read.err"; head -c 2000 "$TMP/read.jsonl"; fi
fi

# 3. the GUI, offscreen ----------------------------------------------------------------------------
t=$(date +%s)
# Not through the clean_env function: in the background that would be a subshell, and $! must be the
# app itself (env execs it) so that the kill below reaches it.
env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$TMP/home" LCDREADER_HOME="$TMP/data" QT_QPA_PLATFORM=offscreen \
    "$EXE" gui >"$TMP/gui.log" 2>&1 &
GUI_PID=$!
sleep 6
if kill -0 "$GUI_PID" 2>/dev/null; then
    kill "$GUI_PID"; wait "$GUI_PID" 2>/dev/null; GUI_PID=""
    sleep 1
    # Python tracebacks only: Paddle answers the SIGTERM itself with a "C++ Traceback" banner.
    if grep -q "^Traceback (most recent call last)" "$TMP/gui.log" "$TMP/data/logs/lcdreader.log" 2>/dev/null; then
        fail "gui: a traceback was logged"; cat "$TMP/gui.log"; grep -A20 "^Traceback" "$TMP/data/logs/lcdreader.log"
    else pass "gui: alive after 6 s offscreen, no traceback ($(step_time "$t"))"; fi
else
    wait "$GUI_PID"; rc=$?; GUI_PID=""
    fail "gui: exited early (exit $rc)"; tail -30 "$TMP/gui.log"
fi

# 4. a 2-step training job (what the wizard starts) ------------------------------------------------
t=$(date +%s)
cat >"$TMP/job.json" <<EOF
{"name": "smoke", "tasks": ["rec"], "synthetic_screens": 4, "rec": {"steps": 2, "batch_size": 4},
 "eval_every": 2, "device": "cpu", "activate": "never", "work_dir": "$TMP/work"}
EOF
clean_env "$EXE" train --payload "$TMP/job.json" >"$TMP/train.jsonl" 2>"$TMP/train.err"
rc=$?
last=$(grep -v '^\s*$' "$TMP/train.jsonl" | tail -1)
if [ $rc -eq 0 ] && "$HOST_PY" -c 'import json,sys; e=json.loads(sys.argv[1]); sys.exit(0 if isinstance(e, dict) and e.get("event") == "done" else 1)' "$last" 2>/dev/null
then pass "train: 2 steps, last line is the done event ($(step_time "$t"))"; echo "  ${last:0:300}"
else fail "train (exit $rc): last line was: ${last:0:500}"; tail -30 "$TMP/train.err"; fi

if [ $FAILED -eq 0 ]; then echo "smoke test passed"; else echo "smoke test FAILED"; fi
exit $FAILED
