package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** Task tokens, activities, StopExecution and RedriveExecution through the AWS SDK for Java v2. */
class ServerCallbackTest {
    static SfnServer server;
    static SfnClient sfn;

    @BeforeAll
    static void start() throws Exception {
        server = SfnServer.start(ServerOptions.defaults().withPort(0).withTimeScale(0)
                .withLongPoll(Duration.ofSeconds(2)), System.err);
        sfn = SdkClients.client(server.port());
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    static String create(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ServerSdkTest.ROLE))
                .stateMachineArn();
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

    static List<HistoryEvent> history(String arn) {
        return sfn.getExecutionHistory(b -> b.executionArn(arn)).events();
    }

    /** The token the history shows a .waitForTaskToken task was handed (its parameters' "token"). */
    static String awaitToken(String arn) throws Exception {
        for (int i = 0; i < 500; i++) {
            for (HistoryEvent event : history(arn)) {
                if (event.type() == HistoryEventType.TASK_SCHEDULED) {
                    return dev.sfnrun.query.Json.parse(event.taskScheduledEventDetails().parameters()).get("token").asText();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no TaskScheduled in " + history(arn));
    }

    static final String WAIT_FOR_TOKEN = "{\"StartAt\":\"Ask\",\"States\":{\"Ask\":{\"Type\":\"Task\","
            + "\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\",\"Parameters\":{\"token.$\":\"$$.Task.Token\"},"
            + "\"End\":true}}}";

    @Test
    void sendTaskSuccessAndFailureAnswerTheWaitingTask() throws Exception {
        String machine = create("tokens", WAIT_FOR_TOKEN);
        String first = sfn.startExecution(b -> b.stateMachineArn(machine).name("ok")).executionArn();
        String token = awaitToken(first);
        sfn.sendTaskHeartbeat(b -> b.taskToken(token));
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"answer\":42}"));
        DescribeExecutionResponse done = await(first, ExecutionStatus.SUCCEEDED);
        assertEquals(ExecutionStatus.SUCCEEDED, done.status());
        assertEquals("{\"answer\":42}", done.output());
        // the token is spent
        TaskTimedOutException spent = assertThrows(TaskTimedOutException.class,
                () -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")));
        assertEquals("Task Timed Out: 'Provided task does not exist anymore'", spent.awsErrorDetails().errorMessage());

        String second = sfn.startExecution(b -> b.stateMachineArn(machine).name("fails")).executionArn();
        String other = awaitToken(second);
        sfn.sendTaskFailure(b -> b.taskToken(other).error("Rejected").cause("no"));
        DescribeExecutionResponse failed = await(second, ExecutionStatus.FAILED);
        assertEquals("Rejected", failed.error());
        assertEquals("no", failed.cause());
        assertTrue(history(second).stream().anyMatch(e -> e.type() == HistoryEventType.TASK_FAILED));

        InvalidTokenException invalid = assertThrows(InvalidTokenException.class,
                () -> sfn.sendTaskSuccess(b -> b.taskToken("not-a-token").output("{}")));
        assertEquals("Invalid Token: 'Invalid token'", invalid.awsErrorDetails().errorMessage());
    }

    @Test
    void activityWorkersTakeTasksWithGetActivityTask() throws Exception {
        String activity = sfn.createActivity(b -> b.name("review")).activityArn();
        assertEquals("arn:aws:states:eu-west-1:123456789012:activity:review", activity);
        assertEquals("review", sfn.describeActivity(b -> b.activityArn(activity)).name());
        assertTrue(sfn.listActivities(b -> { }).activities().stream().anyMatch(a -> a.activityArn().equals(activity)));
        String machine = create("activities", "{\"StartAt\":\"Review\",\"States\":{\"Review\":{\"Type\":\"Task\","
                + "\"Resource\":\"" + activity + "\",\"End\":true}}}");
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"doc\":1}")).executionArn();
        GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activity).workerName("w1"));
        assertEquals("{\"doc\":1}", task.input());
        sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"approved\":true}"));
        DescribeExecutionResponse done = await(arn, ExecutionStatus.SUCCEEDED);
        assertEquals("{\"approved\":true}", done.output());
        assertTrue(history(arn).stream().anyMatch(e -> e.type() == HistoryEventType.ACTIVITY_SUCCEEDED));
        // nothing queued: the long poll ends empty
        GetActivityTaskResponse none = sfn.getActivityTask(b -> b.activityArn(activity));
        assertNull(none.taskToken());
        sfn.deleteActivity(b -> b.activityArn(activity));
        assertThrows(software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException.class,
                () -> sfn.describeActivity(b -> b.activityArn(activity)));
    }

    @Test
    void stopExecutionAbortsAWaitingExecution() throws Exception {
        String machine = create("stopped", WAIT_FOR_TOKEN);
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        awaitToken(arn);
        assertNotNull(sfn.stopExecution(b -> b.executionArn(arn).error("Stop").cause("enough")).stopDate());
        DescribeExecutionResponse stopped = await(arn, ExecutionStatus.ABORTED);
        assertEquals(ExecutionStatus.ABORTED, stopped.status());
        assertEquals("Stop", stopped.error());
        List<HistoryEvent> events = history(arn);
        assertEquals(HistoryEventType.EXECUTION_ABORTED, events.get(events.size() - 1).type());
        // the event carries StopExecution's error and cause, as DescribeExecution does
        assertEquals("Stop", events.get(events.size() - 1).executionAbortedEventDetails().error());
        assertEquals("enough", events.get(events.size() - 1).executionAbortedEventDetails().cause());
        assertEquals(1, sfn.listExecutions(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.ABORTED))
                .executions().size());
    }

    @Test
    void redriveRunsOnFromTheFailedStateAndContinuesTheHistory() throws Exception {
        String machine = create("redriven", "{\"StartAt\":\"First\",\"States\":{"
                + "\"First\":{\"Type\":\"Pass\",\"Result\":{\"step\":1},\"Next\":\"Ask\"},"
                + "\"Ask\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
                + "\"Parameters\":{\"token.$\":\"$$.Task.Token\"},\"End\":true}}}");
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        String token = awaitToken(arn);
        sfn.sendTaskFailure(b -> b.taskToken(token).error("Boom"));
        DescribeExecutionResponse failed = await(arn, ExecutionStatus.FAILED);
        assertEquals("REDRIVABLE", failed.redriveStatusAsString());
        int before = history(arn).size();
        assertNotNull(sfn.redriveExecution(b -> b.executionArn(arn)).redriveDate());
        List<HistoryEvent> events;
        String second = null;
        for (int i = 0; i < 500 && second == null; i++) {
            events = history(arn);
            for (HistoryEvent event : events.subList(before, events.size())) {
                if (event.type() == HistoryEventType.TASK_SCHEDULED) {
                    second = dev.sfnrun.query.Json.parse(event.taskScheduledEventDetails().parameters()).get("token").asText();
                }
            }
            Thread.sleep(20);
        }
        assertNotNull(second);
        String redrivenToken = second;
        sfn.sendTaskSuccess(b -> b.taskToken(redrivenToken).output("\"done\""));
        DescribeExecutionResponse done = await(arn, ExecutionStatus.SUCCEEDED);
        assertEquals(1, done.redriveCount());
        assertEquals("\"done\"", done.output());
        events = history(arn);
        HistoryEvent redriven = events.get(before);
        assertEquals(HistoryEventType.EXECUTION_REDRIVEN, redriven.type());
        assertEquals(before + 1, redriven.id());
        assertEquals(1, redriven.executionRedrivenEventDetails().redriveCount());
        assertEquals(before + 1, events.get(before + 1).previousEventId());
        assertEquals("Ask", events.get(before + 1).stateEnteredEventDetails().name());
        ExecutionNotRedrivableException refused = assertThrows(ExecutionNotRedrivableException.class,
                () -> sfn.redriveExecution(b -> b.executionArn(arn)));
        assertEquals("Execution is SUCCEEDED and cannot be redriven", refused.awsErrorDetails().errorMessage());
    }
}
