package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.JException;
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
        String code = error.getError();
        String template = code == null ? null : MESSAGES.getProperty(code);
        if (template == null) {
            return code != null && !code.matches("[A-Z]\\d{4}") ? code : String.valueOf(error.getMessage());
        }
        Object[] details = {error.getCurrent(), error.getExpected()};
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
