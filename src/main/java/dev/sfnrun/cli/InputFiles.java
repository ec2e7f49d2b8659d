package dev.sfnrun.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the user's files (never writes them), turning every problem into a one-line {@link UsageError}. */
final class InputFiles {
    private InputFiles() {
    }

    /** The text of a file, or of standard input for "-"; a leading UTF-8 byte order mark is dropped, as editors hide it. */
    static String read(String name, InputStream stdin) {
        return withoutByteOrderMark(readText(name, stdin));
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String readText(String name, InputStream stdin) {
        try {
            if (name.equals("-")) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                throw new UsageError(name + ": is a directory, not a file");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageError(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UsageError(name + ": permission denied");
        } catch (InvalidPathException e) {
            throw new UsageError(name + ": not a valid file name");
        } catch (MalformedInputException e) {
            throw new UsageError(name + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UsageError(name + ": cannot read: " + e.getMessage());
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
            throw new UsageError(name + where + ": invalid JSON: " + e.getOriginalMessage());
        }
    }
}
