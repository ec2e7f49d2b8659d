#!/bin/sh
# sfn-run launcher: this script and the self-contained jar are one file; java reads the jar from the end.
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss4m $SFN_RUN_JAVA_OPTS -jar "$0" "$@"
