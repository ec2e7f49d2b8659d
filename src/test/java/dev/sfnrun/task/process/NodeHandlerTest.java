package dev.sfnrun.task.process;

import static dev.sfnrun.task.process.HandlerRuns.last;
import static dev.sfnrun.task.process.HandlerRuns.node;
import static dev.sfnrun.task.process.HandlerRuns.registry;
import static dev.sfnrun.task.process.HandlerRuns.run;
import static dev.sfnrun.task.process.HandlerRuns.task;
import static dev.sfnrun.task.process.HandlerRuns.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node.js handlers through real node: module forms, handler styles, errors as AWS's Node.js runtime writes them. */
class NodeHandlerTest {
    @TempDir
    Path dir;

    @Test
    void commonJsEsModulesAsyncPromiseAndCallbackHandlersAllAnswer() throws Exception {
        Map<String, HandlerSpec> handlers = new LinkedHashMap<>();
        handlers.put("Cjs", node(write(dir, "cjs/index.js",
                "exports.handler = async (event) => ({style: 'cjs', n: event.n + 1});\n"), "handler"));
        handlers.put("Dotcjs", node(write(dir, "dotcjs/app.cjs", """
                module.exports.handler = (event, context, callback) => {
                  setTimeout(() => callback(null, {style: 'callback', n: event.n + 1}), 5);
                };
                """), "handler"));
        handlers.put("Mjs", node(write(dir, "mjs/app.mjs",
                "export const handler = async (event) => ({style: 'mjs', n: event.n + 1});\n"), "handler"));
        write(dir, "typemodule/package.json", "{\"type\": \"module\"}\n");
        write(dir, "typemodule/lib.js", "export const plus = (a, b) => a + b;\n");
        handlers.put("TypeModule", node(write(dir, "typemodule/index.js", """
                import { plus } from './lib.js';
                export function handler(event) {
                  return new Promise((resolve) => setTimeout(() => resolve({style: 'promise', n: plus(event.n, 1)}), 5));
                }
                """), "handler"));
        handlers.put("Sync", node(write(dir, "sync/index.js",
                "exports.handler = function (event) { return {ignored: true}; };\n"), "handler"));
        try (TaskRegistry registry = registry(handlers)) {
            assertEquals(Json.parse("{\"style\":\"cjs\",\"n\":2}"), run(task("Cjs"), "{\"n\":1}", registry).output());
            assertEquals(Json.parse("{\"style\":\"callback\",\"n\":2}"), run(task("Dotcjs"), "{\"n\":1}", registry).output());
            assertEquals(Json.parse("{\"style\":\"mjs\",\"n\":2}"), run(task("Mjs"), "{\"n\":1}", registry).output());
            assertEquals(Json.parse("{\"style\":\"promise\",\"n\":2}"),
                    run(task("TypeModule"), "{\"n\":1}", registry).output());
            // neither a promise nor the callback: the runtime answers null
            assertEquals(Json.parse("null"), run(task("Sync"), "{}", registry).output());
        }
    }

    @Test
    void esModuleJsUnderTypeModuleMayUseTopLevelAwait() throws Exception {
        // AWS's documented way to initialise before the first call; since Node 20.19 require() of such
        // a file fails with ERR_REQUIRE_ASYNC_MODULE, so it must be imported as AWS's runtime imports it
        write(dir, "tla/package.json", "{\"type\": \"module\"}\n");
        Path file = write(dir, "tla/index.js", """
                const config = await Promise.resolve({ table: 'orders' });
                export const handler = async () => ({ table: config.table });
                """);
        try (TaskRegistry registry = registry(Map.of("Tla", node(file, "handler")))) {
            HandlerFunctions.prepare(registry);
            assertEquals(Json.parse("{\"table\":\"orders\"}"), run(task("Tla"), "{}", registry).output());
        }
    }

