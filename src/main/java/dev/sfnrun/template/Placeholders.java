package dev.sfnrun.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} placeholders in a definition's strings: those left without a value once the
 * substitutions were applied to the text ({@link TextSubstitution}, as CloudFormation applies
 * DefinitionSubstitutions), each with the pointer of the string holding it; for a document already
 * parsed, the values are replaced inside its strings.
 */
public final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private Placeholders() {
    }

    /** A placeholder left without a value: its name and the JSON pointer of the string holding it. */
    public record Unbound(String name, String pointer) {
    }

    /** The definition with its placeholders replaced, and those that had no value, in document order. */
    public record Result(JsonNode definition, List<Unbound> unbound) {
    }

    public static Result substitute(JsonNode definition, Map<String, String> values) {
        List<Unbound> unbound = new ArrayList<>();
        JsonNode result = definition == null ? null : walk(definition, "", values, unbound);
        return new Result(result, List.copyOf(unbound));
    }

    private static JsonNode walk(JsonNode node, String pointer, Map<String, String> values, List<Unbound> unbound) {
        if (node.isTextual()) {
            return replace(node, pointer, values, unbound);
        }
        if (node.isObject()) {
            ObjectNode copy = Json.object();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), walk(field.getValue(), Pointers.child(pointer, field.getKey()), values, unbound));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.array();
            for (int i = 0; i < node.size(); i++) {
                copy.add(walk(node.get(i), Pointers.child(pointer, i), values, unbound));
            }
            return copy;
        }
        return node;
    }

    private static JsonNode replace(JsonNode node, String pointer, Map<String, String> values, List<Unbound> unbound) {
        String text = node.asText();
        if (!text.contains("${")) {
            return node;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.get(name);
            if (value == null) {
                unbound.add(new Unbound(name, pointer));
                matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group()));
            } else {
                changed = true;
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
        }
        matcher.appendTail(out);
        return changed ? Json.NODES.textNode(out.toString()) : node;
    }
}
