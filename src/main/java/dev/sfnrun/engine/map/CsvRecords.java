package dev.sfnrun.engine.map;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time, by the rules AWS documents for text-delimited ItemReader files:
 * the delimiter separates fields and a line break separates records (blank lines are skipped); a
 * field in double quotes may hold the delimiter and line breaks; a doubled quote stands for one
 * quote, in a quoted field and in an unquoted one; a backslash escapes a backslash, a quote or the
 * delimiter, and a backslash before any other character is dropped (before a line break too, which
 * still ends the record when the field is not quoted). Anything else is an error that
 * names its line, never read past: a lone quote inside an unquoted field, text after a closing
 * quote, a quoted field still open at the end of the object.
 */
final class CsvRecords implements Closeable {
    private static final int EOF = -1;

    /** A record that is not CSV as AWS reads it. */
    static class MalformedException extends IOException {
        final int line;

        MalformedException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** A record longer than the limit asked for (a header row over AWS's header size, a row over sfn-run's record size). */
    static final class TooLargeException extends MalformedException {
        final long bytes;

        TooLargeException(int line, long bytes) {
            super(line, "record of more than " + bytes + " bytes");
            this.bytes = bytes;
        }
    }

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[64 * 1024];
    private int length;
    private int next;
    private int line = 1;
    private int recordLine;
    private long recordBytes;
    private long maxBytes = Long.MAX_VALUE;

    CsvRecords(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The line the last record returned started on (1-based). */
    int recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end; one record longer than {@code maxBytes} (UTF-8) fails. */
    List<String> next(long maxBytes) throws IOException {
        this.maxBytes = maxBytes;
        try {
            return next();
        } finally {
            this.maxBytes = Long.MAX_VALUE;
        }
    }

    /** The next record's fields, or null at the end of the object. */
    List<String> next() throws IOException {
        int c = read();
        while (c == '\n' || c == '\r') {
            endOfLine(c);
            c = read();
        }
        if (c == EOF) {
            return null;
        }
        recordLine = line;
        recordBytes = 0;
        count(c);
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            field.setLength(0);
            if (c == '"') {
                c = quoted(field);
            } else {
                c = unquoted(c, field);
            }
            fields.add(field.toString());
            if (c == delimiter) {
                c = take();
                continue;
            }
            if (c == '\n' || c == '\r') {
                endOfLine(c);
            }
            return fields;
        }
    }

    /** A quoted field, its opening quote read; returns the character after the closing quote. */
    private int quoted(StringBuilder field) throws IOException {
        int opened = line;
        while (true) {
            int c = take();
            if (c == EOF) {
                throw new MalformedException(opened, "the quoted field opened on line " + opened + " is never closed");
            }
            if (c == '"') {
                int d = take();
                if (d == '"') {
                    field.append('"');
                    continue;
                }
                if (d != delimiter && d != '\n' && d != '\r' && d != EOF) {
                    throw new MalformedException(line, "unexpected character '" + (char) d
                            + "' after the closing quote of a quoted field (a quote inside a field is written \"\")");
                }
                return d;
            }
            if (c == '\\') {
                c = take();
                if (c == EOF) {
                    throw new MalformedException(opened, "the quoted field opened on line " + opened + " is never closed");
                }
            }
            if (c == '\n' || c == '\r') {
                field.append((char) c);
                grow(1);
                if (c == '\r' && peek() == '\n') {
                    field.append((char) take());
                    grow(1);
                }
                line++;
                continue;
            }
            field.append((char) c);
        }
    }

    /** An unquoted field from its first character {@code c}; returns the character that ends it. */
    private int unquoted(int c, StringBuilder field) throws IOException {
        while (c != delimiter && c != '\n' && c != '\r' && c != EOF) {
            if (c == '"') {
                if (peek() != '"') {
                    throw new MalformedException(line, "a quote inside an unquoted field (write it as \"\" or quote the whole field)");
                }
                take();
            } else if (c == '\\') {
                c = take();
                if (c == EOF || c == '\n' || c == '\r') { // dropped: a line break still ends the record
                    return c;
                }
            }
            field.append((char) c);
            c = take();
        }
        return c;
    }

    /** After a line break {@code c} has been read: a CR LF pair is one break. */
    private void endOfLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    /** The next character of the current record, counted against its size limit. */
    private int take() throws IOException {
        int c = read();
        if (c != EOF) {
            count(c);
        }
        return c;
    }

    /** Counts a character of the record (its line breaks aside) against the record's size limit. */
    private void count(int c) throws MalformedException {
        if (c == '\n' || c == '\r') {
            return;
        }
        grow(c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate((char) c) ? 2 : 3);
    }

    /** Counts {@code bytes} more of the record against its size limit (a line break in a quoted field counts). */
    private void grow(int bytes) throws MalformedException {
        recordBytes += bytes;
        if (recordBytes > maxBytes) {
            throw new TooLargeException(recordLine, recordBytes);
        }
    }

    private int read() throws IOException {
        if (next == length && !fill()) {
            return EOF;
        }
        return buffer[next++];
    }

    private int peek() throws IOException {
        if (next == length && !fill()) {
            return EOF;
        }
        return buffer[next];
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        length = n;
        next = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