    @Test
    void aHandlerThatReturnsNoPromiseIsAnsweredWhenItCompletesOrTheEventLoopEmpties() throws Exception {
        // Runtime.js: the call ends through the callback or context.succeed/fail/done, whatever the
        // handler declares; only when the event loop empties first does the runtime answer for it:
        // null for a function that is not async, Runtime.NodeJsExit for an async one
        Path file = write(dir, "late.js", """
                exports.lateFail = (event, context) => {
                  setTimeout(() => context.fail(new Error('order rejected')), 50);
                };
                exports.lateSucceed = (event, context) => {
                  setTimeout(() => context.succeed({ approved: true }), 50);
                };
                const inner = (event, context, callback) => { setTimeout(() => callback(new Error('inner failed')), 20); };
                exports.wrapped = (...args) => inner(...args);
                exports.lateDone = function (event) { setTimeout(() => arguments[1].done(null, 'done later'), 20); };
                exports.nothing = (event) => { setTimeout(() => console.log('a timer ran'), 50); };
                exports.neverSettles = async () => new Promise(() => {});
                exports.neverSettlesNotAsync = () => new Promise(() => {});
                exports.first = (event, context, callback) => { context.succeed('first'); callback(null, 'second'); };
                """);
        Map<String, HandlerSpec> handlers = new LinkedHashMap<>();
        for (String name : new String[] {"lateFail", "lateSucceed", "wrapped", "lateDone", "nothing", "neverSettles",
            "neverSettlesNotAsync", "first"}) {
            handlers.put(name, node(file, name));
        }
        try (TaskRegistry registry = registry(handlers)) {
            HistoryEvent lateFail = last(run(task("lateFail"), "{}", registry), EventType.LambdaFunctionFailed);
            assertEquals("Error", lateFail.stringDetail("error"));
            assertTrue(lateFail.stringDetail("cause").startsWith("{\"errorType\":\"Error\",\"errorMessage\":\"order rejected\","
                    + "\"trace\":[\"Error: order rejected\""), lateFail.stringDetail("cause"));
            assertEquals(Json.parse("{\"approved\":true}"), run(task("lateSucceed"), "{}", registry).output());
            HistoryEvent wrapped = last(run(task("wrapped"), "{}", registry), EventType.LambdaFunctionFailed);
            assertTrue(wrapped.stringDetail("cause").startsWith("{\"errorType\":\"Error\",\"errorMessage\":\"inner failed\""),
                    wrapped.stringDetail("cause"));
            assertEquals(Json.parse("\"done later\""), run(task("lateDone"), "{}", registry).output());

            ExecutionResult nothing = run(task("nothing"), "{}", registry);
            assertEquals(Json.parse("null"), nothing.output());
            assertTrue(last(nothing, EventType.LambdaFunctionSucceeded).logs().endsWith("\tINFO\ta timer ran\n"),
                    last(nothing, EventType.LambdaFunctionSucceeded).logs()); // answered once the timer had run

            HistoryEvent exit = last(run(task("neverSettles"), "{}", registry), EventType.LambdaFunctionFailed);
            assertEquals("Runtime.NodeJsExit", exit.stringDetail("error"));
            assertTrue(exit.stringDetail("cause").startsWith("{\"errorType\":\"Runtime.NodeJsExit\",\"errorMessage\":\"The Lambda "
                    + "runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that "
                    + "was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes\","
                    + "\"trace\":[\"Runtime.NodeJsExit: The Lambda runtime client"), exit.stringDetail("cause"));
            assertEquals(Json.parse("null"), run(task("neverSettlesNotAsync"), "{}", registry).output());
            assertEquals(Json.parse("\"first\""), run(task("first"), "{}", registry).output());
            assertEquals(Json.parse("{\"approved\":true}"), run(task("lateSucceed"), "{}", registry).output()); // still warm
        }
    }

