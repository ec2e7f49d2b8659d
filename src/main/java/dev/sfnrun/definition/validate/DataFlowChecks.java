package dev.sfnrun.definition.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Intrinsics;
import dev.sfnrun.query.JsonPath;
import dev.sfnrun.query.QuerySyntaxException;
import dev.sfnrun.query.ReferencePath;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data-flow fields of JSONPath states (paths, reference paths, payload templates, intrinsic
 * calls, ASL-NOTES §2) and the variable names of {@code Assign} in both languages (§4).
 */
final class DataFlowChecks {
    private DataFlowChecks() {
    }

    private static final List<String> PATHS = List.of("InputPath", "OutputPath");
    /** Reference Paths that may start with {@code $$} or a variable: compiled as definite JSONPaths. */
    private static final List<String> READ_REFERENCE_PATHS = List.of("ItemsPath", "SecondsPath", "TimestampPath",
            "TimeoutSecondsPath", "HeartbeatSecondsPath", "MaxConcurrencyPath", "ToleratedFailurePercentagePath",
            "ToleratedFailureCountPath", "MaxItemsPath", "MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath");
    private static final List<String> TEMPLATES = List.of("Parameters", "ResultSelector", "ItemSelector",
            "Credentials", "Assign", "BatchInput");
    /** Fields with a {@code …Path} twin whose literal value should not look like a path. */
    private static final List<String> LITERALS_WITH_PATH_TWIN = List.of("Error", "Cause", "Timestamp");
    private static final int MAX_VARIABLE_NAME = 80;

    static void check(StateContext state, Diagnostics out) {
        checkAssign(state.get("Assign"), state.at("Assign"), state.jsonata(), out);
        JsonNode credentials = state.get("Credentials");
        if (credentials != null && credentials.isObject() && !credentials.has("RoleArn") && !credentials.has("RoleArn.$")) {
            out.schema(state.at("Credentials"), "The field 'RoleArn' is required but was missing"); // AWS's text
        }
        for (String list : List.of("Choices", "Catch")) {
            JsonNode entries = state.array(list);
            for (int i = 0; i < entries.size(); i++) {
                String entry = Pointer.child(state.at(list), i);
                checkAssign(entries.get(i).get("Assign"), Pointer.child(entry, "Assign"), state.jsonata(), out);
                if (!state.jsonata()) {
                    checkFields(entries.get(i), entry, out);
                }
            }
        }
        if (state.jsonata()) {
            return;
        }
        checkFields(state.node(), state.pointer(), out);
        for (String nested : List.of("ItemReader", "ItemBatcher", "ResultWriter")) {
            JsonNode object = state.node().path(nested);
            checkFields(object, state.at(nested), out);
            checkFields(object.path("ReaderConfig"), Pointer.child(state.at(nested), "ReaderConfig"), out);
        }
        for (String field : LITERALS_WITH_PATH_TWIN) {
            JsonNode value = state.get(field);
            if (value != null && value.isTextual() && value.asText().startsWith("$")) {
                out.report(DiagnosticCode.NO_PATH, state.at(field), "The value of field '" + field
                        + "' looks like a path, but the field name does not end with 'Path'");
            }
        }
        if (state.type().equals("Pass") && state.has("Result")) {
            staticResult(state.get("Result"), state.at("Result"), out);
        }
    }

