#!/bin/sh
# Map benchmark (not a test): a Pass-processor Map over N items, inline and distributed,
# MaxConcurrency 0 and 1, run by the built CLI in text mode (-q). Prints wall time, CPU time and
# peak memory (max RSS) of each run.   Usage: bench/map-bench.sh [N...]   (default: 10000 100000)
set -e
SFN_RUN=${SFN_RUN:-$(dirname "$0")/../target/sfn-run}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for mode in inline distributed; do
  for mc in 0 1; do
    config=""
    [ "$mode" = distributed ] && config='"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, '
    cat > "$WORK/${mode}_mc$mc.json" <<JSON
{"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": $mc,
  "ItemProcessor": {${config}"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
  "ResultSelector": {"n.\$": "States.ArrayLength(\$)"}, "End": true}}}
JSON
  done
done
for n in ${@:-10000 100000}; do
  python3 -c "import json,sys; json.dump(list(range($n)), sys.stdout)" > "$WORK/items$n.json"
  for run in inline_mc0 inline_mc1 distributed_mc0 distributed_mc1; do
    /usr/bin/time -f "$run $n items: %e s wall, %U s user, %S s sys, %M KB max RSS" \
      "$SFN_RUN" "$WORK/$run.json" --input "$WORK/items$n.json" -q --time-scale 0 > /dev/null
  done
done
