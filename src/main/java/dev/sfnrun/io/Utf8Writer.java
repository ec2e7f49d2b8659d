package dev.sfnrun.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Text as UTF-8 onto a (buffered) stream, each piece encoded by {@link String#getBytes} (for plain
 * ASCII text a copy) rather than char by char as {@link java.io.OutputStreamWriter} does: a long
 * history or a large report is mostly encoding. A surrogate pair split between two writes (a JSON
 * generator writes in chunks) is joined first; a lone surrogate is written as {@code ?}, as the
 * JDK's encoder writes one. Not thread-safe.
 */
public final class Utf8Writer extends Writer {
    private final OutputStream target;
    /** The high surrogate that ended the last write, waiting for its pair; 0 for none. */
    private char high;

    public Utf8Writer(OutputStream target) {
        this.target = target;
    }

    @Override
    public void write(int c) throws IOException {
        if (c < 0x80 && high == 0) { // ASCII: the byte itself
            target.write(c);
        } else {
            write(String.valueOf((char) c));
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        write(new String(chars, offset, length));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        write(offset == 0 && length == text.length() ? text : text.substring(offset, offset + length));
    }

    @Override
    public void write(String text) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        if (high != 0) {
            text = high + text;
            high = 0;
        }
        char last = text.charAt(text.length() - 1);
        if (Character.isHighSurrogate(last)) {
            high = last;
            text = text.substring(0, text.length() - 1);
        }
        target.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    /** Writes a high surrogate still waiting for its pair (as {@code ?}), flushes and closes the stream. */
    @Override
    public void close() throws IOException {
        try {
            if (high != 0) {
                String lone = String.valueOf(high);
                high = 0;
                target.write(lone.getBytes(StandardCharsets.UTF_8));
            }
            target.flush();
        } finally {
            target.close();
        }
    }
}
