package dev.sfnrun.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sfnrun.query.Json;
import java.util.StringTokenizer;
import java.util.UUID;

/** States.StringSplit, UUID. */
final class StringFunctions {
    private StringFunctions() {
    }

    /** Splits on every character of the second argument; empty pieces are dropped, as on AWS. */
    static JsonNode split(Args args) {
        StringTokenizer tokens = new StringTokenizer(args.string(0), args.string(1));
        ArrayNode out = Json.array();
        while (tokens.hasMoreTokens()) {
            out.add(tokens.nextToken());
        }
        return out;
    }

    static JsonNode uuid(Args args) {
        return Json.NODES.textNode(UUID.randomUUID().toString());
    }
}
