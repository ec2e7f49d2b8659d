package dev.sfnrun.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled JSONPath Path: {@code $...} into the input, {@code $$...} into the context object,
 * {@code $name...} into a variable. AWS evaluates paths with Jayway JsonPath, so this does too:
 * the matches, the "indefinite paths give an array" rule and the failure messages are Jayway's.
 */
public final class JsonPath implements ValueExpr {
    /**
     * Jayway's configuration, made when a path first goes to Jayway: it needs the ObjectMapper
     * (some 300 classes), which a run whose paths all take the {@link SimplePath} lane never loads.
     */
    private static final class Jayway {
        static final Configuration CONFIGURATION = Configuration.builder()
                .jsonProvider(new StrictIndexProvider())
                .mappingProvider(new JacksonMappingProvider(Json.mapper()))
                .build();
    }

    /** Where a path starts. */
    public enum Root { INPUT, CONTEXT, VARIABLE }

    private final String text;
    private final Root root;
    private final String variable;
    /** Null when the path is its root alone ({@code $}, {@code $$}, {@code $name}). */
    private final com.jayway.jsonpath.JsonPath compiled;
    /** The same path as a {@link SimplePath} when it is only member names and indexes, else null. */
    private final SimplePath simple;

    private JsonPath(String text, Root root, String variable, com.jayway.jsonpath.JsonPath compiled) {
        this.text = text;
        this.root = root;
        this.variable = variable;
        this.compiled = compiled;
        this.simple = compiled == null ? null : SimplePath.of(text, compiled);
    }

