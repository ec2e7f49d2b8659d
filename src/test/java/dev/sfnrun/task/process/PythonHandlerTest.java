package dev.sfnrun.task.process;

import static dev.sfnrun.task.process.HandlerRuns.last;
import static dev.sfnrun.task.process.HandlerRuns.python;
import static dev.sfnrun.task.process.HandlerRuns.registry;
import static dev.sfnrun.task.process.HandlerRuns.run;
import static dev.sfnrun.task.process.HandlerRuns.task;
import static dev.sfnrun.task.process.HandlerRuns.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionStatus;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.load.TaskLoadException;
import dev.sfnrun.task.load.TaskRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python handlers through real python3: results, errors as AWS's Python runtime writes them, workers, logs. */
class PythonHandlerTest {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @TempDir
    Path dir;

    @Test
    void theTutorialFunctionFailsWithThePythonRuntimesErrorShape() throws Exception {
        Path file = Path.of("definitions/functions/mock_api.py");
        try (TaskRegistry registry = registry(Map.of("MockAPIFunction", python(file, "lambda_handler")))) {
            ExecutionResult ok = run(task("MockAPIFunction"), "{\"statuscode\":\"200\"}", registry);
            assertEquals(ExecutionStatus.SUCCEEDED, ok.status());
            assertEquals(Json.parse("\"200 OK\""), ok.output());

            ExecutionResult failed = run(task("MockAPIFunction"), "{\"statuscode\":\"429\"}", registry);
            HistoryEvent event = last(failed, EventType.LambdaFunctionFailed);
            assertEquals("TooManyRequestsException", event.stringDetail("error"));
            String cause = event.stringDetail("cause");
            String requestId = Json.parse(cause).get("requestId").asText();
            assertTrue(UUID.matcher(requestId).matches(), requestId);
            assertEquals("{\"errorMessage\": \"429 Too Many Requests\", \"errorType\": \"TooManyRequestsException\", "
                    + "\"requestId\": \"" + requestId + "\", \"stackTrace\": [\"  File \\\""
                    + file.toAbsolutePath() + "\\\", line 8, in lambda_handler\\n"
                    + "    raise TooManyRequestsException('429 Too Many Requests')\\n\"]}", cause);
            assertEquals("TooManyRequestsException", failed.error());
        }
    }

    @Test
    void moduleCodeRunsOncePerWarmWorkerAndEachCallsOutputIsItsLogs() throws Exception {
        Path file = write(dir, "counter.py", """
                import sys
                count = 0
                print("loading")
                def handler(event, context):
                    global count
                    count += 1
                    print("call", count)
                    print("to stderr", file=sys.stderr)
                    return {"count": count}
                """);
        String definition = """
                {"StartAt":"A","States":{
                  "A":{"Type":"Task","Resource":"%1$sCounter","Next":"B"},
                  "B":{"Type":"Task","Resource":"%1$sCounter","Next":"C"},
                  "C":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"Counter"},
                       "OutputPath":"$.Payload","End":true}}}""".formatted(HandlerRuns.ARN);
        try (TaskRegistry registry = registry(Map.of("Counter", python(file, "handler")))) {
            ExecutionResult result = run(definition, "{}", registry);
            assertEquals(ExecutionStatus.SUCCEEDED, result.status());
            assertEquals(Json.parse("{\"count\":3}"), result.output());
            var succeeded = result.events().stream().filter(e -> e.type() == EventType.LambdaFunctionSucceeded).toList();
            assertEquals("loading\ncall 1\nto stderr\n", succeeded.get(0).logs());
            assertEquals("call 2\nto stderr\n", succeeded.get(1).logs());
            assertEquals("call 3\nto stderr\n", last(result, EventType.TaskSucceeded).logs());
            assertNull(last(result, EventType.TaskStateExited).logs());
            // a second execution with the same registry reuses the warm worker
            assertEquals(Json.parse("{\"count\":6}"), run(definition, "{}", registry).output());
        }
    }

