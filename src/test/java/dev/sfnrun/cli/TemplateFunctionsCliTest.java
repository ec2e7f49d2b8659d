package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template's own functions through the real python3 and node (and a Java handler), end to end. */
class TemplateFunctionsCliTest {
    static final String TUTORIAL = TemplateCliTest.TUTORIAL;

    @TempDir
    Path dir;

    private static TutorialCliTest.Run tutorial(String input, String... more) {
        List<String> args = new ArrayList<>(List.of("--template", TUTORIAL, "--input", input, "--time-scale", "0",
                "--output", "json"));
        args.addAll(List.of(more));
        return TutorialCliTest.cli(args.toArray(String[]::new));
    }

    private static List<JsonNode> failures(JsonNode report) {
        List<JsonNode> failed = new ArrayList<>();
        report.get("events").forEach(event -> {
            if (event.get("type").asText().equals("LambdaFunctionFailed")) {
                failed.add(event.get("lambdaFunctionFailedEventDetails"));
            }
        });
        return failed;
    }

    private static String localPython() throws Exception {
        Process process = new ProcessBuilder("python3", "-c", "import sys; print('%d.%d' % sys.version_info[:2])").start();
        String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor(), "python3 must be installed");
        return version;
    }

    @Test
    void tutorial200And999ThroughPython() throws Exception {
        TutorialCliTest.Run ok = tutorial("inputs/200.json");
        assertEquals(0, ok.exit(), ok.err());
        JsonNode succeeded = ok.json().get("events").get(4);
        assertEquals("LambdaFunctionSucceeded", succeeded.get("type").asText());
        assertEquals("\"200 OK\"", succeeded.get("lambdaFunctionSucceededEventDetails").get("output").asText());
        String note = "sfn-run: note: " + TUTORIAL + " Resources.MockAPIFunction: Runtime python3.12, run with the local"
                + " Python " + localPython() + " (python3)";
        assertEquals(localPython().equals("3.12") ? "" : note, ok.err().strip());

        TutorialCliTest.Run unknown = tutorial("inputs/999.json");
        assertEquals(1, unknown.exit());
        assertEquals("An error of unknown type occurred", unknown.json().get("error").asText());
        JsonNode failed = failures(unknown.json()).get(0);
        assertEquals("UnknownException", failed.get("error").asText());
        JsonNode cause = Json.mapper().readTree(failed.get("cause").asText());
        assertEquals("Unknown error", cause.get("errorMessage").asText());
        assertEquals("UnknownException", cause.get("errorType").asText());
        assertTrue(cause.get("stackTrace").isArray() && cause.get("stackTrace").size() > 0, cause.toString());
        assertTrue(failed.get("cause").asText().startsWith("{\"errorMessage\": \"Unknown error\", \"errorType\": "),
                failed.get("cause").asText()); // spaced as the Python runtime writes it
    }

    @Test
    void tutorial429And503ThroughPython() throws Exception {
        TutorialCliTest.Run retried = tutorial("inputs/429.json");
        assertEquals(0, retried.exit(), retried.err());
        JsonNode report = retried.json();
        assertEquals("\"The request has succeeded.\"", report.get("output").asText());
        List<JsonNode> failed = failures(report);
        assertEquals(3, failed.size()); // the first call and its two retries
        for (JsonNode failure : failed) {
            assertEquals("TooManyRequestsException", failure.get("error").asText());
            assertEquals("429 Too Many Requests",
                    Json.mapper().readTree(failure.get("cause").asText()).get("errorMessage").asText());
        }
        List<String> types = TutorialCliTest.types(report);
        assertTrue(types.containsAll(List.of("WaitStateEntered", "PassStateEntered", "LambdaFunctionSucceeded")), types.toString());

        TutorialCliTest.Run unavailable = tutorial("inputs/503.json");
        assertEquals(1, unavailable.exit());
        assertEquals("ServerUnavailable", unavailable.json().get("error").asText());
        assertEquals("The server is currently unable to handle the request.", unavailable.json().get("cause").asText());
        JsonNode failure = failures(unavailable.json()).get(0);
        assertEquals("ServerUnavailableException", failure.get("error").asText());
        JsonNode cause = Json.mapper().readTree(failure.get("cause").asText());
        assertEquals("503 Server Unavailable", cause.get("errorMessage").asText());
        assertFalse(cause.get("requestId").asText().isEmpty());
    }

    @Test
    void aHandlerBelowCodeUriRunsFromTheCodeRoot() throws Exception {
        // Python imported app/handlers/orders.py as a module "orders" with only its folder on sys.path
        // (No module named 'app'); Node's LAMBDA_TASK_ROOT, working directory and NODE_PATH were src/
        Path py = Files.createDirectories(dir.resolve("py/app/handlers"));
        Files.createDirectories(dir.resolve("py/app/common"));
        for (String init : new String[] {"py/app/__init__.py", "py/app/handlers/__init__.py", "py/app/common/__init__.py"}) {
            Files.writeString(dir.resolve(init), "");
        }
        Files.writeString(dir.resolve("py/app/common/util.py"), "VALUE = 'shared'\n");
        Files.writeString(py.resolve("orders.py"), "import os\nfrom app.common.util import VALUE\nfrom .helper import H\n"
                + "def handler(event, context):\n    return {'v': VALUE, 'h': H, 'handler': os.environ['_HANDLER'],"
                + " 'cwd': os.getcwd()}\n");
        Files.writeString(py.resolve("helper.py"), "H = 'relative'\n");
        Files.createDirectories(dir.resolve("js/src"));
        Files.writeString(dir.resolve("js/src/index.js"), "exports.handlers = {main: async () => ({root: process.env.LAMBDA_TASK_ROOT,"
                + " cwd: process.cwd(), nodePath: process.env.NODE_PATH, handler: process.env._HANDLER})};\n");
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: python3.12, CodeUri: py/, Handler: app.handlers.orders.handler}
                  NodeFn:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: nodejs20.x, CodeUri: js/, Handler: src/index.handlers.main}
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Definition:
                        StartAt: P
                        States:
                          P: {Type: Task, Resource: !GetAtt Orders.Arn, ResultPath: $.py, Next: N}
                          N: {Type: Task, Resource: !GetAtt NodeFn.Arn, ResultPath: $.js, End: true}
                """);
        TutorialCliTest.Run run = TutorialCliTest.cli("--template", template.toString(), "--time-scale", "0", "--output", "json");
        assertEquals(0, run.exit(), run.out() + run.err());
        JsonNode output = Json.parse(run.json().get("output").asText());
        String pyRoot = dir.resolve("py").toRealPath().toString();
        String jsRoot = dir.resolve("js").toAbsolutePath().toString();
        assertEquals(Json.parse("{\"v\": \"shared\", \"h\": \"relative\", \"handler\": \"app.handlers.orders.handler\","
                + " \"cwd\": " + Json.compact(Json.mapper().valueToTree(pyRoot)) + "}"), output.get("py"));
        assertEquals(jsRoot, output.at("/js/root").asText());
        assertEquals(dir.resolve("js").toRealPath().toString(), output.at("/js/cwd").asText());
        assertTrue(output.at("/js/nodePath").asText().startsWith(jsRoot), output.toString());
        assertEquals("src/index.handlers.main", output.at("/js/handler").asText()); // a nested export, as Lambda finds it
    }

    @Test
    void anExplicitTaskBindingWinsOverTheTemplates() throws Exception {
        TutorialCliTest.Run run = tutorial("inputs/503.json",
                "--task", "MockAPIFunction=node:definitions/functions/mock_api.mjs:handler");
        assertEquals(1, run.exit(), run.err());
        JsonNode cause = Json.mapper().readTree(failures(run.json()).get(0).get("cause").asText());
        assertTrue(cause.has("trace"), cause.toString()); // Node.js's error shape, not Python's stackTrace
        assertFalse(run.err().contains("note:"), run.err()); // the template's python3.12 is not used
    }

    private String write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void pythonNodeAndJavaFunctionsWithEnvironmentAndTimeout() throws Exception {
        write("py/app.py", """
                import os, time
                def handler(event, context):
                    if event.get("sleep"):
                        time.sleep(event["sleep"])
                    return {"stage": os.environ["STAGE"], "table": os.environ["TABLE"], "name": context.function_name}
                """);
        write("js/index.js", "exports.handler = async (event) => ({stage: process.env.STAGE, got: event});\n");
        String template = write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Stage: {Type: String, Default: dev}
                Globals:
                  Function:
                    Timeout: 1
                    Environment:
                      Variables:
                        STAGE: !Ref Stage
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                  PyFn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: py/
                      Handler: app.handler
                      Runtime: python3.11
                      Environment:
                        Variables:
                          TABLE: !Ref Orders
                  JsFn:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: !Sub "js-${Stage}"
                      CodeUri: js
                      Handler: index.handler
                      Runtime: nodejs20.x
                  Greet:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: build/
                      Handler: dev.sfnrun.testtasks.GreetHandler::handleRequest
                      Runtime: java21
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Definition:
                        StartAt: Py
                        States:
                          Py:
                            Type: Task
                            Resource: !GetAtt PyFn.Arn
                            ResultPath: $.py
                            Next: Js
                          Js:
                            Type: Task
                            Resource: arn:aws:states:::lambda:invoke
                            Parameters:
                              FunctionName: !Ref JsFn
                              Payload: {n: 1}
                            ResultSelector: {"value.$": "$.Payload"}
                            ResultPath: $.js
                            Next: Greet
                          Greet:
                            Type: Task
                            Resource: ${GreetArn}
                            Parameters: {name: Ada}
                            ResultPath: $.greet
                            End: true
                      DefinitionSubstitutions:
                        GreetArn: !GetAtt Greet.Arn
                """);
        TutorialCliTest.Run run = TutorialCliTest.cli("--template", template, "--parameter-overrides", "Stage=prod",
                "--time-scale", "0", "--output", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode output = Json.mapper().readTree(run.json().get("output").asText());
        assertEquals("{\"stage\":\"prod\",\"table\":\"Orders\",\"name\":\"PyFn\"}", Json.compact(output.get("py")));
        assertEquals("{\"value\":{\"stage\":\"prod\",\"got\":{\"n\":1}}}", Json.compact(output.get("js")));
        assertEquals("Hello, Ada!", output.get("greet").get("greeting").asText());

        // the template's Timeout (1 s, from Globals) is the function's
        TutorialCliTest.Run slow = TutorialCliTest.cli("--template", template, "--input-json", "{\"sleep\": 2}",
                "--time-scale", "0", "--output", "json");
        assertEquals(1, slow.exit(), slow.err());
        JsonNode failure = failures(slow.json()).get(0);
        assertEquals("Sandbox.Timedout", failure.get("error").asText());
        String message = Json.mapper().readTree(failure.get("cause").asText()).get("errorMessage").asText();
        assertTrue(message.matches("RequestId: [-0-9a-f]+ Error: Task timed out after 1\\.00 seconds"), message);
    }

    @Test
    void aMissingHandlerFileNamesTheTemplateFunction() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        String template = write("template.yaml", """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: empty/, Handler: app.handler, Runtime: python3.12}
                  M:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition:
                        StartAt: A
                        States:
                          A: {Type: Task, Resource: !GetAtt Fn.Arn, End: true}
                """);
        TutorialCliTest.Run run = TutorialCliTest.cli("--template", template, "--time-scale", "0");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("sfn-run: " + template + " Resources.Fn: "), run.err());
        assertTrue(run.err().contains("app.py: no such file"), run.err());
    }
}
