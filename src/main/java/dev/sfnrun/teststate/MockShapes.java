package dev.sfnrun.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a Task's mocked result against the response shape of the AWS operation its resource
 * calls, as TestState's {@code fieldValidationMode} does: STRICT checks types, limits, enums and
 * required fields; PRESENT only the fields given; NONE nothing. Fields the API does not know pass.
 * Shapes come from the AWS service models (resources {@code shapes/SERVICE.json}, made by
 * {@code src/tools/teststate-shapes.py}); a service or operation without a shape is not checked,
 * nor is a {@code .waitForTaskToken} result (it is whatever the callback sent). The optimized
 * {@code lambda:invoke} returns its Payload as JSON, so Payload is not checked as the model's blob.
 */
final class MockShapes {
    private static final Map<String, JsonNode> MODELS = new ConcurrentHashMap<>();
    private static final Map<String, String> SDK_SERVICE_NAMES = Map.of("sfn", "stepfunctions", "eventbridge", "events");

    private MockShapes() {
    }

    static void check(String resource, JsonNode result, String mode) {
        if (mode.equals("NONE") || resource.endsWith(".waitForTaskToken")) {
            return;
        }
        String[] target = operation(resource);
        if (target == null) {
            return;
        }
        JsonNode model = model(target[0]);
        if (model == null) {
            return;
        }
        JsonNode output = model.path("operations").get(target[1]);
        if (output == null || !result.isObject()) {
            return;
        }
        boolean lambdaInvoke = target[0].equals("lambda") && target[1].equals("Invoke") && !resource.contains(":aws-sdk:");
        new Walk(model.get("shapes"), mode.equals("STRICT"), lambdaInvoke).structure(output.asText(), result);
    }

    /** The service and operation a resource ARN calls, or null when it is not an AWS service call we know. */
    static String[] operation(String resource) {
        int start = resource.indexOf(":::");
        if (!resource.startsWith("arn:") || start < 0 || !resource.substring(0, start).endsWith(":states")) {
            return null;
        }
        String rest = resource.substring(start + 3);
        int dot = rest.indexOf('.');
        String pattern = dot < 0 ? "" : rest.substring(dot);
        if (dot >= 0) {
            rest = rest.substring(0, dot);
        }
        String[] parts = rest.split(":");
        String service;
        String action;
        if (parts.length == 3 && parts[0].equals("aws-sdk")) {
            service = SDK_SERVICE_NAMES.getOrDefault(parts[1], parts[1]);
            action = parts[2];
        } else if (parts.length == 2) {
            service = parts[0].equals("states") ? "stepfunctions" : parts[0];
            action = parts[1];
            if (!pattern.isEmpty()) {
                // a .sync run returns what describing the finished run returns
                if (service.equals("stepfunctions") && action.equals("startExecution")) {
                    action = "describeExecution";
                } else {
                    return null;
                }
            }
        } else {
            return null;
        }
        if (action.isEmpty()) {
            return null;
        }
        return new String[] {service.toLowerCase(Locale.ROOT), Character.toUpperCase(action.charAt(0)) + action.substring(1)};
    }

    private static JsonNode model(String service) {
        if (!service.matches("[a-z0-9-]+")) {
            return null;
        }
        return MODELS.computeIfAbsent(service, name -> {
            try (InputStream in = MockShapes.class.getResourceAsStream("shapes/" + name + ".json")) {
                return in == null ? Json.NODES.nullNode() : Json.mapper().readTree(in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).isNull() ? null : MODELS.get(service);
    }

    /** One check of a value against a shape tree; the first problem ends it. */
    private record Walk(JsonNode shapes, boolean strict, boolean lambdaInvoke) {
        void structure(String shapeName, JsonNode value) {
            JsonNode shape = shapes.get(shapeName);
            JsonNode members = shape.path("members");
            java.util.Set<String> required = new java.util.HashSet<>();
            shape.path("required").forEach(name -> required.add(name.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = members.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                // Step Functions shows every service's fields with a capital first letter (executionArn -> ExecutionArn)
                String name = capitalized(member.getKey());
                JsonNode field = value.get(name);
                if (field == null || field.isNull()) {
                    if (strict && required.contains(member.getKey())) {
                        throw problem("Required field '" + name + "' is missing");
                    }
                    continue;
                }
                if (lambdaInvoke && name.equals("Payload")) {
                    continue;
                }
                value(name, member.getValue().asText(), field);
            }
        }

        void value(String field, String shapeName, JsonNode value) {
            JsonNode shape = shapes.get(shapeName);
            String type = shape.path("type").asText();
            switch (type) {
                case "structure" -> {
                    if (!value.isObject()) {
                        throw problem("Field '" + field + "' must be an object");
                    }
                    structure(shapeName, value);
                }
                case "list" -> {
                    if (!value.isArray()) {
                        throw problem("Field '" + field + "' must be an array");
                    }
                    limits(field, shape, value.size(), true);
                    String member = shape.get("member").asText();
                    for (JsonNode item : value) {
                        value(field, member, item);
                    }
                }
                case "map" -> {
                    if (!value.isObject()) {
                        throw problem("Field '" + field + "' must be an object");
                    }
                    String valueShape = shape.get("value").asText();
                    for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
                        value(field, valueShape, it.next());
                    }
                }
                case "string", "blob", "timestamp" -> {
                    if (!value.isTextual()) {
                        throw problem("Field '" + field + "' must be a string");
                    }
                    if (shape.has("enum")) {
                        boolean known = false;
                        for (JsonNode option : shape.get("enum")) {
                            known |= option.asText().equals(value.asText());
                        }
                        if (!known) {
                            throw problem("Field '" + field + "' is not an expected value");
                        }
                    }
                    if (!type.equals("timestamp")) {
                        limits(field, shape, value.asText().codePointCount(0, value.asText().length()), true);
                    }
                }
                case "integer", "long" -> {
                    if (!value.isNumber()) {
                        throw problem("Field '" + field + "' must be a number");
                    }
                    if (shape.has("min") && value.asDouble() < shape.get("min").asDouble()) {
                        throw problem("Field '" + field + "' is less than the minimum value");
                    }
                    if (shape.has("max") && value.asDouble() > shape.get("max").asDouble()) {
                        throw problem("Field '" + field + "' exceeds the maximum value");
                    }
                }
                case "float", "double" -> {
                    if (!value.isNumber()) {
                        throw problem("Field '" + field + "' must be a number");
                    }
                }
                case "boolean" -> {
                    if (!value.isBoolean()) {
                        throw problem("Field '" + field + "' must be a boolean");
                    }
                }
                default -> {
                }
            }
        }

        private static String capitalized(String name) {
            return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }

        private static void limits(String field, JsonNode shape, int length, boolean text) {
            if (shape.has("min") && length < shape.get("min").asInt()) {
                throw problem("Field '" + field + "' is smaller than the minimum length");
            }
            if (shape.has("max") && length > shape.get("max").asInt()) {
                throw problem("Field '" + field + "' is larger than the maximum length");
            }
        }

        private static TestStateException problem(String text) {
            return TestStateException.validation("Mock result schema validation error: " + text);
        }
    }
}
