package dev.sfnrun.engine.map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.io.JsonMessages;
import dev.sfnrun.query.Json;
import java.io.IOException;

/**
 * A JSON array object ({@code InputType} JSON, the default): the first pass walks the whole
 * document token by token (it must be one valid JSON value, an array) and counts the elements, each
 * of at most {@link ReaderLimits#MAX_RECORD_BYTES} of text; the items are then read one element at a time.
 * The object is read as UTF-8 text, as JSON Lines and CSV are (never auto-detected as UTF-16 or UTF-32).
 */
final class JsonArrayFormat implements StreamedItems.Format {
    static final JsonArrayFormat INSTANCE = new JsonArrayFormat(ReaderLimits.MAX_RECORD_BYTES);

    private final long maxElementBytes;

    /** Elements of at most {@code maxElementBytes} of text each; a longer one fails the Map. */
    JsonArrayFormat(long maxElementBytes) {
        this.maxElementBytes = maxElementBytes;
    }

    @Override
    public int count(S3Object object, int limit) throws IOException {
        try (JsonParser parser = Json.FACTORY.createParser(object.reader())) {
            return count(parser, object, limit);
        }
    }

    private int count(JsonParser parser, S3Object object, int limit) throws IOException {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw S3Object.failed("The object " + object.uri() + " is not valid JSON: it is empty.");
            }
            boolean array = token == JsonToken.START_ARRAY;
            int count = 0;
            if (array) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (count < limit) {
                        bounded(parser, object);
                        count++;
                    } else {
                        parser.skipChildren();
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
            // a limit's error (nesting, a string's length) carries no location: the parser's is where it stopped
            JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            int line = where == null ? -1 : where.getLineNr();
            throw S3Object.failed("The object " + object.uri() + " is not valid JSON: " + JsonMessages.limits(e.getOriginalMessage())
                    + (line > 0 ? " (line " + line + ")" : ""));
        }
    }

    /**
     * Walks the element the parser is at, failing as soon as its text passes the limit, so an element
     * the cursor would read into memory is never larger than that.
     */
    private void bounded(JsonParser parser, S3Object object) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        long from = offset(start);
        int depth = 0;
        JsonToken token = parser.currentToken();
        while (true) {
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            } else if (depth == 0 && token == JsonToken.VALUE_STRING) {
                parser.finishToken(); // a string is read lazily: its end is known once it is (its length is bounded)
                if (parser.getTextLength() > parser.streamReadConstraints().getMaxStringLength()) {
                    parser.getText(); // the parser checks its limit exactly there: it fails now, not as the item is read
                }
            }
            if (offset(parser.currentLocation()) - from > maxElementBytes) {
                throw S3Object.failed(ReaderLimits.recordTooLarge("The array element at line " + start.getLineNr(),
                        object.uri(), maxElementBytes));
            }
            if (depth == 0) {
                return;
            }
            token = parser.nextToken();
            if (token == null) {
                return; // the end of the text inside the element: the parser says so on the next token
            }
        }
    }

    private static long offset(JsonLocation location) {
        long bytes = location.getByteOffset();
        return bytes >= 0 ? bytes : location.getCharOffset();
    }

    @Override
    public StreamedItems.Cursor open(S3Object object) throws IOException {
        JsonParser parser = Json.FACTORY.createParser(object.reader());
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
