package dev.sfnrun.definition;

import dev.sfnrun.query.ValueExpr;
import java.util.List;

/**
 * The fields only a distributed Map reads: failure tolerance, Label, ItemReader, ItemBatcher and
 * ResultWriter. Each number may be a literal or a Reference Path ({@code ...Path}), never both;
 * absent ones are null.
 */
public record DistributedConfig(Number toleratedFailureCount, ValueExpr toleratedFailureCountPath,
                                Number toleratedFailurePercentage, ValueExpr toleratedFailurePercentagePath,
                                String label, String executionType,
                                ItemReader itemReader, ItemBatcher itemBatcher, ResultWriter resultWriter) {

    /**
     * ItemReader: where the items come from instead of the state input. {@code transformation} is
     * ReaderConfig's Transformation ({@code NONE} or {@code LOAD_AND_FLATTEN}), {@code manifestType}
     * its ManifestType ({@code S3_INVENTORY} or {@code ATHENA_DATA}); null when absent.
     */
    public record ItemReader(String resource, ValueExpr parameters, String inputType, String csvHeaderLocation,
                             List<String> csvHeaders, String csvDelimiter, Integer maxItems, ValueExpr maxItemsPath,
                             String transformation, String manifestType) {
    }

    /** ItemBatcher: how items are grouped into one child execution's {@code {"Items": [...]}}. */
    public record ItemBatcher(Integer maxItemsPerBatch, ValueExpr maxItemsPerBatchPath,
                              Integer maxInputBytesPerBatch, ValueExpr maxInputBytesPerBatchPath,
                              ValueExpr batchInput) {
    }

    /** ResultWriter: where the children's results are written, and in what shape. */
    public record ResultWriter(String resource, ValueExpr parameters, String outputType, String transformation) {
    }
}