    @Test
    void theCallbacksResultWaitsForTheEmptyEventLoopUnlessTheContextSaysNotTo() throws Exception {
        // CallbackContext.js: callback(null, result) is posted from 'beforeExit' while
        // callbackWaitsForEmptyEventLoop is true (the default); errors, succeed and done never wait
        Path file = write(dir, "loop.js", """
                exports.pool = (event, context, callback) => {
                  setInterval(() => {}, 1000); // stands for a connection pool keeping the loop alive
                  callback(null, 'ok');
                };
                exports.logAfter = (event, context, callback) => {
                  setTimeout(() => console.log('written after callback, before the loop empties'), 100);
                  callback(null, 'ok');
                };
                exports.noWait = (event, context, callback) => {
                  context.callbackWaitsForEmptyEventLoop = false;
                  setInterval(() => {}, 1000);
                  callback(null, { waits: context.callbackWaitsForEmptyEventLoop });
                };
                exports.error = (event, context, callback) => {
                  setInterval(() => {}, 1000);
                  callback(new Error('at once'));
                };
                exports.succeed = (event, context) => {
                  setInterval(() => {}, 1000);
                  context.succeed('at once');
                };
                """);
        Map<String, HandlerSpec> handlers = new LinkedHashMap<>();
        for (String name : new String[] {"pool", "logAfter", "noWait", "error", "succeed"}) {
            handlers.put(name, HandlerRuns.withTimeout(node(file, name), Duration.ofSeconds(1)));
        }
        try (TaskRegistry registry = registry(handlers)) {
            HistoryEvent pool = last(run(task("pool"), "{}", registry), EventType.LambdaFunctionFailed);
            assertEquals("Sandbox.Timedout", pool.stringDetail("error"));
            assertTrue(pool.stringDetail("cause").endsWith(
                    " Error: Task timed out after 1.00 seconds\",\"errorType\":\"Sandbox.Timedout\"}"), pool.stringDetail("cause"));

            ExecutionResult logAfter = run(task("logAfter"), "{}", registry);
            assertEquals(Json.parse("\"ok\""), logAfter.output());
            String logs = last(logAfter, EventType.LambdaFunctionSucceeded).logs();
            assertTrue(logs != null && logs.endsWith("\tINFO\twritten after callback, before the loop empties\n"), logs);

            assertEquals(Json.parse("{\"waits\":false}"), run(task("noWait"), "{}", registry).output());
            HistoryEvent error = last(run(task("error"), "{}", registry), EventType.LambdaFunctionFailed);
            assertTrue(error.stringDetail("cause").startsWith("{\"errorType\":\"Error\",\"errorMessage\":\"at once\""),
                    error.stringDetail("cause"));
            assertEquals(Json.parse("\"at once\""), run(task("succeed"), "{}", registry).output());
        }
    }

    @Test
    void thrownErrorsHaveTheNodeRuntimesShape() throws Exception {
        Path file = write(dir, "errors.mjs", """
                class PaymentDeclined extends Error {
                  constructor(message) { super(message); this.name = 'PaymentDeclined'; }
                }
                export const handler = async (event) => {
                  if (event.kind === 'custom') throw new PaymentDeclined('card 42');
                  if (event.kind === 'string') throw 'just a string';
                  if (event.kind === 'type') return null.x;
                  if (event.kind === 'bigint') return {n: 10n};
                  return 'fine';
                };
                """);
        try (TaskRegistry registry = registry(Map.of("Errors", node(file, "handler")))) {
            HistoryEvent custom = last(run(task("Errors"), "{\"kind\":\"custom\"}", registry),
                    EventType.LambdaFunctionFailed);
            assertEquals("PaymentDeclined", custom.stringDetail("error"));
            String cause = custom.stringDetail("cause");
            assertTrue(cause.startsWith("{\"errorType\":\"PaymentDeclined\",\"errorMessage\":\"card 42\",\"trace\":"
                    + "[\"PaymentDeclined: card 42\",\"    at handler (file://" + file.toAbsolutePath()), cause);

            HistoryEvent string = last(run(task("Errors"), "{\"kind\":\"string\"}", registry), EventType.LambdaFunctionFailed);
            assertEquals("string", string.stringDetail("error"));
            assertEquals("{\"errorType\":\"string\",\"errorMessage\":\"just a string\",\"trace\":[]}",
                    string.stringDetail("cause"));

            HistoryEvent type = last(run(task("Errors"), "{\"kind\":\"type\"}", registry), EventType.LambdaFunctionFailed);
            assertEquals("TypeError", type.stringDetail("error"));
            assertTrue(type.stringDetail("cause").startsWith(
                    "{\"errorType\":\"TypeError\",\"errorMessage\":\"Cannot read properties of null (reading 'x')\""));

            HistoryEvent bigint = last(run(task("Errors"), "{\"kind\":\"bigint\"}", registry), EventType.LambdaFunctionFailed);
            assertEquals("Error", bigint.stringDetail("error"));
            assertTrue(bigint.stringDetail("cause").startsWith(
                    "{\"errorType\":\"Error\",\"errorMessage\":\"Unable to stringify response body\""));
            assertEquals("\"fine\"", Json.compact(run(task("Errors"), "{}", registry).output()));
        }
    }

