package dev.sfnrun.engine.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The items of one or more S3 objects, counted by a first pass (AWS needs the total before the Map
 * Run starts) and then read lazily, in order, as the Map Run's workers ask for them: never all in
 * memory at once. Workers take indexes in increasing order but may ask for them slightly out of
 * order; an item read ahead of its request waits in a small map until it is taken. Asking again for
 * an item already handed out reads the objects again from the start (correct, only slower), so any
 * reader of this list gets the right items.
 */
final class StreamedItems extends AbstractList<JsonNode> {
    /** Items of one object in order; {@code null} after the last. */
    interface Cursor extends Closeable {
        JsonNode next() throws IOException;
    }

    /** How one object's items are counted (and checked) and read. */
    interface Format {
        /** The number of items, at most {@code limit}; a malformed object fails here, before any child starts. */
        int count(S3Object object, int limit) throws IOException;

        Cursor open(S3Object object) throws IOException;
    }

    /** An object with its format. */
    record Source(S3Object object, Format format) {
    }

    private final List<Source> sources;
    private final int[] counts;
    private final int size;
    private final Map<Integer, JsonNode> waiting = new HashMap<>();
    // guarded by this
    private int source = -1;
    private int leftInSource;
    private Cursor cursor;
    private int position;

    private StreamedItems(List<Source> sources, int[] counts, int size) {
        this.sources = sources;
        this.counts = counts;
        this.size = size;
    }

    /** Counts the items of the sources in order, up to {@code limit} in all. */
    static StreamedItems of(List<Source> sources, int limit) {
        int[] counts = new int[sources.size()];
        int total = 0;
        for (int i = 0; i < sources.size() && total < limit; i++) {
            Source s = sources.get(i);
            try {
                counts[i] = s.format().count(s.object(), limit - total);
            } catch (IOException | UncheckedIOException e) {
                throw S3Object.failed("Cannot read " + s.object().uri() + ": " + S3Object.reason(e));
            }
            total += counts[i];
        }
        return new StreamedItems(sources, counts, total);
    }

    @Override
    public int size() {
        return size;
    }

    /** The URI ({@code s3://bucket/key}) of the object item {@code index} is read from. */
    String sourceOf(int index) {
        Objects.checkIndex(index, size);
        int before = 0;
        for (int i = 0; i < counts.length; i++) {
            before += counts[i];
            if (index < before) {
                return sources.get(i).object().uri();
            }
        }
        throw new IllegalStateException("item " + index + " of " + size);
    }

    @Override
    public synchronized JsonNode get(int index) {
        Objects.checkIndex(index, size);
        JsonNode item = waiting.remove(index);
        if (item != null) {
            return item;
        }
        if (index < position) {
            restart();
        }
        while (position < index) {
            waiting.put(position, read());
        }
        return read();
    }

    /** The item at {@code position}, which then moves on. */
    private JsonNode read() {
        try {
            while (leftInSource == 0) {
                closeCursor();
                source++;
                Source s = sources.get(source);
                leftInSource = counts[source];
                cursor = leftInSource == 0 ? null : s.format().open(s.object());
            }
            JsonNode item = cursor.next();
            if (item == null) {
                throw S3Object.failed("The object " + sources.get(source).object().uri()
                        + " changed while its items were read: it has fewer items than counted.");
            }
            leftInSource--;
            position++;
            if (position == size) {
                closeCursor();
            }
            return item;
        } catch (IOException | UncheckedIOException e) {
            throw S3Object.failed("Cannot read " + sources.get(source).object().uri() + ": " + S3Object.reason(e));
        }
    }

    private void restart() {
        closeCursor();
        waiting.clear();
        source = -1;
        leftInSource = 0;
        position = 0;
    }

    private void closeCursor() {
        if (cursor != null) {
            try {
                cursor.close();
            } catch (IOException e) {
                // a read-only file: nothing was lost
            }
            cursor = null;
        }
    }
}
