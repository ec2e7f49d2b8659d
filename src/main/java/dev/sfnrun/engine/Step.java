package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a state did: its output, the next state's name (null to end the graph) and the variables
 * it assigns (null for none).
 */
record Step(JsonNode output, String next, ObjectNode assigned) {
}
