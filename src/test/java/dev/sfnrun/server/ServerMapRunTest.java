package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** ListMapRuns, DescribeMapRun and UpdateMapRun of distributed Maps run by the server, through the real AWS SDK for Java v2. */
class ServerMapRunTest {
    static SfnServer server;
    static SfnClient sfn;

    @BeforeAll
    static void start() throws Exception {
        server = SfnServer.start(ServerOptions.defaults().withPort(0).withTimeScale(0)
                .withLongPoll(Duration.ofSeconds(5)), System.err);
        sfn = SdkClients.client(server.port());
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    /** A distributed Map over $.items whose children run {@code child} (one state named Work). */
    static String machine(String name, String mapFields, String child) {
        return sfn.createStateMachine(b -> b.name(name).roleArn(ServerSdkTest.ROLE).definition(
                "{\"StartAt\":\"Fan\",\"States\":{\"Fan\":{\"Type\":\"Map\",\"ItemsPath\":\"$.items\"," + mapFields
                        + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},"
                        + "\"StartAt\":\"Work\",\"States\":{\"Work\":" + child + "}},\"End\":true}}}")).stateMachineArn();
    }

    static DescribeMapRunResponse awaitRun(String mapRunArn, Predicate<DescribeMapRunResponse> until) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            DescribeMapRunResponse run = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
            if (until.test(run) || System.nanoTime() > deadline) {
                return run;
            }
            Thread.sleep(10);
        }
    }

    static String onlyMapRun(String executionArn) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<MapRunListItem> runs;
        while ((runs = sfn.listMapRuns(b -> b.executionArn(executionArn)).mapRuns()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, runs.size(), runs.toString());
        return runs.get(0).mapRunArn();
    }

    @Test
    void aFinishedMapRunIsListedAndDescribedWithItsCounts() throws Exception {
        String machine = machine("fan", "\"MaxConcurrency\":1,\"Label\":\"Doubler\",\"ItemBatcher\":{\"MaxItemsPerBatch\":2},",
                "{\"Type\":\"Pass\",\"End\":true}");
        String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"items\":[1,2,3,4,5]}")).executionArn();
        assertEquals(ExecutionStatus.SUCCEEDED, ServerVersionsTest.await(sfn, execution).status());

        List<MapRunListItem> runs = sfn.listMapRuns(b -> b.executionArn(execution)).mapRuns();
        assertEquals(1, runs.size());
        MapRunListItem item = runs.get(0);
        String mapRunArn = item.mapRunArn();
        assertTrue(mapRunArn.matches("arn:aws:states:eu-west-1:123456789012:mapRun:fan/Doubler:[0-9a-f-]{36}"), mapRunArn);
        assertEquals(execution, item.executionArn());
        assertEquals("arn:aws:states:eu-west-1:123456789012:stateMachine:fan/Doubler", item.stateMachineArn());
        assertNotNull(item.startDate());
        assertNotNull(item.stopDate());
        // the MapRunStarted event names the same Map Run
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(execution)).events();
        HistoryEvent started = events.stream().filter(e -> e.type() == HistoryEventType.MAP_RUN_STARTED).findFirst().orElseThrow();
        assertEquals(mapRunArn, started.mapRunStartedEventDetails().mapRunArn());

        DescribeMapRunResponse run = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
        assertEquals(MapRunStatus.SUCCEEDED, run.status());
        assertEquals(execution, run.executionArn());
        assertEquals(1, run.maxConcurrency());
        assertEquals(0, run.toleratedFailureCount());
        assertEquals(0.0f, run.toleratedFailurePercentage());
        // five items in batches of two: three child executions
        assertEquals(5, run.itemCounts().total());
        assertEquals(5, run.itemCounts().succeeded());
        assertEquals(5, run.itemCounts().resultsWritten());
        assertEquals(0, run.itemCounts().pending());
        assertEquals(3, run.executionCounts().total());
        assertEquals(3, run.executionCounts().succeeded());
        assertEquals(0, run.executionCounts().running());
        assertTrue(!run.stopDate().isBefore(run.startDate()));

        ValidationException completed = assertThrows(ValidationException.class,
                () -> sfn.updateMapRun(b -> b.mapRunArn(mapRunArn).maxConcurrency(5)));
        assertEquals("CANNOT_UPDATE_COMPLETED_MAP_RUN", completed.reasonAsString());
        String unknown = mapRunArn.substring(0, mapRunArn.lastIndexOf(':') + 1) + "00000000-0000-0000-0000-000000000000";
        assertThrows(ResourceNotFoundException.class, () -> sfn.describeMapRun(b -> b.mapRunArn(unknown)));
    }

    @Test
    void updateMapRunChangesTheToleratedFailuresOfARunningMapRun() throws Exception {
        String activity = sfn.createActivity(b -> b.name("map-worker")).activityArn();
        String machine = machine("tolerant", "\"MaxConcurrency\":1,",
                "{\"Type\":\"Task\",\"Resource\":\"" + activity + "\",\"End\":true}");
        String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"items\":[1,2,3]}")).executionArn();
        GetActivityTaskResponse first = sfn.getActivityTask(b -> b.activityArn(activity));
        String mapRunArn = onlyMapRun(execution);
        DescribeMapRunResponse running = awaitRun(mapRunArn, r -> r.executionCounts().running() == 1);
        assertEquals(MapRunStatus.RUNNING, running.status());
        assertEquals(2, running.executionCounts().pending());
        assertEquals(3, running.itemCounts().total());

        // without this the first failure would end the run (no failure tolerated)
        sfn.updateMapRun(b -> b.mapRunArn(mapRunArn).toleratedFailureCount(1L));
        sfn.updateMapRun(b -> b.mapRunArn(mapRunArn).toleratedFailurePercentage(50f));
        DescribeMapRunResponse updated = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
        assertEquals(1, updated.toleratedFailureCount());
        assertEquals(50f, updated.toleratedFailurePercentage());
        sfn.sendTaskFailure(b -> b.taskToken(first.taskToken()).error("Bad").cause("item 1"));
        for (int i = 0; i < 2; i++) {
            GetActivityTaskResponse next = sfn.getActivityTask(b -> b.activityArn(activity));
            sfn.sendTaskSuccess(b -> b.taskToken(next.taskToken()).output("{}"));
        }
        assertEquals(ExecutionStatus.SUCCEEDED, ServerVersionsTest.await(sfn, execution).status());
        DescribeMapRunResponse done = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
        assertEquals(MapRunStatus.SUCCEEDED, done.status());
        assertEquals(1, done.executionCounts().failed());
        assertEquals(2, done.executionCounts().succeeded());
    }

    @Test
    void aLowerMaxConcurrencyRunsFewerChildrenAtOnce() throws Exception {
        String activity = sfn.createActivity(b -> b.name("map-slow")).activityArn();
        String machine = machine("narrowed", "\"MaxConcurrency\":2,",
                "{\"Type\":\"Task\",\"Resource\":\"" + activity + "\",\"End\":true}");
        String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"items\":[1,2,3,4]}")).executionArn();
        GetActivityTaskResponse a = sfn.getActivityTask(b -> b.activityArn(activity));
        GetActivityTaskResponse b2 = sfn.getActivityTask(b -> b.activityArn(activity));
        String mapRunArn = onlyMapRun(execution);
        assertEquals(2, awaitRun(mapRunArn, r -> r.executionCounts().running() == 2).executionCounts().running());
        sfn.updateMapRun(b -> b.mapRunArn(mapRunArn).maxConcurrency(1));
        sfn.sendTaskSuccess(b -> b.taskToken(a.taskToken()).output("{}"));
        sfn.sendTaskSuccess(b -> b.taskToken(b2.taskToken()).output("{}"));
        DescribeMapRunResponse narrowed = awaitRun(mapRunArn, r -> r.executionCounts().succeeded() == 2
                && r.executionCounts().running() == 1);
        Thread.sleep(200); // would a second child start? (with maxConcurrency 2 it would at once)
        narrowed = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
        assertEquals(1, narrowed.maxConcurrency());
        assertEquals(1, narrowed.executionCounts().running(), narrowed.executionCounts().toString());
        assertEquals(1, narrowed.executionCounts().pending(), narrowed.executionCounts().toString());
        for (int i = 0; i < 2; i++) {
            GetActivityTaskResponse next = sfn.getActivityTask(b -> b.activityArn(activity));
            sfn.sendTaskSuccess(b -> b.taskToken(next.taskToken()).output("{}"));
        }
        assertEquals(ExecutionStatus.SUCCEEDED, ServerVersionsTest.await(sfn, execution).status());
        assertEquals(4, sfn.describeMapRun(b -> b.mapRunArn(mapRunArn)).executionCounts().succeeded());
    }
}
