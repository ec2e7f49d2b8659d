package dev.sfnrun.suite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sfnrun.io.JsonMessages;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A suite file read as a JSON tree (YAML or JSON, by jackson-dataformat-yaml and Jackson), with the
 * line of every value and key by JSON pointer, so a suite error names the line. The tree is built
 * without recursion; the size is checked before reading and the nesting is bounded.
 */
public final class LocatedDocument {
    /** Largest suite (or input) file read. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    /** Deepest nesting of objects and arrays. */
    public static final int MAX_DEPTH = 200;

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private LocatedDocument(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    public JsonNode root() {
        return root;
    }

    /** The line of the value (or, failing that, of the key) at {@code pointer}; the closest parent's line otherwise. */
    public int line(String pointer) {
        String at = pointer;
        while (true) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            if (at.isEmpty()) {
                return 1;
            }
            at = at.substring(0, at.lastIndexOf('/'));
        }
    }

    /** The line of the key whose value is at {@code pointer}. */
    public int keyLine(String pointer) {
        Integer line = lines.get("#" + pointer);
        return line != null ? line : line(pointer);
    }

    /** Whether a file name is read as YAML (else as JSON). */
    static boolean isYaml(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return !name.endsWith(".json");
    }

    /**
     * Reads a file; every problem is a {@link SuiteException} naming {@code shownName}.
     */
    public static LocatedDocument read(Path file, String shownName) {
        return parse(readText(file, shownName), isYaml(file), shownName);
    }

    /** The text of a file checked for size, kind and encoding (UTF-8, a leading byte order mark dropped). */
    public static String readText(Path file, String shownName) {
        try {
            if (Files.isDirectory(file)) {
                throw error(shownName, 0, "is a directory, not a file");
            }
            if (!Files.exists(file)) {
                throw error(shownName, 0, "no such file");
            }
            try {
                dev.sfnrun.io.BoundedFiles.regularFile(file, shownName); // a named pipe or device: never a blocked read
            } catch (dev.sfnrun.io.BoundedFiles.FileProblem e) {
                throw error(shownName, 0, e.getMessage().substring(shownName.length() + 2));
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw error(shownName, 0, "is " + size + " bytes; suite files and the files they name are read up to "
                        + MAX_BYTES + " bytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw error(shownName, 0, "is not UTF-8 text");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw error(shownName, 0, "no such file");
        } catch (AccessDeniedException e) {
            throw error(shownName, 0, "permission denied");
        } catch (IOException e) {
            throw error(shownName, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static SuiteException error(String file, int line, String message) {
        return new SuiteException(new SuiteError(file, line, null, message));
    }

    private static JsonFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) MAX_BYTES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowDuplicateKeys(false);
        return YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();
    }

    private static final class Factories {
        static final JsonFactory YAML = yamlFactory();
        static final JsonFactory JSON = JsonFactory.builder() // a key given twice is an error, as in YAML
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();
    }

    /** Parses text (YAML or JSON) into a located tree. */
    public static LocatedDocument parse(String text, boolean yaml, String shownName) {
        Map<String, Integer> lines = new HashMap<>();
        JsonFactory factory = yaml ? Factories.YAML : Factories.JSON;
        JsonParser open = null;
        try (JsonParser parser = factory.createParser(text)) {
            open = parser;
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw error(shownName, 1, "is empty");
            }
            JsonNode root = build(parser, lines);
            if (parser.nextToken() != null) {
                throw error(shownName, line(parser.currentTokenLocation()), yaml
                        ? "holds more than one YAML document" : "has text after the JSON value");
            }
            return new LocatedDocument(root, lines);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? e.toString() : JsonMessages.limits(e.getOriginalMessage());
            message = String.join("; ", message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                    .map(String::strip).toList());
            JsonLocation where = e.getLocation() != null ? e.getLocation() : open == null ? null : open.currentLocation();
            throw error(shownName, line(where),
                    "not valid " + (yaml ? "YAML" : "JSON") + ": " + message);
        } catch (IOException e) {
            throw error(shownName, 0, "cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof SuiteException) {
                throw e;
            }
            // SnakeYAML's own limits (nesting, aliases, size) and scanner errors
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
            throw error(shownName, 0, "not valid " + (yaml ? "YAML" : "JSON") + ": " + message);
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }

    /** Builds the value at the parser's current token, iteratively. */
    private static JsonNode build(JsonParser parser, Map<String, Integer> lines) throws IOException {
        Deque<ContainerNode<?>> containers = new ArrayDeque<>();
        Deque<String> pointers = new ArrayDeque<>();
        String pendingName = null;
        JsonNode root = null;
        JsonToken token = parser.currentToken();
        while (true) {
            if (token == JsonToken.FIELD_NAME) {
                pendingName = parser.currentName();
                String pointer = pointers.peek() + "/" + escape(pendingName);
                lines.put("#" + pointer, line(parser.currentTokenLocation()));
                token = parser.nextToken();
                continue;
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                containers.pop();
                pointers.pop();
                if (containers.isEmpty()) {
                    return root;
                }
                token = parser.nextToken();
                continue;
            }
            String pointer;
            ContainerNode<?> parent = containers.peek();
            if (parent == null) {
                pointer = "";
            } else if (parent instanceof ArrayNode array) {
                pointer = pointers.peek() + "/" + array.size();
            } else {
                pointer = pointers.peek() + "/" + escape(pendingName);
            }
            lines.put(pointer, line(parser.currentTokenLocation()));
            if (parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml && yaml.isCurrentAlias()) {
                // the parser gives an alias as the plain string of its name: the value would be silently wrong
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "YAML aliases (*" + parser.getText()
                        + ") are not supported: write the value out");
            }
            JsonNode value;
            boolean container = false;
            if (token == JsonToken.START_OBJECT) {
                value = Json.NODES.objectNode();
                container = true;
            } else if (token == JsonToken.START_ARRAY) {
                value = Json.NODES.arrayNode();
                container = true;
            } else {
                value = scalar(parser, token);
            }
            if (parent == null) {
                root = value;
            } else if (parent instanceof ArrayNode array) {
                array.add(value);
            } else {
                ((ObjectNode) parent).replace(pendingName, value);
            }
            if (container) {
                if (containers.size() >= MAX_DEPTH) {
                    throw new com.fasterxml.jackson.core.JsonParseException(parser,
                            "nested deeper than " + MAX_DEPTH + " levels");
                }
                containers.push((ContainerNode<?>) value);
                pointers.push(pointer);
            } else if (parent == null) {
                return root;
            }
            token = parser.nextToken();
        }
    }

    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) { // checked as every JSON sfn-run reads: never "Infinity" for 1e999, never "?" for \ud800
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> Json.scalar(parser);
            case VALUE_EMBEDDED_OBJECT -> Json.NODES.textNode(String.valueOf(parser.getEmbeddedObject()));
            default -> throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected " + token);
        };
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
