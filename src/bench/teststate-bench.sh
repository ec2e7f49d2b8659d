#!/bin/sh
# TestState offline throughput: N calls of `sfn-run test-state` (one process each, the way a test
# script or the conformance replay calls it) on a mocked Lambda Task at DEBUG; prints calls/s.
#   make build && sh src/bench/teststate-bench.sh [N]
set -e
N=${1:-20}
SFN_RUN=${SFN_RUN:-target/sfn-run}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/state.json" <<'JSON'
{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
 "Parameters": {"FunctionName": "f", "Payload.$": "$"}, "ResultSelector": {"body.$": "$.Payload"},
 "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}], "Next": "Done"}
JSON
cat > "$dir/mock.json" <<'JSON'
{"result": "{\"StatusCode\": 200, \"Payload\": {\"ok\": true}}"}
JSON
start=$(date +%s%N)
i=0
while [ $i -lt "$N" ]; do
  "$SFN_RUN" test-state --definition "$dir/state.json" --input '{"n": 1}' --mock "$dir/mock.json" \
      --inspection-level DEBUG --output json > "$dir/out.json"
  i=$((i + 1))
done
end=$(date +%s%N)
grep -q '"SUCCEEDED"' "$dir/out.json" || { echo "unexpected answer:"; cat "$dir/out.json"; exit 1; }
ms=$(( (end - start) / 1000000 ))
echo "test-state: $N calls in ${ms} ms: $(( N * 1000000 / (ms == 0 ? 1 : ms) / 1000 )).$(( (N * 1000000 / (ms == 0 ? 1 : ms)) % 1000 )) calls/s ($(( ms / N )) ms per call)"
