package dev.sfnrun.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * A writer that remembers the first failure of the one below it (a closed pipe, a full disk),
 * since {@link java.io.PrintWriter} swallows it: after the run, {@link #failure} says whether
 * the product (history, report, output) reached its reader. The first failure is also thrown, so
 * the {@link java.io.PrintWriter} over it knows ({@link java.io.PrintWriter#checkError}: a run
 * whose history cannot be shown is stopped). After a failure nothing more is written, so a long
 * history costs nothing more. Writes are serialised (a history printer's thread and the main
 * thread share standard output).
 */
final class CheckedOutput extends Writer {
    private final Writer target;
    private final String name;
    private volatile IOException failure;

    CheckedOutput(Writer target, String name) {
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
    public synchronized void write(char[] chars, int offset, int length) throws IOException {
        if (failure == null) {
            try {
                target.write(chars, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    @Override
    public synchronized void write(String text, int offset, int length) throws IOException {
        if (failure == null) {
            try {
                target.write(text, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (failure == null) {
            try {
                target.flush();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            flush();
        } catch (IOException e) {
            // kept as the failure
        }
        try {
            target.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
