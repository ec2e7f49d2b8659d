package dev.sfnrun.definition.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** One state being checked: its name, where it is, its JSON, its type and its effective query language. */
record StateContext(String name, String pointer, JsonNode node, String type, boolean jsonata) {

    JsonNode get(String field) {
        return node.get(field);
    }

    boolean has(String field) {
        return node.has(field);
    }

    /** The array in {@code field}, or an empty node when there is none (a wrong type is reported elsewhere). */
    JsonNode array(String field) {
        return array(node, field);
    }

    static JsonNode array(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isArray() ? value : MissingNode.getInstance();
    }

    String at(String field) {
        return Pointer.child(pointer, field);
    }
}
