package dev.sfnrun.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * {@link Json#compact} for one thread that serialises many values in a row (a history printer):
 * one generator writes every value into one reused buffer, instead of a generator, a writer
 * and a buffer made for each value. Not thread-safe.
 */
public final class CompactText {
    private final Buffer buffer = new Buffer();
    private final JsonGenerator generator;

    public CompactText() {
        try {
            generator = Json.FACTORY.createGenerator(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        generator.setRootValueSeparator(null); // values one after another, nothing between them
    }

    /** The compact JSON text of {@code node}, as {@link Json#compact} writes it. */
    public String of(JsonNode node) {
        buffer.text.setLength(0);
        try {
            Json.write(node, generator);
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.text.toString();
    }

    private static final class Buffer extends Writer {
        final StringBuilder text = new StringBuilder(256);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
