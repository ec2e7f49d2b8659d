package dev.sfnrun.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;

/**
 * The size AWS's payload limits are measured in: the bytes of a value's compact JSON text in UTF-8.
 * Counting stops as soon as the size is known to be over the caller's limit. A string of
 * {@link #LONG_STRING} characters or more is sized once per thread and found again by identity: a
 * large value passed on from state to state is the very same string node, and counting it again at
 * every check was most of the run's time with large payloads.
 */
public final class JsonSize {
    /** Strings at least this long are sized once and then found again by identity (see {@link LongStrings}). */
    static final int LONG_STRING = 4_096;

    private JsonSize() {
    }

    /**
     * The length in bytes of the compact UTF-8 text of {@code value}, or a number over
     * {@code limit} as soon as it is known to be over (the rest is not counted).
     */
    public static long of(JsonNode value, long limit) {
        Counter counter = new Counter(limit);
        try {
            try (JsonGenerator generator = Json.FACTORY.createGenerator(counter)) {
                Json.write(value, generator, (text, out) -> { // a long string as its quotes, the rest counted from its size
                    if (text.textValue().length() >= LONG_STRING) {
                        out.writeString("");
                        counter.add(LongStrings.size(text, counter.limit) - 2);
                    } else {
                        out.writeString(text.textValue());
                    }
                });
            }
        } catch (Full full) {
            return counter.count;
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Full) {
                    return counter.count; // Jackson may wrap what the stream throws
                }
                if (t instanceof StreamConstraintsException) {
                    throw new TooDeep();
                }
            }
            throw new IllegalStateException(e);
        }
        return counter.count;
    }

    /**
     * A value nested more than {@link #MAX_DEPTH} levels deep: the most JSON text may nest, as the
     * JSON library AWS's own messages name allows (and sfn-run's parser, so no such text is ever read).
     */
    public static final class TooDeep extends RuntimeException {
        TooDeep() {
            super("nested more than " + MAX_DEPTH + " levels deep", null, false, false);
        }
    }

    /** The deepest nesting a JSON value may have (Jackson's default for reading and writing). */
    public static final int MAX_DEPTH = 1_000;

    /**
     * Whether {@code value} nests more than {@link #MAX_DEPTH} levels deep. It is walked no deeper
     * than that, and a large container met again (the same array put into every item's input by an
     * ItemSelector) is found by identity instead of walked again.
     */
    public static boolean tooDeep(JsonNode value) {
        return depth(value, 0) > MAX_DEPTH;
    }

    /** Containers with at least this many members have their depth remembered (see {@link Recent}). */
    private static final int LARGE = 32;
    private static final ThreadLocal<Recent> DEPTHS = ThreadLocal.withInitial(Recent::new);

    /** The depth of {@code value} (a scalar 0, a container one more than its deepest member), or a number over the limit. */
    private static int depth(JsonNode value, int above) {
        if (!value.isContainerNode()) {
            return 0;
        }
        if (above >= MAX_DEPTH) {
            return MAX_DEPTH + 1;
        }
        boolean large = value.size() >= LARGE;
        Recent known = large ? DEPTHS.get() : null;
        int slot = large ? known.find(value) : -1;
        if (slot >= 0) {
            return (int) known.value(slot);
        }
        int deepest = 0;
        for (JsonNode member : value) {
            deepest = Math.max(deepest, depth(member, above + 1));
            if (above + 1 + deepest > MAX_DEPTH) {
                return 1 + deepest; // over: no need to look further (nor to remember a depth only partly known)
            }
        }
        if (large) {
            known.put(value, 1 + deepest, true);
        }
        return 1 + deepest;
    }

    /**
     * A number computed lately on this thread for each of a few nodes, found again by identity;
     * weakly held, so it never keeps a payload alive. {@code exact} false: a bound, not the number.
     */
    private static final class Recent {
        private static final int SLOTS = 8;
        private final java.lang.ref.WeakReference<?>[] nodes = new java.lang.ref.WeakReference<?>[SLOTS];
        private final long[] values = new long[SLOTS];
        private final boolean[] exact = new boolean[SLOTS];
        private int next;

        /** The slot remembering {@code node}, or -1. */
        int find(JsonNode node) {
            for (int i = 0; i < SLOTS; i++) {
                if (nodes[i] != null && nodes[i].get() == node) {
                    return i;
                }
            }
            return -1;
        }

        long value(int slot) {
            return values[slot];
        }

        boolean exact(int slot) {
            return exact[slot];
        }

        void put(JsonNode node, long value, boolean isExact) {
            nodes[next] = new java.lang.ref.WeakReference<>(node);
            values[next] = value;
            exact[next] = isExact;
            next = (next + 1) % SLOTS;
        }
    }

    /** The sizes of long strings met lately on this thread, by identity. */
    private static final class LongStrings {
        private static final ThreadLocal<Recent> MINE = ThreadLocal.withInitial(Recent::new);

        /** The size of the string's JSON text with its quotes, or a number over {@code limit} once known to be over. */
        static long size(JsonNode text, long limit) throws IOException {
            Recent cache = MINE.get();
            int slot = cache.find(text);
            if (slot >= 0 && (cache.exact(slot) || cache.value(slot) > limit)) {
                return cache.value(slot);
            }
            Counter counter = new Counter(limit);
            boolean whole = true;
            try (JsonGenerator generator = Json.FACTORY.createGenerator(counter)) {
                generator.writeString(text.textValue());
            } catch (Full full) {
                whole = false;
            } catch (IOException e) {
                if (!(e.getCause() instanceof Full)) {
                    throw e;
                }
                whole = false;
            }
            cache.put(text, counter.count, whole);
            return counter.count;
        }
    }

    private static final class Full extends RuntimeException {
        Full() {
            super(null, null, false, false);
        }
    }

    /**
     * Counts the UTF-8 bytes of the JSON text written to it: a character below U+0080 is one byte,
     * below U+0800 two, a surrogate pair (a character beyond the BMP, an emoji) four, any other three.
     * (Jackson's own UTF-8 generator writes a surrogate pair as two {@code \\u} escapes, twelve bytes.)
     */
    private static final class Counter extends Writer {
        final long limit;
        long count;

        Counter(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            long bytes = 0;
            for (int i = offset, end = offset + length; i < end; i++) {
                bytes += utf8Bytes(chars[i]);
            }
            add(bytes);
        }

        @Override
        public void write(String text, int offset, int length) {
            long bytes = 0;
            for (int i = offset, end = offset + length; i < end; i++) {
                bytes += utf8Bytes(text.charAt(i));
            }
            add(bytes);
        }

        private static int utf8Bytes(char c) {
            return c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }

        private void add(long n) {
            count += n;
            if (count > limit) {
                throw new Full();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