    @Test
    void loggingGoesThroughTheRuntimesRootHandlerInItsFormat() throws Exception {
        // the pattern of AWS's "Log and monitor Python Lambda functions" page
        Path file = write(dir, "logs.py", """
                import logging
                logger = logging.getLogger()
                logger.setLevel("INFO")
                logger.info("loading")
                def handler(event, context):
                    logger.info("INFO line from the handler")
                    logging.getLogger("orders").warning("WARNING line, %s", "with an argument")
                    logger.debug("not shown at INFO")
                    return context.aws_request_id
                """);
        try (TaskRegistry registry = registry(Map.of("Logs", python(file, "handler")))) {
            ExecutionResult result = run(task("Logs"), "{}", registry);
            assertEquals(ExecutionStatus.SUCCEEDED, result.status());
            HistoryEvent succeeded = last(result, EventType.LambdaFunctionSucceeded);
            String requestId = result.output().asText();
            assertTrue(UUID.matcher(requestId).matches(), requestId);
            String time = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
            // "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", in UTC;
            // what the module logs while it loads has no request id
            assertTrue(succeeded.logs().matches("\\[INFO]\t" + time + "\t\tloading\n"
                    + "\\[INFO]\t" + time + "\t" + requestId + "\tINFO line from the handler\n"
                    + "\\[WARNING]\t" + time + "\t" + requestId + "\tWARNING line, with an argument\n"), succeeded.logs());
        }
    }

