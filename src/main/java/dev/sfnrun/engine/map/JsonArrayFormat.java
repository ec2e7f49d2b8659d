package dev.sfnrun.engine.map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.io.JsonMessages;
import dev.sfnrun.query.Json;
import java.io.IOException;

/**
 * A JSON array object ({@code InputType} JSON, the default): the first pass walks the whole
 * document token by token (it must be one valid JSON value, an array) and counts the elements; the
 * items are then read one element at a time.
 */
final class JsonArrayFormat implements StreamedItems.Format {
    static final JsonArrayFormat INSTANCE = new JsonArrayFormat();

    private JsonArrayFormat() {
    }

    @Override
    public int count(S3Object object, int limit) throws IOException {
        try (JsonParser parser = Json.FACTORY.createParser(object.open())) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw S3Object.failed("The object " + object.uri() + " is not valid JSON: it is empty.");
            }
            boolean array = token == JsonToken.START_ARRAY;
            int count = 0;
            if (array) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    parser.skipChildren();
                    if (count < limit) {
                        count++;
                    }
                }
            } else {
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw S3Object.failed("The object " + object.uri() + " is not valid JSON: unexpected "
                        + parser.currentToken() + " after the value (line " + parser.currentLocation().getLineNr() + ").");
            }
            if (!array) {
                throw S3Object.failed("Attempting to map over non-iterable node.");
            }
            return count;
        } catch (JsonProcessingException e) {
            throw S3Object.failed("The object " + object.uri() + " is not valid JSON: " + JsonMessages.limits(e.getOriginalMessage())
                    + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
    }

    @Override
    public StreamedItems.Cursor open(S3Object object) throws IOException {
        JsonParser parser = Json.FACTORY.createParser(object.open());
        parser.nextToken(); // the array, as the count found it
        return new StreamedItems.Cursor() {
            @Override
            public JsonNode next() throws IOException {
                JsonToken token = parser.nextToken();
                if (token == null || token == JsonToken.END_ARRAY) {
                    return null;
                }
                try {
                    return Json.read(parser);
                } catch (JsonProcessingException e) {
                    throw S3Object.failed("The object " + object.uri() + " is not valid JSON: " + JsonMessages.limits(e.getOriginalMessage()));
                }
            }

            @Override
            public void close() throws IOException {
                parser.close();
            }
        };
    }
}
