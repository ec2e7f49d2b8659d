package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata.JFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One match of a regular expression in a string, found as jsonata-js finds it (its "regex closure",
 * a JavaScript RegExp with the g flag): the first match from a position, and after it the next one,
 * searched from where the last search of the same scan ended (JavaScript's lastIndex, shared by all
 * matches of one scan, so a replacement function that calls {@code $m.next()} moves the scan on),
 * none once that is the end of the string, and D1004 when a next match is empty, since such a search
 * would never move on.
 */
record RegexMatch(Scan scan, int start, int end, List<Object> groups) {
    /** One search through a string: the RegExp's lastIndex. */
    static final class Scan {
        private final Pattern pattern;
        private final String text;
        private int lastIndex;

        Scan(Pattern pattern, String text) {
            this.pattern = pattern;
            this.text = text;
        }

        /** RegExp.exec from {@code from}: the match, or null (and lastIndex back to 0). */
        RegexMatch find(int from) {
            Matcher m = pattern.matcher(text);
            if (from > text.length() || !m.find(from)) {
                lastIndex = 0;
                return null;
            }
            List<Object> groups = new ArrayList<>(m.groupCount());
            for (int g = 1; g <= m.groupCount(); g++) {
                groups.add(m.group(g));
            }
            lastIndex = m.end();
            return new RegexMatch(this, m.start(), m.end(), groups);
        }
    }

    /** The first match of {@code pattern} in {@code text}, or null. */
    static RegexMatch first(Pattern pattern, String text) {
        return new Scan(pattern, text).find(0);
    }

    String match() {
        return scan.text.substring(start, end);
    }

    /** The following match of the scan, or null; D1004 when it is empty. */
    RegexMatch next() {
        if (scan.lastIndex >= scan.text.length()) {
            return null;
        }
        RegexMatch next = scan.find(scan.lastIndex);
        if (next != null && next.start == next.end) {
            throw new JException("D1004", -1, scan.pattern.pattern());
        }
        return next;
    }

    /** The match as jsonata-js hands it to a replacement function: {match, start, end, groups, next}. */
    Map<String, Object> toJsonata() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("match", match());
        object.put("start", start);
        object.put("end", end);
        object.put("groups", groups);
        object.put("next", new JFunction((input, args) -> {
            RegexMatch next = next();
            return next == null ? null : next.toJsonata();
        }, null));
        return object;
    }
}
