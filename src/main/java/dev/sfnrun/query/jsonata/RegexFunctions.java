package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Utils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code $match}, {@code $replace} and {@code $split} as jsonata-js 2.0.6 runs them (its source is
 * the reference, step for step): a limit counts matches, a string pattern is literal text, only
 * {@code $$}, {@code $0} and {@code $n} are special in a replacement text, a replacement function
 * receives {@code {match, start, end, groups, next}}, and the matches follow {@link RegexMatch}.
 * The library ran Java's replaceAll/replaceFirst/split instead. A matcher that is a JSONata function
 * rather than a regular expression is left to the library.
 */
final class RegexFunctions {
    private static final JFunction LIBRARY_MATCH = NamedFunction.builtin("match");
    private static final JFunction LIBRARY_REPLACE = NamedFunction.builtin("replace");
    private static final JFunction LIBRARY_SPLIT = NamedFunction.builtin("split");

    private RegexFunctions() {
    }

    private static final NamedFunction MATCH = new NamedFunction("match", "<s-f<s:o>n?:a<o>>", (input, args) ->
            args.size() > 1 && args.get(1) instanceof Pattern ? match(args) : LIBRARY_MATCH.call(input, args));
    private static final NamedFunction REPLACE = new NamedFunction("replace", "<s-(sf)(sf)n?:s>", (input, args) ->
            isMatcherFunction(arg(args, 1)) ? LIBRARY_REPLACE.call(input, args) : replace(args));
    private static final NamedFunction SPLIT = new NamedFunction("split", "<s-(sf)n?:a<s>>", (input, args) ->
            isMatcherFunction(arg(args, 1)) ? LIBRARY_SPLIT.call(input, args) : split(args));

    static void register(Jsonata expression) {
        expression.registerFunction("match", MATCH);
        expression.registerFunction("replace", REPLACE);
        expression.registerFunction("split", SPLIT);
    }

    /** A pattern that is a JSONata function (a custom matcher), neither text nor a regular expression. */
    private static boolean isMatcherFunction(Object pattern) {
        return pattern != null && !(pattern instanceof String) && !(pattern instanceof Pattern);
    }

    private static Object arg(List<?> args, int index) {
        return index < args.size() ? args.get(index) : null;
    }

    private static Object match(List<?> args) {
        String str = (String) arg(args, 0);
        Pattern regex = (Pattern) arg(args, 1);
        Number limit = (Number) arg(args, 2);
        if (str == null) {
            return null;
        }
        if (limit != null && limit.doubleValue() < 0) {
            throw new JException("D3040", -1, limit);
        }
        List<Object> result = Utils.createSequence();
        if (limit == null || limit.doubleValue() > 0) {
            int count = 0;
            for (RegexMatch m = RegexMatch.first(regex, str); m != null && (limit == null || count < limit.doubleValue());
                    m = m.next(), count++) {
                Map<String, Object> found = new LinkedHashMap<>();
                found.put("match", m.match());
                found.put("index", m.start());
                found.put("groups", m.groups());
                result.add(found);
            }
        }
        return result;
    }

    private static Object replace(List<?> args) throws Throwable {
        String str = (String) arg(args, 0);
        Object pattern = arg(args, 1);
        Object replacement = arg(args, 2);
        Number limit = (Number) arg(args, 3);
        if (str == null) {
            return null;
        }
        if ("".equals(pattern)) {
            throw new JException("D3010", -1, pattern);
        }
        if (limit != null && limit.doubleValue() < 0) {
            throw new JException("D3011", -1, limit);
        }
        if (limit != null && limit.doubleValue() == 0) {
            return str;
        }
        StringBuilder result = new StringBuilder();
        int position = 0;
        int count = 0;
        if (pattern instanceof String literal) {
            String with = String.valueOf(replacement);
            for (int index = str.indexOf(literal); index != -1 && (limit == null || count < limit.doubleValue());
                    index = str.indexOf(literal, position), count++) {
                result.append(str, position, index).append(with);
                position = index + literal.length();
            }
            return result.append(str.substring(position)).toString();
        }
        RegexMatch m = RegexMatch.first((Pattern) pattern, str);
        if (m == null) {
            return str;
        }
        for (; m != null && (limit == null || count < limit.doubleValue()); m = m.next(), count++) {
            result.append(str, position, m.start());
            Object replacedWith = replacement instanceof String text ? substitute(text, m)
                    : Functions.funcApply(replacement, new ArrayList<>(List.of(m.toJsonata())));
            if (!(replacedWith instanceof String)) {
                throw new JException("D3012", -1, replacedWith);
            }
            result.append((String) replacedWith);
            position = m.end();
        }
        return result.append(str.substring(position)).toString();
    }

