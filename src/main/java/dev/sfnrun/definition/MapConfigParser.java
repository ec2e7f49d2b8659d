package dev.sfnrun.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.ValueExpr;
import dev.sfnrun.query.jsonata.JsonataTemplate;
import dev.sfnrun.query.jsonata.JsonataTemplate.Expect;
import dev.sfnrun.query.jsonata.JsonataTemplate.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the distributed-Map fields of a Map state (see {@link DistributedConfig}). In a JSONata
 * state a number may be a {@code {% %}} expression instead, compiled into the slot of its
 * {@code ...Path} twin (both are evaluated on the state input), and ItemReader and ResultWriter
 * take {@code Arguments} instead of {@code Parameters}.
 */
final class MapConfigParser {
    private final boolean jsonata;

    private MapConfigParser(boolean jsonata) {
        this.jsonata = jsonata;
    }

    static DistributedConfig distributed(JsonNode node, String pointer, String executionType, boolean jsonata) {
        return new MapConfigParser(jsonata).distributed(node, pointer, executionType);
    }

    private DistributedConfig distributed(JsonNode node, String pointer, String executionType) {
        exclusive(node, pointer, "ToleratedFailureCount", "ToleratedFailureCountPath");
        exclusive(node, pointer, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        ValueExpr countExpr = expression(node, "ToleratedFailureCount", pointer, Expect.NON_NEGATIVE_INTEGER);
        ValueExpr percentageExpr = expression(node, "ToleratedFailurePercentage", pointer, Expect.PERCENTAGE);
        Number count = null;
        if (countExpr == null && node.has("ToleratedFailureCount")) {
            JsonNode value = node.get("ToleratedFailureCount");
            if (!value.isNumber() || !value.canConvertToExactIntegral() || value.asLong() < 0) {
                throw new DefinitionException(pointer + "/ToleratedFailureCount",
                        "ToleratedFailureCount must be a non-negative integer");
            }
            count = value.asLong();
        }
        Number percentage = null;
        if (percentageExpr == null && node.has("ToleratedFailurePercentage")) {
            JsonNode value = node.get("ToleratedFailurePercentage");
            if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 100) {
                throw new DefinitionException(pointer + "/ToleratedFailurePercentage",
                        "ToleratedFailurePercentage must be a number between 0 and 100");
            }
            percentage = value.asDouble();
        }
        String label = node.has("Label") ? node.get("Label").asText() : null;
        return new DistributedConfig(count, orPath(countExpr, node, "ToleratedFailureCountPath", pointer),
                percentage, orPath(percentageExpr, node, "ToleratedFailurePercentagePath", pointer), label,
                executionType == null ? "STANDARD" : executionType,
                itemReader(node.get("ItemReader"), pointer + "/ItemReader"),
                itemBatcher(node.get("ItemBatcher"), pointer + "/ItemBatcher"),
                resultWriter(node.get("ResultWriter"), pointer + "/ResultWriter"));
    }

    private DistributedConfig.ItemReader itemReader(JsonNode node, String pointer) {
        if (node == null) {
            return null;
        }
        requireObject(node, pointer, "ItemReader");
        String resource = node.path("Resource").asText(null);
        if (resource == null) {
            throw new DefinitionException(pointer, "ItemReader must have a Resource");
        }
        // the S3 integrations are the same in every AWS partition (aws-cn, aws-us-gov)
        resource = resource.replaceFirst("^arn:aws(-cn|-us-gov):states:::s3:", "arn:aws:states:::s3:");
        ValueExpr parameters = parameters(node, pointer);
        JsonNode config = node.path("ReaderConfig");
        String configPointer = pointer + "/ReaderConfig";
        exclusive(config, configPointer, "MaxItems", "MaxItemsPath");
        ValueExpr maxItemsExpr = expression(config, "MaxItems", configPointer, Expect.NON_NEGATIVE_INTEGER);
        Integer maxItems = null;
        if (maxItemsExpr == null && config.has("MaxItems")) {
            JsonNode value = config.get("MaxItems");
            if (!value.isNumber() || !value.canConvertToExactIntegral() || value.asLong() < 0) {
                throw new DefinitionException(configPointer + "/MaxItems", "MaxItems must be a non-negative integer");
            }
            maxItems = (int) Math.min(value.asLong(), Integer.MAX_VALUE);
        }
        List<String> headers = null;
        if (config.has("CSVHeaders")) {
            headers = new ArrayList<>();
            for (JsonNode header : config.get("CSVHeaders")) {
                headers.add(header.asText());
            }
        }
        return new DistributedConfig.ItemReader(resource, parameters, config.path("InputType").asText(null),
                config.path("CSVHeaderLocation").asText("FIRST_ROW"), headers,
                config.path("CSVDelimiter").asText("COMMA"), maxItems, orPath(maxItemsExpr, config, "MaxItemsPath", configPointer),
                config.path("Transformation").asText(null), config.path("ManifestType").asText(null));
    }

