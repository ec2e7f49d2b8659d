package dev.sfnrun.definition.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.io.JsonMessages;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document read with Jackson's streaming parser: the tree, where each value came from, and
 * the object members whose name repeats an earlier one in the same object (the tree keeps the last
 * value, as Jackson does).
 */
public record LocatedJson(JsonNode root, SourceMap sourceMap, List<DuplicateKey> duplicateKeys) {

    /** A member whose name already appeared in its object; {@code pointer} names the member. */
    public record DuplicateKey(String pointer, String name, SourceMap.Position position) {
    }

    /** The text is not JSON: Jackson's own message (which AWS quotes) and where it stopped. */
    public static final class SyntaxException extends Exception {
        private final SourceMap.Position position;
        private final boolean tooDeep;

        SyntaxException(String message, SourceMap.Position position, boolean tooDeep) {
            super(message, null, false, false);
            this.position = position;
            this.tooDeep = tooDeep;
        }

        public SourceMap.Position position() {
            return position;
        }

        /** Whether the text broke Jackson's nesting limit rather than its grammar. */
        public boolean tooDeep() {
            return tooDeep;
        }
    }

    /** Parses {@code text}; blank text yields a null root. */
    public static LocatedJson parse(String text) throws SyntaxException {
        Map<String, SourceMap.Position> positions = new HashMap<>();
        List<DuplicateKey> duplicates = new ArrayList<>();
        try (JsonParser parser = Json.FACTORY.createParser(text)) {
            try {
                JsonNode root = parser.nextToken() == null ? null : read(parser, "", positions, duplicates);
                if (root != null && parser.nextToken() != null) {
                    throw new SyntaxException("Unexpected content after the end of the JSON value",
                            position(parser.currentTokenLocation()), false);
                }
                return new LocatedJson(root, new SourceMap(positions), List.copyOf(duplicates));
            } catch (JsonProcessingException e) {
                // A broken limit carries no location of its own: it is where the parser stopped.
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                throw new SyntaxException(JsonMessages.limits(e.getOriginalMessage()), position(at), e instanceof StreamConstraintsException);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Reading from a string cannot fail", e);
        }
    }

    private static JsonNode read(JsonParser parser, String pointer, Map<String, SourceMap.Position> positions,
                                 List<DuplicateKey> duplicates) throws IOException {
        positions.putIfAbsent(pointer, position(parser.currentTokenLocation()));
        switch (parser.currentToken()) {
            case START_OBJECT: {
                ObjectNode object = Json.object();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String member = Pointer.child(pointer, name);
                    SourceMap.Position at = position(parser.currentTokenLocation());
                    if (object.has(name)) {
                        duplicates.add(new DuplicateKey(member, name, at));
                    } else {
                        positions.put(member, at);
                    }
                    parser.nextToken();
                    object.set(name, read(parser, member, positions, duplicates));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = Json.array();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, Pointer.child(pointer, array.size()), positions, duplicates));
                }
                return array;
            }
            default:
                return Json.scalar(parser);
        }
    }

    private static SourceMap.Position position(JsonLocation location) {
        return location == null ? new SourceMap.Position(1, 1)
                : new SourceMap.Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }
}
