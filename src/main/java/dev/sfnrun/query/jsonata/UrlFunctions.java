package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code $encodeUrl}, {@code $encodeUrlComponent}, {@code $decodeUrl} and {@code $decodeUrlComponent}
 * as jsonata-js runs them: JavaScript's encodeURI, encodeURIComponent, decodeURI and
 * decodeURIComponent, D3140 where those throw. The library encoded a whole URL as a form component
 * (space as {@code +}) or not at all, decoded {@code +} as a space and decoded the escapes decodeURI keeps.
 */
final class UrlFunctions {
    /** What encodeURIComponent leaves as it is, besides letters and digits. */
    private static final String COMPONENT_MARKS = "-_.!~*'()";
    /** What encodeURI leaves as it is besides those: the reserved characters and '#'. */
    private static final String URI_RESERVED = ";/?:@&=+$,#";

    private UrlFunctions() {
    }

    static void register(Jsonata expression) {
        bind(expression, "encodeUrlComponent", text -> encode(text, COMPONENT_MARKS));
        bind(expression, "encodeUrl", text -> encode(text, COMPONENT_MARKS + URI_RESERVED));
        bind(expression, "decodeUrlComponent", text -> decode(text, ""));
        bind(expression, "decodeUrl", text -> decode(text, URI_RESERVED));
    }

    private interface Conversion {
        String apply(String text) throws CharacterCodingException;
    }

    private static final java.util.Map<String, NamedFunction> FUNCTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    private static void bind(Jsonata expression, String name, Conversion conversion) {
        expression.registerFunction(name, FUNCTIONS.computeIfAbsent(name, n -> new NamedFunction(n,
                JsonataBuiltins.signature(n), (input, args) -> {
                    String text = (String) args.get(0);
                    if (text == null) {
                        return null;
                    }
                    try {
                        return conversion.apply(text);
                    } catch (CharacterCodingException | IllegalArgumentException e) {
                        throw new JException("D3140", -1, n, text);
                    }
                })));
    }

    private static boolean unescaped(int c, String marks) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || marks.indexOf(c) >= 0;
    }

    /** encodeURI / encodeURIComponent: UTF-8 escapes of all but {@code marks}; a lone surrogate is an error. */
    private static String encode(String text, String marks) throws CharacterCodingException {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isSurrogate((char) c) && Character.charCount(c) == 1) {
                throw new CharacterCodingException(); // a lone surrogate: URIError
            }
            if (c < 0x80 && unescaped(c, marks)) {
                out.append((char) c);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /**
     * decodeURI / decodeURIComponent: each run of escapes decoded as UTF-8, except an escape of one of
     * {@code reserved}, which stays as written; a malformed escape or invalid UTF-8 is an error.
     */
    private static String decode(String text, String reserved) throws CharacterCodingException {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            int first = hexByte(text, i);
            if (first < 0x80) {
                if (reserved.indexOf(first) >= 0) {
                    out.append(text, i, i + 3);
                } else {
                    out.append((char) first);
                }
                i += 3;
                continue;
            }
            int length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 0;
            if (length == 0 || first >= 0xF8) {
                throw new CharacterCodingException();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(first);
            for (int k = 1; k < length; k++) {
                int next = hexByte(text, i + 3 * k);
                if ((next & 0xC0) != 0x80) {
                    throw new CharacterCodingException();
                }
                bytes.write(next);
            }
            out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())));
            i += 3 * length;
        }
        return out.toString();
    }

    /** The byte of the escape {@code %XX} at {@code at}. */
    private static int hexByte(String text, int at) throws CharacterCodingException {
        if (at + 3 > text.length() || text.charAt(at) != '%') {
            throw new CharacterCodingException();
        }
        int high = Character.digit(text.charAt(at + 1), 16);
        int low = Character.digit(text.charAt(at + 2), 16);
        if (high < 0 || low < 0) {
            throw new CharacterCodingException();
        }
        return high * 16 + low;
    }
}
