package dev.sfnrun.engine.map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.io.JsonMessages;
import dev.sfnrun.query.Json;
import java.io.IOException;

/**
 * A JSON Lines object ({@code InputType} JSONL): one JSON value per line, blank lines skipped. The
 * first pass checks each line up to the item limit; a line that is not one JSON value, or one
 * longer than {@link ReaderLimits#MAX_RECORD_BYTES}, fails the Map, naming the line.
 */
final class JsonLinesFormat implements StreamedItems.Format {
    static final JsonLinesFormat INSTANCE = new JsonLinesFormat(ReaderLimits.MAX_RECORD_BYTES);

    private final long maxLineBytes;

    /** Lines of at most {@code maxLineBytes} (UTF-8); a longer one fails the Map. */
    JsonLinesFormat(long maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public int count(S3Object object, int limit) throws IOException {
        int count = 0;
        try (BoundedLines in = new BoundedLines(object.reader(), maxLineBytes)) {
            for (String line = next(in, object); line != null && count < limit; line = next(in, object)) {
                if (line.isBlank()) {
                    continue;
                }
                check(line, in.number(), object);
                count++;
            }
        }
        return count;
    }

    private String next(BoundedLines in, S3Object object) throws IOException {
        try {
            return in.next();
        } catch (BoundedLines.TooLongException e) {
            throw S3Object.failed(ReaderLimits.recordTooLarge("Line " + e.line, object.uri(), maxLineBytes));
        }
    }

    /** Walks one line's tokens: it must hold exactly one JSON value. */
    private static void check(String line, long number, S3Object object) throws IOException {
        try (JsonParser parser = Json.FACTORY.createParser(line)) {
            parser.nextToken();
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw invalid(object, number, "more than one JSON value on the line");
            }
        } catch (JsonProcessingException e) {
            throw invalid(object, number, JsonMessages.limits(e.getOriginalMessage()));
        }
    }

    private static RuntimeException invalid(S3Object object, long number, String why) {
        return S3Object.failed("Line " + number + " of " + object.uri() + " is not valid JSON: " + why);
    }

    @Override
    public StreamedItems.Cursor open(S3Object object) throws IOException {
        BoundedLines in = new BoundedLines(object.reader(), maxLineBytes);
        return new StreamedItems.Cursor() {
            @Override
            public JsonNode next() throws IOException {
                for (String line = JsonLinesFormat.this.next(in, object); line != null; line = JsonLinesFormat.this.next(in, object)) {
                    if (!line.isBlank()) {
                        try {
                            return Json.parse(line);
                        } catch (JsonProcessingException e) {
                            throw invalid(object, in.number(), JsonMessages.limits(e.getOriginalMessage()));
                        }
                    }
                }
                return null;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
