package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * An AWS Java Lambda handler, unchanged: sfn-run converts the task input to {@link Order} with
 * Jackson and passes a Context stand-in. An exception fails the task with its fully qualified class
 * name as the error, as the Java runtime reports it on AWS.
 */
public class ValidateOrder implements RequestHandler<ValidateOrder.Order, Map<String, Object>> {
    public static class Order {
        public String id;
        public int quantity;
    }

    @Override
    public Map<String, Object> handleRequest(Order order, Context context) {
        if (order.quantity <= 0) {
            throw new IllegalArgumentException("order " + order.id + " has no items");
        }
        context.getLogger().log("validated " + order.id + "\n");
        return Map.of("id", order.id, "quantity", order.quantity, "valid", true);
    }
}
