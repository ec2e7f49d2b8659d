package dev.sfnrun.query;

import com.fasterxml.jackson.core.JsonGenerator;
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
            }
            throw new IllegalStateException(e);
        }
        return counter.count;
    }

    /** The sizes of long strings met lately on this thread, by identity; weakly held: a cache never keeps a payload alive. */
    private static final class LongStrings {
        private static final int SLOTS = 8;
        private static final ThreadLocal<LongStrings> MINE = ThreadLocal.withInitial(LongStrings::new);
        private final java.lang.ref.WeakReference<?>[] nodes = new java.lang.ref.WeakReference<?>[SLOTS];
        /** Each slot's count: the exact size, or (not exact) a number over the limit it was counted to. */
        private final long[] sizes = new long[SLOTS];
        private final boolean[] exact = new boolean[SLOTS];
        private int next;

        /** The size of the string's JSON text with its quotes, or a number over {@code limit} once known to be over. */
        static long size(JsonNode text, long limit) throws IOException {
            LongStrings cache = MINE.get();
            for (int i = 0; i < SLOTS; i++) {
                if (cache.nodes[i] != null && cache.nodes[i].get() == text && (cache.exact[i] || cache.sizes[i] > limit)) {
                    return cache.sizes[i];
                }
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
            cache.nodes[cache.next] = new java.lang.ref.WeakReference<>(text);
            cache.sizes[cache.next] = counter.count;
            cache.exact[cache.next] = whole;
            cache.next = (cache.next + 1) % SLOTS;
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
