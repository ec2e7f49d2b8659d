package dev.sfnrun.definition.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The ItemReader's ReaderConfig combinations refused at creation: {@code Transformation:
 * LOAD_AND_FLATTEN} anywhere but with the {@code s3:listObjectsV2} reader (whose objects it
 * loads), and there only with an {@code InputType} saying how to read them (CSV, JSON, JSONL or
 * PARQUET); a manifest ({@code InputType: MANIFEST} or a {@code ManifestType}) anywhere but with
 * {@code s3:getObject}; an Athena manifest ({@code ATHENA_DATA}) with an InputType other than
 * CSV, JSONL or PARQUET. And what sfn-run cannot read: Parquet, for which no maintained Java
 * reader without Hadoop exists ({@link DiagnosticCode#UNSUPPORTED_LOCALLY}).
 */
final class ReaderConfigChecks {
    private static final Set<String> FLATTENED_TYPES = Set.of("CSV", "JSON", "JSONL", "PARQUET");
    private static final Set<String> ATHENA_TYPES = Set.of("CSV", "JSONL", "PARQUET");

    private ReaderConfigChecks() {
    }

    static void check(StateContext state, Diagnostics out) {
        JsonNode reader = state.get("ItemReader");
        if (reader == null || !reader.isObject() || !reader.path("ReaderConfig").isObject()) {
            return;
        }
        JsonNode config = reader.get("ReaderConfig");
        String at = Pointer.child(state.at("ItemReader"), "ReaderConfig");
        String resource = reader.path("Resource").asText("");
        boolean list = resource.endsWith(":states:::s3:listObjectsV2");
        boolean get = resource.endsWith(":states:::s3:getObject");
        String inputType = config.path("InputType").asText(null);
        String manifestType = config.path("ManifestType").asText(null);
        boolean flatten = "LOAD_AND_FLATTEN".equals(config.path("Transformation").asText(null));
        if (flatten) {
            if (!list) {
                out.schema(Pointer.child(at, "Transformation"), "The value 'LOAD_AND_FLATTEN' of the field "
                        + "'Transformation' is only allowed with the resource 'arn:aws:states:::s3:listObjectsV2'");
            } else if (inputType == null || !FLATTENED_TYPES.contains(inputType)) {
                out.schema(Pointer.child(at, inputType == null ? "Transformation" : "InputType"),
                        "The field 'InputType' must be one of " + sorted(FLATTENED_TYPES)
                                + " when 'Transformation' is 'LOAD_AND_FLATTEN'");
            }
        }
        if (("MANIFEST".equals(inputType) && !flatten || manifestType != null) && list) {
            out.schema(Pointer.child(at, manifestType != null ? "ManifestType" : "InputType"),
                    "A manifest is only read with the resource 'arn:aws:states:::s3:getObject'");
        }
        if ("ATHENA_DATA".equals(manifestType) && (inputType == null || !ATHENA_TYPES.contains(inputType))) {
            out.schema(Pointer.child(at, inputType == null ? "ManifestType" : "InputType"),
                    "The field 'InputType' must be one of " + sorted(ATHENA_TYPES) + " when 'ManifestType' is 'ATHENA_DATA'");
        }
        if ("PARQUET".equals(inputType) && (get || list)) {
            out.report(DiagnosticCode.UNSUPPORTED_LOCALLY, Pointer.child(at, "InputType"),
                    "InputType PARQUET is not supported by sfn-run: there is no maintained Parquet reader for Java "
                            + "without Hadoop; convert the data to CSV or JSON Lines to run this Map locally");
        }
    }

    private static String sorted(Set<String> values) {
        return values.stream().sorted().toList().toString();
    }
}
