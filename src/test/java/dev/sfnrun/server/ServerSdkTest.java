package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/** The server driven by the real AWS SDK for Java v2: the tutorial's paths end to end, StartSync, paging. */
class ServerSdkTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/test";
    static SfnServer server;
    static SfnClient sfn;
    static String tutorial;

    @BeforeAll
    static void start() throws Exception {
        server = SfnServer.start(ServerOptions.defaults().withPort(0).withTimeScale(0), System.err);
        sfn = SdkClients.client(server.port());
        tutorial = Files.readString(Path.of("definitions/api-error-handling.asl.json"));
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    static String create(String name, String definition, StateMachineType type) {
        CreateStateMachineResponse created = sfn.createStateMachine(b -> b.name(name).definition(definition)
                .roleArn(ROLE).type(type));
        return created.stateMachineArn();
    }

    static DescribeExecutionResponse await(String executionArn) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(executionArn));
            if (described.status() != ExecutionStatus.RUNNING || System.nanoTime() > until) {
                return described;
            }
            Thread.sleep(20);
        }
    }

    @Test
    void tutorial429EndToEnd() throws Exception {
        String machine = create("tutorial429", tutorial, StateMachineType.STANDARD);
        assertEquals("arn:aws:states:eu-west-1:123456789012:stateMachine:tutorial429", machine);
        String execution = sfn.startExecution(b -> b.stateMachineArn(machine).name("run-429")
                .input("{\"statuscode\": \"429\"}")).executionArn();
        assertEquals("arn:aws:states:eu-west-1:123456789012:execution:tutorial429:run-429", execution);
        DescribeExecutionResponse described = await(execution);
        assertEquals(ExecutionStatus.SUCCEEDED, described.status());
        assertEquals("{\"statuscode\": \"429\"}", described.input());
        assertNotNull(described.stopDate());
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(execution)).events();
        assertEquals(HistoryEventType.EXECUTION_STARTED, events.get(0).type());
        assertEquals(HistoryEventType.EXECUTION_SUCCEEDED, events.get(events.size() - 1).type());
        assertTrue(events.stream().anyMatch(e -> e.type() == HistoryEventType.LAMBDA_FUNCTION_FAILED
                && "TooManyRequestsException".equals(e.lambdaFunctionFailedEventDetails().error())), events.toString());
        assertEquals(described.output(), events.get(events.size() - 1).executionSucceededEventDetails().output());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).id());
        }
    }

    @Test
    void historyEqualsTheCliJsonReport() throws Exception {
        // the role the CLI gives a machine of this name, so that ExecutionStarted is the same
        String machine = sfn.createStateMachine(b -> b.name("tutorialCli").definition(tutorial)
                .roleArn("arn:aws:iam::123456789012:role/service-role/StepFunctions-tutorialCli-role")).stateMachineArn();
        String execution = sfn.startExecution(b -> b.stateMachineArn(machine).name("same")
                .input("{\"statuscode\": \"503\"}")).executionArn();
        await(execution);
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(execution)).events();
        java.io.StringWriter out = new java.io.StringWriter();
        int code = dev.sfnrun.cli.SfnRun.run(new String[] {"definitions/api-error-handling.asl.json", "--input-json",
            "{\"statuscode\": \"503\"}", "--time-scale", "0", "--output", "json", "--state-machine-name", "tutorialCli",
            "--region", "eu-west-1", "--name", "same"}, new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()), false);
        com.fasterxml.jackson.databind.JsonNode report = dev.sfnrun.query.Json.parse(out.toString());
        assertEquals(report.get("events").size(), events.size());
        for (int i = 0; i < events.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode cli = report.get("events").get(i);
            HistoryEvent ours = events.get(i);
            assertEquals(cli.get("type").asText(), ours.typeAsString());
            assertEquals(cli.get("id").asLong(), ours.id());
            assertEquals(cli.get("previousEventId").asLong(), ours.previousEventId());
            String details = cli.get("type").asText();
            String key = cli.fieldNames().next();
            for (java.util.Iterator<String> it = cli.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (name.endsWith("EventDetails")) {
                    assertTrue(json(ours).get(name) != null, details + " " + key);
                    // the same but for the Lambda request ids in causes
                    assertEquals(withoutIds(cli.get(name).toString()), withoutIds(json(ours).get(name).toString()), details);
                }
            }
        }
    }

    private static String withoutIds(String text) {
        return text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID");
    }

    /** An SDK event as the wire had it (the SDK's own JSON marshalling of the member). */
    private static com.fasterxml.jackson.databind.node.ObjectNode json(HistoryEvent event) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode node = dev.sfnrun.query.Json.object();
        for (software.amazon.awssdk.core.SdkField<?> field : event.sdkFields()) {
            Object value = field.getValueOrDefault(event);
            if (value instanceof software.amazon.awssdk.core.SdkPojo pojo) {
                com.fasterxml.jackson.databind.node.ObjectNode details = node.putObject(field.locationName());
                for (software.amazon.awssdk.core.SdkField<?> inner : pojo.sdkFields()) {
                    Object v = inner.getValueOrDefault(pojo);
                    if (v instanceof software.amazon.awssdk.core.SdkPojo p2) {
                        com.fasterxml.jackson.databind.node.ObjectNode nested = details.putObject(inner.locationName());
                        for (software.amazon.awssdk.core.SdkField<?> f3 : p2.sdkFields()) {
                            Object v3 = f3.getValueOrDefault(p2);
                            if (v3 != null) {
                                nested.set(f3.locationName(), dev.sfnrun.query.Json.mapper().valueToTree(v3));
                            }
                        }
                    } else if (v != null && !(v instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap)) {
                        details.set(inner.locationName(), dev.sfnrun.query.Json.mapper().valueToTree(v));
                    }
                }
            }
        }
        return node;
    }

    @Test
    void eachRegionListsItsOwnMachinesAndActivities() {
        // a client signed for us-east-1 listed the eu-west-1 machines too
        String machine = create("regional", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}",
                StateMachineType.STANDARD);
        String activity = sfn.createActivity(b -> b.name("regional-activity")).activityArn();
        try (SfnClient east = SdkClients.client(server.port(), software.amazon.awssdk.regions.Region.US_EAST_1)) {
            String eastMachine = east.createStateMachine(b -> b.name("regional").roleArn(ROLE)
                    .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}")).stateMachineArn();
            assertEquals("arn:aws:states:us-east-1:123456789012:stateMachine:regional", eastMachine);
            assertEquals(List.of(eastMachine), east.listStateMachines(b -> { }).stateMachines().stream()
                    .map(m -> m.stateMachineArn()).toList());
            assertEquals(List.of(), east.listActivities(b -> { }).activities());
        }
        assertTrue(sfn.listStateMachines(b -> { }).stateMachines().stream().anyMatch(m -> m.stateMachineArn().equals(machine)));
        assertTrue(sfn.listStateMachines(b -> { }).stateMachines().stream().noneMatch(m -> m.stateMachineArn().contains("us-east-1")));
        assertTrue(sfn.listActivities(b -> { }).activities().stream().anyMatch(a -> a.activityArn().equals(activity)));
    }

    @Test
    void startSyncExecutionOfAnExpressMachine() {
        String machine = create("express200", tutorial, StateMachineType.EXPRESS);
        StartSyncExecutionResponse response = sfn.startSyncExecution(b -> b.stateMachineArn(machine)
                .input("{\"statuscode\": \"200\"}"));
        assertEquals(SyncExecutionStatus.SUCCEEDED, response.status());
        assertEquals("\"The request has succeeded.\"", response.output());
        assertTrue(response.executionArn().startsWith("arn:aws:states:eu-west-1:123456789012:express:express200:"));
        assertNotNull(response.billingDetails());
        StartSyncExecutionResponse failed = sfn.startSyncExecution(b -> b.stateMachineArn(machine)
                .input("{\"statuscode\": \"999\"}"));
        assertEquals(SyncExecutionStatus.FAILED, failed.status());
        assertEquals("An error of unknown type occurred", failed.error());
        assertEquals("Unknown error!", failed.cause());
        assertNull(failed.output());
    }

    @Test
    void pagingOfExecutionsAndHistory() throws Exception {
        String machine = create("paged", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}",
                StateMachineType.STANDARD);
        for (int i = 0; i < 7; i++) {
            int n = i;
            await(sfn.startExecution(b -> b.stateMachineArn(machine).name("e" + n)).executionArn());
        }
        List<String> names = sfn.listExecutionsPaginator(b -> b.stateMachineArn(machine).maxResults(3)).executions()
                .stream().map(e -> e.name()).collect(Collectors.toList());
        assertEquals(List.of("e6", "e5", "e4", "e3", "e2", "e1", "e0"), names);
        var firstPage = sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(3));
        assertEquals(3, firstPage.executions().size());
        assertNotNull(firstPage.nextToken());
        // executions started between two pages move the others down: the next page still begins after e4
        for (int i = 0; i < 3; i++) {
            int n = i;
            await(sfn.startExecution(b -> b.stateMachineArn(machine).name("late" + n)).executionArn());
        }
        var secondPage = sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(3).nextToken(firstPage.nextToken()));
        assertEquals(List.of("e3", "e2", "e1"), secondPage.executions().stream().map(e -> e.name()).toList()); // was e6, e5, e4 again
        String arn = firstPage.executions().get(0).executionArn();
        List<Long> ids = sfn.getExecutionHistoryPaginator(b -> b.executionArn(arn).maxResults(1).reverseOrder(true))
                .events().stream().map(HistoryEvent::id).collect(Collectors.toList());
        assertEquals(List.of(4L, 3L, 2L, 1L), ids);
        var noData = sfn.getExecutionHistory(b -> b.executionArn(arn).includeExecutionData(false)).events();
        assertNull(noData.get(0).executionStartedEventDetails().input());
        assertEquals(0, sfn.listExecutions(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.FAILED))
                .executions().size());
    }
}
