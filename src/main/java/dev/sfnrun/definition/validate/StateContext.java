package dev.sfnrun.definition.validate;

import com.fasterxml.jackson.databind.JsonNode;

/** One state being checked: its name, where it is, its JSON, its type and its effective query language. */
record StateContext(String name, String pointer, JsonNode node, String type, boolean jsonata) {

    JsonNode get(String field) {
        return node.get(field);
    }

    boolean has(String field) {
        return node.has(field);
    }

    String at(String field) {
        return Pointer.child(pointer, field);
    }
}
