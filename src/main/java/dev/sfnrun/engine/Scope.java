package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The workflow variables of one graph run. Inner scopes (Parallel branches, Map iterations) read
 * the outer ones and write only their own.
 */
final class Scope {
    private final Scope parent;
    private final Map<String, JsonNode> values = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    JsonNode get(String name) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            JsonNode value = scope.values.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    void putAll(Map<String, JsonNode> assigned) {
        values.putAll(assigned);
    }
}
