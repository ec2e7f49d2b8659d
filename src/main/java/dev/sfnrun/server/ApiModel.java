package dev.sfnrun.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a request's members against the AWS SDK's service model (a copy of
 * ../shared/sfn-api-model.json): a member of the wrong JSON type is a SerializationException;
 * a member the model does not know is ignored, as AWS's JSON services do (a newer client may send
 * members an older service does not have, and no recorded AWS answer refuses one); missing required members and broken constraints (length,
 * value range, enum, pattern) are one ValidationException listing them all, in AWS's words
 * ({@code 1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: ...}).
 */
public final class ApiModel {
    private static final ApiModel INSTANCE = load();
    /** The order AWS lists ExecutionStatus in its recorded message, which is not the model's. */
    private static final Map<String, String> ENUM_TEXT = Map.of("ExecutionStatus",
            "[SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]");

    private final JsonNode operations;
    private final JsonNode shapes;
    private final JavaText javaText;

    private ApiModel(JsonNode root) {
        this.operations = root.get("operations");
        this.shapes = root.get("shapes");
        this.javaText = new JavaText(shapes);
    }

    public static ApiModel get() {
        return INSTANCE;
    }

    private static ApiModel load() {
        try (InputStream in = ApiModel.class.getResourceAsStream("sfn-api-model.json")) {
            return new ApiModel(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean has(String operation) {
        return operations.has(operation);
    }

    /** @throws ApiException SerializationException or ValidationException */
    public void check(String operation, JsonNode body) {
        JsonNode members = operations.path(operation).path("input");
        List<String> problems = new ArrayList<>();
        structure(members, body, "", problems);
        if (!problems.isEmpty()) {
            throw ApiErrors.validation(problems);
        }
    }

    private void structure(JsonNode members, JsonNode value, String prefix, List<String> problems) {
        if (!value.isObject()) {
            throw ApiErrors.serialization("Start of structure or map expected at '" + where(prefix) + "'");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = members.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode given = value.get(member.getKey());
            String path = prefix + member.getKey();
            if (given == null || given.isNull()) {
                if (member.getValue().path("required").asBoolean()) {
                    problems.add("Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
                }
                continue;
            }
            member(member.getValue(), given, path, problems);
        }
    }

    private void member(JsonNode spec, JsonNode value, String path, List<String> problems) {
        String type = spec.path("type").asText();
        JsonNode constraints = spec.has("constraints") ? spec.get("constraints") : shape(spec).path("constraints");
        switch (type) {
            case "string" -> {
                if (!value.isTextual()) {
                    throw ApiErrors.serialization("Expected a string at '" + path + "'");
                }
                string(spec, constraints, value.asText(), path, problems);
            }
            case "integer", "long" -> {
                if (!value.isIntegralNumber() || !value.canConvertToLong()
                        || type.equals("integer") && !value.canConvertToInt()) {
                    throw ApiErrors.serialization("Expected an " + type + " at '" + path + "'");
                }
                range(constraints, value.asLong(), Long.toString(value.asLong()), path, problems);
            }
            case "float", "double" -> {
                if (!value.isNumber()) {
                    throw ApiErrors.serialization("Expected a number at '" + path + "'");
                }
                // AWS's service reads the member as a Java float or double and shows it so: '101.0'
                double number = type.equals("float") ? value.floatValue() : value.doubleValue();
                range(constraints, number, javaText.of(spec, value), path, problems);
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    throw ApiErrors.serialization("Expected a boolean at '" + path + "'");
                }
            }
            case "timestamp" -> {
                if (!value.isNumber()) {
                    throw ApiErrors.serialization("Expected a timestamp at '" + path + "'");
                }
            }
            case "list" -> {
                if (!value.isArray()) {
                    throw ApiErrors.serialization("Start of list expected at '" + path + "'");
                }
                length(constraints, value.size(), path, javaText.of(spec, value), problems);
                JsonNode item = spec.has("member") ? spec.get("member") : shape(spec).path("member");
                for (int i = 0; i < value.size(); i++) {
                    member(item, value.get(i), path + "." + (i + 1) + ".member", problems);
                }
            }
            case "map" -> {
                if (!value.isObject()) {
                    throw ApiErrors.serialization("Start of map expected at '" + path + "'");
                }
                JsonNode item = spec.has("value") ? spec.get("value") : shape(spec).path("value");
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    if (!item.isMissingNode()) {
                        member(item, entry.getValue(), path + "." + entry.getKey(), problems);
                    }
                }
            }
            case "structure" -> structure(shape(spec).path("members"), value, path + ".", problems);
            default -> {
            }
        }
    }

    /** The named shape a member refers to (its members, list item or constraints), or a missing node. */
    private JsonNode shape(JsonNode spec) {
        return shapes.path(spec.path("shape").asText());
    }

    private static void string(JsonNode spec, JsonNode constraints, String text, String path, List<String> problems) {
        String shown = constraints.path("sensitive").asBoolean() ? "Value at '" + path + "'"
                : "Value '" + text + "' at '" + path + "'";
        int length = text.codePointCount(0, text.length());
        if (constraints.has("max") && length > constraints.get("max").asInt()) {
            problems.add(shown + " failed to satisfy constraint: Member must have length less than or equal to "
                    + constraints.get("max").asInt());
        } else if (constraints.has("min") && length < constraints.get("min").asInt()) {
            problems.add(shown + " failed to satisfy constraint: Member must have length greater than or equal to "
                    + constraints.get("min").asInt());
        }
        if (constraints.has("enum")) {
            List<String> values = new ArrayList<>();
            constraints.get("enum").forEach(v -> values.add(v.asText()));
            if (!values.contains(text)) {
                String set = ENUM_TEXT.getOrDefault(spec.path("shape").asText(), values.toString());
                problems.add(shown + " failed to satisfy constraint: Member must satisfy enum value set: " + set);
            }
        }
        if (constraints.has("pattern") && !Pattern.compile(constraints.get("pattern").asText()).matcher(text).matches()) {
            problems.add(shown + " failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + constraints.get("pattern").asText());
        }
    }

    /** A value range; the bound is shown as the model writes it ({@code 100}), the value as the member's type shows it. */
    private static void range(JsonNode constraints, double value, String shown, String path, List<String> problems) {
        if (constraints.has("max") && value > constraints.get("max").asDouble()) {
            problems.add("Value '" + shown + "' at '" + path
                    + "' failed to satisfy constraint: Member must have value less than or equal to " + constraints.get("max").asText());
        } else if (constraints.has("min") && value < constraints.get("min").asDouble()) {
            problems.add("Value '" + shown + "' at '" + path
                    + "' failed to satisfy constraint: Member must have value greater than or equal to " + constraints.get("min").asText());
        }
    }

    private static void length(JsonNode constraints, int size, String path, String shown, List<String> problems) {
        if (constraints.has("max") && size > constraints.get("max").asInt()) {
            problems.add("Value '" + shown + "' at '" + path
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + constraints.get("max").asInt());
        } else if (constraints.has("min") && size < constraints.get("min").asInt()) {
            problems.add("Value '" + shown + "' at '" + path
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + constraints.get("min").asInt());
        }
    }

    private static String where(String prefix) {
        return prefix.isEmpty() ? "/" : prefix.substring(0, prefix.length() - 1);
    }
}
