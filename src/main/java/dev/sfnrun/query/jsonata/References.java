package dev.sfnrun.query.jsonata;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an expression refers to, found by a light scan of its tokens (the library keeps its syntax
 * tree private). It skips strings, quoted names, comments and regular expressions the way the
 * JSONata tokenizer does, so a {@code $} inside {@code 'a$b'} or {@code /x$/} is no reference.
 *
 * <p>{@code names} is every {@code $name} written (what evaluation may need to bind);
 * {@code locals} the names the expression binds itself ({@code $x := ...}, function parameters);
 * {@code called} the names invoked as functions ({@code $sum(...)}).
 */
record References(Set<String> names, Set<String> locals, Set<String> called,
                  boolean statesResult, boolean statesErrorOutput) {

    /** Characters that end a name token, as in the JSONata tokenizer. */
    private static final String NAME_END = " \t\n\r\u000b.:;,[]{}()|^&=!<>?*+-/%~\"'`#@";

    static References scan(String text) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> locals = new LinkedHashSet<>();
        Set<String> called = new LinkedHashSet<>();
        boolean result = false;
        boolean errorOutput = false;
        boolean afterOperand = false;
        boolean inParameters = false;
        boolean functionKeyword = false;
        String variable = null; // the variable just read, until the next token tells how it is used
        String statesStep = null; // "states" then "states." while reading $states.<member>
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                continue;
            }
            // Every branch below reads one token; first settle how the previous variable was used.
            String token;
            int start = i;
            if (c == '\'' || c == '"') {
                i = skipQuoted(text, i, c);
                token = "'";
            } else if (c == '`') {
                int close = text.indexOf('`', i + 1);
                i = close < 0 ? n : close + 1;
                token = "`" + text.substring(start + 1, Math.max(start + 1, i - 1));
            } else if (c == '/' && !afterOperand) {
                i = skipRegex(text, i);
                token = "/regex/";
            } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == '=') {
                i += 2;
                token = ":=";
            } else if (NAME_END.indexOf(c) >= 0) {
                i++;
                token = String.valueOf(c);
            } else {
                while (i < n && NAME_END.indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                token = text.substring(start, i);
            }

            if (variable != null) {
                if (token.equals(":=")) {
                    locals.add(variable);
                } else if (token.equals("(")) {
                    called.add(variable);
                }
                variable = null;
            }
            if (statesStep != null) {
                if (statesStep.equals("states") && token.equals(".")) {
                    statesStep = "states.";
                    continue;
                }
                if (statesStep.equals("states.")) {
                    String member = token.startsWith("`") ? token.substring(1) : token;
                    result |= member.equals("result");
                    errorOutput |= member.equals("errorOutput");
                }
                statesStep = null;
            }

            if (token.startsWith("$")) {
                String name = token.substring(1);
                if (!name.isEmpty() && !name.equals("$")) {
                    names.add(name);
                    if (inParameters) {
                        locals.add(name);
                    }
                    variable = name;
                    statesStep = name.equals("states") ? "states" : null;
                }
            }
            if (functionKeyword && token.equals("(")) {
                inParameters = true;
            } else if (inParameters && token.equals(")")) {
                inParameters = false;
            }
            functionKeyword = token.equals("function") || token.equals("\u03bb");
            afterOperand = isOperandEnd(token);
        }
        return new References(names, locals, called, result, errorOutput);
    }

    /** Whether a {@code /} after this token divides (else it starts a regular expression). */
    private static boolean isOperandEnd(String token) {
        return switch (token) {
            case ")", "]", "}", "'", "/regex/" -> true;
            case "and", "or", "in" -> false;
            default -> token.length() > 1 || NAME_END.indexOf(token.charAt(0)) < 0;
        };
    }

    private static int skipQuoted(String text, int i, char quote) {
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != quote) {
            j += text.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(j + 1, text.length());
    }

    /** Skips {@code /.../flags}; brackets inside the pattern may contain an unescaped {@code /}. */
    private static int skipRegex(String text, int i) {
        int depth = 0;
        int j = i + 1;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '/' && depth == 0) {
                j++;
                while (j < text.length() && Character.isLetter(text.charAt(j))) {
                    j++;
                }
                return j;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            j++;
        }
        return j;
    }
}
