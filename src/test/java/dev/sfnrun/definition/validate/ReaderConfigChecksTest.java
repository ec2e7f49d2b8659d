package dev.sfnrun.definition.validate;

import static dev.sfnrun.definition.validate.Check.only;
import static dev.sfnrun.definition.validate.Check.valid;
import static dev.sfnrun.definition.validate.DiagnosticCode.SCHEMA_VALIDATION_FAILED;
import static dev.sfnrun.definition.validate.DiagnosticCode.UNSUPPORTED_LOCALLY;
import static dev.sfnrun.definition.validate.StateChecksTest.machine;

import org.junit.jupiter.api.Test;

/** ReaderConfig: where LOAD_AND_FLATTEN and manifests are allowed, and Parquet, which sfn-run cannot read. */
class ReaderConfigChecksTest {
    private static final String PROCESSOR = "{\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"EXPRESS\"},"
            + " \"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Succeed\"}}}";
    private static final String MAP = "{\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": " + PROCESSOR
            + ", \"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:%s\", \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"},"
            + " \"ReaderConfig\": {%s}}}";

    private static String reader(String resource, String config) {
        return machine(MAP.formatted(resource, config));
    }

    @Test
    void loadAndFlattenGoesWithListObjectsAndAnInputType() {
        for (String type : new String[] {"JSON", "JSONL", "CSV"}) {
            valid(reader("listObjectsV2", "\"Transformation\": \"LOAD_AND_FLATTEN\", \"InputType\": \"" + type + "\""));
        }
        valid(reader("listObjectsV2", "\"Transformation\": \"NONE\""));
        only(reader("getObject", "\"Transformation\": \"LOAD_AND_FLATTEN\", \"InputType\": \"JSON\""), SCHEMA_VALIDATION_FAILED,
                "/States/S/ItemReader/ReaderConfig/Transformation", "\"Transformation\"",
                "The value 'LOAD_AND_FLATTEN' of the field 'Transformation' is only allowed with the resource "
                        + "'arn:aws:states:::s3:listObjectsV2'");
        only(reader("listObjectsV2", "\"Transformation\": \"LOAD_AND_FLATTEN\""), SCHEMA_VALIDATION_FAILED,
                "/States/S/ItemReader/ReaderConfig/Transformation", "\"Transformation\"",
                "The field 'InputType' must be one of [CSV, JSON, JSONL, PARQUET] when 'Transformation' is 'LOAD_AND_FLATTEN'");
        only(reader("listObjectsV2", "\"Transformation\": \"LOAD_AND_FLATTEN\", \"InputType\": \"MANIFEST\""),
                SCHEMA_VALIDATION_FAILED, "/States/S/ItemReader/ReaderConfig/InputType", "\"InputType\"",
                "The field 'InputType' must be one of [CSV, JSON, JSONL, PARQUET] when 'Transformation' is 'LOAD_AND_FLATTEN'");
        only(reader("listObjectsV2", "\"Transformation\": \"FLATTEN\""), SCHEMA_VALIDATION_FAILED,
                "/States/S/ItemReader/ReaderConfig/Transformation", "\"Transformation\"",
                "Value should be one of the following: [NONE, LOAD_AND_FLATTEN]");
    }

    @Test
    void manifestsAreReadWithGetObject() {
        valid(reader("getObject", "\"InputType\": \"MANIFEST\""));
        valid(reader("getObject", "\"InputType\": \"MANIFEST\", \"ManifestType\": \"S3_INVENTORY\""));
        valid(reader("getObject", "\"InputType\": \"CSV\", \"ManifestType\": \"ATHENA_DATA\", \"CSVHeaderLocation\": \"FIRST_ROW\""));
        only(reader("listObjectsV2", "\"InputType\": \"MANIFEST\""), SCHEMA_VALIDATION_FAILED,
                "/States/S/ItemReader/ReaderConfig/InputType", "\"InputType\"",
                "A manifest is only read with the resource 'arn:aws:states:::s3:getObject'");
        only(reader("getObject", "\"InputType\": \"JSON\", \"ManifestType\": \"ATHENA_DATA\""), SCHEMA_VALIDATION_FAILED,
                "/States/S/ItemReader/ReaderConfig/InputType", "\"InputType\"",
                "The field 'InputType' must be one of [CSV, JSONL, PARQUET] when 'ManifestType' is 'ATHENA_DATA'");
        only(reader("getObject", "\"InputType\": \"MANIFEST\", \"ManifestType\": \"ORC\""), SCHEMA_VALIDATION_FAILED,
                "/States/S/ItemReader/ReaderConfig/ManifestType", "\"ManifestType\"",
                "Value should be one of the following: [S3_INVENTORY, ATHENA_DATA]");
    }

    @Test
    void parquetIsRefusedAsNotSupportedLocally() {
        only(reader("getObject", "\"InputType\": \"PARQUET\""), UNSUPPORTED_LOCALLY,
                "/States/S/ItemReader/ReaderConfig/InputType", "\"InputType\"",
                "InputType PARQUET is not supported by sfn-run: there is no maintained Parquet reader for Java without "
                        + "Hadoop; convert the data to CSV or JSON Lines to run this Map locally");
    }
}