    @Test
    void theContextAndTheEnvironmentAreLambdas() throws Exception {
        write(dir, "helpers/__init__.py", "");
        write(dir, "helpers/greeting.py", "def greet(name):\n    return 'hello ' + name\n");
        Path file = write(dir, "app.py", """
                import os
                from helpers.greeting import greet
                def handler(event, context):
                    return {
                        "greeting": greet(event["name"]),
                        "function_name": context.function_name,
                        "function_version": context.function_version,
                        "invoked_function_arn": context.invoked_function_arn,
                        "memory_limit_in_mb": context.memory_limit_in_mb,
                        "aws_request_id": context.aws_request_id,
                        "log_group_name": context.log_group_name,
                        "log_stream_name": context.log_stream_name,
                        "remaining": context.get_remaining_time_in_millis(),
                        "env": {k: os.environ.get(k) for k in ["AWS_LAMBDA_FUNCTION_NAME", "AWS_REGION",
                            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_FUNCTION_VERSION",
                            "TABLE", "STAGE", "_HANDLER", "LAMBDA_TASK_ROOT", "SFN_RUN_SOCKET"]},
                    }
                """);
        HandlerSpec spec = new HandlerSpec(HandlerSpec.Language.PYTHON, file, "handler", Map.of("TABLE", "orders",
                "STAGE", "template"), Duration.ofSeconds(7), "python3.12", "test");
        HandlerSettings settings = new HandlerSettings("python3", "node", 2, Map.of("STAGE", "cli"), null);
        try (TaskRegistry registry = registry(Map.of("Greeter", spec), settings)) {
            ExecutionResult result = run(task("Greeter"), "{\"name\":\"ada\"}", registry);
            JsonNode out = result.output();
            assertEquals("hello ada", out.get("greeting").asText());
            assertEquals("Greeter", out.get("function_name").asText());
            assertEquals("$LATEST", out.get("function_version").asText());
            assertEquals("arn:aws:lambda:us-east-1:123456789012:function:Greeter", out.get("invoked_function_arn").asText());
            assertEquals("128", out.get("memory_limit_in_mb").asText());
            assertTrue(UUID.matcher(out.get("aws_request_id").asText()).matches());
            assertEquals("/aws/lambda/Greeter", out.get("log_group_name").asText());
            assertTrue(out.get("log_stream_name").asText().matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}"),
                    out.get("log_stream_name").asText());
            int remaining = out.get("remaining").asInt();
            assertTrue(remaining > 5000 && remaining <= 7000, "remaining " + remaining);
            JsonNode env = out.get("env");
            assertEquals("Greeter", env.get("AWS_LAMBDA_FUNCTION_NAME").asText());
            assertEquals("us-east-1", env.get("AWS_REGION").asText());
            assertEquals("128", env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText());
            assertEquals("/aws/lambda/Greeter", env.get("AWS_LAMBDA_LOG_GROUP_NAME").asText());
            assertEquals("$LATEST", env.get("AWS_LAMBDA_FUNCTION_VERSION").asText());
            assertEquals("orders", env.get("TABLE").asText());
            assertEquals("cli", env.get("STAGE").asText()); // --env wins over the function's own
            assertEquals("app.handler", env.get("_HANDLER").asText());
            assertEquals(dir.toAbsolutePath().toString(), env.get("LAMBDA_TASK_ROOT").asText());
            assertTrue(env.get("SFN_RUN_SOCKET").isNull());
        }
    }

    @Test
    void aWorkerThatExitsIsARuntimeExitErrorAndTheNextCallGetsAFreshOne() throws Exception {
        Path file = write(dir, "exits.py", """
                import os, sys
                calls = 0
                def handler(event, context):
                    global calls
                    calls += 1
                    if event.get("exit") is not None:
                        sys.exit(event["exit"])
                    if event.get("kill"):
                        os.kill(os.getpid(), 9)
                    return {"pid": os.getpid(), "calls": calls}
                """);
        try (TaskRegistry registry = registry(Map.of("Exits", python(file, "handler")))) {
            JsonNode first = run(task("Exits"), "{}", registry).output();
            assertEquals(1, first.get("calls").asInt());

            assertExitError(run(task("Exits"), "{\"exit\":0}", registry), "Runtime exited without providing a reason");
            JsonNode fresh = run(task("Exits"), "{}", registry).output();
            assertEquals(1, fresh.get("calls").asInt()); // module code ran again
            assertNotEquals(first.get("pid"), fresh.get("pid"));

            assertExitError(run(task("Exits"), "{\"exit\":3}", registry), "Runtime exited with error: exit status 3");
            assertExitError(run(task("Exits"), "{\"kill\":true}", registry), "Runtime exited with error: signal: killed");
            assertEquals(1, run(task("Exits"), "{}", registry).output().get("calls").asInt());
        }
    }

    private static void assertExitError(ExecutionResult result, String reason) {
        HistoryEvent failed = last(result, EventType.LambdaFunctionFailed);
        assertEquals("Runtime.ExitError", failed.stringDetail("error"));
        String cause = failed.stringDetail("cause");
        assertTrue(cause.matches("\\{\"errorMessage\":\"RequestId: " + UUID.pattern() + " Error: "
                + Pattern.quote(reason) + "\",\"errorType\":\"Runtime.ExitError\"}"), cause);
    }

    @Test
    void theFunctionTimeoutIsSandboxTimedoutAndKillsTheWorker() throws Exception {
        Path file = write(dir, "slow.py", """
                import os, time
                def handler(event, context):
                    print("starting", flush=True)
                    if event.get("sleep"):
                        time.sleep(event["sleep"])
                    return os.getpid()
                """);
        HandlerSpec spec = HandlerRuns.withTimeout(python(file, "handler"), Duration.ofSeconds(1));
        try (TaskRegistry registry = registry(Map.of("Slow", spec))) {
            long pid = run(task("Slow"), "{}", registry).output().asLong();
            ExecutionResult result = run(task("Slow"), "{\"sleep\":30}", registry);
            HistoryEvent failed = last(result, EventType.LambdaFunctionFailed);
            assertEquals("Sandbox.Timedout", failed.stringDetail("error"));
            assertTrue(failed.stringDetail("cause").matches("\\{\"errorMessage\":\"RequestId: " + UUID.pattern()
                    + " Error: Task timed out after 1.00 seconds\",\"errorType\":\"Sandbox.Timedout\"}"),
                    failed.stringDetail("cause"));
            assertEquals("starting\n", failed.logs());
            assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the timed-out worker is gone");
            assertNotEquals(pid, run(task("Slow"), "{}", registry).output().asLong());
        }
    }

    @Test
    void aResultThatIsNotJsonFailsAsThePythonRuntimeDoes() throws Exception {
        Path file = write(dir, "sets.py", """
                import decimal
                def handler(event, context):
                    if event.get("decimal"):
                        return {"price": decimal.Decimal("1.5")}
                    if event.get("bytes"):
                        return event["bytes"].encode("utf-8")
                    return {1, 2}
                """);
        try (TaskRegistry registry = registry(Map.of("Sets", python(file, "handler")))) {
            HistoryEvent failed = last(run(task("Sets"), "{}", registry), EventType.LambdaFunctionFailed);
            assertEquals("Runtime.MarshalError", failed.stringDetail("error"));
            JsonNode cause = Json.parse(failed.stringDetail("cause"));
            assertEquals("Unable to marshal response: Object of type set is not JSON serializable",
                    cause.get("errorMessage").asText());
            assertTrue(failed.stringDetail("cause").startsWith("{\"errorMessage\": \"Unable to marshal"));
            assertEquals(Json.parse("{\"price\":1.5}"), run(task("Sets"), "{\"decimal\":true}", registry).output());
            // bytes are posted as they are, as AWS's runtime does: JSON bytes are that JSON (they were a MarshalError)
            assertEquals(Json.parse("{\"a\":1}"), run(task("Sets"), "{\"bytes\":\"{\\\"a\\\": 1}\"}", registry).output());
            HistoryEvent notJson = last(run(task("Sets"), "{\"bytes\":\"plain\"}", registry), EventType.LambdaFunctionFailed);
            assertEquals("Runtime.MarshalError", notJson.stringDetail("error"));
        }
    }

    @Test
    void decimalsKeepTheirDigitsAsTheRuntimesMarshallerWritesThem() throws Exception {
        // awslambdaric writes a Decimal (what boto3's DynamoDB reads return) as the number text str(d)
        Path file = write(dir, "items.py", """
                import decimal
                def handler(event, context):
                    return {"qty": decimal.Decimal("10"), "id": decimal.Decimal("12345678901234567890"),
                            "price": decimal.Decimal("1.50"), "neg": decimal.Decimal("-7"), "text": "1.50",
                            "list": [decimal.Decimal("0.25"), decimal.Decimal("3")]}
                """);
        try (TaskRegistry registry = registry(Map.of("Items", python(file, "handler")))) {
            JsonNode out = run(task("Items"), "{}", registry).output();
            assertTrue(out.get("qty").isIntegralNumber(), out.toString());
            assertTrue(out.get("id").isBigInteger(), out.toString());
            // the engine reads a fraction as a double, as it reads any JSON text (1.50 is 1.5)
            assertEquals("{\"qty\":10,\"id\":12345678901234567890,\"price\":1.5,\"neg\":-7,\"text\":\"1.50\","
                    + "\"list\":[0.25,3]}", Json.compact(out));
        }
    }

    @Test
    void projectModulesNamedLikeTheRuntimesOwnDoNotBreakIt() throws Exception {
        // AWS's runtime imports what it needs before the function's code is on the path
        write(dir, "traceback.py", "# a project module that happens to be named traceback.py\nVERSION = 1\n");
        write(dir, "decimal.py", "VERSION = 1\n");
        Path file = write(dir, "app.py", """
                def handler(event, context):
                    if event.get("set"):
                        return {1, 2}
                    raise ValueError("invalid order")
                """);
        try (TaskRegistry registry = registry(Map.of("App", python(file, "handler")))) {
            ExecutionResult result = run(task("App"), "{}", registry);
            HistoryEvent failed = last(result, EventType.LambdaFunctionFailed);
            assertEquals("ValueError", failed.stringDetail("error"), failed.logs());
            JsonNode cause = Json.parse(failed.stringDetail("cause"));
            assertEquals("invalid order", cause.get("errorMessage").asText());
            assertTrue(cause.get("stackTrace").get(0).asText().contains("app.py\", line 4, in handler"), cause.toString());

            HistoryEvent marshal = last(run(task("App"), "{\"set\":true}", registry), EventType.LambdaFunctionFailed);
            assertEquals("Unable to marshal response: Object of type set is not JSON serializable",
                    Json.parse(marshal.stringDetail("cause")).get("errorMessage").asText());
        }
    }

    @Test
    void nestedAndCustomExceptionsAreNamedByTheirClass() throws Exception {
        Path file = write(dir, "raises.py", """
                class PaymentDeclined(Exception):
                    pass
                def handler(event, context):
                    try:
                        {}["missing"]
                    except KeyError as e:
                        raise PaymentDeclined("card 42") from e
                """);
        try (TaskRegistry registry = registry(Map.of("Raises", python(file, "handler")))) {
            HistoryEvent failed = last(run(task("Raises"), "{}", registry), EventType.LambdaFunctionFailed);
            assertEquals("PaymentDeclined", failed.stringDetail("error"));
            JsonNode cause = Json.parse(failed.stringDetail("cause"));
            assertEquals("card 42", cause.get("errorMessage").asText());
            assertEquals("PaymentDeclined", cause.get("errorType").asText());
            assertEquals(1, cause.get("stackTrace").size());
            assertTrue(cause.get("stackTrace").get(0).asText().contains("raises.py\", line 7, in handler"));
        }
    }

    @Test
    void anEventInvocationIsAnswered202AtOnceAndItsFailureStaysWithTheFunction() throws Exception {
        // the task waited for the function and failed with its error
        Path marker = dir.resolve("ran");
        Path file = write(dir, "later.py", "import time\ndef handler(event, context):\n    time.sleep(1)\n"
                + "    open(" + Json.compact(Json.mapper().valueToTree(marker.toString())) + ", 'w').write(event['v'])\n"
                + "    raise ValueError('nobody hears this')\n");
        String definition = "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":"
                + "\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"Later\",\"InvocationType\":\"TYPE\","
                + "\"Payload\":{\"v\":\"TYPE\"}},\"End\":true}}}";
        try (TaskRegistry registry = registry(Map.of("Later", python(file, "handler")))) {
            ExecutionResult dryRun = run(definition.replace("TYPE", "DryRun"), "{}", registry);
            assertEquals(ExecutionStatus.SUCCEEDED, dryRun.status(), dryRun.error() + " " + dryRun.cause());
            assertEquals(204, dryRun.output().get("StatusCode").asInt());
            ExecutionResult event = run(definition.replace("TYPE", "Event"), "{}", registry);
            assertEquals(ExecutionStatus.SUCCEEDED, event.status(), event.error() + " " + event.cause());
            assertEquals(202, event.output().get("StatusCode").asInt());
            assertEquals("", event.output().get("Payload").asText());
            assertTrue(!java.nio.file.Files.exists(marker), "the run waited for the function");
            for (int i = 0; i < 250 && !java.nio.file.Files.exists(marker); i++) {
                Thread.sleep(20);
            }
            Thread.sleep(100);
            assertEquals("Event", java.nio.file.Files.readString(marker)); // it ran, on its own (and the dry run did not)
        }
    }

    @Test
    void eventInvocationsInTheBackgroundDoNotKeepAWaitingCallFromAWorker() throws Exception {
        // they held the function's only worker, and the call after them timed out waiting for it
        Path file = write(dir, "sleeps.py", "import time\ndef handler(event, context):\n    time.sleep(event['sleep'])\n"
                + "    return 'done'\n");
        String definition = """
                {"StartAt":"Fan","States":{
                 "Fan":{"Type":"Map","ItemProcessor":{"StartAt":"E","States":{"E":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                   "Parameters":{"FunctionName":"Sleeps","InvocationType":"Event","Payload":{"sleep":2}},"End":true}}},"ResultPath":null,"Next":"S"},
                 "S":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":1,
                   "Parameters":{"FunctionName":"Sleeps","Payload":{"sleep":0}},"OutputPath":"$.Payload","End":true}}}""";
        HandlerSettings oneWorker = new HandlerSettings("python3", "node", 1, Map.of(), null);
        try (TaskRegistry registry = registry(Map.of("Sleeps", python(file, "handler")), oneWorker)) {
            ExecutionResult result = run(definition, "[1, 2, 3]", registry);
            assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.error() + " " + result.cause());
            assertEquals("done", result.output().asText());
        }
    }

    @Test
    void aHandlerThatClosesStdoutStillAnswers() throws Exception {
        // the bootstrap's own flush of stdout failed, and the call ended in Runtime.ExitError
        Path closes = write(dir, "closes.py", "import sys\ndef handler(event, context):\n    sys.stdout.close()\n    return 'ok'\n");
        Path drops = write(dir, "drops.py", "import sys\ndef handler(event, context):\n    sys.stdout = None\n    return 'ok'\n");
        try (TaskRegistry registry = registry(Map.of("Closes", python(closes, "handler"), "Drops", python(drops, "handler")))) {
            for (String function : new String[] {"Closes", "Drops"}) {
                ExecutionResult result = run(task(function), "{}", registry);
                assertEquals(ExecutionStatus.SUCCEEDED, result.status(), function + ": " + result.error() + " " + result.cause());
                assertEquals("ok", result.output().asText());
            }
        }
    }

    @Test
    void handlersThatCannotLoadAreOneLineBeforeTheRun() throws Exception {
        Path syntax = write(dir, "broken.py", "def handler(event, context)\n    return 1\n");
        Path missingImport = write(dir, "imports.py", "import no_such_module_here\ndef handler(e, c):\n    return 1\n");
        Path fine = write(dir, "fine.py", "def handler(e, c):\n    return 1\n");
        assertPrepareFails(python(syntax, "handler"), HandlerSettings.defaults(),
                "test broken.py: Runtime.UserCodeSyntaxError: Syntax error in module 'broken': expected ':' (broken.py, line 1)");
        assertPrepareFails(python(missingImport, "handler"), HandlerSettings.defaults(),
                "test imports.py: Runtime.ImportModuleError: Unable to import module 'imports': "
                        + "No module named 'no_such_module_here'");
        assertPrepareFails(python(fine, "other"), HandlerSettings.defaults(),
                "test fine.py: Runtime.HandlerNotFound: Handler 'other' missing on module 'fine'");
        HandlerSettings noPython = new HandlerSettings(dir.resolve("no-python").toString(), "node", 1, Map.of(), null);
        assertPrepareFails(python(fine, "handler"), noPython, "test fine.py: cannot start " + dir.resolve("no-python")
                + " (error=2, No such file or directory); choose the interpreter with --python PATH");
        TaskLoadException missing = assertThrows(TaskLoadException.class,
                () -> registry(Map.of("F", python(dir.resolve("nope.py"), "handler"))));
        assertEquals("test nope.py: " + dir.resolve("nope.py") + ": no such file", missing.getMessage());
    }

    private static void assertPrepareFails(HandlerSpec spec, HandlerSettings settings, String message) {
        try (TaskRegistry registry = registry(Map.of("F", spec), settings)) {
            TaskLoadException e = assertThrows(TaskLoadException.class, () -> HandlerFunctions.prepare(registry));
            assertEquals(message, e.getMessage());
        }
    }
}
