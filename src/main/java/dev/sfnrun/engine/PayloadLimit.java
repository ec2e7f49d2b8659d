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
                Json.write(value, generator);
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

    private static final class Full extends RuntimeException {
        Full() {
            super(null, null, false, false);
        }
    }

    private static final class Counter extends OutputStream {
        private final long limit;
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

        private void add(int n) {
            count += n;
            if (count > limit) {
                throw new Full();
            }
        }
    }
}
