package dev.sfnrun.engine.map;

/**
 * The sizes AWS's ItemReader accepts, checked from an object's size (or a header's) before its
 * items are read, so an object too large fails at once instead of being read first.
 */
final class ReaderLimits {
    /** The largest JSON, JSON Lines or CSV object (or manifest-listed file) an ItemReader reads: 10 GB. */
    static final long MAX_OBJECT_BYTES = 10L * 1000 * 1000 * 1000;
    /** The largest CSV header row: 10 KiB. */
    static final int MAX_CSV_HEADER_BYTES = 10 * 1024;
    /** The largest manifest (S3 inventory manifest.json, Athena manifest) read whole: 10 MB. */
    static final long MAX_MANIFEST_BYTES = 10L * 1000 * 1000;

    private ReaderLimits() {
    }

    static String objectTooLarge(String uri, long size) {
        return "The object " + uri + " is " + size + " bytes, more than the " + MAX_OBJECT_BYTES
                + " bytes (10 GB) an ItemReader reads.";
    }

    static String headerTooLarge(int bytes) {
        return "CSV header size exceeds the maximum of " + MAX_CSV_HEADER_BYTES + " bytes (10 KiB): the header row has "
                + bytes + " or more bytes.";
    }
}