    private DistributedConfig.ItemBatcher itemBatcher(JsonNode node, String pointer) {
        if (node == null) {
            return null;
        }
        requireObject(node, pointer, "ItemBatcher");
        exclusive(node, pointer, "MaxItemsPerBatch", "MaxItemsPerBatchPath");
        exclusive(node, pointer, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
        ValueExpr itemsExpr = expression(node, "MaxItemsPerBatch", pointer, Expect.POSITIVE_INTEGER);
        ValueExpr bytesExpr = expression(node, "MaxInputBytesPerBatch", pointer, Expect.POSITIVE_INTEGER);
        Integer items = itemsExpr == null ? positive(node, "MaxItemsPerBatch", pointer) : null;
        Integer bytes = bytesExpr == null ? positive(node, "MaxInputBytesPerBatch", pointer) : null;
        ValueExpr itemsPath = orPath(itemsExpr, node, "MaxItemsPerBatchPath", pointer);
        ValueExpr bytesPath = orPath(bytesExpr, node, "MaxInputBytesPerBatchPath", pointer);
        if (items == null && bytes == null && itemsPath == null && bytesPath == null) {
            throw new DefinitionException(pointer,
                    "ItemBatcher must have at least one of MaxItemsPerBatch and MaxInputBytesPerBatch (or their Paths)");
        }
        ValueExpr batchInput = !node.has("BatchInput") ? null : jsonata
                ? JsonataFields.template(node, "BatchInput", pointer, Role.INPUT, Expect.ANY)
                : DefinitionParser.template(node, "BatchInput", pointer);
        return new DistributedConfig.ItemBatcher(items, itemsPath, bytes, bytesPath, batchInput);
    }

    private DistributedConfig.ResultWriter resultWriter(JsonNode node, String pointer) {
        if (node == null) {
            return null;
        }
        requireObject(node, pointer, "ResultWriter");
        String resource = node.path("Resource").asText(null);
        ValueExpr parameters = parameters(node, pointer);
        JsonNode config = node.path("WriterConfig");
        String outputType = config.path("OutputType").asText("JSON");
        String transformation = config.path("Transformation").asText(resource == null ? "COMPACT" : "NONE");
        return new DistributedConfig.ResultWriter(resource, parameters, outputType, transformation);
    }

    /** ItemReader or ResultWriter Parameters (JSONPath) or Arguments (JSONata), compiled; null when absent. */
    private ValueExpr parameters(JsonNode node, String pointer) {
        if (jsonata) {
            return node.has("Arguments") ? JsonataFields.template(node, "Arguments", pointer, Role.INPUT, Expect.OBJECT) : null;
        }
        return node.has("Parameters") ? DefinitionParser.template(node, "Parameters", pointer) : null;
    }

    /** The JSONata expression of {@code field} in a JSONata state; null for a literal or in a JSONPath state. */
    private ValueExpr expression(JsonNode node, String field, String pointer, Expect expect) {
        if (!jsonata || !JsonataTemplate.isExpression(node.get(field))) {
            return null;
        }
        return JsonataFields.template(node, field, pointer, Role.INPUT, expect);
    }

    private static ValueExpr orPath(ValueExpr expression, JsonNode node, String field, String pointer) {
        return expression != null ? expression : optionalPath(node, field, pointer);
    }

    private static Integer positive(JsonNode node, String field, String pointer) {
        if (!node.has(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isNumber() || !value.canConvertToExactIntegral() || value.asLong() < 1) {
            throw new DefinitionException(pointer + "/" + field, field + " must be a positive integer");
        }
        return (int) Math.min(value.asLong(), Integer.MAX_VALUE);
    }

    private static ValueExpr optionalPath(JsonNode node, String field, String pointer) {
        return node.has(field) ? DefinitionParser.path(node.get(field), pointer + "/" + field) : null;
    }

    private static void requireObject(JsonNode node, String pointer, String field) {
        if (!node.isObject()) {
            throw new DefinitionException(pointer, field + " must be a JSON object");
        }
    }

    private static void exclusive(JsonNode node, String pointer, String a, String b) {
        if (node.has(a) && node.has(b)) {
            throw new DefinitionException(pointer, "A state may not have both '" + a + "' and '" + b + "'");
        }
    }
}
