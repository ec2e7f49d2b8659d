#!/bin/sh
# Measures `sfn-run validate` on 100 generated definitions (30 states each: Task with Retry/Catch and
# intrinsics, Choice, Map, Parallel, Pass with Assign, Wait) against 1 file, so that the difference
# is the cost of 99 files after start-up. Usage: src/bench/validate-bench.sh [path/to/sfn-run]
set -eu
BIN=${1:-target/sfn-run}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT

state() { # name kind next
  n=$1; k=$2; next=$3
  case $k in
    0) printf '"%s": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "%s",
      "Parameters": {"FunctionName": "f", "Payload.$": "States.Format('"'"'x{}'"'"', $.a)"},
      "ResultSelector": {"v.$": "$.Payload"}, "ResultPath": "$.r", "TimeoutSeconds": 30, "HeartbeatSeconds": 10,
      "Retry": [{"ErrorEquals": ["States.Timeout"], "MaxAttempts": 2, "BackoffRate": 2.0}, {"ErrorEquals": ["States.ALL"]}],
      "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.err", "Next": "Done"}]},\n' "$n" "$next" ;;
    1) printf '"%s": {"Type": "Choice", "Default": "%s", "Choices": [{"And": [{"Variable": "$.a", "NumericGreaterThan": 1},
      {"Variable": "$.b", "StringMatches": "x*"}], "Next": "%s"}]},\n' "$n" "$next" "$next" ;;
    2) printf '"%s": {"Type": "Map", "Next": "%s", "ItemsPath": "$.items", "ItemSelector": {"v.$": "$$.Map.Item.Value"},
      "ItemProcessor": {"StartAt": "%s_in", "States": {"%s_in": {"Type": "Pass", "End": true}}}},\n' "$n" "$next" "$n" "$n" ;;
    3) printf '"%s": {"Type": "Parallel", "Next": "%s", "Branches": [
      {"StartAt": "%s_a", "States": {"%s_a": {"Type": "Wait", "Seconds": 1, "End": true}}},
      {"StartAt": "%s_b", "States": {"%s_b": {"Type": "Wait", "Seconds": 1, "End": true}}}]},\n' "$n" "$next" "$n" "$n" "$n" "$n" ;;
    4) printf '"%s": {"Type": "Pass", "Next": "%s", "Result": {"x": 1}, "Assign": {"total.$": "$.x"}},\n' "$n" "$next" ;;
    *) printf '"%s": {"Type": "Wait", "Next": "%s", "SecondsPath": "$.w", "InputPath": "$.in", "OutputPath": "$"},\n' "$n" "$next" ;;
  esac
}

f=0
while [ $f -lt 100 ]; do
  {
    printf '{"Comment": "generated", "StartAt": "S0", "States": {\n'
    i=0
    while [ $i -lt 29 ]; do
      state "S$i" $((i % 6)) "$([ $i -lt 28 ] && echo "S$((i + 1))" || echo Done)"
      i=$((i + 1))
    done
    printf '"Done": {"Type": "Succeed"}}}\n'
  } > "$DIR/m$f.json"
  f=$((f + 1))
done

"$BIN" validate "$DIR"/m*.json > /dev/null # all valid; warms the file cache
for run in 1 2 3; do
  /usr/bin/time -o "$DIR/t1" -f "1 file:    %e s wall, %U s user + %S s sys" "$BIN" validate "$DIR/m0.json" 2> /dev/null
  /usr/bin/time -o "$DIR/t100" -f "100 files: %e s wall, %U s user + %S s sys" "$BIN" validate "$DIR"/m*.json 2> /dev/null
  echo "run $run: $(cat "$DIR/t1") | $(cat "$DIR/t100")"
done
