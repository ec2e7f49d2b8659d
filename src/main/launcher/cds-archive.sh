#!/bin/sh
# cds-archive.sh BINARY: makes BINARY.jsa, the AppCDS archive the launcher uses, by a training run
# of BINARY itself (so the archive names BINARY's own path), and BINARY.jsa.size. Both files appear
# only once complete. It never fails: without an archive sfn-run still works, only starts slower.
BINARY="$1"
rm -f "$BINARY.jsa" "$BINARY.jsa.size" "$BINARY.jsa.tmp" "$BINARY.jsa.size.tmp" "$BINARY.jsa.tmp.classes"
if SFN_RUN_CDS_TRAIN="$BINARY.jsa.tmp" "$BINARY" >/dev/null 2>&1 && [ -s "$BINARY.jsa.tmp" ] \
        && wc -c < "$BINARY.jsa.tmp" > "$BINARY.jsa.size.tmp"; then
    mv "$BINARY.jsa.tmp" "$BINARY.jsa" && mv "$BINARY.jsa.size.tmp" "$BINARY.jsa.size"
    rm -f "$BINARY.jsa.tmp.classes"
else
    rm -f "$BINARY.jsa.tmp" "$BINARY.jsa.size.tmp" "$BINARY.jsa.tmp.classes"
    echo "note: no class-data archive for $BINARY (it works without one, only starts slower)" >&2
fi
exit 0
