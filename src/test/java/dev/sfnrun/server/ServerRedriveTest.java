package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfnrun.query.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * RedriveExecution of a failed Parallel and a failed inline Map through the AWS SDK for Java v2:
 * only the branches / iterations that did not succeed run again, the others' results and the
 * execution's variables are kept, and the history goes on after ExecutionRedriven.
 */
class ServerRedriveTest {
    static SfnServer server;
    static SfnClient sfn;

    @BeforeAll
    static void start() throws Exception {
        server = SfnServer.start(ServerOptions.defaults().withPort(0).withTimeScale(0), System.err);
        sfn = SdkClients.client(server.port());
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    static List<HistoryEvent> history(String arn) {
        return sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(1000)).events();
    }

    static DescribeExecutionResponse await(String arn, ExecutionStatus until) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(arn));
            if (described.status() == until || System.nanoTime() > deadline) {
                return described;
            }
            Thread.sleep(20);
        }
    }

    /** The tokens handed to TaskScheduled events from event index {@code from} on, waiting until there are {@code count}. */
    static List<String> tokens(String arn, int from, int count) throws Exception {
        for (int i = 0; i < 500; i++) {
            List<HistoryEvent> events = history(arn);
            List<String> found = events.subList(Math.min(from, events.size()), events.size()).stream()
                    .filter(e -> e.type() == HistoryEventType.TASK_SCHEDULED)
                    .map(e -> parse(e.taskScheduledEventDetails().parameters()).get("token").asText()).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("fewer than " + count + " tokens in " + history(arn));
    }

    static com.fasterxml.jackson.databind.JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }

    static final String ASK = "\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
            + "\"Parameters\":{\"token.$\":\"$$.Task.Token\"}";

    @Test
    void aFailedParallelRerunsOnlyItsFailedBranchAndKeepsTheVariables() throws Exception {
        String machine = sfn.createStateMachine(b -> b.name("redriveParallel").roleArn(ServerSdkTest.ROLE).definition(
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"Setup\",\"States\":{"
                        + "\"Setup\":{\"Type\":\"Pass\",\"Assign\":{\"order\":\"{% $states.input.order %}\"},\"Next\":\"Both\"},"
                        + "\"Both\":{\"Type\":\"Parallel\",\"Branches\":["
                        + "{\"StartAt\":\"Price\",\"States\":{\"Price\":{\"Type\":\"Pass\",\"Output\":{\"price\":10},\"End\":true}}},"
                        + "{\"StartAt\":\"Approve\",\"States\":{\"Approve\":{" + ASK.replace("\"Parameters\":{\"token.$\":\"$$.Task.Token\"}",
                        "\"Arguments\":{\"token\":\"{% $states.context.Task.Token %}\"}") + ",\"End\":true}}}],"
                        + "\"Next\":\"Done\"},"
                        + "\"Done\":{\"Type\":\"Pass\",\"Output\":{\"order\":\"{% $order %}\",\"branches\":\"{% $states.input %}\","
                        + "\"redrives\":\"{% $states.context.Execution.RedriveCount %}\"},\"End\":true}}}")).stateMachineArn();
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"order\":\"A-1\"}")).executionArn();
        String first = tokens(arn, 0, 1).get(0);
        sfn.sendTaskFailure(b -> b.taskToken(first).error("Declined").cause("not yet"));
        DescribeExecutionResponse failed = await(arn, ExecutionStatus.FAILED);
        assertEquals("Declined", failed.error());
        assertEquals("REDRIVABLE", failed.redriveStatusAsString());
        int before = history(arn).size();

        assertNotNull(sfn.redriveExecution(b -> b.executionArn(arn)).redriveDate());
        String second = tokens(arn, before, 1).get(0);
        sfn.sendTaskSuccess(b -> b.taskToken(second).output("{\"approved\":true}"));
        DescribeExecutionResponse done = await(arn, ExecutionStatus.SUCCEEDED);
        assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done.error() + " " + done.cause());
        assertEquals(1, done.redriveCount());
        assertEquals(parse("{\"order\":\"A-1\",\"branches\":[{\"price\":10},{\"approved\":true}],\"redrives\":1}"),
                parse(done.output()));

        List<HistoryEvent> events = history(arn);
        List<HistoryEvent> rerun = events.subList(before, events.size());
        assertEquals(HistoryEventType.EXECUTION_REDRIVEN, rerun.get(0).type());
        assertEquals(before + 1, rerun.get(0).id());
        assertEquals(before, rerun.get(0).previousEventId());
        assertEquals(1, rerun.get(0).executionRedrivenEventDetails().redriveCount());
        assertEquals(List.of(HistoryEventType.EXECUTION_REDRIVEN, HistoryEventType.PARALLEL_STATE_ENTERED,
                HistoryEventType.PARALLEL_STATE_STARTED, HistoryEventType.TASK_STATE_ENTERED,
                HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_STARTED, HistoryEventType.TASK_SUBMITTED,
                HistoryEventType.TASK_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
                HistoryEventType.PARALLEL_STATE_SUCCEEDED, HistoryEventType.PARALLEL_STATE_EXITED,
                HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED), rerun.stream().map(HistoryEvent::type).toList());
        // the ids go on without a gap
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).id());
        }
        assertEquals("Approve", rerun.get(3).stateEnteredEventDetails().name());
        assertFalse(rerun.stream().anyMatch(e -> e.type() == HistoryEventType.PASS_STATE_ENTERED
                && "Price".equals(e.stateEnteredEventDetails().name())));
        ExecutionNotRedrivableException refused = assertThrows(ExecutionNotRedrivableException.class,
                () -> sfn.redriveExecution(b -> b.executionArn(arn)));
        assertEquals("Execution is SUCCEEDED and cannot be redriven", refused.awsErrorDetails().errorMessage());
    }

    @Test
    void aFailedInlineMapRerunsOnlyTheIterationsThatDidNotSucceed() throws Exception {
        String machine = sfn.createStateMachine(b -> b.name("redriveMap").roleArn(ServerSdkTest.ROLE).definition(
                "{\"StartAt\":\"Each\",\"States\":{\"Each\":{\"Type\":\"Map\",\"MaxConcurrency\":1,"
                        + "\"ItemProcessor\":{\"StartAt\":\"Ask\",\"States\":{\"Ask\":{" + ASK + ",\"End\":true}}},"
                        + "\"End\":true}}}")).stateMachineArn();
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("[1,2,3]")).executionArn();
        String one = tokens(arn, 0, 1).get(0);
        sfn.sendTaskSuccess(b -> b.taskToken(one).output("\"first\""));
        String two = tokens(arn, 0, 2).get(1);
        sfn.sendTaskFailure(b -> b.taskToken(two).error("Nope"));
        await(arn, ExecutionStatus.FAILED);
        int before = history(arn).size();
        sfn.redriveExecution(b -> b.executionArn(arn));
        List<String> again = tokens(arn, before, 1);
        sfn.sendTaskSuccess(b -> b.taskToken(again.get(0)).output("\"second\""));
        String three = tokens(arn, before, 2).get(1);
        sfn.sendTaskSuccess(b -> b.taskToken(three).output("\"third\""));
        DescribeExecutionResponse done = await(arn, ExecutionStatus.SUCCEEDED);
        assertEquals("[\"first\",\"second\",\"third\"]", done.output());
        List<HistoryEvent> rerun = history(arn).subList(before, history(arn).size());
        List<Integer> started = rerun.stream().filter(e -> e.type() == HistoryEventType.MAP_ITERATION_STARTED)
                .map(e -> e.mapIterationStartedEventDetails().index()).toList();
        assertEquals(List.of(1, 2), started);
        assertTrue(rerun.stream().anyMatch(e -> e.type() == HistoryEventType.MAP_STATE_SUCCEEDED));
    }
    @Test
    void aRedriveRepeatedWithItsClientTokenAnswersTheFirstAndDoesNotRedriveAgain() throws Exception {
        String machine = sfn.createStateMachine(b -> b.name("redriveToken").roleArn(ServerSdkTest.ROLE).definition(
                "{\"StartAt\":\"Ask\",\"States\":{\"Ask\":{" + ASK + ",\"End\":true}}}")).stateMachineArn();
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        String asked = tokens(arn, 0, 1).get(0);
        sfn.sendTaskFailure(b -> b.taskToken(asked).error("No"));
        await(arn, ExecutionStatus.FAILED);
        int before = history(arn).size();
        var first = sfn.redriveExecution(b -> b.executionArn(arn).clientToken("tok-1"));
        String token = tokens(arn, before, 1).get(0);
        // a retry while the redriven run goes on: the first answer, not "Execution is RUNNING ..."
        assertEquals(first.redriveDate(), sfn.redriveExecution(b -> b.executionArn(arn).clientToken("tok-1")).redriveDate());
        sfn.sendTaskFailure(b -> b.taskToken(token).error("No"));
        await(arn, ExecutionStatus.FAILED);
        // and after it failed again: still the first answer, the execution not redriven a second time
        assertEquals(first.redriveDate(), sfn.redriveExecution(b -> b.executionArn(arn).clientToken("tok-1")).redriveDate());
        DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(arn));
        assertEquals(ExecutionStatus.FAILED, described.status());
        assertEquals(1, described.redriveCount());
        assertEquals(1, history(arn).stream().filter(e -> e.type() == HistoryEventType.EXECUTION_REDRIVEN).count());
        // another token redrives
        sfn.redriveExecution(b -> b.executionArn(arn).clientToken("tok-2"));
        assertEquals(2, sfn.describeExecution(b -> b.executionArn(arn)).redriveCount());
    }
}
