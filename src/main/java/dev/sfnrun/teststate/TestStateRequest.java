package dev.sfnrun.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fields of a TestState request, read and checked against the API's types and limits
 * (AWS's field names: definition, roleArn, input, inspectionLevel, revealSecrets, variables,
 * stateName, mock, context, stateConfiguration).
 */
record TestStateRequest(String definition, String roleArn, String input, String inspectionLevel, boolean revealSecrets,
                        String variables, String stateName, ObjectNode mock, String context,
                        ObjectNode stateConfiguration) {

    static TestStateRequest of(ObjectNode request) {
        String definition = string(request, "definition", 1, 1_048_576);
        if (definition == null) {
            throw TestStateException.validation(
                    "1 validation error detected: Value null at 'definition' failed to satisfy constraint: Member must not be null");
        }
        String level = string(request, "inspectionLevel", 0, Integer.MAX_VALUE);
        if (level != null && !level.equals("INFO") && !level.equals("DEBUG") && !level.equals("TRACE")) {
            throw TestStateException.validation("1 validation error detected: Value '" + level
                    + "' at 'inspectionLevel' failed to satisfy constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]");
        }
        JsonNode reveal = request.get("revealSecrets");
        if (reveal != null && !reveal.isNull() && !reveal.isBoolean()) {
            throw TestStateException.validation("1 validation error detected: Value at 'revealSecrets' failed to satisfy"
                    + " constraint: Member must be a boolean");
        }
        return new TestStateRequest(definition, string(request, "roleArn", 1, 256), string(request, "input", 0, 262_144),
                level == null ? "INFO" : level, reveal != null && reveal.asBoolean(),
                string(request, "variables", 0, 262_144), string(request, "stateName", 1, 80),
                object(request, "mock"), string(request, "context", 0, 262_144), object(request, "stateConfiguration"));
    }

    private static String string(ObjectNode request, String field, int min, int max) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw TestStateException.validation("1 validation error detected: Value at '" + field
                    + "' failed to satisfy constraint: Member must be a string");
        }
        String text = value.asText();
        if (text.length() < min) {
            throw TestStateException.validation("1 validation error detected: Value at '" + field
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
        }
        if (text.length() > max) {
            throw TestStateException.validation("1 validation error detected: Value at '" + field
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
        return text;
    }

    private static ObjectNode object(ObjectNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            throw TestStateException.validation("1 validation error detected: Value at '" + field
                    + "' failed to satisfy constraint: Member must be an object");
        }
        return object;
    }
}
