package dev.sfnrun.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;

/** SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat: answers to the task that waits on a token. */
final class TaskTokenOperations {
    private final TaskTokens tokens;

    TaskTokenOperations(TaskTokens tokens) {
        this.tokens = tokens;
    }

    void register(Router router) {
        router.add("SendTaskSuccess", this::sendTaskSuccess)
                .add("SendTaskFailure", this::sendTaskFailure)
                .add("SendTaskHeartbeat", this::sendTaskHeartbeat);
    }

    private ObjectNode sendTaskSuccess(ApiRequest request) {
        String token = request.text("taskToken");
        TaskTokens.Waiting waiting = tokens.find(token);
        JsonNode output;
        try {
            output = Json.parse(request.text("output"));
        } catch (Exception e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            int newline = message.indexOf('\n');
            throw new ApiException("InvalidOutput", "Invalid Output: '" + (newline < 0 ? message : message.substring(0, newline)) + "'");
        }
        tokens.spend(token);
        waiting.callback().success(output);
        return Json.object();
    }

    private ObjectNode sendTaskFailure(ApiRequest request) {
        String token = request.text("taskToken");
        TaskTokens.Waiting waiting = tokens.find(token);
        tokens.spend(token);
        waiting.callback().failure(request.text("error"), request.text("cause"));
        return Json.object();
    }

    private ObjectNode sendTaskHeartbeat(ApiRequest request) {
        tokens.find(request.text("taskToken")).callback().heartbeat();
        return Json.object();
    }
}
