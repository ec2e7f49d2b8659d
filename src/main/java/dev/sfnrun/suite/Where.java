package dev.sfnrun.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One suite document as it is read: its typed values (texts, lists, objects, files) and the
 * problems found at places of it, each a {@link SuiteError} naming the file, line and key.
 */
final class Where {
    private final List<Path> read = new java.util.ArrayList<>();
    private final List<SuiteError> errors;
    final String file;
    final LocatedDocument doc;

    Where(List<SuiteError> errors, String file, LocatedDocument doc) {
        this.errors = errors;
        this.file = file;
        this.doc = doc;
    }

    void error(String pointer, String key, String message) {
        errors.add(new SuiteError(file, doc.keyLine(pointer), key, message));
    }

    void keys(String at, JsonNode object, Set<String> allowed, String what) {
        object.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                String key = what.equals("suite") ? name : what + "." + name;
                error(at + "/" + LocatedDocument.escape(name), key, "unknown key" + Suggestions.key(name, allowed));
            }
        });
    }

    boolean isText(JsonNode value, String at, String key) {
        if (!value.isTextual()) {
            error(at, key, "expected a string, not " + Json.typeName(value));
            return false;
        }
        return true;
    }

    String text(JsonNode root, String name) {
        return text(root, "", null, name);
    }

    String text(JsonNode object, String at, String key, String name) {
        JsonNode value = object.get(name);
        if (value == null) {
            return null;
        }
        return isText(value, at + "/" + name, key == null ? name : key + "." + name) ? value.asText() : null;
    }

    List<String> texts(JsonNode root, String name) {
        JsonNode value = root.get(name);
        return value == null ? List.of() : texts(value, "/" + name, name);
    }

    List<String> texts(JsonNode value, String at, String key) {
        List<String> out = new ArrayList<>();
        if (!value.isArray()) {
            error(at, key, "expected a list of strings, not " + Json.typeName(value));
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual()) {
                out.add(value.get(i).asText());
            } else {
                error(at + "/" + i, key, "expected a string, not " + Json.typeName(value.get(i)));
            }
        }
        return out;
    }

    ObjectNode object(JsonNode root, String name) {
        return object(root, "", null, name);
    }

    ObjectNode object(JsonNode object, String at, String key, String name) {
        JsonNode value = object.get(name);
        if (value instanceof ObjectNode o) {
            return o;
        }
        error(at + "/" + name, key == null ? name : key + "." + name, "expected an object, not " + Json.typeName(value));
        return null;
    }

    Path file(JsonNode root, String name, Path dir) {
        return file(root, "", null, name, dir);
    }

    /** A file named relative to the suite's directory, which exists and is not a directory. */
    Path file(JsonNode object, String at, String key, String name, Path dir) {
        String text = text(object, at, key, name);
        if (text == null) {
            return null;
        }
        String k = key == null ? name : key + "." + name;
        Path file;
        try {
            file = dir.resolve(text);
        } catch (java.nio.file.InvalidPathException e) {
            error(at + "/" + name, k, "'" + text + "' is not a file name");
            return null;
        }
        if (Files.isDirectory(file)) {
            error(at + "/" + name, k, text + ": is a directory, not a file");
            return null;
        }
        if (!Files.isRegularFile(file)) {
            error(at + "/" + name, k, text + (Files.exists(file)
                    ? ": is a named pipe, socket or device, not a regular file (sfn-run reads only regular files)"
                    : ": no such file (looked in " + dir + ")"));
            return null;
        }
        read.add(file);
        return file;
    }

    /** A file read on the document's behalf (a template's DefinitionUri file). */
    void alsoRead(Path file) {
        read.add(file);
    }

    /** The files the document names that were found (its definition, template, mock file, inputs), in order. */
    List<Path> read() {
        return List.copyOf(read);
    }
}