    /** A replacement text with {@code $$}, {@code $0} and {@code $n} replaced, as jsonata-js does it. */
    static String substitute(String replacement, RegexMatch m) {
        StringBuilder substitute = new StringBuilder();
        int groups = m.groups().size();
        int position = 0;
        int index = replacement.indexOf('$', position);
        while (index != -1 && position < replacement.length()) {
            substitute.append(replacement, position, index);
            position = index + 1;
            char dollarVal = position < replacement.length() ? replacement.charAt(position) : 0;
            if (dollarVal == '$') {
                substitute.append('$');
                position++;
            } else if (dollarVal == '0') {
                substitute.append(m.match());
                position++;
            } else {
                int maxDigits = groups == 0 ? 1 : (int) Math.floor(Math.log10(groups)) + 1;
                Integer group = JsNumbers.parseInt(replacement.substring(position, Math.min(replacement.length(), position + maxDigits)));
                if (maxDigits > 1 && group != null && group > groups) {
                    group = JsNumbers.parseInt(replacement.substring(position,
                            Math.min(replacement.length(), position + maxDigits - 1)));
                }
                if (group != null) {
                    if (groups > 0 && group - 1 >= 0 && group - 1 < groups) {
                        Object submatch = m.groups().get(group - 1);
                        if (submatch != null) {
                            substitute.append(submatch);
                        }
                    }
                    position += group.toString().length();
                } else {
                    substitute.append('$');
                }
            }
            index = replacement.indexOf('$', position);
        }
        return substitute.append(replacement.substring(Math.min(position, replacement.length()))).toString();
    }

    private static Object split(List<?> args) {
        String str = (String) arg(args, 0);
        Object separator = arg(args, 1);
        Number limit = (Number) arg(args, 2);
        if (str == null) {
            return null;
        }
        if (limit != null && limit.doubleValue() < 0) {
            throw new JException("D3020", -1, limit);
        }
        List<Object> result = new ArrayList<>();
        if (limit != null && limit.doubleValue() == 0) {
            return result;
        }
        if (separator instanceof String literal) {
            long max = limit == null ? 0xFFFFFFFFL : JsNumbers.toUint32(limit.doubleValue());
            if (literal.isEmpty()) {
                for (int i = 0; i < str.length() && result.size() < max; i++) {
                    result.add(String.valueOf(str.charAt(i)));
                }
                return result;
            }
            int start = 0;
            for (int index = str.indexOf(literal); index != -1 && result.size() < max; index = str.indexOf(literal, start)) {
                result.add(str.substring(start, index));
                start = index + literal.length();
            }
            if (result.size() < max) {
                result.add(str.substring(start));
            }
            return result;
        }
        RegexMatch m = RegexMatch.first((Pattern) separator, str);
        if (m == null) {
            result.add(str);
            return result;
        }
        int count = 0;
        int start = 0;
        for (; m != null && (limit == null || count < limit.doubleValue()); m = m.next(), count++) {
            result.add(str.substring(start, m.start()));
            start = m.end();
        }
        if (limit == null || count < limit.doubleValue()) {
            result.add(str.substring(start));
        }
        return result;
    }
}
