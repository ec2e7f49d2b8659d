package dev.sfnrun.definition.validate;

import static dev.sfnrun.definition.validate.Check.only;
import static dev.sfnrun.definition.validate.Check.valid;
import static dev.sfnrun.definition.validate.DiagnosticCode.SCHEMA_VALIDATION_FAILED;
import static dev.sfnrun.definition.validate.StateChecksTest.jsonata;
import static dev.sfnrun.definition.validate.StateChecksTest.machine;

import org.junit.jupiter.api.Test;

class ItemSourceChecksTest {
    private static final String PROCESSOR = "{\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"EXPRESS\"},"
            + " \"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Succeed\"}}}";
    private static final String MAP = "{\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": " + PROCESSOR + ", %s}";
    private static final String CSV_READER = "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\","
            + " \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k.csv\"}, \"ReaderConfig\": {\"InputType\": \"CSV\", %s}}";

    @Test
    void everyDelimiterAwsNamesIsAcceptedAndNoOther() {
        for (String delimiter : new String[] {"COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"}) {
            valid(machine(MAP.formatted(CSV_READER.formatted("\"CSVDelimiter\": \"" + delimiter + "\""))));
        }
        String colon = machine(MAP.formatted(CSV_READER.formatted("\"CSVDelimiter\": \"COLON\"")));
        only(colon, SCHEMA_VALIDATION_FAILED, "/States/S/ItemReader/ReaderConfig/CSVDelimiter", "\"CSVDelimiter\"",
                "Value should be one of the following: [COMMA, PIPE, SEMICOLON, SPACE, TAB]");
        String character = machine(MAP.formatted(CSV_READER.formatted("\"CSVDelimiter\": \",\"")));
        only(character, SCHEMA_VALIDATION_FAILED, "/States/S/ItemReader/ReaderConfig/CSVDelimiter", "\"CSVDelimiter\"",
                "Value should be one of the following: [COMMA, PIPE, SEMICOLON, SPACE, TAB]");
    }

    @Test
    void givenHeaderLocationNeedsTheHeaders() {
        valid(machine(MAP.formatted(CSV_READER.formatted("\"CSVHeaderLocation\": \"GIVEN\", \"CSVHeaders\": [\"a\", \"b\"]"))));
        valid(machine(MAP.formatted(CSV_READER.formatted("\"CSVHeaderLocation\": \"FIRST_ROW\""))));
        String missing = machine(MAP.formatted(CSV_READER.formatted("\"CSVHeaderLocation\": \"GIVEN\"")));
        only(missing, SCHEMA_VALIDATION_FAILED, "/States/S/ItemReader/ReaderConfig/CSVHeaderLocation",
                "\"CSVHeaderLocation\"", "The field 'CSVHeaders' is required when 'CSVHeaderLocation' is 'GIVEN'");
    }

    @Test
    void itemsPathOrItemsNextToAnItemReaderIsRefused() {
        String reader = "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:listObjectsV2\", \"Parameters\": {\"Bucket\": \"b\"}}";
        String path = machine(MAP.formatted(reader + ", \"ItemsPath\": \"$.items\""));
        only(path, SCHEMA_VALIDATION_FAILED, "/States/S/ItemsPath", "\"ItemsPath\"",
                "Fields 'ItemsPath' and 'ItemReader' are mutually exclusive");
        String jsonataReader = "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:listObjectsV2\", \"Arguments\": {\"Bucket\": \"b\"}}";
        valid(jsonata(MAP.formatted(jsonataReader)));
        String items = jsonata(MAP.formatted(jsonataReader + ", \"Items\": \"{% $states.input.items %}\""));
        only(items, SCHEMA_VALIDATION_FAILED, "/States/S/Items", "\"Items\"",
                "Fields 'Items' and 'ItemReader' are mutually exclusive");
        // ItemsPath without a reader stays valid
        valid(machine(MAP.formatted("\"ItemsPath\": \"$.items\"")));
    }

    @Test
    void readerAndWriterResourcesAreS3Integrations() {
        valid(machine(MAP.formatted("\"ItemReader\": {\"Resource\": \"arn:aws-cn:states:::s3:getObject\","
                + " \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}}")));
        String sdk = machine(MAP.formatted("\"ItemReader\": {\"Resource\": \"arn:aws:states:::aws-sdk:s3:listObjectsV2\","
                + " \"Parameters\": {\"Bucket\": \"b\"}}"));
        only(sdk, SCHEMA_VALIDATION_FAILED, "/States/S/ItemReader/Resource", "\"Resource\": \"arn:aws:states:::aws-sdk",
                "The field 'Resource' does not match any of the allowed values. Examples: "
                        + "[arn:<partition>:states:::s3:getObject, arn:<partition>:states:::s3:listObjectsV2]");
        String put = machine(MAP.formatted("\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:putObject\","
                + " \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}}"));
        only(put, SCHEMA_VALIDATION_FAILED, "/States/S/ItemReader/Resource", "\"Resource\": \"arn:aws:states:::s3:put",
                "The field 'Resource' does not match any of the allowed values. Examples: "
                        + "[arn:<partition>:states:::s3:getObject, arn:<partition>:states:::s3:listObjectsV2]");
        valid(machine(MAP.formatted("\"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:putObject\","
                + " \"Parameters\": {\"Bucket\": \"b\", \"Prefix\": \"p\"}}")));
        String writer = machine(MAP.formatted("\"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:getObject\","
                + " \"Parameters\": {\"Bucket\": \"b\", \"Prefix\": \"p\"}}"));
        only(writer, SCHEMA_VALIDATION_FAILED, "/States/S/ResultWriter/Resource", "\"Resource\"",
                "The field 'Resource' does not match any of the allowed values. Examples: "
                        + "[arn:<partition>:states:::s3:putObject]");
    }

    @Test
    void aResultWriterResourceComesWithItsBucketAndPrefix() {
        // the run failed at the end of the Map Run with "Invalid bucket name: null"
        only(machine(MAP.formatted("\"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:putObject\"}")),
                SCHEMA_VALIDATION_FAILED, "/States/S/ResultWriter", "\"ResultWriter\"",
                "These fields are required: [Parameters]");
        only(machine(MAP.formatted("\"ResultWriter\": {\"Parameters\": {\"Bucket\": \"b\", \"Prefix\": \"p\"}}")),
                SCHEMA_VALIDATION_FAILED, "/States/S/ResultWriter", "\"ResultWriter\"", "These fields are required: [Resource]");
        valid(machine(MAP.formatted("\"ResultWriter\": {\"WriterConfig\": {\"OutputType\": \"JSON\", \"Transformation\": \"FLATTEN\"}}")));
    }
}
