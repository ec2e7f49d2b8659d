package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * When an activity task starts (a worker's GetActivityTask, not its scheduling) and what an answer
 * after the task timed out gets (AWS's TaskTimedOut, every time), through the AWS SDK for Java v2.
 * Task limits count in real time at any time scale, so these tests use limits of one second.
 */
class ServerTaskTimingTest {
    static final String TIMED_OUT = "Task Timed Out: 'Provided task does not exist anymore'";
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

    static List<HistoryEvent> history(String arn) {
        return sfn.getExecutionHistory(b -> b.executionArn(arn)).events();
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

    static List<HistoryEventType> types(String arn) {
        return history(arn).stream().map(HistoryEvent::type).toList();
    }

    static void timedOut(Executable call) {
        TaskTimedOutException error = assertThrows(TaskTimedOutException.class, call);
        assertEquals(400, error.statusCode());
        assertEquals(TIMED_OUT, error.awsErrorDetails().errorMessage());
    }

    @Test
    void activityStartsWhenAWorkerTakesItAndItsHeartbeatClockStartsThen() throws Exception {
        String activity = sfn.createActivity(b -> b.name("timing")).activityArn();
        String machine = create("activityTiming", "{\"StartAt\":\"Work\",\"States\":{\"Work\":{"
                + "\"Type\":\"Task\",\"Resource\":\"" + activity + "\",\"HeartbeatSeconds\":1,\"TimeoutSeconds\":30,"
                + "\"End\":true}}}");
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"n\":1}")).executionArn();
        for (int i = 0; i < 200 && !types(arn).contains(HistoryEventType.ACTIVITY_SCHEDULED); i++) {
            Thread.sleep(10);
        }
        // scheduled, not started: no worker yet, and the heartbeat clock has not begun (1.5 s > HeartbeatSeconds)
        Thread.sleep(1500);
        List<HistoryEventType> waiting = types(arn);
        assertEquals(HistoryEventType.ACTIVITY_SCHEDULED, waiting.get(waiting.size() - 1), waiting.toString());
        assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(arn)).status());

        GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activity).workerName("worker-7"));
        assertEquals("{\"n\":1}", task.input());
        List<HistoryEvent> started = history(arn);
        HistoryEvent last = started.get(started.size() - 1);
        assertEquals(HistoryEventType.ACTIVITY_STARTED, last.type());
        assertEquals("worker-7", last.activityStartedEventDetails().workerName());
        assertEquals(last.id() - 1, last.previousEventId());
        // a heartbeat within the second keeps it alive; then silence ends it with States.Timeout
        Thread.sleep(600);
        sfn.sendTaskHeartbeat(b -> b.taskToken(task.taskToken()));
        DescribeExecutionResponse failed = await(arn, ExecutionStatus.FAILED);
        assertEquals(ExecutionStatus.FAILED, failed.status());
        assertEquals("States.Timeout", failed.error());
        List<HistoryEventType> events = types(arn);
        assertEquals(List.of(HistoryEventType.EXECUTION_STARTED, HistoryEventType.TASK_STATE_ENTERED,
                HistoryEventType.ACTIVITY_SCHEDULED, HistoryEventType.ACTIVITY_STARTED,
                HistoryEventType.ACTIVITY_TIMED_OUT, HistoryEventType.EXECUTION_FAILED), events);
        // the execution has ended: every answer is TaskTimedOut
        timedOut(() -> sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{}")));
        timedOut(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(task.taskToken())));
        timedOut(() -> sfn.sendTaskFailure(b -> b.taskToken(task.taskToken()).error("late")));
        // the timed-out task is not handed to another worker
        assertNull(sfn.getActivityTask(b -> b.activityArn(activity)).taskToken());
    }

    @Test
    void answersAfterAHeartbeatTimeoutGetTaskTimedOutWhileTheExecutionGoesOn() throws Exception {
        String machine = create("heartbeatLate", "{\"StartAt\":\"Ask\",\"States\":{"
                + "\"Ask\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
                + "\"Parameters\":{\"token.$\":\"$$.Task.Token\"},\"HeartbeatSeconds\":1,"
                + "\"Catch\":[{\"ErrorEquals\":[\"States.Timeout\"],\"Next\":\"AskAgain\"}],\"End\":true},"
                + "\"AskAgain\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
                + "\"Parameters\":{\"token.$\":\"$$.Task.Token\"},\"TimeoutSeconds\":1,"
                + "\"Catch\":[{\"ErrorEquals\":[\"States.Timeout\"],\"Next\":\"Hold\"}],\"End\":true},"
                + "\"Hold\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
                + "\"Parameters\":{\"token.$\":\"$$.Task.Token\"},\"End\":true}}}");
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        String first = awaitTokenOf(arn, "Ask");
        String second = awaitTokenOf(arn, "AskAgain");
        // Ask timed out by HeartbeatSeconds; the execution runs on (AskAgain), and Ask's token is dead for good
        assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(arn)).status());
        for (int i = 0; i < 3; i++) {
            timedOut(() -> sfn.sendTaskSuccess(b -> b.taskToken(first).output("{}")));
        }
        timedOut(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(first)));
        // AskAgain times out by TimeoutSeconds; then Hold waits
        String third = awaitTokenOf(arn, "Hold");
        timedOut(() -> sfn.sendTaskFailure(b -> b.taskToken(second).error("late")));
        timedOut(() -> sfn.sendTaskSuccess(b -> b.taskToken(second).output("{}")));
        assertFalse(types(arn).contains(HistoryEventType.TASK_SUCCEEDED));
        sfn.sendTaskSuccess(b -> b.taskToken(third).output("{\"held\":true}"));
        DescribeExecutionResponse done = await(arn, ExecutionStatus.SUCCEEDED);
        assertEquals("{\"held\":true}", done.output());
        assertEquals(2, types(arn).stream().filter(t -> t == HistoryEventType.TASK_TIMED_OUT).count());
        timedOut(() -> sfn.sendTaskSuccess(b -> b.taskToken(third).output("{}")));
    }

    /** The token handed to the TaskScheduled of the state entered as {@code state}. */
    static String awaitTokenOf(String arn, String state) throws Exception {
        for (int i = 0; i < 500; i++) {
            boolean inState = false;
            for (HistoryEvent event : history(arn)) {
                if (event.type() == HistoryEventType.TASK_STATE_ENTERED) {
                    inState = state.equals(event.stateEnteredEventDetails().name());
                } else if (inState && event.type() == HistoryEventType.TASK_SCHEDULED) {
                    return dev.sfnrun.query.Json.parse(event.taskScheduledEventDetails().parameters()).get("token").asText();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no TaskScheduled of " + state + " in " + history(arn));
    }

    @Test
    void anActivityTakenByNoWorkerWaitsWithoutTimingOut() throws Exception {
        String activity = sfn.createActivity(b -> b.name("idle")).activityArn();
        String machine = create("activityIdle", "{\"StartAt\":\"Work\",\"States\":{\"Work\":{"
                + "\"Type\":\"Task\",\"Resource\":\"" + activity + "\",\"TimeoutSeconds\":1,\"End\":true}}}");
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        Thread.sleep(1500);
        assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(arn)).status());
        assertFalse(types(arn).contains(HistoryEventType.ACTIVITY_STARTED));
        GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activity).workerName("late"));
        sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"ok\":1}"));
        DescribeExecutionResponse done = await(arn, ExecutionStatus.SUCCEEDED);
        assertEquals("{\"ok\":1}", done.output());
        assertTrue(types(arn).containsAll(List.of(HistoryEventType.ACTIVITY_STARTED, HistoryEventType.ACTIVITY_SUCCEEDED)));
    }
}
