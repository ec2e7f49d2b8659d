#!/bin/sh
# sfn-run launcher: this script and the self-contained jar are one file; java reads the jar from the end.
#
# Start-up: next to this file, "sfn-run.jsa" (made by `make build` and `make install`) is a static CDS
# archive of the classes a run loads (the JDK's and sfn-run's), and "sfn-run.jsa.size" its length in bytes. It is used only
# when both exist and the archive has its full length (a cut-off archive would crash the JVM); the
# JVM itself refuses, silently, an archive made for another jar (a rebuilt or moved sfn-run) or
# another JDK. Without it sfn-run is only slower to start. SFN_RUN_CDS=off never uses it.
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# A closed standard input (`<&-`) would be taken by the first file the JVM opens (its own jar), and
# `validate -` would read that: give it /dev/null. (A closed stdout stays closed: writing fails, exit 3.)
if ! (exec 3<&0) 2>/dev/null; then
    exec </dev/null
fi
# Arguments and file names are UTF-8 text: under the C or POSIX locale (env -i, many CI containers) the
# JVM would decode them as ASCII ('José' became 'Jos\uFFFD\uFFFD', and café.asl.json could not be opened).
case "${LC_ALL:-${LC_CTYPE:-$LANG}}" in
    *[Uu][Tt][Ff]-8* | *[Uu][Tt][Ff]8*) ;;
    *) if [ -n "$LC_ALL" ]; then LC_ALL=C.UTF-8; export LC_ALL; else LC_CTYPE=C.UTF-8; export LC_CTYPE; fi ;;
esac
# The archive names the jar by the path it was made with: use this file's absolute path, so that the
# archive serves whatever the current directory is ($PWD costs no fork; readlink only for a symlink,
# whose archive is next to the file it points to).
case "$0" in
    /*) SELF="$0" ;;
    *) SELF="$PWD/$0" ;;
esac
if [ -L "$SELF" ]; then
    SELF="$(readlink -f -- "$SELF")"
fi
JVM_OPTS="-Djava.security.manager=allow --add-opens=java.base/java.lang=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:NewSize=16m -XX:MaxNewSize=32m -Xss4m -XX:-UsePerfData"
OPTS="$JVM_OPTS -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr"
if [ -n "$SFN_RUN_CDS_TRAIN" ]; then
    # make: list the classes a set of typical runs loads, then dump them (with the JDK's own) into the
    # static archive $SFN_RUN_CDS_TRAIN. A static archive also holds classes of class-file versions
    # before Java 6, as the layout library's EMF classes are, which a dynamic one (ArchiveClassesAtExit) skips.
    "$JAVA" $OPTS -XX:DumpLoadedClassList="$SFN_RUN_CDS_TRAIN.classes" -cp "$SELF" dev.sfnrun.cli.CdsTraining || exit 1
    exec "$JAVA" $JVM_OPTS -Xshare:dump -XX:SharedClassListFile="$SFN_RUN_CDS_TRAIN.classes" \
        -XX:SharedArchiveFile="$SFN_RUN_CDS_TRAIN" -cp "$SELF"
fi
ARCHIVE="$SELF.jsa"
if [ "$SFN_RUN_CDS" != off ] && [ -f "$ARCHIVE" ] && [ -r "$ARCHIVE.size" ] \
        && read -r SIZE < "$ARCHIVE.size" && [ "$(wc -c < "$ARCHIVE")" -eq "$SIZE" ] 2>/dev/null; then
    exec "$JAVA" $OPTS -XX:SharedArchiveFile="$ARCHIVE" "-Xlog:cds*=off:stderr" $SFN_RUN_JAVA_OPTS -jar "$SELF" "$@"
fi
exec "$JAVA" $OPTS $SFN_RUN_JAVA_OPTS -jar "$SELF" "$@"
