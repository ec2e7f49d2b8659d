package dev.sfnrun.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.StateGraph;
import dev.sfnrun.engine.ResumePoint;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.history.Payload;
import dev.sfnrun.query.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * RedriveExecution, by AWS's rules: only a FAILED, TIMED_OUT or ABORTED Standard execution, within
 * 14 days of its end, at most 1,000 times, and only while its history has room. The engine goes on
 * from where the run stopped ({@link ResumePoint}): the top-level state that did not finish, with
 * the input it had and the variables as they were, rerunning only the branches or iterations of a
 * Parallel or Map that did not succeed; its events follow the earlier ones after an
 * {@code ExecutionRedriven} event. An execution kept by an older journal without its resume point
 * goes on from the state its history shows unfinished, with that state's input and no variables.
 */
final class Redrive {
    static final Duration WINDOW = Duration.ofDays(14);
    static final int MAX_REDRIVES = 1000;

    private final ExecutionOperations executions;
    private final ExecutionService service;

    Redrive(ExecutionOperations executions, ExecutionService service) {
        this.executions = executions;
        this.service = service;
    }

    void register(Router router) {
        router.add("RedriveExecution", this::redriveExecution);
    }

    /** Why an execution cannot be redriven (DescribeExecution's redriveStatusReason), or null when it can. */
    static String notRedrivable(ExecutionRecord record) {
        ExecutionRecord.Status status = record.status();
        if (status == ExecutionRecord.Status.RUNNING || status == ExecutionRecord.Status.SUCCEEDED) {
            return "Execution is " + status + " and cannot be redriven";
        }
        if (record.cutByServerEnd()) {
            return "Execution was running when the server stopped, and where it stood is not known";
        }
        if (record.stopDate() != null && record.stopDate().plus(WINDOW).isBefore(Instant.now())) {
            return "Execution redrivable period exceeded";
        }
        if (record.redriveCount() >= MAX_REDRIVES) {
            return "Execution has reached the maximum number of redrives (" + MAX_REDRIVES + ")";
        }
        if (record.eventCount() >= 24_999) {
            return "Execution history event limit exceeded";
        }
        if (record.resumePoint() == null && failedState(record) == null) {
            return "Execution has no state to redrive from";
        }
        return null;
    }

    private record FailedState(String name, JsonNode input) {
    }

    /** The last top-level state entered and not exited, with the input it had. */
    private static FailedState failedState(ExecutionRecord record) {
        StateGraph graph = record.revision.model().graph();
        List<HistoryEvent> events = record.events();
        Set<String> exited = new HashSet<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            HistoryEvent event = events.get(i);
            String name = event.stringDetail("name");
            if (name == null || graph.state(name) == null) {
                continue;
            }
            if (event.type().isStateExited()) {
                exited.add(name);
            } else if (event.type().isStateEntered()) {
                if (exited.contains(name)) {
                    return null; // the last top-level state finished: the failure came after it
                }
                Object input = event.detail("input");
                JsonNode value = input instanceof Payload payload ? payload.value() : Json.object();
                return new FailedState(name, value);
            }
        }
        return null;
    }

    /** Where the record's last run stopped: the engine's account of it, else what its history shows. */
    private static ResumePoint resumePoint(ExecutionRecord record) {
        ResumePoint point = record.resumePoint();
        if (point == null) {
            FailedState failed = failedState(record);
            JsonNode input;
            try {
                input = Json.parse(record.input);
            } catch (Exception e) {
                input = Json.object();
            }
            point = new ResumePoint(failed.name(), failed.input(), java.util.Map.of(), null, input, record.startDate,
                    0, record.redriveCount());
        }
        return point.withLastEventId(record.eventCount());
    }

    private ObjectNode redriveExecution(ApiRequest request) {
        ExecutionRecord record = executions.find(request.text("executionArn"));
        String clientToken = request.text("clientToken");
        Instant now;
        ResumePoint point;
        synchronized (record) {
            Instant answered = record.redrivenBy(clientToken);
            if (answered != null) { // a retry (clientToken is an idempotencyToken): the first answer, no second redrive
                ObjectNode out = Json.object();
                WireJson.putTime(out, "redriveDate", answered);
                return out;
            }
            String reason = notRedrivable(record);
            if (reason != null) {
                throw new ApiException("ExecutionNotRedrivable", reason);
            }
            point = resumePoint(record);
            now = Instant.now();
            record.redriven(now, clientToken);
        }
        service.redrive(record, point, null, request.region(), request.account());
        ObjectNode out = Json.object();
        WireJson.putTime(out, "redriveDate", now);
        return out;
    }
}
