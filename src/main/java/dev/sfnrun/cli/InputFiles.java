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

    /**
     * Checks, without opening it, that {@code name} is a regular file sfn-run can read, as
     * {@link #read} checks it: a directory, a named pipe or a device is refused with the same line
     * ({@code shownAs} names it in the message: the file name, or the option and the file name).
     */
    static java.nio.file.Path regularFile(String name, String shownAs) {
        try {
            java.nio.file.Path path = BoundedFiles.path(name);
            BoundedFiles.regularFile(path, shownAs);
            return path;
        } catch (BoundedFiles.FileProblem e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** Whether something (a file, a directory, a pipe, a broken link) is at {@code name}: what {@link #read} would try to read. */
    static boolean exists(String name) {
        try {
            return name.indexOf('\0') < 0 && java.nio.file.Files.exists(java.nio.file.Path.of(name),
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
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
        if (text.isBlank()) { // an option's inline JSON is no file
            throw new UsageError(name + (name.startsWith("--") ? ": empty, expected JSON" : ": empty file, expected JSON"));
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
