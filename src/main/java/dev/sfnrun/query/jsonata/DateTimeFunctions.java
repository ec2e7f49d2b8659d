package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.utils.Constants;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code $fromMillis} and {@code $formatInteger} where the library's differ from jsonata-js 2.0.6 (its
 * source is the reference), the formatting itself left to the library:
 * <ul>
 * <li>{@code $fromMillis}: the picture is split into literals and markers as jsonata-js splits it, each
 * marker formatted by the library on its own; a literal ending in {@code ]]} kept its last {@code ]}
 * ({@code "[[x]]"} gave {@code "[x"}); an unknown component without presentation modifier ({@code [Q]})
 * is D3132, one with a modifier ({@code [Q1]}) {@code "undefined"} as in jsonata-js, and a missing
 * {@code ]} D3135 (internal errors or {@code ""} before).</li>
 * <li>{@code $formatInteger}: the number is rounded down ({@code -3.7} is {@code -4}; the library
 * truncated), and a picture that is a sequence is D3130, mixed digit families D3131 (internal errors).</li>
 * </ul>
 */
final class DateTimeFunctions {
    private static final JFunction LIBRARY_FROM_MILLIS = NamedFunction.builtin("fromMillis");
    private static final JFunction LIBRARY_FORMAT_INTEGER = NamedFunction.builtin("formatInteger");
    private static final Set<Character> DEFAULT_PRESENTATION = Set.of('Y', 'M', 'D', 'd', 'F', 'W', 'w', 'X', 'x',
            'H', 'h', 'P', 'm', 's', 'f', 'Z', 'z', 'C', 'E');

    private static final NamedFunction FROM_MILLIS = new NamedFunction("fromMillis",
            JsonataBuiltins.signature("fromMillis"), DateTimeFunctions::fromMillis);
    private static final NamedFunction FORMAT_INTEGER = new NamedFunction("formatInteger",
            JsonataBuiltins.signature("formatInteger"), DateTimeFunctions::formatInteger);

    private DateTimeFunctions() {
    }

    static void register(Jsonata expression) {
        expression.registerFunction("fromMillis", FROM_MILLIS);
        expression.registerFunction("formatInteger", FORMAT_INTEGER);
    }

    private static Object fromMillis(Object input, List<?> args) throws Throwable {
        if (args.isEmpty() || args.get(0) == null || args.size() < 2 || args.get(1) == null) {
            return LIBRARY_FROM_MILLIS.call(input, args);
        }
        String picture = (String) args.get(1);
        StringBuilder out = new StringBuilder();
        List<String> markers = new ArrayList<>();
        List<Object> pieces = new ArrayList<>(); // a literal String, or the index of a marker
        int start = 0;
        int pos = 0;
        while (pos < picture.length()) {
            if (picture.charAt(pos) == '[') {
                if (pos + 1 < picture.length() && picture.charAt(pos + 1) == '[') {
                    addLiteral(pieces, picture, start, pos);
                    pieces.add("[");
                    pos += 2;
                    start = pos;
                    continue;
                }
                addLiteral(pieces, picture, start, pos);
                start = pos;
                pos = picture.indexOf(']', start);
                if (pos == -1) {
                    throw new JException("D3135", -1);
                }
                String marker = picture.substring(start + 1, pos);
                String compact = marker.replaceAll("\\s+", "");
                String component = compact.isEmpty() ? "" : compact.substring(0, 1);
                int comma = compact.lastIndexOf(',');
                String presentation = jsSubstring(compact, 1, comma != -1 ? comma : compact.length());
                if (presentation.isEmpty() && (component.isEmpty() || !DEFAULT_PRESENTATION.contains(component.charAt(0)))) {
                    throw new JException("D3132", -1, component, null);
                }
                if (component.isEmpty() || !DEFAULT_PRESENTATION.contains(component.charAt(0))) {
                    pieces.add("undefined"); // jsonata-js writes the value it finds for an unknown component
                } else {
                    markers.add(picture.substring(start, pos + 1));
                    pieces.add(markers.size() - 1);
                }
                start = pos + 1;
            }
            pos++;
        }
        addLiteral(pieces, picture, start, pos);
        for (Object piece : pieces) {
            if (piece instanceof String literal) {
                out.append(literal);
            } else {
                List<Object> call = new ArrayList<>(args);
                call.set(1, markers.get((Integer) piece));
                out.append((String) LIBRARY_FROM_MILLIS.call(input, call));
            }
        }
        return out.toString();
    }

    /** JavaScript's {@code substring}: bounds clamped and swapped. */
    private static String jsSubstring(String s, int start, int end) {
        int a = Math.max(0, Math.min(start, s.length()));
        int b = Math.max(0, Math.min(end, s.length()));
        return s.substring(Math.min(a, b), Math.max(a, b));
    }

    /** jsonata-js's literal: {@code ]]} stands for {@code ]}. */
    private static void addLiteral(List<Object> pieces, String picture, int start, int end) {
        if (end > start) {
            pieces.add(picture.substring(start, end).replace("]]", "]"));
        }
    }

    private static Object formatInteger(Object input, List<?> args) throws Throwable {
        if (args.isEmpty() || args.get(0) == null) {
            return null;
        }
        List<Object> call = new ArrayList<>(args);
        call.set(0, Math.floor(((Number) args.get(0)).doubleValue()));
        String picture = (String) args.get(1);
        int semicolon = picture.lastIndexOf(';');
        String primary = semicolon == -1 ? picture : picture.substring(0, semicolon);
        try {
            return LIBRARY_FORMAT_INTEGER.call(input, call);
        } catch (JException e) {
            throw e;
        } catch (RuntimeException e) {
            if (String.format(Constants.ERR_MSG_SEQUENCE_UNSUPPORTED, primary).equals(e.getMessage())) {
                throw new JException("D3130", -1, primary, null);
            }
            if (Constants.ERR_MSG_DIFF_DECIMAL_GROUP.equals(e.getMessage())) {
                throw new JException("D3131", -1);
            }
            throw e;
        }
    }
}
