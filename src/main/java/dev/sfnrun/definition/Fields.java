package dev.sfnrun.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Which fields each part of a definition may have, per state type and query language. */
final class Fields {
    static final Set<String> TOP_LEVEL = Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage");
    static final Set<String> BRANCH = Set.of("StartAt", "States", "Comment");
    static final Set<String> PROCESSOR = Set.of("StartAt", "States", "Comment", "ProcessorConfig");
    static final Set<String> RETRIER = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate",
            "MaxDelaySeconds", "JitterStrategy", "Comment");
    static final Set<String> CATCHER = Set.of("ErrorEquals", "Next", "ResultPath", "Assign", "Output", "Comment");

    private static final Map<String, Set<String>> BY_TYPE = Map.of(
            "Task", Set.of("Resource", "Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector",
                    "ResultPath", "Retry", "Catch", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds",
                    "HeartbeatSecondsPath", "Credentials", "Assign", "Arguments", "Output"),
            "Pass", Set.of("Next", "End", "InputPath", "OutputPath", "Parameters", "Result", "ResultPath", "Assign", "Output"),
            "Choice", Set.of("Choices", "Default", "InputPath", "OutputPath", "Assign", "Output"),
            "Wait", Set.of("Next", "End", "Seconds", "SecondsPath", "Timestamp", "TimestampPath", "InputPath",
                    "OutputPath", "Assign", "Output"),
            "Succeed", Set.of("InputPath", "OutputPath", "Output"),
            "Fail", Set.of("Error", "ErrorPath", "Cause", "CausePath"),
            "Parallel", Set.of("Branches", "Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector",
                    "ResultPath", "Retry", "Catch", "Assign", "Arguments", "Output"),
            "Map", Set.of("ItemProcessor", "Iterator", "ItemsPath", "Items", "ItemSelector", "Parameters",
                    "MaxConcurrency", "MaxConcurrencyPath", "Next", "End", "InputPath", "OutputPath", "ResultSelector",
                    "ResultPath", "Retry", "Catch", "Assign", "Output", "ItemReader", "ItemBatcher", "ResultWriter",
                    "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ToleratedFailureCount",
                    "ToleratedFailureCountPath", "Label"));

    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");

    private static final Set<String> JSONPATH_ONLY = Set.of("InputPath", "OutputPath", "Parameters", "ResultSelector",
            "ResultPath", "Result", "TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath", "TimestampPath",
            "ErrorPath", "CausePath", "ItemsPath", "MaxConcurrencyPath", "ToleratedFailurePercentagePath",
            "ToleratedFailureCountPath");
    private static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");

    private Fields() {
    }

    /** The fields of a state type besides Type, Comment and QueryLanguage, or null for an unknown type. */
    static Set<String> forType(String type) {
        return BY_TYPE.get(type);
    }

    static void checkAllowed(JsonNode node, String pointer, Set<String> allowed) {
        if (!node.isObject()) {
            throw new DefinitionException(pointer, "Expected a JSON object");
        }
        boolean state = allowed.size() > 0 && BY_TYPE.containsValue(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field) && !(state && COMMON.contains(field))) {
                throw new DefinitionException(pointer + "/" + DefinitionParser.escape(field),
                        "Field '" + field + "' is not supported");
            }
        }
    }

    /** Fields of the other query language are not allowed. */
    static void checkLanguage(JsonNode node, String pointer, QueryLanguage language) {
        Set<String> forbidden = language == QueryLanguage.JSONATA ? JSONPATH_ONLY : JSONATA_ONLY;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (forbidden.contains(field)) {
                throw new DefinitionException(pointer + "/" + DefinitionParser.escape(field), "The field '" + field
                        + "' is not supported for QueryLanguage " + language.aslName());
            }
        }
    }

    /** A variable name: a Unicode identifier of at most 80 characters, not "states". */
    static boolean isVariableName(String name) {
        if (name.isEmpty() || name.length() > 80 || name.equals("states")) {
            return false;
        }
        if (!Character.isUnicodeIdentifierStart(name.codePointAt(0)) && name.charAt(0) != '_') {
            return false;
        }
        return name.codePoints().skip(1).allMatch(Character::isUnicodeIdentifierPart);
    }
}
