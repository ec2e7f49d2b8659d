package dev.sfnrun.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * States.Format: each {@code {}} of the template is replaced by the next argument. Strings are
 * inserted without quotes; arrays and objects as AWS renders them (Java collection text, e.g.
 * {@code {Arg1=1, Arg2=[]}}).
 */
final class Format {
    private Format() {
    }

    static JsonNode format(Args args) {
        List<String> pieces = split(args.template(0));
        if (pieces.size() != args.count()) {
            throw args.invalid();
        }
        StringBuilder out = new StringBuilder(pieces.get(0));
        for (int i = 1; i < pieces.size(); i++) {
            render(args.value(i), out);
            out.append(pieces.get(i));
            if (out.length() > ResultLimit.MAX_BYTES) { // stop building as soon as it is over
                throw ResultLimit.error("States.Format");
            }
        }
        return Json.NODES.textNode(out.toString());
    }

    /** The literal text around the placeholders, escapes resolved: n placeholders give n + 1 pieces. */
    private static List<String> split(String template) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                piece.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                pieces.add(piece.toString());
                piece.setLength(0);
                i++;
            } else {
                piece.append(c);
            }
        }
        pieces.add(piece.toString());
        return pieces;
    }

    private static void render(JsonNode value, StringBuilder out) {
        if (value.isTextual()) {
            out.append(value.textValue());
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                render(value.get(i), out);
            }
            out.append(']');
        } else if (value.isObject()) {
            out.append('{');
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                out.append(member.getKey()).append('=');
                render(member.getValue(), out);
                out.append(it.hasNext() ? ", " : "");
            }
            out.append('}');
        } else {
            out.append(Json.compact(value));
        }
    }
}
