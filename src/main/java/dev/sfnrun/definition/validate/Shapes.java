package dev.sfnrun.definition.validate;

import static dev.sfnrun.definition.validate.Field.Kind.ANY;
import static dev.sfnrun.definition.validate.Field.Kind.ARRAY;
import static dev.sfnrun.definition.validate.Field.Kind.BOOLEAN;
import static dev.sfnrun.definition.validate.Field.Kind.INTEGER;
import static dev.sfnrun.definition.validate.Field.Kind.NUMBER;
import static dev.sfnrun.definition.validate.Field.Kind.OBJECT;
import static dev.sfnrun.definition.validate.Field.Kind.PATH;
import static dev.sfnrun.definition.validate.Field.Kind.STRING;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tables of allowed fields: the state machine, its states and their nested objects (ASL-NOTES §1, §7.1). */
final class Shapes {
    private Shapes() {
    }

    static final int MAX_SECONDS = 99_999_999;
    static final Field QUERY_LANGUAGE = Field.of("QueryLanguage", STRING).oneOf("JSONPath", "JSONata");

    static final Shape BRANCH = Shape.of(
            Field.of("States", OBJECT).mandatory(),
            Field.of("StartAt", STRING).mandatory(),
            Field.of("Comment", STRING));
    static final Shape MACHINE = BRANCH.plus(
            Field.of("Version", STRING),
            Field.of("TimeoutSeconds", INTEGER).range(1, MAX_SECONDS),
            QUERY_LANGUAGE);
    static final Shape PROCESSOR = BRANCH.plus(Field.of("ProcessorConfig", OBJECT));
    static final Shape PROCESSOR_CONFIG = Shape.of(
            Field.of("Mode", STRING).oneOf("INLINE", "DISTRIBUTED"),
            Field.of("ExecutionType", STRING).oneOf("STANDARD", "EXPRESS"));

    static final Shape RETRIER = Shape.of(
            Field.of("ErrorEquals", ARRAY).mandatory(),
            Field.of("IntervalSeconds", INTEGER).range(1, MAX_SECONDS),
            Field.of("MaxAttempts", INTEGER).range(0, MAX_SECONDS),
            Field.of("BackoffRate", NUMBER).atLeast(1),
            Field.of("MaxDelaySeconds", INTEGER).range(1, 31_622_400),
            Field.of("JitterStrategy", STRING).oneOf("FULL", "NONE"),
            Field.of("Comment", STRING));
    static final Shape CATCHER = Shape.of(
            Field.of("ErrorEquals", ARRAY).mandatory(),
            Field.of("Next", STRING).mandatory(),
            Field.of("ResultPath", PATH).jsonPath(),
            Field.of("Output", ANY).jsonata(),
            Field.of("Assign", OBJECT),
            Field.of("Comment", STRING));

    static final Shape ITEM_READER = Shape.of(
            Field.of("Resource", STRING).mandatory(),
            Field.of("ReaderConfig", OBJECT),
            Field.of("Parameters", OBJECT).jsonPath(),
            Field.of("Arguments", ANY).jsonata());
    static final Shape READER_CONFIG = Shape.of(
            Field.of("InputType", STRING).oneOf("CSV", "JSON", "JSONL", "PARQUET", "MANIFEST"),
            Field.of("CSVHeaderLocation", STRING).oneOf("FIRST_ROW", "GIVEN"),
            Field.of("CSVHeaders", ARRAY),
            Field.of("CSVDelimiter", STRING).oneOf("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"),
            Field.of("ManifestType", STRING).oneOf("S3_INVENTORY", "ATHENA_DATA"),
            Field.of("Transformation", STRING).oneOf("NONE", "LOAD_AND_FLATTEN"),
            Field.of("MaxItems", INTEGER).atLeast(1).expr(),
            Field.of("MaxItemsPath", STRING).jsonPath());
    static final Shape ITEM_BATCHER = Shape.of(
            Field.of("MaxItemsPerBatch", INTEGER).atLeast(1).expr(),
            Field.of("MaxItemsPerBatchPath", STRING).jsonPath(),
            Field.of("MaxInputBytesPerBatch", INTEGER).range(1, 262_144).expr(),
            Field.of("MaxInputBytesPerBatchPath", STRING).jsonPath(),
            Field.of("BatchInput", OBJECT).expr());
    static final Shape RESULT_WRITER = Shape.of(
            Field.of("Resource", STRING),
            Field.of("Parameters", OBJECT).jsonPath(),
            Field.of("Arguments", ANY).jsonata(),
            Field.of("WriterConfig", OBJECT));
    static final Shape WRITER_CONFIG = Shape.of(
            Field.of("OutputType", STRING).oneOf("JSON", "JSONL"),
            Field.of("Transformation", STRING).oneOf("NONE", "COMPACT", "FLATTEN"));

