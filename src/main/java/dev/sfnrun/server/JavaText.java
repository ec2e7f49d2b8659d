package dev.sfnrun.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A request value as AWS's Java service prints it in a validation message: the Java {@code toString}
 * of the object the member was read into. A list is {@code [a, b]}, a structure
 * {@code ShapeName(member=value, member=value)} with every member of the model in the model's order
 * (AWS's recorded {@code [RoutingConfigurationListItem(stateMachineVersionArn=arn:..., weight=50), ...]}),
 * a map {@code {k=v}}, a float {@code 101.0}.
 */
final class JavaText {
    private final JsonNode shapes;

    JavaText(JsonNode shapes) {
        this.shapes = shapes;
    }

    /** {@code spec} is a member's model entry (its type, and its shape's name). */
    String of(JsonNode spec, JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        JsonNode shape = shapes.path(spec.path("shape").asText());
        return switch (spec.path("type").asText()) {
            case "float" -> Float.toString(value.floatValue());
            case "double" -> Double.toString(value.doubleValue());
            case "integer", "long" -> Long.toString(value.asLong());
            case "list" -> {
                JsonNode item = spec.has("member") ? spec.get("member") : shape.path("member");
                List<String> items = new ArrayList<>();
                value.forEach(element -> items.add(of(item, element)));
                yield "[" + String.join(", ", items) + "]";
            }
            case "map" -> {
                JsonNode item = spec.has("value") ? spec.get("value") : shape.path("value");
                List<String> entries = new ArrayList<>();
                value.fields().forEachRemaining(entry -> entries.add(entry.getKey() + "=" + of(item, entry.getValue())));
                yield "{" + String.join(", ", entries) + "}";
            }
            case "structure" -> {
                List<String> members = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = shape.path("members").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    members.add(member.getKey() + "=" + of(member.getValue(), value.get(member.getKey())));
                }
                yield spec.path("shape").asText() + "(" + String.join(", ", members) + ")";
            }
            default -> value.isValueNode() ? value.asText() : value.toString();
        };
    }
}
