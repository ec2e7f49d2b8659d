package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.utils.Constants;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code $fromMillis} and {@code $formatInteger} where the library's differ from jsonata-js 2.0.6 (its
 * source is the reference), the formatting itself left to the library:
 * <ul>
 * <li>{@code $fromMillis}: the picture is split into literals and markers as jsonata-js splits it, each
 * marker formatted by the library on its own; a literal ending in {@code ]]} kept its last {@code ]}
 * ({@code "[[x]]"} gave {@code "[x"}); an unknown component without presentation modifier ({@code [Q]})
 * is D3132, one with a modifier ({@code [Q1]}) {@code "undefined"} as in jsonata-js, and a missing
 * {@code ]} D3135 (internal errors or {@code ""} before).</li>
 * <li>{@code $toMillis} without a picture: jsonata-js's test of the text (D3110 otherwise), then
 * JavaScript's Date.parse ({@code "2024-03"} is 1 March, {@code "2024-02-30"} 1 March, {@code "2024-13-01"}
 * NaN, written as null); the library accepted other texts ({@code "2024-03-10T12:34"}).</li>
 * <li>{@code $formatInteger}: the number is rounded down ({@code -3.7} is {@code -4}; the library
 * truncated), and a picture that is a sequence is D3130, mixed digit families D3131 (internal errors).</li>
 * </ul>
 */
final class DateTimeFunctions {
    private static final JFunction LIBRARY_FROM_MILLIS = NamedFunction.builtin("fromMillis");
    private static final JFunction LIBRARY_FORMAT_INTEGER = NamedFunction.builtin("formatInteger");
    private static final JFunction LIBRARY_TO_MILLIS = NamedFunction.builtin("toMillis");
    /** jsonata-js's test of a text {@code $toMillis} reads without a picture. */
    private static final Pattern ISO8601 = Pattern.compile(
            "^\\d{4}(-[01]\\d)*(-[0-3]\\d)*(T[0-2]\\d:[0-5]\\d:[0-5]\\d)*(\\.\\d+)?([+-][0-2]\\d:?[0-5]\\d|Z)?$");
    /** The forms of those texts JavaScript's Date.parse (V8, as Node runs it) reads as ISO 8601. */
    private static final Pattern ISO_FORM = Pattern.compile(
            "(\\d{4})(?:-(\\d\\d)(?:-(\\d\\d))?)?(?:T(\\d\\d):(\\d\\d):(\\d\\d)(?:\\.(\\d+))?)?"
            + "(Z|[+-]\\d\\d:?\\d\\d)?");
    /** The forms V8 reads with its older parser: a year and a month, or a year-month and a day, after a point. */
    private static final Pattern LEGACY_FORM = Pattern.compile("(\\d{4})(?:-(\\d\\d))?\\.(\\d{1,2})(Z)?");
    private static final Set<Character> DEFAULT_PRESENTATION = Set.of('Y', 'M', 'D', 'd', 'F', 'W', 'w', 'X', 'x',
            'H', 'h', 'P', 'm', 's', 'f', 'Z', 'z', 'C', 'E');

    private static final NamedFunction FROM_MILLIS = new NamedFunction("fromMillis",
            JsonataBuiltins.signature("fromMillis"), DateTimeFunctions::fromMillis);
    private static final NamedFunction TO_MILLIS = new NamedFunction("toMillis",
            JsonataBuiltins.signature("toMillis"), DateTimeFunctions::toMillis);
    private static final NamedFunction FORMAT_INTEGER = new NamedFunction("formatInteger",
            JsonataBuiltins.signature("formatInteger"), DateTimeFunctions::formatInteger);

    private DateTimeFunctions() {
    }

    static void register(Jsonata expression) {
        expression.registerFunction("fromMillis", FROM_MILLIS);
        expression.registerFunction("formatInteger", FORMAT_INTEGER);
        expression.registerFunction("toMillis", TO_MILLIS);
    }

    private static Object toMillis(Object input, List<?> args) throws Throwable {
        if (args.isEmpty() || args.get(0) == null || (args.size() > 1 && args.get(1) != null)) {
            return LIBRARY_TO_MILLIS.call(input, args);
        }
        String timestamp = (String) args.get(0);
        if (!ISO8601.matcher(timestamp).matches()) {
            throw new JException("D3110", -1, timestamp, null);
        }
        return JsonataValues.number(dateParse(timestamp));
    }

    /**
     * JavaScript's {@code Date.parse} of a text that passed jsonata-js's test: NaN where V8 gives NaN.
     * A date alone or a time without an offset is UTC (V8 reads the latter as local time; AWS runs in
     * UTC). A day past the month's end runs on into the next month (31 February is 2 March), as V8's.
     */
    static double dateParse(String text) {
        Matcher iso = ISO_FORM.matcher(text);
        if (iso.matches()) {
            String zone = iso.group(8);
            if (zone != null && !zone.equals("Z") && iso.group(4) == null) {
                return Double.NaN; // an offset needs a time
            }
            int hour = iso.group(4) == null ? 0 : Integer.parseInt(iso.group(4));
            int minute = iso.group(5) == null ? 0 : Integer.parseInt(iso.group(5));
            int second = iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6));
            String fraction = iso.group(7) == null ? "0" : iso.group(7);
            int millis = Integer.parseInt((fraction + "00").substring(0, 3));
            if (hour > 24 || (hour == 24 && (minute > 0 || second > 0 || !fraction.matches("0+")))) {
                return Double.NaN;
            }
            long offsetMinutes = 0;
            if (zone != null && !zone.equals("Z")) {
                String digits = zone.substring(1).replace(":", "");
                int offsetHours = Integer.parseInt(digits.substring(0, 2));
                if (offsetHours > 23) {
                    return Double.NaN;
                }
                offsetMinutes = (zone.charAt(0) == '-' ? -1 : 1) * (offsetHours * 60L + Integer.parseInt(digits.substring(2)));
            }
            Double day = epochDay(iso.group(1), iso.group(2), iso.group(3));
            if (day == null) {
                return Double.NaN;
            }
            return ((day * 24 + hour) * 60 + minute - offsetMinutes) * 60_000.0 + second * 1000.0 + millis;
        }
        Matcher legacy = LEGACY_FORM.matcher(text);
        if (legacy.matches()) {
            Double day = legacy.group(2) == null
                    ? epochDay(legacy.group(1), legacy.group(3), null)
                    : epochDay(legacy.group(1), legacy.group(2), legacy.group(3));
            return day == null ? Double.NaN : day * 86_400_000.0;
        }
        return Double.NaN;
    }

    /** The day since 1970-01-01 of a year, month (01–12, default 1) and day (01–31, default 1), or null. */
    private static Double epochDay(String year, String month, String day) {
        int m = month == null ? 1 : Integer.parseInt(month);
        int d = day == null ? 1 : Integer.parseInt(day);
        if (m < 1 || m > 12 || d < 1 || d > 31) {
            return null;
        }
        return (double) LocalDate.of(Integer.parseInt(year), m, 1).plusDays(d - 1L).toEpochDay();
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
                String presentation = JsText.substring(compact, 1, comma != -1 ? comma : compact.length());
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
