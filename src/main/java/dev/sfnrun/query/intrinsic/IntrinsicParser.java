package dev.sfnrun.query.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.JsonPath;
import dev.sfnrun.query.PathNotFoundException;
import dev.sfnrun.query.QuerySyntaxException;
import dev.sfnrun.query.UndefinedVariableException;
import dev.sfnrun.query.ValueExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses an intrinsic call such as {@code States.Format('{} {}', $.a, States.UUID())} into a
 * {@link Call} tree. Arguments are single-quoted strings (escapes {@code \' \{ \} \\}), numbers,
 * {@code null}, {@code true}, {@code false}, paths ({@code $...}, {@code $$...}, {@code $var...})
 * and nested calls, up to {@value #MAX_DEPTH} levels.
 */
public final class IntrinsicParser {
    /** How deeply calls may nest, the outermost call being level 1. */
    public static final int MAX_DEPTH = 10;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private final String text;
    private final String field;
    private int pos;

    private IntrinsicParser(String text, String field) {
        this.text = text;
        this.field = field;
    }

    /** Compiles a call; {@code field} names the definition field in path failure messages. */
    public static ValueExpr parse(String text, String field) {
        IntrinsicParser parser = new IntrinsicParser(text, field);
        parser.skipSpaces();
        String name = parser.name();
        if (name.isEmpty()) {
            throw parser.error("expected a function name");
        }
        Call call = parser.call(name, 1);
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected text after the call");
        }
        return call;
    }

    private Call call(String name, int depth) {
        IntrinsicFunction function = FunctionTable.find(name);
        if (function == null) {
            throw error("unknown function '" + name + "'");
        }
        if (depth > MAX_DEPTH) {
            throw error("intrinsic functions may be nested at most " + MAX_DEPTH + " levels deep");
        }
        expect('(');
        List<Call.Argument> arguments = new ArrayList<>();
        skipSpaces();
        if (!peek(')')) {
            do {
                skipSpaces();
                arguments.add(argument(depth));
                skipSpaces();
            } while (accept(','));
        }
        expect(')');
        if (!function.accepts(arguments.size())) {
            throw invalid(name + " takes " + arity(function) + " but was given " + arguments.size());
        }
        return new Call(function, List.copyOf(arguments));
    }

    private Call.Argument argument(int depth) {
        if (pos >= text.length()) {
            throw error("expected an argument");
        }
        char c = text.charAt(pos);
        if (c == '\'') {
            String raw = stringLiteral();
            JsonNode value = Json.NODES.textNode(unescape(raw));
            return new Call.Argument((input, context) -> value, raw);
        }
        if (c == '$') {
            return new Call.Argument(path(), null);
        }
        if (c == '-' || Character.isDigit(c)) {
            JsonNode value = number();
            return new Call.Argument((input, context) -> value, null);
        }
        String name = name();
        if (peek('(')) {
            return new Call.Argument(call(name, depth + 1), null);
        }
        JsonNode value = switch (name) {
            case "null" -> Json.NODES.nullNode();
            case "true" -> Json.NODES.booleanNode(true);
            case "false" -> Json.NODES.booleanNode(false);
            default -> throw error(name.isEmpty() ? "expected an argument" : "unknown argument '" + name + "'");
        };
        return new Call.Argument((input, context) -> value, null);
    }

    /** The text between the quotes, escapes kept; a backslash must escape one of ' { } \. */
    private String stringLiteral() {
        int start = ++pos;
        while (pos < text.length() && text.charAt(pos) != '\'') {
            if (text.charAt(pos) == '\\') {
                pos++;
                if (pos >= text.length() || "'{}\\".indexOf(text.charAt(pos)) < 0) {
                    QuerySyntaxException escape = error("a backslash must be followed by one of ' { } \\");
                    throw new QuerySyntaxException(escape.getMessage(), true);
                }
            }
            pos++;
        }
        if (pos >= text.length()) {
            throw error("unterminated string");
        }
        return text.substring(start, pos++);
    }

    private static String unescape(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            out.append(c == '\\' ? raw.charAt(++i) : c);
        }
        return out.toString();
    }

    private JsonNode number() {
        Matcher m = NUMBER.matcher(text).region(pos, text.length());
        if (!m.lookingAt()) {
            throw error("malformed number");
        }
        pos = m.end();
        try {
            return Json.parse(m.group());
        } catch (JsonProcessingException e) {
            throw error("malformed number");
        }
    }

    /** A path runs to the next space, comma or closing parenthesis outside brackets and quotes. */
    private ValueExpr path() {
        int start = pos;
        int depth = 0;
        char quote = 0;
        for (; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (depth > 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ')' || Character.isWhitespace(c))) {
                break;
            }
        }
        String pathText = text.substring(start, pos);
        JsonPath path;
        try {
            path = JsonPath.compile(pathText);
        } catch (QuerySyntaxException e) {
            throw error(e.getMessage());
        }
        return (input, context) -> {
            try {
                return path.evaluate(input, context);
            } catch (PathNotFoundException | UndefinedVariableException e) {
                throw StatesError.runtime("The JSONPath '" + pathText + "' specified for the field '" + field
                        + "' could not be found in the input '" + Json.compact(input) + "'");
            }
        };
    }

    private String name() {
        int start = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
    }

    private static String arity(IntrinsicFunction function) {
        int min = function.minArgs();
        int max = function.maxArgs();
        String count = min == max ? String.valueOf(min)
                : max == Integer.MAX_VALUE ? "at least " + min
                : min + " to " + max;
        return count + (min == 1 && max == 1 ? " argument" : " arguments");
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean accept(char c) {
        if (peek(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error("expected '" + c + "'");
        }
    }

    /** A syntax error at the current position. */
    private QuerySyntaxException error(String reason) {
        return invalid(reason + " (at character " + (pos + 1) + ")");
    }

    private QuerySyntaxException invalid(String reason) {
        return new QuerySyntaxException("Invalid intrinsic function call '" + dev.sfnrun.query.Nesting.quoted(text) + "': "
                + reason);
    }
}
