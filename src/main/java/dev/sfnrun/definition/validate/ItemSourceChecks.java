package dev.sfnrun.definition.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * Where a distributed Map's items come from and where its results go, as AWS refuses them at
 * creation: an ItemReader Resource other than S3's {@code getObject} / {@code listObjectsV2}
 * integrations, a ResultWriter Resource other than {@code s3:putObject}, {@code CSVHeaderLocation:
 * GIVEN} without {@code CSVHeaders}, and {@code ItemsPath} (JSONPath) or {@code Items} (JSONata)
 * next to an ItemReader, which replaces the state input as the source of the items.
 * (An unknown {@code CSVDelimiter} is refused by its field's list of values, {@link Shapes#READER_CONFIG}.)
 */
final class ItemSourceChecks {
    /** The ItemReader integrations AWS accepts, in any AWS partition. */
    static final Pattern READER_RESOURCE = Pattern.compile("arn:aws(-cn|-us-gov)?:states:::s3:(getObject|listObjectsV2)");
    /** The one ResultWriter integration AWS accepts, in any AWS partition. */
    static final Pattern WRITER_RESOURCE = Pattern.compile("arn:aws(-cn|-us-gov)?:states:::s3:putObject");

    private ItemSourceChecks() {
    }

    static void check(StateContext state, Diagnostics out) {
        JsonNode reader = state.get("ItemReader");
        if (reader != null && reader.isObject()) {
            resource(reader, state.at("ItemReader"), READER_RESOURCE,
                    "[arn:<partition>:states:::s3:getObject, arn:<partition>:states:::s3:listObjectsV2]", out);
            for (String items : new String[] {"ItemsPath", "Items"}) {
                if (state.has(items)) {
                    out.schema(state.at(items), "Fields '" + items + "' and 'ItemReader' are mutually exclusive");
                }
            }
            JsonNode config = reader.path("ReaderConfig");
            if (config.isObject() && "GIVEN".equals(config.path("CSVHeaderLocation").asText(null))
                    && !config.has("CSVHeaders")) {
                out.schema(Pointer.child(Pointer.child(state.at("ItemReader"), "ReaderConfig"), "CSVHeaderLocation"),
                        "The field 'CSVHeaders' is required when 'CSVHeaderLocation' is 'GIVEN'");
            }
        }
        JsonNode writer = state.get("ResultWriter");
        if (writer != null && writer.isObject()) {
            resource(writer, state.at("ResultWriter"), WRITER_RESOURCE, "[arn:<partition>:states:::s3:putObject]", out);
            // Resource and its bucket and prefix come together (or WriterConfig alone: format, write nothing)
            String where = state.jsonata() ? "Arguments" : "Parameters";
            if (writer.has("Resource") != writer.has(where)) {
                out.schema(state.at("ResultWriter"), "These fields are required: [" + (writer.has("Resource") ? where : "Resource") + "]");
            }
        }
    }

    private static void resource(JsonNode object, String pointer, Pattern accepted, String examples, Diagnostics out) {
        JsonNode resource = object.get("Resource");
        if (resource != null && resource.isTextual() && !accepted.matcher(resource.textValue()).matches()) {
            out.schema(Pointer.child(pointer, "Resource"),
                    "The field 'Resource' does not match any of the allowed values. Examples: " + examples);
        }
    }
}
