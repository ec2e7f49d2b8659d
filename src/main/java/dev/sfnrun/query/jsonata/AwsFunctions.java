package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sfnrun.io.JsonMessages;
import dev.sfnrun.query.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The functions Step Functions adds to JSONata ({@code $partition}, {@code $range}, {@code $hash},
 * {@code $random}, {@code $uuid}, {@code $parse}), and the removal of {@code $eval}. Integer
 * arguments are rounded down, as AWS documents.
 */
final class AwsFunctions {
    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private AwsFunctions() {
    }

    private static final NamedFunction PARTITION = new NamedFunction("partition", "<an:a>", (input, args) -> partition(args));
    private static final NamedFunction RANGE = new NamedFunction("range", "<nnn:a>", (input, args) -> range(args));
    private static final NamedFunction HASH = new NamedFunction("hash", "<ss:s>", (input, args) -> hash(args));
    private static final NamedFunction RANDOM = new NamedFunction("random", "<n?:n>", (input, args) -> random(args));
    private static final NamedFunction UUID_V4 = new NamedFunction("uuid", "<:s>", (input, args) -> UUID.randomUUID().toString());
    private static final NamedFunction PARSE = new NamedFunction("parse", "<s:x>", (input, args) -> parse(args));
    private static final NamedFunction NUMBER = new NamedFunction("number", "<(nsb)-:n>", (input, args) -> number(args));

    static void register(Jsonata expression) {
        expression.registerFunction("partition", PARTITION);
        expression.registerFunction("range", RANGE);
        expression.registerFunction("hash", HASH);
        expression.registerFunction("random", RANDOM);
        expression.registerFunction("uuid", UUID_V4);
        expression.registerFunction("parse", PARSE);
        // JSONata's own cast, failing with jsonata-js's code where the Java port throws a parse exception
        expression.registerFunction("number", NUMBER);
        // Invoking an undefined variable is JSONata's T1006, which is what AWS answers for $eval.
        expression.assign("eval", null);
    }

    /** A decimal number, the only text jsonata-js's $number reads as one besides the literals below. */
    private static final Pattern DECIMAL = Pattern.compile("^-?[0-9]+(\\.[0-9]+)?([Ee][-+]?[0-9]+)?\\z");
    /** jsonata-js's test for a hexadecimal, octal or binary literal, unanchored in the middle as it is written there. */
    private static final Pattern RADIX = Pattern.compile("^(0[xX][0-9A-Fa-f]+)|(0[oO][0-7]+)|(0[bB][0-1]+)\\z");

    /**
     * {@code $number} as jsonata-js casts: a decimal number, a 0x/0o/0b literal (JavaScript's Number of
     * the text, NaN when the text is more than that), a boolean; anything else is D3030 naming it.
     */
    private static Object number(List<?> args) {
        Object value = args.isEmpty() ? null : args.get(0);
        if (value == null || value instanceof Number) {
            return value;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof String text) {
            if (DECIMAL.matcher(text).find()) {
                double number = Double.parseDouble(text);
                if (!Double.isInfinite(number)) {
                    return JsonataValues.number(number);
                }
            }
            if (RADIX.matcher(text).find()) {
                return radixLiteral(text);
            }
        }
        throw new JException("D3030", -1, value);
    }

    /** JavaScript's Number of a text with a 0x, 0o or 0b literal in it: its value, or NaN. */
    private static Object radixLiteral(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && JsNumbers.isJsWhiteSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && JsNumbers.isJsWhiteSpace(text.charAt(to - 1))) {
            to--;
        }
        String literal = text.substring(from, to);
        int radix = literal.length() < 3 ? 0 : switch (literal.charAt(1)) {
            case 'x', 'X' -> 16;
            case 'o', 'O' -> 8;
            case 'b', 'B' -> 2;
            default -> 0;
        };
        try {
            if (radix != 0 && literal.charAt(0) == '0' && Character.isLetterOrDigit(literal.charAt(2))) {
                return JsonataValues.number(new java.math.BigInteger(literal.substring(2), radix).doubleValue());
            }
        } catch (NumberFormatException e) {
            // not a literal as a whole: NaN
        }
        return Double.NaN;
    }

    private static Object partition(List<?> args) {
        List<?> array = (List<?>) args.get(0);
        if (array == null) {
            return null; // undefined in, undefined out, as JSONata's own functions do
        }
        long size = floor(args.get(1));
        if (size < 1) {
            throw new FunctionError("The chunk size of $partition must be a positive integer");
        }
        List<Object> chunks = new ArrayList<>();
        for (int start = 0; start < array.size(); start += (int) Math.min(size, Integer.MAX_VALUE)) {
            chunks.add(new ArrayList<>(array.subList(start, (int) Math.min(array.size(), start + size))));
        }
        return chunks;
    }

    /** A sequence, as on AWS: a range of one number is that number ({@code $range(1, 9, 9)} is {@code 1}). */
    private static Object range(List<?> args) {
        long start = floor(args.get(0));
        long end = floor(args.get(1));
        long step = floor(args.get(2));
        if (step == 0) {
            throw new FunctionError("The step of $range must not be 0");
        }
        List<Object> sequence = Utils.createSequence();
        for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
            sequence.add(JsonataValues.number(i));
        }
        return sequence;
    }

    private static Object hash(List<?> args) {
        String data = (String) args.get(0);
        String algorithm = (String) args.get(1);
        if (data == null) {
            return null; // undefined in, undefined out, as JSONata's own functions do
        }
        if (!HASH_ALGORITHMS.contains(algorithm)) {
            throw new FunctionError("The hash algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512,"
                    + " but was: " + algorithm);
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object random(List<?> args) {
        Object seed = args.isEmpty() ? null : args.get(0);
        return seed == null ? Math.random() : new Random(floor(seed)).nextDouble();
    }

    private static Object parse(List<?> args) {
        String text = (String) args.get(0);
        if (text == null) {
            return null;
        }
        try {
            return JsonataValues.toJsonata(Json.parse(text));
        } catch (JsonProcessingException e) {
            throw new FunctionError(JsonMessages.limits(e.getOriginalMessage()));
        }
    }

    /** A Step Functions function refused its arguments. */
    static final class FunctionError extends RuntimeException {
        FunctionError(String message) {
            super(message, null, false, false);
        }
    }

    private static long floor(Object number) {
        if (!(number instanceof Number n)) {
            throw new FunctionError("Expected a number but was: " + number);
        }
        return (long) Math.floor(n.doubleValue());
    }
}
