#!/bin/sh
# screenshot.sh PAGE.html OUT.png WIDTH HEIGHT: a picture of a local page in headless Chromium
# (fresh profile, no network; the browser exits by itself when the picture is taken).
set -eu
page=$1 out=$2 width=$3 height=$4
chromium=${CHROMIUM:-/usr/bin/chromium}
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --hide-scrollbars --user-data-dir="$profile" --window-size="$width,$height" --screenshot="$out" \
  "file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")" >/dev/null 2>&1
test -s "$out"
echo "$out"