    @Test
    void failuresThatAreNotErrorsAreShapedAsTheRuntimeShapesThem() throws Exception {
        // Errors.js: an Error is a native one, or an object whose name, message and stack are all non-empty
        // strings; anything else is {errorType: typeof, errorMessage: toString()}. A promise settles
        // through context.fail, which turns undefined and null into the string 'handled'.
        Path file = write(dir, "odd.js", """
                exports.plainObject = async () => { throw { name: 'ValidationError', message: 'bad input' }; };
                exports.errorLike = async () => {
                  throw { name: 'ValidationError', message: 'bad input', stack: 'ValidationError: bad input\\n    at here' };
                };
                exports.number = async () => { throw 42; };
                exports.rejectUndefined = () => Promise.reject(undefined);
                exports.rejectNull = async () => { throw null; };
                exports.delChar = async () => { throw new TypeError('bad \\x7F char'); };
                exports.throwUndefined = (event, context, callback) => { throw undefined; }; // callback(undefined): a success
                """);
        Map<String, HandlerSpec> handlers = new LinkedHashMap<>();
        for (String name : new String[] {"plainObject", "errorLike", "number", "rejectUndefined", "rejectNull", "delChar",
            "throwUndefined"}) {
            handlers.put(name, node(file, name));
        }
        try (TaskRegistry registry = registry(handlers)) {
            assertFailure(registry, "plainObject", "object", "{\"errorType\":\"object\",\"errorMessage\":\"[object Object]\",\"trace\":[]}");
            assertFailure(registry, "errorLike", "ValidationError", "{\"errorType\":\"ValidationError\","
                    + "\"errorMessage\":\"bad input\",\"trace\":[\"ValidationError: bad input\",\"    at here\"]}");
            assertFailure(registry, "number", "number", "{\"errorType\":\"number\",\"errorMessage\":\"42\",\"trace\":[]}");
            assertFailure(registry, "rejectUndefined", "string",
                    "{\"errorType\":\"string\",\"errorMessage\":\"handled\",\"trace\":[]}");
            assertFailure(registry, "rejectNull", "string", "{\"errorType\":\"string\",\"errorMessage\":\"handled\",\"trace\":[]}");
            HistoryEvent delChar = last(run(task("delChar"), "{}", registry), EventType.LambdaFunctionFailed);
            assertTrue(delChar.stringDetail("cause").startsWith("{\"errorType\":\"TypeError\",\"errorMessage\":\"bad %7F char\","
                    + "\"trace\":[\"TypeError: bad %7F char\","), delChar.stringDetail("cause"));
            ExecutionResult nothing = run(task("throwUndefined"), "{}", registry);
            assertEquals(ExecutionStatus.SUCCEEDED, nothing.status());
            assertEquals(Json.parse("null"), nothing.output());
        }
    }

    private static void assertFailure(TaskRegistry registry, String function, String error, String cause) {
        HistoryEvent failed = last(run(task(function), "{}", registry), EventType.LambdaFunctionFailed);
        assertEquals(error, failed.stringDetail("error"), function);
        assertEquals(cause, failed.stringDetail("cause"), function);
    }

    @Test
    void callbackErrorsAndContextMethods() throws Exception {
        Path file = write(dir, "ctx.js", """
                let calls = 0;
                exports.handler = (event, context, callback) => {
                  calls++;
                  console.log('call', calls);
                  console.error('oops');
                  if (event.fail) return callback(new Error('from callback'));
                  callback(null, {
                    calls,
                    functionName: context.functionName,
                    awsRequestId: context.awsRequestId,
                    invokedFunctionArn: context.invokedFunctionArn,
                    memoryLimitInMB: context.memoryLimitInMB,
                    logGroupName: context.logGroupName,
                    remaining: context.getRemainingTimeInMillis(),
                    region: process.env.AWS_REGION,
                  });
                };
                """);
        try (TaskRegistry registry = registry(Map.of("Ctx", node(file, "handler")))) {
            ExecutionResult ok = run(task("Ctx"), "{}", registry);
            JsonNode out = ok.output();
            assertEquals(1, out.get("calls").asInt());
            assertEquals("Ctx", out.get("functionName").asText());
            assertEquals("arn:aws:lambda:us-east-1:123456789012:function:Ctx", out.get("invokedFunctionArn").asText());
            assertEquals("128", out.get("memoryLimitInMB").asText());
            assertEquals("/aws/lambda/Ctx", out.get("logGroupName").asText());
            assertEquals("us-east-1", out.get("region").asText());
            int remaining = out.get("remaining").asInt();
            assertTrue(remaining > 1000 && remaining <= 3000, "remaining " + remaining);
            String requestId = out.get("awsRequestId").asText();
            String logs = last(ok, EventType.LambdaFunctionSucceeded).logs();
            assertTrue(logs.matches("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\t" + requestId + "\tINFO\tcall 1\n"
                    + "\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\t" + requestId + "\tERROR\toops\n"), logs);

            HistoryEvent failed = last(run(task("Ctx"), "{\"fail\":true}", registry), EventType.LambdaFunctionFailed);
            assertEquals("Error", failed.stringDetail("error"));
            assertTrue(failed.stringDetail("cause").startsWith("{\"errorType\":\"Error\",\"errorMessage\":\"from callback\""));
            assertEquals(3, run(task("Ctx"), "{}", registry).output().get("calls").asInt()); // the same warm worker
        }
    }

