package dev.sfnrun.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.io.BoundedFiles;
import dev.sfnrun.query.Json;
import java.io.InputStream;

/** Reads the user's files (never writes them), turning every problem into a one-line {@link UsageError}. */
final class InputFiles {
    private InputFiles() {
    }

    /** The text of a definition file, or of standard input for "-" (see {@link #read(String, InputStream, long, String)}). */
    static String read(String name, InputStream stdin) {
        return read(name, stdin, BoundedFiles.DEFINITION_BYTES, "a state machine definition");
    }

    /**
     * The text of a file, or of standard input for "-", refused from its size before it is read
     * when it is larger than {@code limit}; a leading UTF-8 byte order mark is dropped, as editors hide it.
     */
    static String read(String name, InputStream stdin, long limit, String what) {
        return withoutByteOrderMark(readText(name, stdin, limit, what));
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String readText(String name, InputStream stdin, long limit, String what) {
        try {
            if (name.equals("-")) {
                return BoundedFiles.readText(stdin, name, limit, what);
            }
            return BoundedFiles.readText(BoundedFiles.path(name), name, limit, what);
        } catch (BoundedFiles.FileProblem e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** Parses JSON text; a syntax error names the file, line and column. */
    static JsonNode parse(String name, String text) {
        if (text.isBlank()) {
            throw new UsageError(name + ": empty file, expected JSON");
        }
        try {
            JsonNode node = Json.parse(text);
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new UsageError(name + where + ": invalid JSON: " + dev.sfnrun.io.JsonMessages.plain(e));
        }
    }
}
