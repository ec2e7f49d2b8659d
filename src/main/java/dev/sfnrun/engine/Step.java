package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.history.Decision;

/**
 * What a state did: its output, the next state's name (null to end the graph), the variables it
 * assigns (null for none), and how it chose the next state ({@code index}: the Choice rule or
 * Catch clause, else -1; {@code error}: the error a Catch clause caught, else null).
 */
record Step(JsonNode output, String next, ObjectNode assigned, Decision.Kind kind, int index, String error) {
    /** A state that goes on to its Next, or ends its graph. */
    Step(JsonNode output, String next, ObjectNode assigned) {
        this(output, next, assigned, next == null ? Decision.Kind.END : Decision.Kind.NEXT, -1, null);
    }

    /** A Choice state's rule or Default. */
    Step(JsonNode output, String next, ObjectNode assigned, Decision.Kind kind, int index) {
        this(output, next, assigned, kind, index, null);
    }
}
