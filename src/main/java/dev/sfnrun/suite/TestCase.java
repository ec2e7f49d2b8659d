package dev.sfnrun.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.task.load.MockedResponse;
import java.util.List;
import java.util.Map;

/**
 * One case of a suite.
 *
 * @param name         its name (unique in the suite)
 * @param input        the execution input
 * @param inputText    the input as text (as StartExecution receives it)
 * @param mocks        mocked responses by Task state name
 * @param testCase     a test case of the suite's mock file whose responses apply first, or null
 * @param context      the context object fields (suite's, then case's), or null
 * @param expectations what is checked, in the suite's order
 */
public record TestCase(String name, JsonNode input, String inputText, Map<String, MockedResponse> mocks,
                       String testCase, ObjectNode context, List<Expectation> expectations) {
    public TestCase {
        mocks = Map.copyOf(mocks);
        expectations = List.copyOf(expectations);
    }
}