    /** The JSONPath fields that may appear on {@code object}: paths, reference paths and templates. */
    private static void checkFields(JsonNode object, String pointer, Diagnostics out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String field = member.getKey();
            JsonNode value = member.getValue();
            String at = Pointer.child(pointer, field);
            if (TEMPLATES.contains(field) && value.isObject()) {
                template(value, at, field, out);
            } else if (value.isTextual()) {
                String text = value.asText();
                if (PATHS.contains(field)) {
                    compile(at, () -> JsonPath.compile(text), out);
                } else if (field.equals("ResultPath")) {
                    compile(at, () -> ReferencePath.compile(text), out);
                } else if (READ_REFERENCE_PATHS.contains(field)) {
                    referencePath(text, at, out);
                } else if (field.equals("ErrorPath") || field.equals("CausePath")) {
                    if (text.startsWith("$")) {
                        referencePath(text, at, out);
                    } else {
                        if (compile(at, () -> Intrinsics.compile(text), out)) {
                            stringIntrinsic(text, field, at, out);
                        }
                    }
                }
            }
        }
    }

    /** The intrinsic functions the developer guide allows in ErrorPath and CausePath: those returning a string. */
    private static final List<String> STRING_INTRINSICS = List.of("States.Format", "States.JsonToString",
            "States.ArrayGetItem", "States.Base64Encode", "States.Base64Decode", "States.Hash", "States.UUID");

    private static void stringIntrinsic(String text, String field, String at, Diagnostics out) {
        int open = text.indexOf('(');
        String name = (open < 0 ? text : text.substring(0, open)).trim();
        if (open > 0 && !STRING_INTRINSICS.contains(name)) {
            out.schema(at, "The intrinsic function " + name + " cannot be used in " + field
                    + "; it takes one of " + String.join(", ", STRING_INTRINSICS));
        }
    }

    private static void template(JsonNode node, String pointer, String field, Diagnostics out) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                template(node.get(i), Pointer.child(pointer, i), field, out);
            }
            return;
        }
        Set<String> names = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String key = member.getKey();
            JsonNode value = member.getValue();
            String at = Pointer.child(pointer, key);
            boolean dynamic = key.endsWith(".$") && key.length() > 2;
            String name = dynamic ? key.substring(0, key.length() - 2) : key;
            if (!names.add(name)) {
                out.schema(at, "The field '" + name + "' appears twice in " + field);
            }
            if (!dynamic) {
                if (value.isTextual() && looksDynamic(value.asText())) {
                    out.report(DiagnosticCode.NO_DOLLAR, at, "The value of field '" + key
                            + "' looks like a JSONPath or an intrinsic function, but the field name does not end with '.$'");
                }
                template(value, at, field, out);
            } else if (!value.isTextual()) {
                out.schema(at, "Expected value of type [STRING]");
            } else if (value.asText().startsWith("$")) {
                compile(at, () -> JsonPath.compile(value.asText()), out);
            } else {
                try {
                    Intrinsics.compile(value.asText());
                } catch (QuerySyntaxException e) { // AWS's recorded words, at the object that holds the field
                    out.schema(e.unreadable() ? pointer : at, e.unreadable() ? "The value for the field '" + key
                            + "' must be a valid JSONPath or a valid intrinsic function call" : e.getMessage());
                }
            }
        }
    }

    private static boolean looksDynamic(String text) {
        return text.equals("$") || text.startsWith("$.") || text.startsWith("$$.") || text.startsWith("$[")
                || text.startsWith("States.") && text.endsWith(")");
    }

    private static void staticResult(JsonNode node, String pointer, Diagnostics out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String at = Pointer.child(pointer, member.getKey());
            if (member.getKey().endsWith(".$")) {
                out.report(DiagnosticCode.PASS_RESULT_IS_STATIC, at, "The field '" + member.getKey()
                        + "' is inside the Result of a Pass state, which is static: it will not be evaluated");
            }
            staticResult(member.getValue(), at, out);
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            staticResult(node.get(i), Pointer.child(pointer, i), out);
        }
    }

    private static void referencePath(String text, String at, Diagnostics out) {
        compile(at, () -> {
            if (!JsonPath.compile(text).isDefinite()) {
                throw new QuerySyntaxException("The value '" + text + "' is not a valid Reference Path");
            }
            return null;
        }, out);
    }

    private interface Compilation {
        Object run();
    }

    /** Reports a syntax error of the compilation; returns whether it compiled. */
    private static boolean compile(String at, Compilation compilation, Diagnostics out) {
        try {
            compilation.run();
            return true;
        } catch (QuerySyntaxException e) {
            out.schema(at, e.getMessage());
            return false;
        }
    }

    private static void checkAssign(JsonNode assign, String pointer, boolean jsonata, Diagnostics out) {
        if (assign == null || !assign.isObject()) {
            return;
        }
        for (Iterator<String> it = assign.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String name = !jsonata && key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
            if (!isVariableName(name)) {
                out.schema(Pointer.child(pointer, key), "Invalid variable name: '" + name + "'");
            }
        }
    }

    static boolean isVariableName(String name) {
        if (name.isEmpty() || name.length() > MAX_VARIABLE_NAME || name.equals("states")) {
            return false;
        }
        int first = name.codePointAt(0);
        return (Character.isUnicodeIdentifierStart(first) || first == '_')
                && name.codePoints().skip(1).allMatch(c -> Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
    }
}
