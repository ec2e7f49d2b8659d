package dev.sfnrun.engine.map;

/**
 * The sizes an ItemReader accepts. An object's size is checked before its items are read, so an
 * object too large fails at once instead of being read first; a gzip-compressed object is also held
 * to the same limit as it inflates. One item's text (a CSV record, a JSON Lines line, an element of
 * a JSON array) is bounded while it is read, so no object, however it is shaped, makes sfn-run hold
 * more than {@link #MAX_RECORD_BYTES} of it at once.
 */
final class ReaderLimits {
    /** The largest JSON, JSON Lines or CSV object (or manifest-listed file, once inflated) an ItemReader reads: 10 GB. */
    static final long MAX_OBJECT_BYTES = 10L * 1000 * 1000 * 1000;
    /** The largest CSV header row: 10 KiB. */
    static final int MAX_CSV_HEADER_BYTES = 10 * 1024;
    /** The largest manifest (S3 inventory manifest.json, Athena manifest) read whole: 10 MB. */
    static final long MAX_MANIFEST_BYTES = 10L * 1000 * 1000;
    /**
     * The largest item text sfn-run reads (a CSV record, a JSON Lines line, an element of a JSON
     * array): 32 MiB, sfn-run's own bound (AWS documents none; it is far above what a child's
     * 256 KiB input can hold, and above the 20,000,000 characters of the longest JSON string).
     */
    static final long MAX_RECORD_BYTES = 32L * 1024 * 1024;

    private ReaderLimits() {
    }

    static String objectTooLarge(String uri, long size) {
        return "The object " + uri + " is " + size + " bytes, more than the " + MAX_OBJECT_BYTES
                + " bytes (10 GB) an ItemReader reads.";
    }

    static String inflatesTooLarge(String uri, long limit) {
        return "The object " + uri + " inflates (gunzipped) to more than the " + limit + " bytes"
                + (limit == MAX_OBJECT_BYTES ? " (10 GB)" : "") + " an ItemReader reads.";
    }

    static String headerTooLarge(int bytes) {
        return "CSV header size exceeds the maximum of " + MAX_CSV_HEADER_BYTES + " bytes (10 KiB): the header row has "
                + bytes + " or more bytes.";
    }

    /** {@code what} is "Line 3", "The CSV record starting at line 3", "Item 2 (line 3)". */
    static String recordTooLarge(String what, String uri, long limit) {
        return what + " of " + uri + " is longer than the " + limit + " bytes"
                + (limit == MAX_RECORD_BYTES ? " (32 MiB)" : "") + " sfn-run reads as one item.";
    }
}
