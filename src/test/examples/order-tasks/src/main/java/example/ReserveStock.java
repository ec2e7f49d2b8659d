package example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFailure;
import dev.sfnrun.task.TaskFunction;
import dev.sfnrun.task.TaskName;

/**
 * A task function for the DynamoDB integration {@code arn:aws:states:::dynamodb:updateItem}, found
 * through META-INF/services and bound to the name in its annotation.
 */
@TaskName("dynamodb:updateItem")
public class ReserveStock implements TaskFunction {
    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) throws TaskFailure {
        int wanted = input.path("ExpressionAttributeValues").path(":q").path("N").asInt();
        if (wanted > 10) {
            throw new TaskFailure("DynamoDB.ConditionalCheckFailedException", "The conditional request failed");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.putObject("Attributes").putObject("stock").put("N", Integer.toString(10 - wanted));
        return result;
    }
}
