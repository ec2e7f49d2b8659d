package dev.sfnrun.task.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.TaskFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockConfigTest {
    static final String FILE = """
            {
              "StateMachines": {
                "Orders": {
                  "TestCases": {
                    "HappyPath": {"Charge": "ChargeOk"},
                    "RetryPath": {"Charge": "ChargeFlaky"}
                  }
                }
              },
              "MockedResponses": {
                "ChargeOk": {"0": {"Return": {"StatusCode": 200, "Payload": {"charged": true}}}},
                "ChargeFlaky": {
                  "0": {"Throw": {"Error": "Lambda.ResourceNotReadyException", "Cause": "Lambda resource is not ready."}},
                  "1-2": {"Throw": {"Error": "Lambda.TimeoutException", "Cause": "Lambda timed out."}},
                  "3": {"Return": {"StatusCode": 200, "Payload": {"charged": true}}}
                }
              }
            }
            """;

    static JsonNode root() throws Exception {
        return Json.parse(FILE);
    }

    @Test
    void aTestCaseMocksItsStates() throws Exception {
        TaskRegistry registry = new TaskRegistry();
        MockConfig.apply(root(), "mocks.json", "Orders", "HappyPath", registry);
        assertEquals(Json.parse("{\"StatusCode\":200,\"Payload\":{\"charged\":true}}"),
                registry.mockFor("Charge").respond(0));
        assertNull(registry.mockFor("Other"));
    }

    @Test
    void invocationRangesAnswerInTurn() throws Exception {
        TaskRegistry registry = new TaskRegistry();
        MockConfig.apply(root(), "mocks.json", "Orders", "RetryPath", registry);
        MockedResponse response = registry.mockFor("Charge");
        TaskFailure first = assertThrows(TaskFailure.class, () -> response.respond(0));
        assertEquals("Lambda.ResourceNotReadyException", first.error());
        assertEquals("Lambda resource is not ready.", first.cause());
        assertEquals("Lambda.TimeoutException", assertThrows(TaskFailure.class, () -> response.respond(1)).error());
        assertEquals("Lambda.TimeoutException", assertThrows(TaskFailure.class, () -> response.respond(2)).error());
        assertEquals(200, response.respond(3).get("StatusCode").asInt());
        StatesError missing = assertThrows(StatesError.class, () -> response.respond(4));
        assertEquals("States.Runtime", missing.error());
    }

    @Test
    void unknownNamesAreClearErrors() throws Exception {
        TaskRegistry registry = new TaskRegistry();
        assertEquals("mocks.json: no state machine 'Shop' under StateMachines (found: Orders); set the name with "
                        + "--state-machine-name",
                assertThrows(TaskLoadException.class, () -> MockConfig.apply(root(), "mocks.json", "Shop", "HappyPath",
                        registry)).getMessage());
        assertEquals("mocks.json: state machine 'Orders' has no test case 'Sad' (found: HappyPath, RetryPath)",
                assertThrows(TaskLoadException.class, () -> MockConfig.apply(root(), "mocks.json", "Orders", "Sad",
                        registry)).getMessage());
    }

    @Test
    void badEntriesAreClearErrors() throws Exception {
        JsonNode both = Json.parse("{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"R\"}}}},"
                + "\"MockedResponses\":{\"R\":{\"0\":{\"Return\":1,\"Throw\":{}}}}}");
        assertEquals("f.json: MockedResponses.R.0: give exactly one of Return and Throw",
                assertThrows(TaskLoadException.class, () -> MockConfig.apply(both, "f.json", "M", "T", new TaskRegistry()))
                        .getMessage());
        JsonNode badKey = Json.parse("{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"R\"}}}},"
                + "\"MockedResponses\":{\"R\":{\"first\":{\"Return\":1}}}}");
        assertEquals("f.json: MockedResponses.R.first: an invocation key is a number (\"0\") or a range (\"1-2\")",
                assertThrows(TaskLoadException.class, () -> MockConfig.apply(badKey, "f.json", "M", "T", new TaskRegistry()))
                        .getMessage());
        JsonNode missing = Json.parse("{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"Nope\"}}}}}");
        assertEquals("f.json: test case 'T' mocks state 'S' with 'Nope', which is not under MockedResponses",
                assertThrows(TaskLoadException.class, () -> MockConfig.apply(missing, "f.json", "M", "T", new TaskRegistry()))
                        .getMessage());
    }

    @Test
    void aThrowWithoutErrorIsAFileError() throws Exception {
        JsonNode noError = Json.parse("{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"R\"}}}},"
                + "\"MockedResponses\":{\"R\":{\"0\":{\"Throw\":{\"Cause\":\"x\"}}}}}");
        assertEquals("f.json: MockedResponses.R.0.Throw: Error is required (the error name Retry and Catch match)",
                assertThrows(TaskLoadException.class, () -> MockConfig.apply(noError, "f.json", "M", "T", new TaskRegistry()))
                        .getMessage());
        JsonNode noCause = Json.parse("{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"R\"}}}},"
                + "\"MockedResponses\":{\"R\":{\"0\":{\"Throw\":{\"Error\":\"E\"}}}}}");
        TaskRegistry registry = new TaskRegistry();
        MockConfig.apply(noCause, "f.json", "M", "T", registry);
        TaskFailure failure = assertThrows(TaskFailure.class, () -> registry.mockFor("S").respond(0));
        assertEquals("E", failure.error());
        assertNull(failure.cause());
    }

    @Test
    void aResponseNameThatIsNotAStringIsAFileError() throws Exception {
        JsonNode number = Json.parse("{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":5}}}},"
                + "\"MockedResponses\":{\"5\":{\"0\":{\"Return\":1}}}}");
        assertEquals("f.json: StateMachines.M.TestCases.T.S: must be the name of a response under MockedResponses "
                        + "(a string), not number",
                assertThrows(TaskLoadException.class, () -> MockConfig.apply(number, "f.json", "M", "T", new TaskRegistry()))
                        .getMessage());
        JsonNode object = Json.parse("{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":{\"x\":1}}}}},"
                + "\"MockedResponses\":{}}");
        assertEquals("f.json: StateMachines.M.TestCases.T.S: must be the name of a response under MockedResponses "
                        + "(a string), not object",
                assertThrows(TaskLoadException.class, () -> MockConfig.apply(object, "f.json", "M", "T", new TaskRegistry()))
                        .getMessage());
    }

    @Test
    void anEntryWithAnotherFieldIsAFileError() throws Exception {
        JsonNode extra = Json.parse("{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"R\"}}}},"
                + "\"MockedResponses\":{\"R\":{\"0\":{\"Return\":1,\"Retrun\":2}}}}");
        assertEquals("f.json: MockedResponses.R.0: unknown field 'Retrun' (an entry has Return or Throw)",
                assertThrows(TaskLoadException.class, () -> MockConfig.apply(extra, "f.json", "M", "T", new TaskRegistry()))
                        .getMessage());
    }

    @Test
    void overlappingRangesAreAFileError() throws Exception {
        JsonNode overlap = Json.parse("{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"R\"}}}},"
                + "\"MockedResponses\":{\"R\":{\"0-2\":{\"Throw\":{\"Error\":\"E\"}},\"3\":{\"Return\":1},"
                + "\"2-5\":{\"Return\":2}}}}");
        assertEquals("f.json: MockedResponses.R.2-5: invocation 2 is also covered by '0-2'; which one answers is "
                        + "ambiguous: give each invocation one entry",
                assertThrows(TaskLoadException.class, () -> MockConfig.apply(overlap, "f.json", "M", "T", new TaskRegistry()))
                        .getMessage());
        JsonNode adjacent = Json.parse("{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"R\"}}}},"
                + "\"MockedResponses\":{\"R\":{\"3\":{\"Return\":3},\"0-2\":{\"Return\":0}}}}");
        TaskRegistry registry = new TaskRegistry();
        MockConfig.apply(adjacent, "f.json", "M", "T", registry);
        assertEquals(0, registry.mockFor("S").respond(2).asInt());
        assertEquals(3, registry.mockFor("S").respond(3).asInt());
    }

    @Test
    void aResponseThatIsNotAnObjectIsAFileError() throws Exception {
        for (String response : new String[] {"5", "[{\"Return\":1}]"}) {
            JsonNode root = Json.parse("{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"R\"}}}},"
                    + "\"MockedResponses\":{\"R\":" + response + "}}");
            assertEquals("f.json: MockedResponses.R: must be an object of invocation keys (\"0\", \"1-2\") to entries "
                            + "(test case 'T' mocks state 'S' with it)",
                    assertThrows(TaskLoadException.class, () -> MockConfig.apply(root, "f.json", "M", "T", new TaskRegistry()))
                            .getMessage(), response);
        }
        // {} is kept, as Step Functions Local keeps it: a state that never runs needs no entry, one that runs fails
        JsonNode empty = Json.parse("{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"R\"}}}},"
                + "\"MockedResponses\":{\"R\":{}}}");
        TaskRegistry registry = new TaskRegistry();
        MockConfig.apply(empty, "f.json", "M", "T", registry);
        assertEquals("States.Runtime", assertThrows(StatesError.class, () -> registry.mockFor("S").respond(0)).error());
    }

    @Test
    void checkReadsEveryTestCaseAndResponse(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.json");
        Files.writeString(good, FILE);
        MockConfig.check(good);
        Path unused = dir.resolve("unused.json");
        Files.writeString(unused, "{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"R\"}}}},"
                + "\"MockedResponses\":{\"R\":{\"0\":{\"Return\":1}},\"Spare\":{\"0\":{\"Throw\":{\"Cause\":\"x\"}}}}}");
        assertEquals(unused + ": MockedResponses.Spare.0.Throw: Error is required (the error name Retry and Catch match)",
                assertThrows(TaskLoadException.class, () -> MockConfig.check(unused)).getMessage());
        Path secondCase = dir.resolve("second.json");
        Files.writeString(secondCase, "{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"R\"},"
                + "\"U\":{\"S\":\"Nope\"}}}},\"MockedResponses\":{\"R\":{\"0\":{\"Return\":1}}}}");
        assertEquals(secondCase + ": test case 'U' mocks state 'S' with 'Nope', which is not under MockedResponses",
                assertThrows(TaskLoadException.class, () -> MockConfig.check(secondCase)).getMessage());
        Path number = dir.resolve("number.json");
        Files.writeString(number, "{\"StateMachines\":{},\"MockedResponses\":{\"Empty\":{},\"Five\":5}}");
        assertEquals(number + ": MockedResponses.Five: must be an object of invocation keys (\"0\", \"1-2\") to entries",
                assertThrows(TaskLoadException.class, () -> MockConfig.check(number)).getMessage());
    }

    @Test
    void filesThatCannotBeReadAreOneLineErrors(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"StateMachines\": {\n");
        String message = assertThrows(TaskLoadException.class,
                () -> MockConfig.apply(broken, "M", "T", new TaskRegistry())).getMessage();
        assertEquals(1, message.lines().count(), message);
        assertEquals(true, message.startsWith(broken + ": not valid JSON: "), message);
        assertEquals("--mock-config " + dir.resolve("none.json") + ": no such file",
                assertThrows(TaskLoadException.class,
                        () -> MockConfig.apply(dir.resolve("none.json"), "M", "T", new TaskRegistry())).getMessage());
        // an empty file was read as a mock file without state machines, an array as one too
        Path empty = Files.writeString(dir.resolve("empty.json"), " \n");
        assertEquals(empty + ": empty file, expected a mock file's JSON object", assertThrows(TaskLoadException.class,
                () -> MockConfig.apply(empty, "M", "T", new TaskRegistry())).getMessage());
        Path array = Files.writeString(dir.resolve("array.json"), "[]");
        assertEquals(array + ": a mock file is a JSON object (with StateMachines and MockedResponses)",
                assertThrows(TaskLoadException.class, () -> MockConfig.apply(array, "M", "T", new TaskRegistry())).getMessage());
    }
}
