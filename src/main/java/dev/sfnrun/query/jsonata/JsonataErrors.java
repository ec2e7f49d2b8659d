package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.utils.SfnRunSignature;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSONata error texts as jsonata-js words them ({@code T1006: Attempted to invoke a non-function}),
 * which is what AWS quotes. The Java library keeps the code and up to two details of an error
 * (the token and the expected value); they fill the message's placeholders in order.
 */
final class JsonataErrors {
    private static final Properties MESSAGES = load();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\{?(\\w+)}}}?");

    private JsonataErrors() {
    }

    private static Properties load() {
        Properties messages = new Properties();
        try (InputStream in = JsonataErrors.class.getResourceAsStream("error-codes.properties")) {
            if (in != null) {
                messages.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }

    /** {@code CODE: message} for a coded error; the library's own text for an uncoded one (time or depth limits). */
    static String describe(JException error) {
        return describe(error, null, "");
    }

    /**
     * As {@link #describe(JException)}, for the expression {@code text}, parsed as {@code tree}: what
     * the library leaves out of a few messages is found there: the function of a signature error is
     * named as the call names it (where the library places the error), and the operator of a
     * comparison of values of two types when only one can be meant.
     */
    static String describe(JException error, ExpressionTree tree, String text) {
        String code = error.getError();
        String template = code == null ? null : MESSAGES.getProperty(code);
        if (template == null) {
            String coded = code == null ? null : codeOf(code);
            if (coded != null) {
                return coded + ": " + code; // the library threw jsonata-js's text in place of its code
            }
            return code != null && !code.matches("[A-Z]\\d{4}") ? code : String.valueOf(error.getMessage());
        }
        Object[] details = details(code, error, tree, text);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        int next = 0;
        while (m.find()) {
            boolean raw = m.group().startsWith("{{{");
            Object detail = next < details.length ? details[next++] : null;
            m.appendReplacement(out, Matcher.quoteReplacement(raw ? String.valueOf(detail) : stringify(detail)));
        }
        m.appendTail(out);
        return code + ": " + out;
    }

    /**
     * The details that fill {@code code}'s placeholders, in order. The library keeps two (the token
     * and the expected value) and, for a few codes, not those the message shows: a negated value is
     * the second; a signature error keeps the argument's number and not the function as the call
     * names it; a context value of the wrong type keeps the value and the argument's number; an array
     * argument of the wrong type checked by the library itself (a lambda's signature) keeps the
     * argument and its item type's letter but not its number.
     */
    private static Object[] details(String code, JException error, ExpressionTree tree, String text) {
        String function = tree == null ? null : tree.callName(error.getLocation());
        return switch (code) {
            case "D1002" -> new Object[] {error.getExpected()};
            case "T2009" -> new Object[] {error.getCurrent(), error.getExpected(), comparison(text)};
            case "T0410" -> new Object[] {error.getCurrent(), function};
            case "T0411" -> new Object[] {error.getExpected(), function};
            case "T0412" -> error instanceof SfnRunSignature.ArrayArgumentError a
                    ? new Object[] {a.index(), function, arrayTypes(a.itemType())}
                    : new Object[] {1, function, arrayTypes(String.valueOf(error.getExpected()))};
            default -> new Object[] {error.getCurrent(), error.getExpected()};
        };
    }

    /** The one ordering operator ({@code <}, {@code <=}, {@code >}, {@code >=}) outside quotes in {@code text}, or null. */
    private static String comparison(String text) {
        java.util.Set<String> found = new java.util.HashSet<>();
        dev.sfnrun.query.Nesting.unquoted(text, (i, c) -> {
            if ((c == '<' || c == '>') && !(c == '>' && i > 0 && text.charAt(i - 1) == '~')) { // not ~>
                boolean equals = i + 1 < text.length() && text.charAt(i + 1) == '=';
                found.add(equals ? c + "=" : String.valueOf(c));
                return equals ? 1 : 0;
            }
            return 0;
        });
        return found.size() == 1 ? found.iterator().next() : null;
    }

    /** jsonata-js's name of an array signature's item type ("numbers" for {@code n}). */
    private static String arrayTypes(String letter) {
        return switch (letter) {
            case "a" -> "arrays";
            case "b" -> "booleans";
            case "f" -> "functions";
            case "n" -> "numbers";
            case "o" -> "objects";
            case "s" -> "strings";
            default -> null;
        };
    }

    /**
     * Whether {@code e} is the library's $sort of an array of both numbers and strings without a
     * comparison function, where jsonata-js fails with D3070: the library's sort compares them and
     * fails with a ClassCastException.
     */
    static boolean isMixedSort(RuntimeException e) {
        if (!(e instanceof ClassCastException)) {
            return false;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals("com.dashjoin.jsonata.Functions") && frame.getMethodName().equals("sort")) {
                return true;
            }
        }
        return false;
    }

    /** The code whose message is {@code text} exactly, or null. */
    private static String codeOf(String text) {
        for (String code : MESSAGES.stringPropertyNames()) {
            if (MESSAGES.getProperty(code).equals(text)) {
                return code;
            }
        }
        return null;
    }

    /** The message alone (no code), for syntax errors reported at load time. */
    static String message(JException error) {
        String described = describe(error);
        return error.getError() != null && described.startsWith(error.getError() + ": ")
                ? described.substring(error.getError().length() + 2) : described;
    }

    /** JSON.stringify of a detail. */
    private static String stringify(Object value) {
        if (value == null) {
            return "undefined";
        }
        if (value == Jsonata.NULL_VALUE) {
            return "null"; // JSON null (the library's marker), not the text "null"
        }
        if (value instanceof String s) {
            return Json.compact(Json.NODES.textNode(s));
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof java.util.Map<?, ?>
                || value instanceof java.util.List<?>) {
            var json = JsonataValues.toJson(value);
            return json == null ? "undefined" : Json.compact(json);
        }
        return Json.compact(Json.NODES.textNode(String.valueOf(value)));
    }
}
