package dev.sfnrun.engine.map;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a text, as {@link java.io.BufferedReader#readLine()} gives them (a line ends at LF,
 * CR or CR LF), each no longer than a limit in UTF-8 bytes: a longer line fails as soon as it passes
 * the limit, so a line without end is never held whole.
 */
final class BoundedLines implements Closeable {
    /** A line longer than the limit. */
    static final class TooLongException extends IOException {
        final long line;

        TooLongException(long line, long limit) {
            super("line " + line + " is longer than " + limit + " bytes");
            this.line = line;
        }
    }

    private final Reader in;
    private final long maxBytes;
    private final char[] buffer = new char[64 * 1024];
    private final StringBuilder line = new StringBuilder();
    private int length;
    private int next;
    private long number;
    private boolean skipLf;

    BoundedLines(Reader in, long maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The number of the line last returned (1-based). */
    long number() {
        return number;
    }

    /** The next line without its line break, or null at the end of the text. */
    String next() throws IOException {
        line.setLength(0);
        long bytes = 0;
        boolean any = false;
        while (true) {
            if (next == length) {
                int n = in.read(buffer);
                if (n <= 0) {
                    if (!any) {
                        return null;
                    }
                    number++;
                    return line.toString();
                }
                length = n;
                next = 0;
            }
            char c = buffer[next++];
            if (skipLf) {
                skipLf = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n' || c == '\r') {
                skipLf = c == '\r';
                number++;
                return line.toString();
            }
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            if (bytes > maxBytes) {
                throw new TooLongException(number + 1, maxBytes);
            }
            line.append(c);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
