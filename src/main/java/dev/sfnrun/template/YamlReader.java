package dev.sfnrun.template;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.sfnrun.definition.validate.LocatedJson;
import dev.sfnrun.definition.validate.SourceMap;
import dev.sfnrun.io.JsonMessages;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML (and so JSON, its subset) with jackson-dataformat-yaml into a tree with the line and
 * column of every value. CloudFormation's short tags become their long forms as CloudFormation
 * reads them: {@code !Ref X} is {@code {"Ref": "X"}}, {@code !GetAtt A.B} is
 * {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Condition C} is {@code {"Condition": "C"}}, and any
 * other {@code !Name v} is {@code {"Fn::Name": v}}.
 */
final class YamlReader {
    /** Nesting beyond this is refused (the reader recurses once per level). */
    static final int MAX_DEPTH = 500;
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final String CORE_TAGS = "tag:yaml.org,2002:";

    private final String label;
    private final java.util.function.UnaryOperator<SourceMap.Position> move;
    private final Map<String, SourceMap.Position> positions = new HashMap<>();
    private final List<LocatedJson.DuplicateKey> duplicates = new ArrayList<>();

    private YamlReader(String label, java.util.function.UnaryOperator<SourceMap.Position> move) {
        this.label = label;
        this.move = move;
    }

    /**
     * Parses {@code text}; {@code label} names it in messages.
     *
     * @throws TemplateException for text that is not YAML, more than one document, an alias, or too deep nesting
     */
    static LocatedJson read(String label, String text) {
        return read(label, text, java.util.function.UnaryOperator.identity());
    }

    /** As {@link #read(String, String)}, each position moved by {@code move} (text replaced before it was parsed). */
    static LocatedJson read(String label, String text, java.util.function.UnaryOperator<SourceMap.Position> move) {
        YamlReader reader = new YamlReader(label, move);
        try (YAMLParser parser = FACTORY.createParser(text)) {
            try {
                JsonNode root = parser.nextToken() == null ? null : reader.value(parser, "", 0);
                if (root != null && parser.nextToken() != null) {
                    throw reader.error(parser.currentTokenLocation(), "more than one YAML document; give one");
                }
                return new LocatedJson(root, SourceMap.of(reader.positions), List.copyOf(reader.duplicates));
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblemMark() != null) {
                    // the problem's place (a tab on line 2), not where its context began
                    at = new JsonLocation(null, -1, marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
                }
                throw reader.error(at, "not valid YAML: " + oneLine(JsonMessages.limits(e.getOriginalMessage())));
            }
        } catch (IOException e) {
            throw new TemplateException(label + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * SnakeYAML's message on one line: its context and its problem ({@code while scanning for the next
     * token; found character '\t(TAB)' that cannot start any token...}), without the excerpt that follows;
     * a key that is a list or mapping (YAML's {@code ?} keys) in words, not the parser's event class.
     */
    static String oneLine(String message) {
        String text = message == null ? "" : message.strip();
        if (text.contains("got this instead: <org.yaml.snakeyaml.")) {
            return "a key must be a string, not a list or mapping (YAML's complex '? ' keys are not supported)";
        }
        // as the test suites' reader: the lines that are not where (" in 'reader', line ...") or an indented excerpt
        String result = String.join("; ", text.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::strip).toList());
        return result.contains("(TAB)") ? result + "; indent with spaces" : result;
    }

    private TemplateException error(JsonLocation at, String message) {
        SourceMap.Position position = position(at);
        return new TemplateException(label + ":" + position.line() + ":" + position.column() + ": " + message, position);
    }

    private JsonNode value(YAMLParser parser, String pointer, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw error(parser.currentTokenLocation(), "nested more than " + MAX_DEPTH + " levels deep");
        }
        SourceMap.Position at = position(parser.currentTokenLocation());
        positions.putIfAbsent(pointer, at);
        String tag = parser.getTypeId();
        if (parser.isCurrentAlias()) {
            throw error(parser.currentTokenLocation(), "YAML aliases (*" + parser.getText()
                    + ") are not supported, as CloudFormation does not support them");
        }
        if (tag == null || tag.isEmpty() || tag.startsWith(CORE_TAGS)) {
            return plain(parser, pointer, depth);
        }
        // what the tag holds sits where the long form puts it (!If [C, a, b] is {"Fn::If": [C, a, b]}: b at .../Fn::If/2)
        return shortForm(tag, plain(parser, Pointers.child(pointer, longName(tag)), depth));
    }

    private JsonNode plain(YAMLParser parser, String pointer, int depth) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT: {
                ObjectNode object = Json.object();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String member = Pointers.child(pointer, name);
                    SourceMap.Position at = position(parser.currentTokenLocation());
                    if (object.has(name)) {
                        duplicates.add(new LocatedJson.DuplicateKey(member, name, at));
                    } else {
                        positions.put(member, at);
                    }
                    parser.nextToken();
                    object.set(name, value(parser, member, depth + 1));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = Json.array();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, Pointers.child(pointer, array.size()), depth + 1));
                }
                return array;
            }
            default:
                return Json.scalar(parser);
        }
    }

    /** The key of a short tag's long form: {@code Ref}, {@code Condition}, else {@code Fn::Name}. */
    private static String longName(String tag) {
        return tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
    }

    /** The long form of a short tag's value. */
    private static JsonNode shortForm(String tag, JsonNode value) {
        ObjectNode object = Json.object();
        switch (tag) {
            case "Ref", "Condition" -> object.set(tag, value);
            case "GetAtt" -> {
                if (value.isTextual()) {
                    String text = value.asText();
                    int dot = text.indexOf('.');
                    ArrayNode parts = object.putArray("Fn::GetAtt");
                    parts.add(dot < 0 ? text : text.substring(0, dot));
                    if (dot >= 0) {
                        parts.add(text.substring(dot + 1));
                    }
                } else {
                    object.set("Fn::GetAtt", value);
                }
            }
            default -> object.set("Fn::" + tag, value);
        }
        return object;
    }

    private SourceMap.Position position(JsonLocation location) {
        return move.apply(location == null ? new SourceMap.Position(1, 1)
                : new SourceMap.Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr())));
    }
}
