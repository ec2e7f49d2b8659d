package dev.sfnrun.engine;

import dev.sfnrun.engine.map.MapRunResult;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.history.HistoryEvent;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one execution. {@code output} is set when it SUCCEEDED; {@code error} and
 * {@code cause} may be set otherwise (either can be absent, as on AWS). {@code events} is the
 * whole history when it was recorded, else empty; {@code mapRuns} lists the distributed Map Runs
 * it started, in the order they ended.
 */
public record ExecutionResult(ExecutionStatus status, JsonNode output, String error, String cause,
                              Instant startDate, Instant stopDate, String executionArn, String inputText,
                              List<HistoryEvent> events, List<MapRunResult> mapRuns) {
    /** The execution's name, read from its ARN (an Express ARN has an id after the name). */
    public String executionName() {
        String arn = executionArn;
        int last = arn.lastIndexOf(':');
        int colons = 0;
        int fifth = -1;
        for (int i = arn.indexOf(':'); i >= 0; i = arn.indexOf(':', i + 1)) {
            if (++colons == 5) {
                fifth = i;
            }
        }
        if (colons >= 7 && arn.startsWith("express:", fifth + 1)) {
            return arn.substring(arn.lastIndexOf(':', last - 1) + 1, last);
        }
        return arn.substring(last + 1);
    }
}