    @Test
    void exitsUncaughtErrorsAndTimeouts() throws Exception {
        Path file = write(dir, "crash.js", """
                exports.handler = async (event) => {
                  if (event.exit !== undefined) process.exit(event.exit);
                  if (event.uncaught) { setTimeout(() => { throw new RangeError('later'); }, 1); return new Promise(() => {}); }
                  if (event.spin) { await new Promise((resolve) => setTimeout(resolve, 60000)); }
                  return process.pid;
                };
                """);
        HandlerSpec spec = HandlerRuns.withTimeout(node(file, "handler"), Duration.ofSeconds(1));
        try (TaskRegistry registry = registry(Map.of("Crash", spec))) {
            long pid = run(task("Crash"), "{}", registry).output().asLong();
            HistoryEvent exit0 = last(run(task("Crash"), "{\"exit\":0}", registry), EventType.LambdaFunctionFailed);
            assertEquals("Runtime.ExitError", exit0.stringDetail("error"));
            assertTrue(exit0.stringDetail("cause").endsWith(
                    " Error: Runtime exited without providing a reason\",\"errorType\":\"Runtime.ExitError\"}"));
            HistoryEvent exit2 = last(run(task("Crash"), "{\"exit\":2}", registry), EventType.LambdaFunctionFailed);
            assertTrue(exit2.stringDetail("cause").endsWith(
                    " Error: Runtime exited with error: exit status 2\",\"errorType\":\"Runtime.ExitError\"}"));

            HistoryEvent uncaught = last(run(task("Crash"), "{\"uncaught\":true}", registry), EventType.LambdaFunctionFailed);
            assertEquals("RangeError", uncaught.stringDetail("error"));
            assertTrue(uncaught.stringDetail("cause").startsWith("{\"errorType\":\"RangeError\",\"errorMessage\":\"later\""));

            HistoryEvent timedOut = last(run(task("Crash"), "{\"spin\":true}", registry), EventType.LambdaFunctionFailed);
            assertEquals("Sandbox.Timedout", timedOut.stringDetail("error"));
            assertTrue(timedOut.stringDetail("cause").endsWith(
                    " Error: Task timed out after 1.00 seconds\",\"errorType\":\"Sandbox.Timedout\"}"));
            long fresh = run(task("Crash"), "{}", registry).output().asLong();
            assertNotEquals(pid, fresh);
            assertEquals(ExecutionStatus.SUCCEEDED, run(task("Crash"), "{}", registry).status());
        }
    }

