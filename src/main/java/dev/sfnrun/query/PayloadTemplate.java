package dev.sfnrun.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.error.StatesError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled payload template (Parameters, ResultSelector, ItemSelector, JSONPath Assign,
 * Credentials): literal JSON in which every {@code "key.$"} member is replaced by {@code "key"}
 * and the value of its path or intrinsic call. A template without any {@code .$} key evaluates to
 * the very node it was compiled from.
 */
public final class PayloadTemplate implements ValueExpr {
    private final JsonNode literal;
    private final Node root;

    private PayloadTemplate(JsonNode literal, Node root) {
        this.literal = literal;
        this.root = root;
    }

    /** Compiles a template; {@code field} names it in messages (e.g. "Parameters"). */
    public static PayloadTemplate compile(JsonNode template, String field) {
        Node root = compileNode(template, field);
        return new PayloadTemplate(template, root);
    }

    @Override
    public JsonNode evaluate(JsonNode input, EvalContext context) {
        return root == null ? literal : root.evaluate(input, context);
    }

    /** The template as written. */
    public JsonNode literal() {
        return literal;
    }

    private interface Node extends ValueExpr {
    }

    /** Returns null when the subtree holds no dynamic value, so it can be shared as it is. */
    private static Node compileNode(JsonNode node, String field) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            List<Object> parts = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            boolean dynamic = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String key = member.getKey();
                JsonNode value = member.getValue();
                if (key.endsWith(".$") && key.length() > 2) {
                    String name = key.substring(0, key.length() - 2);
                    if (!value.isTextual()) {
                        throw new QuerySyntaxException("The value of the field '" + key + "' in " + field
                                + " must be a string holding a path or an intrinsic function call");
                    }
                    if (!seen.add(name)) {
                        throw new QuerySyntaxException("The field '" + name + "' appears twice in " + field);
                    }
                    names.add(name);
                    parts.add(dynamicValue(key, value.asText(), field));
                    dynamic = true;
                } else {
                    if (!seen.add(key)) {
                        throw new QuerySyntaxException("The field '" + key + "' appears twice in " + field);
                    }
                    Node inner = compileNode(value, field);
                    names.add(key);
                    parts.add(inner == null ? value : inner);
                    dynamic |= inner != null;
                }
            }
            if (!dynamic) {
                return null;
            }
            String[] keys = names.toArray(String[]::new);
            Object[] values = parts.toArray();
            return (input, context) -> {
                ObjectNode out = Json.object();
                for (int i = 0; i < keys.length; i++) {
                    Object part = values[i];
                    out.set(keys[i], part instanceof ValueExpr expr ? expr.evaluate(input, context) : (JsonNode) part);
                }
                return out;
            };
        }
        if (node.isArray()) {
            List<Object> parts = new ArrayList<>();
            boolean dynamic = false;
            for (JsonNode element : node) {
                Node inner = compileNode(element, field);
                parts.add(inner == null ? element : inner);
                dynamic |= inner != null;
            }
            if (!dynamic) {
                return null;
            }
            Object[] values = parts.toArray();
            return (input, context) -> {
                ArrayNode out = Json.array();
                for (Object part : values) {
                    out.add(part instanceof ValueExpr expr ? expr.evaluate(input, context) : (JsonNode) part);
                }
                return out;
            };
        }
        return null;
    }

    private static Node dynamicValue(String key, String text, String field) {
        if (text.startsWith("$")) {
            JsonPath path = JsonPath.compile(text);
            return (input, context) -> {
                try {
                    return path.evaluate(input, context);
                } catch (PathNotFoundException | UndefinedVariableException e) {
                    throw StatesError.runtime("The JSONPath '" + text + "' specified for the field '" + key
                            + "' could not be found in the input '" + Json.compact(input) + "'");
                }
            };
        }
        ValueExpr call = Intrinsics.compile(text, key);
        return call::evaluate;
    }
}
