package dev.sfnrun.task.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.TaskCallback;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFailure;
import dev.sfnrun.testtasks.GreetHandler;
import dev.sfnrun.testtasks.UpperStreamHandler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LambdaHandlerFunctionTest {
    private static final TaskContext CONTEXT = new TaskContext() {
        public String stateName() {
            return "Greet";
        }

        public String executionName() {
            return "exec";
        }

        public String resource() {
            return "Greet";
        }

        public int retryCount() {
            return 0;
        }

        public String requestId() {
            return "req-1";
        }

        public String taskToken() {
            return null;
        }

        public Duration remainingTime() {
            return Duration.ofSeconds(3);
        }

        public void heartbeat() {
        }

        public TaskCallback callback() {
            return null;
        }
    };

    @Test
    void aRequestHandlerGetsItsDeclaredTypeAndAContext() throws Exception {
        var function = LambdaHandlerFunction.of(GreetHandler.class, "Greet", "us-east-1", "123456789012");
        JsonNode result = function.invoke(Json.parse("{\"name\":\"Ada\",\"times\":2}"), CONTEXT);
        assertEquals(Json.parse("{\"greeting\":\"Hello, Ada! Hello, Ada!\",\"function\":\"Greet\",\"hasRequestId\":true}"),
                result);
    }

    @Test
    void aHandlerExceptionIsNamedAsTheJavaRuntimeNamesIt() throws Exception {
        var function = LambdaHandlerFunction.of(GreetHandler.class, "Greet", "us-east-1", "123456789012");
        TaskFailure failure = assertThrows(TaskFailure.class, () -> function.invoke(Json.parse("{}"), CONTEXT));
        assertEquals("java.lang.IllegalArgumentException", failure.error());
        JsonNode cause = Json.parse(failure.cause());
        assertEquals("name is required", cause.get("errorMessage").asText());
        assertEquals("java.lang.IllegalArgumentException", cause.get("errorType").asText());
        assertTrue(cause.get("stackTrace").get(0).asText().startsWith("dev.sfnrun.testtasks.GreetHandler.handleRequest("),
                cause.toString());
    }

    @Test
    void aStreamHandlerReadsAndWritesJsonText() throws Exception {
        var function = LambdaHandlerFunction.of(UpperStreamHandler.class, "Upper", "us-east-1", "123456789012");
        assertEquals(Json.parse("{\"A\":\"B\"}"), function.invoke(Json.parse("{\"a\":\"b\"}"), CONTEXT));
    }

    @Test
    void inputFieldsTheTypeLacksAreIgnoredAndNullFieldsLeftOut() throws Exception {
        // as the Java runtime's serializer does: a state's input usually carries more than the handler reads
        var function = LambdaHandlerFunction.of(GreetHandler.class, "Greet", "us-east-1", "123456789012");
        JsonNode result = function.invoke(Json.parse("{\"name\":\"Ada\",\"orderId\":\"o-1\",\"nested\":{\"a\":1}}"),
                CONTEXT);
        assertEquals("Hello, Ada!", result.get("greeting").asText());
        var nulls = LambdaHandlerFunction.of(dev.sfnrun.testtasks.PartialHandler.class, "Partial", "us-east-1",
                "123456789012");
        assertEquals(Json.parse("{\"present\":\"yes\"}"), nulls.invoke(Json.parse("{}"), CONTEXT));
    }

    @Test
    void inputThatDoesNotFitTheTypeFailsWithJacksonsExceptionName() {
        var function = LambdaHandlerFunction.of(GreetHandler.class, "Greet", "us-east-1", "123456789012");
        TaskFailure failure = assertThrows(TaskFailure.class,
                () -> function.invoke(Json.parse("{\"name\":\"Ada\",\"times\":\"many\"}"), CONTEXT));
        assertEquals("com.fasterxml.jackson.databind.exc.InvalidFormatException", failure.error());
    }
}
