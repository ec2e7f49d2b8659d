package dev.sfnrun.cli;

import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The events of {@code --output json}, written as JSON text as they happen (each event is turned
 * into text once and then dropped), so that the report of a long history with large payloads
 * (25,000 events of 250 KB) needs little memory: kept in memory up to {@link #MEMORY_CHARS}, then
 * in a temporary file that {@link #close} deletes. The execution keeps no copy of its events
 * ({@link #keepsHistory}).
 */
final class JsonEvents implements ExecutionListener, AutoCloseable {
    /** Up to this many characters stay in memory; beyond, the events go to a temporary file. */
    static final int MEMORY_CHARS = 8 << 20;
    private final StringBuilder memory = new StringBuilder();
    private Path file;
    private Writer spill;
    private boolean first = true;

    @Override
    public synchronized void onEvent(HistoryEvent event) {
        String text = Json.compact(JsonReport.event(event));
        try {
            if (spill == null && memory.length() + text.length() > MEMORY_CHARS) {
                file = Files.createTempFile("sfn-run-events", ".json");
                file.toFile().deleteOnExit();
                spill = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
                spill.append(memory);
                memory.setLength(0);
                memory.trimToSize();
            }
            Appendable target = spill != null ? spill : memory;
            if (!first) {
                target.append(',');
            }
            first = false;
            target.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the history for the JSON report in "
                    + (file == null ? "a temporary file" : file.toString()) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean keepsHistory() {
        return true;
    }

    /** Writes the events so far, separated by commas (the inside of the report's events array). */
    synchronized void copyTo(Writer out) throws IOException {
        if (spill == null) {
            out.append(memory);
            return;
        }
        spill.flush();
        char[] buffer = new char[1 << 16];
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (spill != null) {
                spill.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file left behind: deleteOnExit tries again
        }
    }
}
