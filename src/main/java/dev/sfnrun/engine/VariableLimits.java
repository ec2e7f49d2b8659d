package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import java.util.Iterator;
import java.util.Map;

/**
 * AWS's quotas on workflow variables: one variable holds at most 256 KiB, the values one Assign
 * sets at most 256 KiB together, and the variables an execution keeps at most 10 MiB (counted
 * here over the scope that assigns and the scopes around it). Sizes are those of compact UTF-8
 * JSON text. AWS's error text for these is not recorded; the error is States.DataLimitExceeded
 * and the causes are ours.
 */
final class VariableLimits {
    static final long MAX_VARIABLE_BYTES = 262_144;
    static final long MAX_ASSIGN_BYTES = 262_144;
    static final long MAX_EXECUTION_BYTES = 10L * 1024 * 1024;

    private VariableLimits() {
    }

    /** The sizes of {@code assigned}'s values; throws when a quota is exceeded. */
    static Map<String, Long> check(ObjectNode assigned, Scope scope) {
        Map<String, Long> sizes = new java.util.LinkedHashMap<>();
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = assigned.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            long size;
            try {
                size = PayloadLimit.size(entry.getValue(), MAX_VARIABLE_BYTES);
            } catch (dev.sfnrun.query.JsonSize.TooDeep e) {
                throw error("The value assigned to the variable '" + entry.getKey() + "' is " + e.getMessage()
                        + ", the most JSON data may nest.");
            }
            if (size > MAX_VARIABLE_BYTES) {
                throw error("The value assigned to the variable '" + entry.getKey()
                        + "' is larger than 256 KiB (262144 bytes), the maximum size of a variable.");
            }
            total += size;
            sizes.put(entry.getKey(), size);
        }
        if (total > MAX_ASSIGN_BYTES) {
            throw error("The values assigned by the state total " + total
                    + " bytes, more than 256 KiB (262144 bytes), the maximum for one Assign.");
        }
        if (scope.bytesAfter(sizes) > MAX_EXECUTION_BYTES) {
            throw error("The variables of the execution would total more than 10 MiB (10485760 bytes),"
                    + " the maximum for one execution.");
        }
        return sizes;
    }

    private static StatesError error(String cause) {
        return StatesError.located(ErrorNames.DATA_LIMIT_EXCEEDED, cause);
    }
}