    private static final String ALL = "Task Parallel Map Pass Wait Choice Succeed Fail";
    private static final String FLOWING = "Task Parallel Map Pass Wait";
    private static final String WORKING = "Task Parallel Map";

    /** State type to its allowed fields. Required fields that depend on each other are checked in StateChecks. */
    static final Map<String, Shape> STATES = byType(
            row(ALL, Field.of("Type", STRING).mandatory()),
            row(ALL, Field.of("Comment", STRING)),
            row(ALL, QUERY_LANGUAGE),
            row(FLOWING, Field.of("Next", STRING)),
            row(FLOWING, Field.of("End", BOOLEAN)),
            row("Task Parallel Map Pass Wait Choice Succeed", Field.of("InputPath", PATH).jsonPath()),
            row("Task Parallel Map Pass Wait Choice Succeed", Field.of("OutputPath", PATH).jsonPath()),
            row("Task Parallel Map Pass", Field.of("Parameters", OBJECT).jsonPath()),
            row(WORKING, Field.of("ResultSelector", OBJECT).jsonPath()),
            row("Task Parallel Map Pass", Field.of("ResultPath", PATH).jsonPath()),
            row("Task Parallel", Field.of("Arguments", ANY).jsonata()),
            row("Task Parallel Map Pass Wait Choice Succeed", Field.of("Output", ANY).jsonata()),
            row("Task Parallel Map Pass Wait Choice", Field.of("Assign", OBJECT)),
            row(WORKING, Field.of("Retry", ARRAY)),
            row(WORKING, Field.of("Catch", ARRAY)),
            row("Task", Field.of("Resource", STRING).mandatory()),
            row("Task", Field.of("TimeoutSeconds", INTEGER).range(1, MAX_SECONDS).expr()),
            row("Task", Field.of("TimeoutSecondsPath", STRING).jsonPath()),
            row("Task", Field.of("HeartbeatSeconds", INTEGER).range(1, MAX_SECONDS).expr()),
            row("Task", Field.of("HeartbeatSecondsPath", STRING).jsonPath()),
            row("Task", Field.of("Credentials", OBJECT).expr()),
            row("Pass", Field.of("Result", ANY).jsonPath()),
            row("Choice", Field.of("Choices", ARRAY).mandatory()),
            row("Choice", Field.of("Default", STRING)),
            row("Wait", Field.of("Seconds", INTEGER).range(0, MAX_SECONDS).expr()),
            row("Wait", Field.of("SecondsPath", STRING).jsonPath()),
            row("Wait", Field.of("Timestamp", STRING).expr()),
            row("Wait", Field.of("TimestampPath", STRING).jsonPath()),
            row("Fail", Field.of("Error", STRING).expr()),
            row("Fail", Field.of("ErrorPath", STRING).jsonPath()),
            row("Fail", Field.of("Cause", STRING).expr()),
            row("Fail", Field.of("CausePath", STRING).jsonPath()),
            row("Parallel", Field.of("Branches", ARRAY).mandatory()),
            row("Map", Field.of("ItemProcessor", OBJECT)),
            row("Map", Field.of("Iterator", OBJECT)),
            row("Map", Field.of("ItemsPath", STRING).jsonPath()),
            row("Map", Field.of("Items", ARRAY).jsonata().expr()),
            row("Map", Field.of("ItemSelector", OBJECT).expr()),
            row("Map", Field.of("MaxConcurrency", INTEGER).atLeast(0).expr()),
            row("Map", Field.of("MaxConcurrencyPath", STRING).jsonPath()),
            row("Map", Field.of("ItemReader", OBJECT)),
            row("Map", Field.of("ItemBatcher", OBJECT)),
            row("Map", Field.of("ResultWriter", OBJECT)),
            row("Map", Field.of("ToleratedFailurePercentage", NUMBER).range(0, 100).expr()),
            row("Map", Field.of("ToleratedFailurePercentagePath", STRING).jsonPath()),
            row("Map", Field.of("ToleratedFailureCount", INTEGER).atLeast(0).expr()),
            row("Map", Field.of("ToleratedFailureCountPath", STRING).jsonPath()),
            row("Map", Field.of("Label", STRING)));

    private record Row(String types, Field field) {
    }

    private static Row row(String types, Field field) {
        return new Row(types, field);
    }

    private static Map<String, Shape> byType(Row... rows) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (Row row : rows) {
            for (String type : row.types().split(" ")) {
                shapes.merge(type, Shape.of(row.field()), (a, b) -> a.plus(row.field()));
            }
        }
        return Map.copyOf(shapes);
    }
}
