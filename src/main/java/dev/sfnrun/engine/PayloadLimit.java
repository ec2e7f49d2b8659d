package dev.sfnrun.engine;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.io.OutputStream;

/**
 * AWS's payload quota: a state's result, input or output may hold at most 256 KiB (262,144 bytes)
 * of UTF-8 JSON text; beyond it the state fails with {@code States.DataLimitExceeded}.
 */
final class PayloadLimit {
    static final int MAX_BYTES = 262_144;

    private PayloadLimit() {
    }

    /**
     * Throws {@code States.DataLimitExceeded} when {@code value} is over the quota. {@code source}
     * is the name in AWS's cause: the state's name, or for a task result the resource as AWS
     * names it (the function ARN of a Lambda resource, the integration's short name otherwise).
     */
    static void check(JsonNode value, String source) {
        if (exceeds(value)) {
            throw error(source);
        }
    }

    static StatesError error(String source) {
        return new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + source
                + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    }

    /** Whether the compact UTF-8 text of {@code value} is longer than the quota; stops counting past it. */
    static boolean exceeds(JsonNode value) {
        if (value == null || value.isValueNode() && !value.isTextual()) {
            return false;
        }
        return size(value, MAX_BYTES) > MAX_BYTES;
    }

    /**
     * The length in bytes of the compact UTF-8 text of {@code value}, or a number over
     * {@code limit} as soon as it is known to be over (the rest is not counted).
     */
    static long size(JsonNode value, long limit) {
        Counter counter = new Counter(limit);
        try {
            try (JsonGenerator generator = Json.FACTORY.createGenerator(counter, JsonEncoding.UTF8)) {
                write(value, generator, counter);
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

    /** Strings at least this long are sized once and then found again by identity (see {@link LongStrings}). */
    static final int LONG_STRING = 4_096;

    /** Writes {@code node} as {@link Json#write} does, a long string only as its quotes, the rest counted from its size. */
    private static void write(JsonNode node, JsonGenerator generator, Counter counter) throws IOException {
        if (node.isTextual() && node.textValue().length() >= LONG_STRING) {
            generator.writeString("");
            counter.add(LongStrings.size(node, counter.limit) - 2);
        } else if (node.isObject()) {
            generator.writeStartObject(node, node.size());
            for (var it = node.fields(); it.hasNext(); ) {
                var member = it.next();
                generator.writeFieldName(member.getKey());
                write(member.getValue(), generator, counter);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray(node, node.size());
            for (JsonNode element : node) {
                write(element, generator, counter);
            }
            generator.writeEndArray();
        } else {
            Json.write(node, generator);
        }
    }

    /**
     * The sizes of long strings met lately on this thread, by identity: a value passed on from state to
     * state (a payload's large field) is the very same string node, and counting its UTF-8 JSON text
     * again at every state was most of the run's time with large payloads. Weakly held: a cache never
     * keeps a payload alive.
     */
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
            try (JsonGenerator generator = Json.FACTORY.createGenerator(counter, JsonEncoding.UTF8)) {
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

    private static final class Counter extends OutputStream {
        final long limit;
        long count;

        Counter(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            add(1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            add(len);
        }

        private void add(long n) {
            count += n;
            if (count > limit) {
                throw new Full();
            }
        }
    }
}