    @Test
    void whatPendingWorkPrintsBetweenCallsIsInSomeCallsLogs() throws Exception {
        // lines written between reading a call's logs and emptying the file were lost (hundreds of 14,000)
        Path file = write(dir, "ticker.js", """
                let seq = 0, started = false;
                exports.handler = (event, context, callback) => {
                  context.callbackWaitsForEmptyEventLoop = false;
                  if (!started) { started = true; setInterval(() => { for (let i = 0; i < 50; i++) console.log('seq', seq++); }, 1).unref(); }
                  setTimeout(() => callback(null, seq), 5);
                };
                """);
        String map = "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"MaxConcurrency\":1,\"End\":true,"
                + "\"ItemProcessor\":{\"StartAt\":\"T\",\"States\":{\"T\":" + task("Ticker").substring(
                        task("Ticker").indexOf("{\"Type\""), task("Ticker").lastIndexOf("}}")) + "}}}}}";
        try (TaskRegistry registry = registry(Map.of("Ticker", node(file, "handler")))) {
            ExecutionResult result = run(map, "[" + "0,".repeat(39) + "0]", registry);
            assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.error() + " " + result.cause());
            java.util.TreeSet<Integer> seen = new java.util.TreeSet<>();
            for (HistoryEvent event : result.events()) {
                if (event.type() == EventType.LambdaFunctionSucceeded && event.logs() != null) {
                    for (String line : event.logs().split("\n")) {
                        int at = line.indexOf("\tINFO\tseq ");
                        if (at >= 0) {
                            seen.add(Integer.parseInt(line.substring(at + "\tINFO\tseq ".length())));
                        }
                    }
                }
            }
            assertTrue(seen.size() > 100, "the ticker printed: " + seen.size());
            assertEquals(seen.last() + 1, seen.size(), "lines missing below " + seen.last()); // every line up to the last
        }
    }

    @Test
    void aLineWrittenBetweenCallsCarriesTheLastCallsRequestId() throws Exception {
        // it said undefined, where AWS's runtime keeps the last invocation's id
        Path file = write(dir, "late.js", """
                let calls = 0;
                exports.handler = (event, context, callback) => {
                  context.callbackWaitsForEmptyEventLoop = false;
                  if (calls++ === 0) {
                    setTimeout(() => console.log('late'), 20);
                    callback(null, context.awsRequestId);
                  } else {
                    callback(null, context.awsRequestId);
                  }
                };
                """);
        try (TaskRegistry registry = registry(Map.of("Late", node(file, "handler")))) {
            String first = run(task("Late"), "{}", registry).output().asText();
            Thread.sleep(300); // the line is written between the calls
            ExecutionResult second = run(task("Late"), "{}", registry);
            String logs = last(second, EventType.LambdaFunctionSucceeded).logs();
            assertTrue(logs != null && logs.contains("\t" + first + "\tINFO\tlate\n"), first + " / " + logs);
        }
    }

    @Test
    void handlersThatCannotLoadAreOneLineBeforeTheRun() throws Exception {
        Path syntax = write(dir, "broken.js", "exports.handler = async (event => 1;\n");
        Path missing = write(dir, "missing.mjs", "import x from './nowhere.mjs';\nexport const handler = () => x;\n");
        Path fine = write(dir, "fine.cjs", "exports.handler = () => 1;\nexports.value = 3;\n");
        assertPrepareFails(node(syntax, "handler"), "test broken.js: Runtime.UserCodeSyntaxError: SyntaxError: ");
        assertPrepareFails(node(missing, "handler"), "test missing.mjs: Runtime.ImportModuleError: Error [ERR_MODULE_NOT_FOUND]: Cannot find module '"
                + dir.resolve("nowhere.mjs") + "' imported from " + missing.toAbsolutePath());
        assertPrepareFails(node(fine, "other"), "test fine.cjs: Runtime.HandlerNotFound: fine.other is undefined or not exported");
        assertPrepareFails(node(fine, "value"), "test fine.cjs: Runtime.HandlerNotFound: fine.value is not a function");
        // an ES module's default export is not where Lambda looks (it ran here, and failed on Lambda)
        Path defaultOnly = write(dir, "defaults.mjs", "const handler = async () => 1;\nexport default { handler };\n");
        assertPrepareFails(node(defaultOnly, "handler"), "test defaults.mjs: Runtime.HandlerNotFound: defaults.handler is undefined"
                + " or not exported");
        TaskLoadException wrongName = assertThrows(TaskLoadException.class,
                () -> registry(Map.of("F", node(write(dir, "app.ts", ""), "handler"))));
        assertEquals("test app.ts: " + dir.resolve("app.ts") + ": a Node.js handler's file ends in .js, .cjs or .mjs",
                wrongName.getMessage());
    }

    private static void assertPrepareFails(HandlerSpec spec, String messageStart) {
        try (TaskRegistry registry = registry(Map.of("F", spec))) {
            TaskLoadException e = assertThrows(TaskLoadException.class, () -> HandlerFunctions.prepare(registry));
            assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