    public static JsonPath compile(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new QuerySyntaxException("The path '" + text + "' must start with '$'");
        }
        Root root;
        String variable = null;
        String rest;
        if (text.startsWith("$$")) {
            root = Root.CONTEXT;
            rest = text.substring(2);
        } else if (text.length() > 1 && isVariableStart(text.charAt(1))) {
            int end = 1;
            while (end < text.length() && isVariablePart(text.charAt(end))) {
                end++;
            }
            root = Root.VARIABLE;
            variable = text.substring(1, end);
            rest = text.substring(end);
        } else {
            root = Root.INPUT;
            rest = text.substring(1);
        }
        if (rest.isEmpty()) {
            return new JsonPath(text, root, variable, null);
        }
        if (rest.charAt(0) != '.' && rest.charAt(0) != '[') {
            throw new QuerySyntaxException("The path '" + Nesting.quoted(text) + "' is not a valid JSONPath");
        }
        String tooDeep = Nesting.problem(rest);
        if (tooDeep != null) {
            throw new QuerySyntaxException("The path '" + Nesting.abbreviated(text) + "' is not a valid JSONPath: " + tooDeep);
        }
        if (hasUnclosedBracket(rest)) {
            // Jayway reads a trailing "[" as the end of the path; AWS refuses it
            throw new QuerySyntaxException("The path '" + Nesting.quoted(text) + "' is not a valid JSONPath: Unclosed bracket");
        }
        try {
            return new JsonPath(text, root, variable,
                    com.jayway.jsonpath.JsonPath.compile("$" + functionsAsNames(keepBracketBackslashes(rest))));
        } catch (StackOverflowError e) {
            throw new QuerySyntaxException("The path '" + Nesting.abbreviated(text) + "' is not a valid JSONPath: "
                    + "it is nested too deeply");
        } catch (InvalidPathException e) {
            // Jayway's own parse errors say what is wrong; a crash inside its parser does not
            boolean explained = e.getCause() == null && e.getMessage() != null && !e.getMessage().startsWith("java.");
            throw new QuerySyntaxException("The path '" + Nesting.quoted(text) + "' is not a valid JSONPath"
                    + (explained ? ": " + e.getMessage() : ""));
        }
    }

    /** Whether a {@code [} is left open (brackets inside quoted names do not count). */
    static boolean hasUnclosedBracket(String path) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (depth > 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && depth > 0) {
                depth--;
            }
        }
        return depth > 0 || quote != 0;
    }

    /**
     * Path functions ({@code $.list.length()}, {@code .min()}, ...) are not part of AWS's JSONPath:
     * AWS reads {@code length()} as a member name that is not there ({@code Property ['length()']
     * not found}). Jayway would call the function and return a number instead of a node, so
     * outside brackets each {@code .name()} is turned into the member {@code ['name()']}.
     */
    static String functionsAsNames(String path) {
        if (path.indexOf("()") < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length() + 8);
        int depth = 0;
        char quote = 0;
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (quote != 0) {
                quote = c == quote && path.charAt(i - 1) != '\\' ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '.' && depth == 0) {
                int end = i + 1;
                while (end < path.length() && Character.isJavaIdentifierPart(path.charAt(end))) {
                    end++;
                }
                if (end > i + 1 && path.startsWith("()", end)) {
                    out.append("['").append(path, i + 1, end + 2).append("']");
                    i = end + 2;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * AWS's Jayway takes a quoted bracket name ({@code ['a\\b']}) as written: a backslash only
     * keeps the next character from closing the name and stays part of it. Newer Jayway unescapes
     * such names, so every backslash in them is doubled here to be read back as itself. Filters
     * and everything outside quoted bracket names are left untouched.
     */
    static String keepBracketBackslashes(String path) {
        if (path.indexOf('\\') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length() + 8);
        int i = 0;
        int n = path.length();
        while (i < n) {
            char c = path.charAt(i);
            if (c != '[') {
                out.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && path.charAt(j) == ' ') {
                j++;
            }
            if (j < n && path.charAt(j) == '?') {
                i = copyFilter(path, i, out);
                continue;
            }
            out.append(c);
            i++;
            while (i < n && path.charAt(i) != ']') {
                char d = path.charAt(i);
                if (d == '\'' || d == '"') {
                    out.append(d);
                    i++;
                    while (i < n && path.charAt(i) != d) {
                        if (path.charAt(i) == '\\' && i + 1 < n) {
                            out.append("\\\\");
                            i++;
                            char escaped = path.charAt(i);
                            if (escaped == '\\') {
                                out.append("\\\\");
                            } else if (escaped == d) {
                                out.append('\\').append(escaped);
                            } else {
                                out.append(escaped);
                            }
                        } else if (path.charAt(i) == '\\') {
                            out.append("\\\\");
                        } else {
                            out.append(path.charAt(i));
                        }
                        i++;
                    }
                    if (i < n) {
                        out.append(path.charAt(i));
                        i++;
                    }
                } else {
                    out.append(d);
                    i++;
                }
            }
        }
        return out.toString();
    }

    /** Copies a filter {@code [?(...)]} from {@code start} verbatim; returns the index after it. */
    private static int copyFilter(String path, int start, StringBuilder out) {
        int depth = 0;
        int i = start;
        int n = path.length();
        while (i < n) {
            char c = path.charAt(i);
            out.append(c);
            i++;
            if (c == '\'' || c == '"') {
                while (i < n && path.charAt(i) != c) {
                    if (path.charAt(i) == '\\' && i + 1 < n) {
                        out.append(path.charAt(i));
                        i++;
                    }
                    out.append(path.charAt(i));
                    i++;
                }
                if (i < n) {
                    out.append(path.charAt(i));
                    i++;
                }
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return i;
    }

    private static boolean isVariableStart(char c) {
        return Character.isUnicodeIdentifierStart(c) || c == '_';
    }

    private static boolean isVariablePart(char c) {
        return Character.isUnicodeIdentifierPart(c) && c != '\u0000';
    }

    public String text() {
        return text;
    }

    public Root root() {
        return root;
    }

    /** The variable a {@link Root#VARIABLE} path reads, else null. */
    public String variable() {
        return variable;
    }

    /** Whether the path selects at most one node (no wildcards, slices, unions, filters or deep scan). */
    public boolean isDefinite() {
        return compiled == null || compiled.isDefinite();
    }

    /**
     * The node the path selects, or for an indefinite path the array of all matches (possibly
     * empty). Throws {@link PathNotFoundException} when a definite path matches nothing, and
     * {@link UndefinedVariableException} when the variable is not defined.
     */
    @Override
    public JsonNode evaluate(JsonNode input, EvalContext context) {
        JsonNode start = switch (root) {
            case INPUT -> input;
            case CONTEXT -> context.contextObject();
            case VARIABLE -> {
                JsonNode value = context.variable(variable);
                if (value == null) {
                    throw new UndefinedVariableException(variable, text);
                }
                yield value;
            }
        };
        if (compiled == null) {
            return start;
        }
        if (simple != null) {
            JsonNode found = simple.select(start);
            if (found != null) {
                return found;
            }
        }
        return jayway(start);
    }

    /** The path evaluated by Jayway alone, from the node its root names. */
    JsonNode jayway(JsonNode start) {
        try {
            Object result = compiled.read(start, Jayway.CONFIGURATION);
            return result == null ? Json.NODES.nullNode()
                    : result instanceof JsonNode node ? node : Json.mapper().valueToTree(result);
        } catch (com.jayway.jsonpath.PathNotFoundException e) {
            if (!compiled.isDefinite()) {
                return Json.array(); // as on AWS: an indefinite path that matches nothing gives []
            }
            throw new PathNotFoundException(text, withoutJavaNames(e.getMessage()));
        } catch (com.jayway.jsonpath.JsonPathException e) {
            throw new PathNotFoundException(text, withoutJavaNames(e.getMessage()));
        }
    }

    private static final Pattern NOT_AN_OBJECT = Pattern.compile(
            "but found '([\\w.$]+)'\\. This is not a json object according to the JsonProvider: '[\\w.$]+'\\.");

    /**
     * Jayway's message for a member of something that is not an object names Java classes (the
     * node's and sfn-run's JSON provider), which are not AWS's; the JSON type is said instead.
     */
    static String withoutJavaNames(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = NOT_AN_OBJECT.matcher(message);
        if (!m.find()) {
            return message;
        }
        String type = switch (m.group(1).substring(m.group(1).lastIndexOf('.') + 1)) {
            case "ArrayNode" -> "an array";
            case "TextNode" -> "a string";
            case "BooleanNode" -> "a boolean";
            case "NullNode" -> "null";
            default -> "a number";
        };
        return message.substring(0, m.start()) + "but found " + type + "." + message.substring(m.end());
    }

    /** Whether {@link #evaluate} takes the {@link SimplePath} lane for this path. */
    boolean isSimple() {
        return simple != null;
    }

    /** Whether the path matches anything (Choice's IsPresent). */
    public boolean isPresent(JsonNode input, EvalContext context) {
        try {
            JsonNode value = evaluate(input, context);
            return isDefinite() || value.size() > 0;
        } catch (PathNotFoundException | UndefinedVariableException e) {
            return false;
        }
    }

    /**
     * Jayway's Jackson provider answers an index past the end with null, as if the element were
     * JSON null; its default provider (and AWS) treat it as no match. This one does too.
     */
    private static final class StrictIndexProvider extends JacksonJsonNodeJsonProvider {
        StrictIndexProvider() {
            super(Json.mapper());
        }

        @Override
        public Object getArrayIndex(Object obj, int idx) {
            if (idx < 0 || idx >= length(obj)) {
                throw new IndexOutOfBoundsException(idx);
            }
            return super.getArrayIndex(obj, idx);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
