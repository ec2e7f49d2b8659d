package dev.sfnrun.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.ValueExpr;
import java.util.ArrayList;
import java.util.List;

/** Reads the distributed-Map fields of a Map state (see {@link DistributedConfig}). */
final class MapConfigParser {
    private MapConfigParser() {
    }

    static DistributedConfig distributed(JsonNode node, String pointer, String executionType) {
        exclusive(node, pointer, "ToleratedFailureCount", "ToleratedFailureCountPath");
        exclusive(node, pointer, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        Number count = null;
        if (node.has("ToleratedFailureCount")) {
            JsonNode value = node.get("ToleratedFailureCount");
            if (!value.isNumber() || !value.canConvertToExactIntegral() || value.asLong() < 0) {
                throw new DefinitionException(pointer + "/ToleratedFailureCount",
                        "ToleratedFailureCount must be a non-negative integer");
            }
            count = value.asLong();
        }
        Number percentage = null;
        if (node.has("ToleratedFailurePercentage")) {
            JsonNode value = node.get("ToleratedFailurePercentage");
            if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 100) {
                throw new DefinitionException(pointer + "/ToleratedFailurePercentage",
                        "ToleratedFailurePercentage must be a number between 0 and 100");
            }
            percentage = value.asDouble();
        }
        String label = node.has("Label") ? node.get("Label").asText() : null;
        return new DistributedConfig(count, optionalPath(node, "ToleratedFailureCountPath", pointer),
                percentage, optionalPath(node, "ToleratedFailurePercentagePath", pointer), label,
                executionType == null ? "STANDARD" : executionType,
                itemReader(node.get("ItemReader"), pointer + "/ItemReader"),
                itemBatcher(node.get("ItemBatcher"), pointer + "/ItemBatcher"),
                resultWriter(node.get("ResultWriter"), pointer + "/ResultWriter"));
    }

    private static DistributedConfig.ItemReader itemReader(JsonNode node, String pointer) {
        if (node == null) {
            return null;
        }
        requireObject(node, pointer, "ItemReader");
        String resource = node.path("Resource").asText(null);
        if (resource == null) {
            throw new DefinitionException(pointer, "ItemReader must have a Resource");
        }
        ValueExpr parameters = node.has("Parameters") ? DefinitionParser.template(node, "Parameters", pointer) : null;
        JsonNode config = node.path("ReaderConfig");
        String configPointer = pointer + "/ReaderConfig";
        exclusive(config, configPointer, "MaxItems", "MaxItemsPath");
        Integer maxItems = null;
        if (config.has("MaxItems")) {
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
                config.path("CSVDelimiter").asText("COMMA"), maxItems, optionalPath(config, "MaxItemsPath", configPointer));
    }

    private static DistributedConfig.ItemBatcher itemBatcher(JsonNode node, String pointer) {
        if (node == null) {
            return null;
        }
        requireObject(node, pointer, "ItemBatcher");
        exclusive(node, pointer, "MaxItemsPerBatch", "MaxItemsPerBatchPath");
        exclusive(node, pointer, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
        Integer items = positive(node, "MaxItemsPerBatch", pointer);
        Integer bytes = positive(node, "MaxInputBytesPerBatch", pointer);
        ValueExpr itemsPath = optionalPath(node, "MaxItemsPerBatchPath", pointer);
        ValueExpr bytesPath = optionalPath(node, "MaxInputBytesPerBatchPath", pointer);
        if (items == null && bytes == null && itemsPath == null && bytesPath == null) {
            throw new DefinitionException(pointer,
                    "ItemBatcher must have at least one of MaxItemsPerBatch and MaxInputBytesPerBatch (or their Paths)");
        }
        ValueExpr batchInput = node.has("BatchInput") ? DefinitionParser.template(node, "BatchInput", pointer) : null;
        return new DistributedConfig.ItemBatcher(items, itemsPath, bytes, bytesPath, batchInput);
    }

    private static DistributedConfig.ResultWriter resultWriter(JsonNode node, String pointer) {
        if (node == null) {
            return null;
        }
        requireObject(node, pointer, "ResultWriter");
        String resource = node.path("Resource").asText(null);
        ValueExpr parameters = node.has("Parameters") ? DefinitionParser.template(node, "Parameters", pointer) : null;
        JsonNode config = node.path("WriterConfig");
        String outputType = config.path("OutputType").asText("JSON");
        String transformation = config.path("Transformation").asText(resource == null ? "COMPACT" : "NONE");
        return new DistributedConfig.ResultWriter(resource, parameters, outputType, transformation);
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
