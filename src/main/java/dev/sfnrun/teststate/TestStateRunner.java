package dev.sfnrun.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.DefinitionException;
import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.definition.MapState;
import dev.sfnrun.definition.ParallelState;
import dev.sfnrun.definition.State;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.definition.TaskState;
import dev.sfnrun.definition.validate.Diagnostic;
import dev.sfnrun.definition.validate.DiagnosticCode;
import dev.sfnrun.definition.validate.Severity;
import dev.sfnrun.definition.validate.ValidationReport;
import dev.sfnrun.definition.validate.Validator;
import dev.sfnrun.engine.Execution;
import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.engine.PlanRejected;
import dev.sfnrun.engine.SingleStateOutcome;
import dev.sfnrun.engine.SingleStatePlan;
import dev.sfnrun.engine.UnboundResourceException;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.load.TaskRegistry;
import dev.sfnrun.task.load.TaskSetup;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Answers one TestState request as AWS does: checks it (AWS's refusals and messages), runs the
 * one state on the engine with the mock, variables, context and state configuration, and returns
 * AWS's response: status, output, error, cause, nextState and, at DEBUG and TRACE, inspectionData.
 */
public final class TestStateRunner {
    private final TaskSetup setup;

    public TestStateRunner(TaskSetup setup) {
        this.setup = setup;
    }

    /**
     * @param request the TestState request with AWS's field names
     * @return the TestState response with AWS's field names (absent fields omitted)
     * @throws TestStateException when AWS would refuse the request
     */
    public ObjectNode run(ObjectNode request) {
        TestStateRequest req = TestStateRequest.of(request);
        JsonNode root = parseDefinition(req.definition());
        ObjectNode machineJson;
        String name;
        if (req.stateName() != null) {
            if (!(root instanceof ObjectNode object)) {
                throw TestStateException.definition("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: "
                        + "The definition must be a JSON object'");
            }
            machineJson = object;
            name = req.stateName();
        } else if (root instanceof ObjectNode object && !object.has("States")) {
            machineJson = StateLocator.wrap(object);
            name = StateLocator.SINGLE_STATE_NAME;
        } else if (root instanceof ObjectNode object) {
            machineJson = object;
            name = object.path("StartAt").asText(null);
        } else {
            throw TestStateException.definition("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: "
                    + "The definition must be a JSON object'");
        }
        StateMachine machine = validate(machineJson);
        State state = name == null ? null : StateLocator.parsed(machine.graph(), name);
        ObjectNode raw = name == null ? null : StateLocator.raw(machineJson, name);
        if (state == null || raw == null) {
            throw TestStateException.validation("State not found in definition");
        }
        MockRequest mock = MockRequest.of(req.mock());
        StateConfiguration config = StateConfiguration.of(req.stateConfiguration());
        checkPlan(req, state, raw, mock, config);
        JsonNode input = parseInput(req.input());
        Map<String, JsonNode> variables = parseVariables(req.variables());
        String region = setup.region();
        String account = setup.account();
        String machineName = UUID.randomUUID().toString();
        String executionName = UUID.randomUUID().toString();
        ExecutionOptions options = ExecutionOptions.defaults().withType(ExecutionType.EXPRESS)
                .withStateMachineName(machineName).withExecutionName(executionName)
                .withRegionAndAccount(region, account).withRecordHistory(false);
        ObjectNode context = req.context() != null ? ContextObjects.given(req.context(), state)
                : ContextObjects.generated(input, req.roleArn(), "arn:aws:states:" + region + ":" + account + ":express:" + machineName + ":" + executionName, executionName,
                options.stateMachineArn(), machineName, Instant.now(), config.retrierRetryCount());
        Inspection inspection = new Inspection();
        SingleStatePlan plan = new SingleStatePlan(mock.result(), mock.error(), config.retrierRetryCount(),
                config.mapIterationFailureCount(), config.mapItemReaderData(), context, inspection);
        SingleStateOutcome outcome;
        try (TaskRegistry registry = setup.registry()) {
            Execution execution = new Execution(new StateMachine(machine.graph(), machine.queryLanguage(), null, null),
                    input, req.input(), options.withTasks(registry));
            outcome = execution.runSingle(state, input, variables, plan);
        } catch (PlanRejected e) {
            throw TestStateException.validation(e.getMessage());
        } catch (UnboundResourceException e) {
            throw TestStateException.validation(e.getMessage());
        }
        return response(outcome, req.inspectionLevel(), inspection.toJson(state, input));
    }

    private static ObjectNode response(SingleStateOutcome outcome, String level, ObjectNode inspection) {
        ObjectNode response = Json.object();
        if (outcome.output() != null) {
            response.put("output", Json.compact(outcome.output()));
        }
        if (outcome.error() != null) {
            response.put("error", outcome.error());
        }
        if (outcome.cause() != null) {
            response.put("cause", outcome.cause());
        }
        if (!level.equals("INFO")) {
            response.set("inspectionData", inspection);
        }
        if (outcome.nextState() != null) {
            response.put("nextState", outcome.nextState());
        }
        response.put("status", outcome.status().name());
        return response;
    }

    private static JsonNode parseDefinition(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw TestStateException.definition("Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: "
                    + firstLine(e.getMessage()) + "'");
        }
    }

    private static StateMachine validate(ObjectNode machineJson) {
        ValidationReport report = Validator.validateText("definition", Json.compact(machineJson));
        for (Diagnostic diagnostic : report.diagnostics()) {
            // AWS's TestState accepted Task resources its validator would not resolve (a Lambda ARN with
            // "your-region"), recorded; the resource is not checked here either
            if (diagnostic.severity() == Severity.ERROR && diagnostic.code() != DiagnosticCode.INVALID_RESOURCE) {
                throw TestStateException.definition("Invalid State Machine Definition: '" + diagnostic.code() + ": "
                        + diagnostic.message() + (diagnostic.pointer().isEmpty() ? "" : " at " + diagnostic.pointer()) + "'");
            }
        }
        try {
            return DefinitionParser.parse(machineJson);
        } catch (DefinitionException e) {
            throw TestStateException.definition("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: "
                    + e.getMessage() + "'");
        }
    }

    /** AWS's refusals of a mock, a state configuration or a missing role that do not fit the state. */
    private static void checkPlan(TestStateRequest req, State state, ObjectNode raw, MockRequest mock,
                                  StateConfiguration config) {
        String type = state.typeName();
        boolean fanOut = state instanceof MapState || state instanceof ParallelState;
        if (mock.present()) {
            if (req.revealSecrets()) {
                throw TestStateException.validation("TestState does not support RevealSecrets when a mock is specified.");
            }
            if (!(state instanceof TaskState) && !fanOut) {
                throw TestStateException.validation("State type '" + type + "' is not supported when a mock is specified");
            }
        } else {
            if (config.mapIterationFailureCount() != null) {
                throw TestStateException.validation(
                        "TestState does not support MapIterationFailureCount when a mock is not specified.");
            }
            if (fanOut) {
                throw TestStateException.definition("TestState API does not support Map or Parallel states."
                        + " Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]");
            }
            if (state instanceof TaskState && req.roleArn() == null) {
                throw TestStateException.validation("RoleArn must be specified when testing a Task state");
            }
            return;
        }
        JsonNode result = mock.result();
        if (result == null) {
            return;
        }
        if (state instanceof MapState) {
            boolean writer = raw.has("ResultWriter");
            if (writer && !result.isObject()) {
                throw TestStateException.validation("Mocked result must be a JSON object.");
            }
            if (!writer && !result.isArray()) {
                throw TestStateException.validation("Mocked result must be an array.");
            }
        } else if (state instanceof ParallelState parallel) {
            if (!result.isArray() || result.size() != parallel.branches().size()) {
                throw TestStateException.validation(
                        "Mocked result must contain the same number of items as number of Parallel branches.");
            }
        } else if (state instanceof TaskState task) {
            MockShapes.check(task.resource(), result, mock.fieldValidationMode());
        }
    }

    private static JsonNode parseInput(String text) {
        if (text == null) {
            return Json.object();
        }
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new TestStateException("InvalidExecutionInput", "Invalid State Machine Execution Input: '"
                    + firstLine(e.getMessage()) + "'");
        }
    }

    private static Map<String, JsonNode> parseVariables(String text) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        if (text == null) {
            return variables;
        }
        JsonNode parsed;
        try {
            parsed = Json.parse(text);
        } catch (Exception e) {
            throw TestStateException.validation("Variables must be valid JSON");
        }
        if (!parsed.isObject()) {
            throw TestStateException.validation("Variables must be a JSON object");
        }
        parsed.fields().forEachRemaining(entry -> variables.put(entry.getKey(), entry.getValue()));
        return variables;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** The request's mock: a result or an error, and how the result is checked. */
    record MockRequest(JsonNode result, StatesError error, String fieldValidationMode) {
        boolean present() {
            return result != null || error != null;
        }

        static MockRequest of(ObjectNode mock) {
            if (mock == null) {
                return new MockRequest(null, null, "STRICT");
            }
            JsonNode result = mock.get("result");
            JsonNode errorOutput = mock.get("errorOutput");
            boolean hasResult = result != null && !result.isNull();
            boolean hasError = errorOutput != null && !errorOutput.isNull();
            if (hasResult == hasError) {
                throw TestStateException.validation(
                        "A test mock should have only one of the following fields: [result, errorOutput].");
            }
            String mode = mock.path("fieldValidationMode").asText("STRICT");
            if (!mode.equals("STRICT") && !mode.equals("PRESENT") && !mode.equals("NONE")) {
                throw TestStateException.validation("1 validation error detected: Value '" + mode
                        + "' at 'mock.fieldValidationMode' failed to satisfy constraint: Member must satisfy enum value"
                        + " set: [STRICT, PRESENT, NONE]");
            }
            if (hasError) {
                String error = errorOutput.path("error").isTextual() ? errorOutput.get("error").asText() : null;
                String cause = errorOutput.path("cause").isTextual() ? errorOutput.get("cause").asText() : null;
                return new MockRequest(null, new StatesError(error, cause), mode);
            }
            if (!result.isTextual()) {
                throw TestStateException.validation("Mocked result must be valid JSON");
            }
            try {
                return new MockRequest(Json.parse(result.asText()), null, mode);
            } catch (Exception e) {
                throw TestStateException.validation("Mocked result must be valid JSON");
            }
        }
    }

    /** The request's stateConfiguration. */
    record StateConfiguration(int retrierRetryCount, Integer mapIterationFailureCount, String errorCausedByState,
                              ArrayNode mapItemReaderData) {
        static StateConfiguration of(ObjectNode config) {
            if (config == null) {
                return new StateConfiguration(0, null, null, null);
            }
            int retries = integer(config, "retrierRetryCount", 0);
            JsonNode failures = config.get("mapIterationFailureCount");
            Integer failureCount = failures == null || failures.isNull() ? null : integer(config, "mapIterationFailureCount", 0);
            String causedBy = config.path("errorCausedByState").isTextual() ? config.get("errorCausedByState").asText() : null;
            ArrayNode readerData = null;
            JsonNode data = config.get("mapItemReaderData");
            if (data != null && !data.isNull()) {
                JsonNode parsed;
                try {
                    parsed = Json.parse(data.asText());
                } catch (Exception e) {
                    throw TestStateException.validation("Map item reader data must be valid JSON");
                }
                if (!(parsed instanceof ArrayNode array)) {
                    throw TestStateException.validation("Map item reader data must be a JSON array");
                }
                readerData = array;
            }
            return new StateConfiguration(retries, failureCount, causedBy, readerData);
        }

        private static int integer(ObjectNode config, String field, int fallback) {
            JsonNode value = config.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.canConvertToInt() || !value.isIntegralNumber()) {
                throw TestStateException.validation("1 validation error detected: Value at 'stateConfiguration."
                        + field + "' failed to satisfy constraint: Member must be an integer");
            }
            if (value.asInt() < 0) {
                throw TestStateException.validation("1 validation error detected: Value '" + value.asInt() + "' at 'stateConfiguration."
                        + field + "' failed to satisfy constraint: Member must have value greater than or equal to 0");
            }
            return value.asInt();
        }
    }
}
