#!/bin/sh
# Python and Node.js handlers, timed through the built CLI (median wall time of N runs, after one
# untimed run), against the targets of issue 13:
#   - the tutorial (429 path: three failures, then success) through definitions/functions/mock_api.py,
#     within 1.5x the built-in MockAPIFunction's time;
#   - an inline Map of 10,000 items calling a trivial Python handler, MaxConcurrency 8: <= 5 s on 2 cores;
#   - the same with a Node.js handler.
#
#   make build && src/bench/handlers.sh          # N=5 runs each
#   N=11 SFN_RUN=/path/to/sfn-run src/bench/handlers.sh
set -eu
cd "$(dirname "$0")/../.."
SFN_RUN=${SFN_RUN:-target/sfn-run}
N=${N:-5}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 -c 'import json; json.dump({"concurrency": 8, "items": list(range(10000))}, open("'"$TMP"'/map.json", "w"))'

# median wall milliseconds of N runs of the command; fails when a run prints no $EXPECT
median() {
    "$@" > "$TMP/out" 2>"$TMP/err" || true
    grep -q -- "$EXPECT" "$TMP/out" || { echo "FAILED: $*" >&2; cat "$TMP/out" "$TMP/err" >&2; exit 1; }
    i=0
    : > "$TMP/times"
    while [ $i -lt "$N" ]; do
        start=$(date +%s%N)
        "$@" > "$TMP/out" 2>"$TMP/err" || true
        end=$(date +%s%N)
        grep -q -- "$EXPECT" "$TMP/out" || { echo "FAILED: $*" >&2; cat "$TMP/out" "$TMP/err" >&2; exit 1; }
        echo $(( (end - start) / 1000000 )) >> "$TMP/times"
        i=$((i + 1))
    done
    sort -n "$TMP/times" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

TUTORIAL="definitions/api-error-handling.asl.json --input inputs/429.json --time-scale 0 --quiet"
EXPECT="The request has succeeded."
builtin=$(median $SFN_RUN $TUTORIAL)
python=$(median $SFN_RUN $TUTORIAL --task MockAPIFunction=python:definitions/functions/mock_api.py:lambda_handler)
node=$(median $SFN_RUN $TUTORIAL --task MockAPIFunction=node:definitions/functions/mock_api.mjs:handler)
MAP="definitions/bench/map-lambda.asl.json --input $TMP/map.json --type EXPRESS --time-scale 0 --quiet"
EXPECT='"results": 10000'
map_python=$(median $SFN_RUN $MAP --task Trivial=python:definitions/bench/functions/trivial.py:handler)
map_node=$(median $SFN_RUN $MAP --task Trivial=node:definitions/bench/functions/trivial.mjs:handler)

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), median of $N runs"
printf '%-44s %7s ms\n' "tutorial 429, built-in MockAPIFunction" "$builtin"
printf '%-44s %7s ms  (%s x built-in; target <= 1.5 x)\n' "tutorial 429, Python mock_api.py" "$python" \
    "$(awk "BEGIN { printf \"%.2f\", $python / $builtin }")"
printf '%-44s %7s ms  (%s x built-in)\n' "tutorial 429, Node.js mock_api.mjs" "$node" \
    "$(awk "BEGIN { printf \"%.2f\", $node / $builtin }")"
printf '%-44s %7s ms  (target <= 5000 ms on 2 cores)\n' "Map 10,000 x Python handler, MaxConcurrency 8" "$map_python"
printf '%-44s %7s ms  (target <= 5000 ms on 2 cores)\n' "Map 10,000 x Node.js handler, MaxConcurrency 8" "$map_node"
