#!/bin/sh
# Hardening figures (issue 18), on the built CLI:
#  1. --output json of a 25,000-event STANDARD history whose every payload is 250 KB (about 6 GB of
#     report): wall time and peak RSS (the report is streamed: events are written as they come).
#  2. the text history of a 600,000-event EXPRESS run against the same run with --quiet: the
#     printer must stay within 2x the time of --quiet.
#   make build && sh src/bench/hardening-bench.sh [EVENTS_FOR_TEXT]
set -e
SFN_RUN=${SFN_RUN:-target/sfn-run}
TEXT_EVENTS=${1:-600000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/loop.asl.json" <<'JSON'
{"StartAt": "Inc", "States": {
  "Inc": {"Type": "Pass", "Parameters": {"data.$": "$.data", "n.$": "States.MathAdd($.n, 1)", "max.$": "$.max"}, "Next": "More"},
  "More": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericLessThanPath": "$.max", "Next": "Inc"}], "Default": "Done"},
  "Done": {"Type": "Succeed"}}}
JSON
python3 -c "import json; print(json.dumps({'data': 'x' * 250000, 'n': 0, 'max': 1000000}))" > "$dir/big.json"
rss() { # peak RSS in MB and wall seconds of a command whose stdout goes to $1
  out=$1; shift
  /usr/bin/time -f '%M %e' -o "$dir/time" "$@" > "$out" 2> "$dir/err" || true
  set -- $(cat "$dir/time" | tail -1)
  echo "$(( $1 / 1024 )) MB, $2 s"
}
echo "json report, 25,000 events x 250 KB payloads: $(rss "$dir/report.json" "$SFN_RUN" "$dir/loop.asl.json" --input "$dir/big.json" --time-scale 0 --output json)"
size=$(wc -c < "$dir/report.json")
python3 - "$dir/report.json" <<'PY'
import sys
with open(sys.argv[1], 'rb') as f:
    f.seek(-200, 2); tail = f.read()
assert tail.rstrip().endswith(b'}'), tail
PY
echo "  report: $(( size / 1000000 )) MB, ends $(tail -c 120 "$dir/report.json" | tr -d '\n' | cut -c1-60)..."
rm -f "$dir/report.json"
echo "text mode of the same run (history to /dev/null): $(rss /dev/null "$SFN_RUN" "$dir/loop.asl.json" --input "$dir/big.json" --time-scale 0)"
# 600,000 events: each loop is 4 events (PassStateEntered/Exited, ChoiceStateEntered/Exited)
loops=$(( TEXT_EVENTS / 4 ))
echo "{\"data\": \"small\", \"n\": 0, \"max\": $loops}" > "$dir/small.json"
t() { /usr/bin/time -f '%e' -o "$dir/time" "$@" > /dev/null 2> "$dir/err"; tail -1 "$dir/time"; }
quiet=$(t "$SFN_RUN" "$dir/loop.asl.json" --input "$dir/small.json" --type EXPRESS --time-scale 0 --quiet)
text=$(t "$SFN_RUN" "$dir/loop.asl.json" --input "$dir/small.json" --type EXPRESS --time-scale 0)
verbose=$(t "$SFN_RUN" "$dir/loop.asl.json" --input "$dir/small.json" --type EXPRESS --time-scale 0 --verbose)
echo "$(( loops * 4 + 4 )) events, EXPRESS: --quiet ${quiet} s, text history ${text} s, --verbose ${verbose} s"
python3 -c "import sys; q, t = float(sys.argv[1]), float(sys.argv[2]); print('  text / quiet = %.2f (goal: at most 2)' % (t / q))" "$quiet" "$text"
