#!/bin/sh
# Intrinsic functions on the largest inputs a state accepts (256 KiB), on the built CLI: wall time of
# one Pass calling States.StringSplit with a 120,000-character text and delimiter text, and
# States.ArrayUnique of 17,000 arrays that share one Java hashCode. Each took seconds before they were
# made linear (StringSplit 12 s, ArrayUnique 8 s); the target is well under a second each.
#   make build && sh src/bench/intrinsics-bench.sh
set -e
SFN_RUN=${SFN_RUN:-target/sfn-run}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/split.asl.json" <<'JSON'
{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"n.$":"States.ArrayLength(States.StringSplit($.s, $.d))"},"End":true}}}
JSON
cat > "$dir/unique.asl.json" <<'JSON'
{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"n.$":"States.ArrayLength(States.ArrayUnique($.a))"},"End":true}}}
JSON
python3 -c "import json; print(json.dumps({'s': 'a' * 120000, 'd': '\U0001F600' + 'b' * 120000}))" > "$dir/split.json"
python3 -c "import json; print(json.dumps({'a': [[i, 10000 - 31 * i] for i in range(17000)]}, separators=(',', ':')))" > "$dir/unique.json"
run() { # name: wall time of one run, and its output
  s=$(date +%s%N)
  "$SFN_RUN" "$dir/$1.asl.json" --input "$dir/$1.json" --time-scale 0 --output json > "$dir/out.json"
  out=$(python3 -c "import json,sys; r = json.load(open(sys.argv[1])); print(r.get('output') or r.get('status'))" "$dir/out.json")
  e=$(date +%s%N)
  echo "$1: $(( (e - s) / 1000000 )) ms ($out)"
}
run split
run unique
