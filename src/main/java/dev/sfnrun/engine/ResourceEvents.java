package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.history.EventDetails;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.Payload;
import dev.sfnrun.task.load.ResourceResolver.Resolved;

/**
 * The events of one call of a Task state's resource, shaped as AWS writes them for its kind:
 * {@code LambdaFunction*} for a Lambda function ARN, {@code Activity*} for an activity, and
 * {@code Task*} (with {@code resourceType}/{@code resource}) for service integrations.
 */
final class ResourceEvents {
    /** The worker name shown in ActivityStarted. */
    static final String WORKER_NAME = "sfn-run";

    private final EventLog log;
    private final Trail trail;
    private final Resolved resource;
    private final String region;
    /** The task function's output during the call, put on the event that ends it. */
    private String logs;

    ResourceEvents(EventLog log, Trail trail, Resolved resource, String region) {
        this.log = log;
        this.trail = trail;
        this.resource = resource;
        this.region = region;
    }

    /** The function's output during the call (null: none), for the event that ends the call. */
    void logs(String text) {
        logs = text;
    }

    void scheduled(JsonNode input, Long timeoutSeconds, Long heartbeatSeconds) {
        switch (resource.kind()) {
            case LAMBDA -> log.append(trail, EventType.LambdaFunctionScheduled, EventDetails.create()
                    .put("resource", resource.arn()).input(input).put("timeoutInSeconds", timeoutSeconds));
            case ACTIVITY -> log.append(trail, EventType.ActivityScheduled, EventDetails.create()
                    .put("resource", resource.arn()).input(input).put("timeoutInSeconds", timeoutSeconds)
                    .put("heartbeatInSeconds", heartbeatSeconds));
            case INTEGRATION -> log.append(trail, EventType.TaskScheduled, integration()
                    .put("region", region)
                    .put("parameters", Payload.of(input).text())
                    .put("timeoutInSeconds", timeoutSeconds)
                    .put("heartbeatInSeconds", heartbeatSeconds));
        }
    }

    void started() {
        switch (resource.kind()) {
            case LAMBDA -> log.append(trail, EventType.LambdaFunctionStarted, null);
            case ACTIVITY -> log.append(trail, EventType.ActivityStarted, EventDetails.create().put("workerName", WORKER_NAME));
            case INTEGRATION -> log.append(trail, EventType.TaskStarted, integration());
        }
    }

    /** ActivityStarted when a worker took the task ({@code workerName} may be null: the event then names none). */
    void startedBy(String workerName) {
        log.append(trail, EventType.ActivityStarted, EventDetails.create().put("workerName", workerName));
    }

    /** TaskSubmitted: the response of the call that started a {@code .waitForTaskToken} or {@code .sync} task. */
    void submitted(JsonNode response) {
        if (resource.kind() == dev.sfnrun.task.load.ResourceResolver.Kind.INTEGRATION) {
            log.append(trail, EventType.TaskSubmitted, integration().output(response));
        }
    }

    void succeeded(JsonNode output) {
        switch (resource.kind()) {
            case LAMBDA -> log.append(trail, EventType.LambdaFunctionSucceeded, EventDetails.create().output(output).logs(logs));
            case ACTIVITY -> log.append(trail, EventType.ActivitySucceeded, EventDetails.create().output(output).logs(logs));
            case INTEGRATION -> log.append(trail, EventType.TaskSucceeded, integration().output(output).logs(logs));
        }
    }

    void failed(StatesError error) {
        EventType type = switch (resource.kind()) {
            case LAMBDA -> EventType.LambdaFunctionFailed;
            case ACTIVITY -> EventType.ActivityFailed;
            case INTEGRATION -> EventType.TaskFailed;
        };
        log.append(trail, type, details().error(error.error(), error.cause()).logs(logs));
    }

    /** The TimedOut event: {@code States.Timeout}, no cause, for a timeout and a missed heartbeat alike. */
    void timedOut(String error) {
        EventType type = switch (resource.kind()) {
            case LAMBDA -> EventType.LambdaFunctionTimedOut;
            case ACTIVITY -> EventType.ActivityTimedOut;
            case INTEGRATION -> EventType.TaskTimedOut;
        };
        log.append(trail, type, details().error(error, null).logs(logs));
    }

    private EventDetails details() {
        return resource.kind() == dev.sfnrun.task.load.ResourceResolver.Kind.INTEGRATION ? integration()
                : EventDetails.create();
    }

    private EventDetails integration() {
        return EventDetails.create().put("resourceType", resource.resourceType()).put("resource", resource.resource());
    }
}
