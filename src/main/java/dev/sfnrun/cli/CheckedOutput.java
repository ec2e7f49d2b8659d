package dev.sfnrun.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The writer of standard output: text as UTF-8 onto a (buffered) stream, remembering the first
 * failure of the stream (a closed pipe, a full disk), since {@link java.io.PrintWriter} swallows
 * it: after the run, {@link #failure} says whether the product (history, report, output) reached
 * its reader. After a failure nothing more is written, so a long history costs nothing more.
 *
 * <p>Each piece of text is encoded by {@link String#getBytes} (for plain ASCII text a copy), not
 * char by char through a {@link java.io.OutputStreamWriter}: a long history is mostly encoding.
 * A surrogate pair split between two writes (a JSON generator writes in chunks) is joined first.
 */
final class CheckedOutput extends Writer {
    private final OutputStream target;
    private final String name;
    private volatile IOException failure;
    /** The high surrogate that ended the last write, waiting for its pair; 0 for none. */
    private char high;

    CheckedOutput(OutputStream target, String name) {
        this.target = target;
        this.name = name;
    }

    /** One line for the failure, or null if everything was written. */
    String failure() {
        IOException e = failure;
        if (e == null) {
            return null;
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "cannot write to " + name + " (" + reason + "): the result was not delivered";
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        write(new String(chars, offset, length));
    }

    @Override
    public void write(String text, int offset, int length) {
        write(offset == 0 && length == text.length() ? text : text.substring(offset, offset + length));
    }

    @Override
    public synchronized void write(String text) {
        if (failure != null || text.isEmpty()) {
            return;
        }
        if (high != 0) {
            text = high + text;
            high = 0;
        }
        if (Character.isHighSurrogate(text.charAt(text.length() - 1))) {
            high = text.charAt(text.length() - 1);
            text = text.substring(0, text.length() - 1);
        }
        try {
            target.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            failure = e;
        }
    }

    @Override
    public synchronized void flush() {
        if (failure == null) {
            try {
                target.flush();
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (high != 0) { // a lone high surrogate at the very end: encoded as any lone surrogate is, '?'
            String last = String.valueOf(high);
            high = 0;
            try {
                target.write(last.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                failure = e;
            }
        }
        flush();
        try {
            target.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
