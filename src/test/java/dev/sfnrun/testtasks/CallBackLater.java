package dev.sfnrun.testtasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.task.TaskCallback;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;

/**
 * A {@code .waitForTaskToken} worker: hands the token to another thread and returns at once; that
 * thread sends a heartbeat, then success with {@code {"token": <the token from the input>}} — or
 * failure when the input says {"fail": true}.
 */
public final class CallBackLater implements TaskFunction {
    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) {
        TaskCallback callback = context.callback();
        String token = input.path("token").asText();
        Thread other = new Thread(() -> {
            callback.heartbeat();
            if (input.path("fail").asBoolean()) {
                callback.failure("Rejected", "token " + token);
            } else {
                ObjectNode output = JsonNodeFactory.instance.objectNode();
                output.put("token", token);
                output.put("sameToken", token.equals(context.taskToken()));
                callback.success(output);
            }
        });
        other.setDaemon(true);
        other.start();
        return JsonNodeFactory.instance.objectNode().put("MessageId", "m-1");
    }
}
