#!/bin/sh
# The tests run real task code and a real browser: python3 and node (Python and Node.js handlers),
# chromium and chromium-driver (the HTML report and graph). `make test` runs this first; whatever
# is missing is installed with apt-get (as root, or through sudo), so a fresh machine with a JDK,
# make and Maven passes. Nothing is installed when everything is there.
set -eu
missing=""
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
[ -z "$missing" ] && exit 0
echo "make test: installing$missing (the tests run real handlers and a real browser)"
if [ "$(id -u)" = 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "make test: cannot install$missing: not root and no sudo; install them, then run make test again" >&2
    exit 1
fi
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
