package dev.sfnrun.engine.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A CSV object ({@code InputType} CSV, also the files of an S3 inventory): each record becomes an
 * object of strings named by the headers, from the first row ({@code FIRST_ROW}, at most
 * {@link ReaderLimits#MAX_CSV_HEADER_BYTES}) or given ({@code GIVEN}). A row with fewer fields
 * than headers gets empty strings for the missing ones; extra fields are dropped. A record longer
 * than {@link ReaderLimits#MAX_RECORD_BYTES} fails the Map as soon as it passes that size.
 */
final class CsvFormat implements StreamedItems.Format {
    private final char delimiter;
    private final List<String> given;
    private final long maxRecordBytes;

    /** {@code given} headers, or null for the first row's. */
    CsvFormat(char delimiter, List<String> given) {
        this(delimiter, given, ReaderLimits.MAX_RECORD_BYTES);
    }

    /** As {@link #CsvFormat(char, List)}, with records of at most {@code maxRecordBytes} (UTF-8). */
    CsvFormat(char delimiter, List<String> given, long maxRecordBytes) {
        this.delimiter = delimiter;
        this.given = given;
        this.maxRecordBytes = maxRecordBytes;
        if (given != null) {
            unique(given);
        }
    }

    static char delimiter(String name) {
        return switch (name == null ? "COMMA" : name) {
            case "PIPE" -> '|';
            case "SEMICOLON" -> ';';
            case "SPACE" -> ' ';
            case "TAB" -> '\t';
            default -> ',';
        };
    }

    @Override
    public int count(S3Object object, int limit) throws IOException {
        try (CsvRecords records = new CsvRecords(object.reader(), delimiter)) {
            if (headers(records, object) == null) {
                return 0;
            }
            int count = 0;
            while (count < limit && records.next(maxRecordBytes) != null) {
                count++;
            }
            return count;
        } catch (CsvRecords.MalformedException e) {
            throw malformed(e, object);
        }
    }

    @Override
    public StreamedItems.Cursor open(S3Object object) throws IOException {
        CsvRecords records = new CsvRecords(object.reader(), delimiter);
        List<String> headers;
        try {
            headers = headers(records, object);
        } catch (CsvRecords.MalformedException e) {
            records.close();
            throw malformed(e, object);
        }
        return new StreamedItems.Cursor() {
            @Override
            public JsonNode next() throws IOException {
                List<String> row;
                try {
                    row = headers == null ? null : records.next(maxRecordBytes);
                } catch (CsvRecords.MalformedException e) {
                    throw malformed(e, object);
                }
                if (row == null) {
                    return null;
                }
                ObjectNode item = Json.object();
                for (int c = 0; c < headers.size(); c++) {
                    item.put(headers.get(c), c < row.size() ? row.get(c) : "");
                }
                return item;
            }

            @Override
            public void close() throws IOException {
                records.close();
            }
        };
    }

    /** The given headers, or the first row's (null for an empty object). */
    private List<String> headers(CsvRecords records, S3Object object) throws IOException {
        if (given != null) {
            return given;
        }
        List<String> headers;
        try {
            headers = records.next(ReaderLimits.MAX_CSV_HEADER_BYTES);
        } catch (CsvRecords.TooLargeException e) {
            throw S3Object.failed(ReaderLimits.headerTooLarge((int) e.bytes));
        }
        if (headers != null) {
            unique(headers);
        }
        return headers;
    }

    private static void unique(List<String> headers) {
        Set<String> seen = new HashSet<>();
        for (String header : headers) {
            if (!seen.add(header)) {
                throw S3Object.failed("CSV headers cannot contain duplicates.");
            }
        }
    }

    private RuntimeException malformed(CsvRecords.MalformedException e, S3Object object) {
        if (e instanceof CsvRecords.TooLargeException) {
            return S3Object.failed(ReaderLimits.recordTooLarge("The CSV record starting at line " + e.line, object.uri(),
                    maxRecordBytes));
        }
        return S3Object.failed("The CSV object " + object.uri() + " is malformed at line " + e.line + ": " + e.getMessage());
    }
}
