package dev.sfnrun.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.io.Neutral;
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
    private final boolean forTerminal;
    private JsonGenerator generator;

    public CompactText() {
        this(false);
    }

    private CompactText(boolean forTerminal) {
        this.forTerminal = forTerminal;
        generator = newGenerator();
    }

    /**
     * As {@link #CompactText()}, for text shown on a terminal: besides what JSON escapes anyway
     * (every character below U+0020), DEL, the C1 controls and the bidi embeddings and isolates are
     * written as {@code \\uXXXX} escapes, so a value cannot move the cursor or reorder the line.
     * The text is still JSON, for the same value.
     */
    public static CompactText forTerminal() {
        return new CompactText(true);
    }

    private JsonGenerator newGenerator() {
        try {
            JsonGenerator made = Json.FACTORY.createGenerator(buffer);
            made.setRootValueSeparator(null); // values one after another, nothing between them
            if (forTerminal) {
                made.setCharacterEscapes(TerminalEscapes.INSTANCE);
            }
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compact JSON text of {@code node}, as {@link Json#compact} writes it. */
    public String of(JsonNode node) {
        return of(node, Integer.MAX_VALUE);
    }

    /**
     * The start of the compact JSON text of {@code node}: all of it when it has at most {@code limit}
     * characters, else at least its first {@code limit + 1} (so the caller sees it is longer). A large
     * value is not serialised beyond that.
     */
    public String of(JsonNode node, int limit) {
        buffer.text.setLength(0);
        buffer.limit = limit;
        try {
            Json.write(node, generator);
            generator.flush();
        } catch (Enough enough) {
            generator = newGenerator(); // the old one stopped in the middle of a value
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.text.toString();
    }

    /** Thrown by the buffer once it holds more than the caller wants. */
    private static final class Enough extends IOException {
        static final Enough INSTANCE = new Enough();

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // a signal, not an error: no stack to record
        }
    }

    private static final class Buffer extends Writer {
        final StringBuilder text = new StringBuilder(256);
        int limit = Integer.MAX_VALUE;

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            text.append(chars, offset, length);
            if (text.length() > limit) {
                throw Enough.INSTANCE;
            }
        }

        @Override
        public void write(String string, int offset, int length) throws IOException {
            text.append(string, offset, offset + length);
            if (text.length() > limit) {
                throw Enough.INSTANCE;
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** JSON's own escapes, plus the other characters {@link Neutral} neutralises (DEL, C1 controls, bidi) as {@code \\uXXXX}. */
    private static final class TerminalEscapes extends CharacterEscapes {
        static final TerminalEscapes INSTANCE = new TerminalEscapes();
        private final int[] ascii = standardAsciiEscapesForJSON();

        private TerminalEscapes() {
            for (int c = 0; c < ascii.length; c++) {
                if (Neutral.isControl(c) && ascii[c] == 0) {
                    ascii[c] = ESCAPE_STANDARD;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            if (Neutral.isControl(c)) {
                return new SerializedString(String.format("\\u%04x", c));
            }
            return null;
        }
    }
}
