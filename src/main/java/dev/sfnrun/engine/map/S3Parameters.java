package dev.sfnrun.engine.map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.error.StatesError;

/**
 * The S3 request fields of an ItemReader's or ResultWriter's Parameters ({@code Bucket}, {@code Key},
 * {@code Prefix}), which S3's API types as strings: a field that is there but not a string (an
 * object, an array, a number, a boolean, null) is refused, never turned into text or taken as absent.
 * The cause follows AWS's recorded words for parameters an optimized integration refuses ("The value
 * of the field 'Headers' has an invalid format"); AWS's own text for these fields is unrecorded.
 */
final class S3Parameters {
    private S3Parameters() {
    }

    /** The field's text, or null when the Parameters do not have it. */
    static String string(JsonNode parameters, String field, String error) {
        JsonNode value = parameters == null ? null : parameters.get(field);
        if (value == null || value.isMissingNode()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new StatesError(error, "The value of the field '" + field + "' has an invalid format: it must be a string, not "
                    + kind(value) + ".");
        }
        return value.textValue();
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
