package dev.sfnrun.query.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;

/** States.StringToJson, JsonToString, JsonMerge. */
final class JsonFunctions {
    private JsonFunctions() {
    }

    /**
     * An empty string, or one of JSON's whitespace only (space, tab, line feed, carriage return),
     * gives JSON null, as AWS records it; other text must be one JSON value. Other Unicode spaces
     * (U+000B, U+3000) are not JSON, so they are invalid, not null.
     */
    static JsonNode stringToJson(Args args) {
        String text = args.string(0);
        if (text.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            return Json.NODES.nullNode();
        }
        try {
            JsonNode parsed = Json.parse(text);
            if (parsed == null || parsed.isMissingNode()) {
                throw args.invalid();
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw args.invalid();
        }
    }

    static JsonNode jsonToString(Args args) {
        return Json.NODES.textNode(Json.compact(args.value(0)));
    }

    /** A shallow merge: members of the second object replace those of the first. Deep merge is not supported. */
    static JsonNode merge(Args args) {
        ObjectNode first = args.object(0);
        ObjectNode second = args.object(1);
        if (args.bool(2)) {
            throw args.invalid();
        }
        ObjectNode out = Json.shallowCopy(first);
        out.setAll(second);
        return out;
    }
}
