#!/bin/sh
# What --report costs, and how fast a big report opens: times the built sfn-run with and without
# --report on a 100,000-item inline Map (EXPRESS) and a 25,000-event history (a STANDARD loop just
# under AWS's history limit), medians of N runs each (alternating); then opens each big report in headless
# Chromium and measures (a) the in-page time from navigation start until the report is drawn (the
# report's own data-timing, read with --dump-dom) and (b) the wall time of a --screenshot of it
# minus that of an empty page (so Chromium's own start-up is not counted). Targets: --report adds
# <= 10% to a run; a big report opens in < 3 s.
#   make build && sh src/bench/report-bench.sh [N]
set -e
N=${1:-5}
SFN_RUN=${SFN_RUN:-target/sfn-run}
CHROMIUM=${CHROMIUM:-chromium}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/map100k.asl.json" <<'JSON'
{"QueryLanguage":"JSONata","StartAt":"Each item","States":{
 "Each item":{"Type":"Map","Items":"{% [1..100000] %}","Output":"{% {'count': $count($states.result)} %}","End":true,
  "ItemProcessor":{"StartAt":"Double","States":{"Double":{"Type":"Pass","Output":"{% $states.input * 2 %}","End":true}}}}}}
JSON
# 1 + 4 x 6,245 + 3 = 24,984 events
cat > "$dir/loop25k.asl.json" <<'JSON'
{"QueryLanguage":"JSONata","StartAt":"Init","States":{
 "Init":{"Type":"Pass","Assign":{"i":0},"Next":"Step"},
 "Step":{"Type":"Pass","Assign":{"i":"{% $i + 1 %}"},"Output":"{% {'i': $i, 'note': 'step ' & $string($i)} %}","Next":"Check"},
 "Check":{"Type":"Choice","Choices":[{"Condition":"{% $i < 6245 %}","Next":"Step"}],"Default":"Done"},
 "Done":{"Type":"Succeed"}}}
JSON

now() { date +%s%N; }

# wall time (ms) of: sfn-run ARGS...
run_ms() {
  s=$(now)
  "$SFN_RUN" "$@" > "$dir/out.txt" 2>&1 || { echo "failed: $SFN_RUN $*" >&2; cat "$dir/out.txt" >&2; exit 1; }
  e=$(now)
  echo $(( (e - s) / 1000000 ))
}

median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# N runs without and N with --report, alternating (this machine's speed drifts over minutes, so
# two medians taken one after the other would compare two different machines)
compare() { # name, definition, args...
  name=$1
  def=$2
  shift 2
  : > "$dir/plain"
  : > "$dir/report"
  i=0
  while [ $i -lt "$N" ]; do
    run_ms "$def" --time-scale 0 -q "$@" >> "$dir/plain"
    run_ms "$def" --time-scale 0 -q "$@" --report "$dir/$name.html" >> "$dir/report"
    i=$((i + 1))
  done
  plain=$(median "$dir/plain")
  report=$(median "$dir/report")
  size=$(wc -c < "$dir/$name.html")
  echo "$name: run ${plain} ms, with --report ${report} ms ($(( (report - plain) * 100 / plain ))%); report $(( size / 1024 )) KiB"
}

echo "sfn-run: $SFN_RUN, medians of $N runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
compare map100k "$dir/map100k.asl.json" --type EXPRESS
compare loop25k "$dir/loop25k.asl.json"

if ! command -v "$CHROMIUM" > /dev/null 2>&1; then
  echo "no $CHROMIUM: rendering not measured"
  exit 0
fi
echo '<!DOCTYPE html><html><body>empty</body></html>' > "$dir/empty.html"
shot_ms() { # wall time of a headless screenshot of file $1
  s=$(now)
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --user-data-dir="$dir/profile" --window-size=1280,1000 \
      --screenshot="$dir/shot.png" "file://$1" > /dev/null 2>&1
  e=$(now)
  echo $(( (e - s) / 1000000 ))
}
shot_ms "$dir/empty.html" > /dev/null # first start fills the profile
for name in map100k loop25k; do
  timing=$("$CHROMIUM" --headless --no-sandbox --disable-gpu --user-data-dir="$dir/profile" --dump-dom \
      "file://$dir/$name.html" 2> /dev/null | grep -o 'data-timing="[^"]*"' || true)
  [ -n "$timing" ] || { echo "$name: the report did not finish drawing"; exit 1; }
  empty=$(shot_ms "$dir/empty.html")
  full=$(shot_ms "$dir/$name.html")
  drawn=$(echo "$timing" | sed 's/.*table \([0-9]*\).*/\1/')
  echo "$name report in Chromium: drawn ${drawn} ms after navigation ($timing); screenshot $(( full - empty )) ms more than an empty page's (${full} vs ${empty} ms)"
done
