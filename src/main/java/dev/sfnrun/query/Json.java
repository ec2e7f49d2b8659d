package dev.sfnrun.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text in and out, and the few helpers everything shares. Reading and writing go through
 * Jackson's streaming parser and generator straight to and from the tree: a configured
 * {@link ObjectMapper} costs some 300 classes and a date-format set-up at start-up, so it is made
 * only when something needs it ({@link #mapper()}), such as the exact message of a syntax error.
 */
public final class Json {
    /** The one factory of parsers and generators, with Jackson's default settings. */
    public static final JsonFactory FACTORY = new JsonFactory();
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);

    private Json() {
    }

    /** The program's ObjectMapper (trailing tokens are an error), made on first use. */
    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }

    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Compact JSON text, as AWS serialises state data in history events. */
    public static String compact(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(node, generator);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    /**
     * Indented JSON text as JavaScript's {@code JSON.stringify(value, null, 2)} lays it out (and the
     * Step Functions console shows outputs): two spaces a level, one member or element a line,
     * {@code "key": value}, and {@code {}} / {@code []} when empty.
     */
    public static String pretty(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.setPrettyPrinter(PRETTY.createInstance());
            write(node, generator);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** Writes {@code node} (a tree of plain JSON values) to {@code generator}. */
    public static void write(JsonNode node, JsonGenerator generator) throws IOException {
        write(node, generator, null);
    }

    /** Writes a string node; see {@link #write(JsonNode, JsonGenerator, StringWriting)}. */
    @FunctionalInterface
    public interface StringWriting {
        void write(JsonNode string, JsonGenerator generator) throws IOException;
    }

    /** As {@link #write(JsonNode, JsonGenerator)}, each string written by {@code strings} (null: as it is). */
    public static void write(JsonNode node, JsonGenerator generator, StringWriting strings) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject(node, node.size());
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    generator.writeFieldName(member.getKey());
                    write(member.getValue(), generator, strings);
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray(node, node.size());
                for (JsonNode element : node) {
                    write(element, generator, strings);
                }
                generator.writeEndArray();
            }
            case STRING -> {
                if (strings == null) {
                    generator.writeString(node.textValue());
                } else {
                    strings.write(node, generator);
                }
            }
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL, MISSING -> generator.writeNull();
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> generator.writeNumber(node.intValue());
                    case LONG -> generator.writeNumber(node.longValue());
                    case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
                    case FLOAT -> generator.writeNumber(node.floatValue());
                    case DOUBLE -> generator.writeNumber(node.doubleValue());
                    default -> generator.writeNumber(node.decimalValue());
                }
            }
            default -> mapper().writeTree(generator, node); // binary or POJO nodes: never made by sfn-run
        }
    }

    /**
     * Parses JSON text (trailing tokens are an error) into the tree {@code ObjectMapper.readTree}
     * would build. Invalid text (and empty text) is handed to the ObjectMapper, so the exception,
     * whose message AWS quotes, is Jackson's own.
     */
    public static JsonNode parse(String text) throws JsonProcessingException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != null) {
                JsonNode node = read(parser);
                if (parser.nextToken() == null) {
                    return node;
                }
            }
        } catch (Unrepresentable e) {
            throw e;
        } catch (IOException e) {
            // fall through: the mapper reports it
        }
        return mapper().readTree(text);
    }

    /**
     * The value at the parser's current token, its last token consumed, checked as {@link #parse}
     * checks it (for readers that stream a large document value by value).
     */
    public static JsonNode read(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT:
                ObjectNode object = NODES.objectNode();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    checked(name, parser);
                    parser.nextToken();
                    object.replace(name, read(parser)); // a repeated key keeps its place and takes the last value
                }
                return object;
            case START_ARRAY:
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                return array;
            default:
                return scalar(parser);
        }
    }

    /**
     * The scalar at the parser's current token (string, number, boolean or null), checked as {@link #parse}
     * checks it: a lone surrogate or a number beyond a double's range is {@link Unrepresentable}.
     */
    public static JsonNode scalar(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case VALUE_STRING:
                return NODES.textNode(checked(parser.getText(), parser));
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                double value = parser.getDoubleValue();
                if (Double.isInfinite(value)) { // never the silent "Infinity" of Java
                    throw new Unrepresentable(parser, "the number " + abbreviated(parser.getText())
                            + " is beyond the range of JSON numbers (a double: about 1.8e308)");
                }
                return NODES.numberNode(value);
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(parser, "unexpected token " + parser.currentToken());
        }
    }

    /**
     * Text that JSON cannot carry exactly: a number beyond a double's range, or a string with a lone
     * UTF-16 surrogate (it has no UTF-8 form, so it would print as "?").
     */
    public static final class Unrepresentable extends JsonParseException {
        Unrepresentable(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    private static String checked(String text, JsonParser parser) throws Unrepresentable {
        String problem = loneSurrogate(text);
        if (problem != null) {
            throw new Unrepresentable(parser, problem);
        }
        return text;
    }

    private static String loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return String.format("the string has a lone surrogate \\u%04x, "
                            + "which is not a Unicode character (UTF-8 cannot carry it)", (int) c);
                }
            }
        }
        return null;
    }

    /**
     * What in a tree made by code (a task's result) JSON text cannot carry exactly, or null: a number
     * that is not finite (NaN, Infinity: JSON has none) or a string or key with a lone surrogate.
     * Trees parsed by {@link #parse} never have these. Walked without recursion.
     */
    public static String unrepresentable(JsonNode node) {
        java.util.ArrayDeque<JsonNode> pending = new java.util.ArrayDeque<>();
        pending.push(node);
        while (!pending.isEmpty()) {
            JsonNode next = pending.pop();
            if (next.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = next.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    String key = loneSurrogate(member.getKey());
                    if (key != null) {
                        return "a key: " + key;
                    }
                    pending.push(member.getValue());
                }
            } else if (next.isArray()) {
                next.forEach(pending::push);
            } else if (next.isTextual()) {
                String text = loneSurrogate(next.textValue());
                if (text != null) {
                    return text;
                }
            } else if ((next.isDouble() || next.isFloat()) && !Double.isFinite(next.doubleValue())) {
                return "the number " + next.doubleValue() + " is not finite (JSON has no NaN or Infinity)";
            }
        }
        return null;
    }

    private static String abbreviated(String text) {
        return text.length() <= 24 ? text : text.substring(0, 20) + "...";
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A shallow copy of an object: the members are shared, since JSON values are never modified once made. */
    public static ObjectNode shallowCopy(ObjectNode node) {
        ObjectNode copy = NODES.objectNode();
        copy.setAll(node);
        return copy;
    }

    /** The JSON type name as AWS's messages use it. */
    public static String typeName(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "undefined";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }
}
