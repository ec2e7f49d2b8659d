package dev.sfnrun.engine.map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.io.JsonMessages;
import dev.sfnrun.query.Json;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * A JSON Lines object ({@code InputType} JSONL): one JSON value per line, blank lines skipped. The
 * first pass checks each line up to the item limit; a line that is not one JSON value fails the
 * Map, naming the line.
 */
final class JsonLinesFormat implements StreamedItems.Format {
    static final JsonLinesFormat INSTANCE = new JsonLinesFormat();

    private JsonLinesFormat() {
    }

    @Override
    public int count(S3Object object, int limit) throws IOException {
        int count = 0;
        try (BufferedReader in = new BufferedReader(object.reader(), 64 * 1024)) {
            int number = 0;
            for (String line = in.readLine(); line != null && count < limit; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                check(line, number, object);
                count++;
            }
        }
        return count;
    }

    /** Walks one line's tokens: it must hold exactly one JSON value. */
    private static void check(String line, int number, S3Object object) throws IOException {
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

    private static RuntimeException invalid(S3Object object, int number, String why) {
        return S3Object.failed("Line " + number + " of " + object.uri() + " is not valid JSON: " + why);
    }

    @Override
    public StreamedItems.Cursor open(S3Object object) throws IOException {
        BufferedReader in = new BufferedReader(object.reader(), 64 * 1024);
        return new StreamedItems.Cursor() {
            private int number;

            @Override
            public JsonNode next() throws IOException {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    number++;
                    if (!line.isBlank()) {
                        try {
                            return Json.parse(line);
                        } catch (JsonProcessingException e) {
                            throw invalid(object, number, JsonMessages.limits(e.getOriginalMessage()));
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
