package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineAliasResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** Versions and aliases through the real AWS SDK for Java v2: publishing, routing, executions through them, errors, --data-dir. */
class ServerVersionsTest {
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

    static String pass(String result) {
        return "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":\"" + result + "\",\"End\":true}}}";
    }

    static RoutingConfigurationListItem route(String versionArn, int weight) {
        return RoutingConfigurationListItem.builder().stateMachineVersionArn(versionArn).weight(weight).build();
    }

    static DescribeExecutionResponse await(SfnClient client, String executionArn) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            DescribeExecutionResponse described = client.describeExecution(b -> b.executionArn(executionArn));
            if (described.status() != ExecutionStatus.RUNNING || System.nanoTime() > until) {
                return described;
            }
            Thread.sleep(10);
        }
    }

    @Test
    void publishListDescribeAndDeleteVersions() {
        var created = sfn.createStateMachine(b -> b.name("versioned").definition(pass("one")).roleArn(ServerSdkTest.ROLE)
                .publish(true).versionDescription("first"));
        String machine = created.stateMachineArn();
        assertEquals(machine + ":1", created.stateMachineVersionArn());
        // the same revision is published once
        assertEquals(machine + ":1", sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn());
        var updated = sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(pass("two")).publish(true));
        assertEquals(machine + ":2", updated.stateMachineVersionArn());
        // an update that changes nothing keeps the revision, and publishing it again names the same version
        var same = sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(pass("two")).publish(true));
        assertEquals(updated.revisionId(), same.revisionId());
        assertEquals(machine + ":2", same.stateMachineVersionArn());

        DescribeStateMachineResponse v1 = sfn.describeStateMachine(b -> b.stateMachineArn(machine + ":1"));
        assertEquals(machine + ":1", v1.stateMachineArn());
        assertEquals(pass("one"), v1.definition());
        assertEquals("first", v1.description());
        assertEquals(pass("two"), sfn.describeStateMachine(b -> b.stateMachineArn(machine)).definition());
        assertEquals(List.of(machine + ":2", machine + ":1"), sfn.listStateMachineVersions(b -> b.stateMachineArn(machine))
                .stateMachineVersions().stream().map(v -> v.stateMachineVersionArn()).toList());

        // revisionId: publishing a revision that is no longer current is AWS's ConflictException
        String old = updated.revisionId();
        sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(pass("three")));
        String current = sfn.describeStateMachine(b -> b.stateMachineArn(machine)).revisionId();
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine).revisionId(old)));
        assertEquals("Failed to publish the State Machine version for revision " + old
                + ". The current State Machine revision is " + current + ".", conflict.awsErrorDetails().errorMessage());
        assertEquals(machine + ":3", sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine).revisionId(current)
                .description("third")).stateMachineVersionArn());

        // deleting: gone from the list, describing it is StateMachineDoesNotExist, numbers are never given again
        sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(machine + ":3"));
        sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(machine + ":3")); // again: succeeds, as on AWS
        StateMachineDoesNotExistException gone = assertThrows(StateMachineDoesNotExistException.class,
                () -> sfn.describeStateMachine(b -> b.stateMachineArn(machine + ":3")));
        assertEquals("State Machine Does Not Exist: '" + machine + ":3'", gone.awsErrorDetails().errorMessage());
        sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(pass("four")));
        assertEquals(machine + ":4", sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn());

        ValidationException description = assertThrows(ValidationException.class, () -> sfn.createStateMachine(b -> b
                .name("nopublish").definition(pass("x")).roleArn(ServerSdkTest.ROLE).versionDescription("d")));
        assertEquals("Version description can only be set when publish is true", description.awsErrorDetails().errorMessage());
        StateMachineDoesNotExistException missing = assertThrows(StateMachineDoesNotExistException.class,
                () -> sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine + "-none")));
        assertEquals("State Machine Does Not Exist: '" + machine + "-none'", missing.awsErrorDetails().errorMessage());
    }

    @Test
    void aRepeatedCreateWithPublishAnswersTheVersionThatHoldsTheRevision() {
        var first = sfn.createStateMachine(b -> b.name("createdTwice").definition(pass("x")).roleArn(ServerSdkTest.ROLE).publish(true));
        String machine = first.stateMachineArn();
        assertEquals(machine + ":1", first.stateMachineVersionArn());
        var again = sfn.createStateMachine(b -> b.name("createdTwice").definition(pass("x")).roleArn(ServerSdkTest.ROLE).publish(true));
        assertEquals(machine + ":1", again.stateMachineVersionArn());
        // created without publishing, then the same request with publish: the revision is published now
        String plain = sfn.createStateMachine(b -> b.name("publishedLater").definition(pass("x")).roleArn(ServerSdkTest.ROLE))
                .stateMachineArn();
        var later = sfn.createStateMachine(b -> b.name("publishedLater").definition(pass("x")).roleArn(ServerSdkTest.ROLE)
                .publish(true).versionDescription("v1"));
        assertEquals(plain + ":1", later.stateMachineVersionArn());
        assertEquals(List.of(plain + ":1"), sfn.listStateMachineVersions(b -> b.stateMachineArn(plain)).stateMachineVersions()
                .stream().map(v -> v.stateMachineVersionArn()).toList());
        assertEquals("v1", sfn.describeStateMachine(b -> b.stateMachineArn(plain + ":1")).description());
        // without publish the repeat names no version
        assertNull(sfn.createStateMachine(b -> b.name("publishedLater").definition(pass("x")).roleArn(ServerSdkTest.ROLE))
                .stateMachineVersionArn());
    }

    @Test
    void executionsThroughVersionsAndAliases() throws Exception {
        String machine = sfn.createStateMachine(b -> b.name("routed").definition(pass("v1")).roleArn(ServerSdkTest.ROLE)
                .publish(true)).stateMachineArn();
        String v2 = sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(pass("v2")).publish(true))
                .stateMachineVersionArn();
        String v1 = machine + ":1";
        sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(pass("latest")));

        String byVersion = sfn.startExecution(b -> b.stateMachineArn(v1).name("by-version")).executionArn();
        assertEquals(machine.replace(":stateMachine:", ":execution:") + ":by-version", byVersion);
        DescribeExecutionResponse described = await(sfn, byVersion);
        assertEquals("\"v1\"", described.output());
        assertEquals(machine, described.stateMachineArn());
        assertEquals(v1, described.stateMachineVersionArn());
        assertNull(described.stateMachineAliasArn());

        String alias = sfn.createStateMachineAlias(b -> b.name("PROD").description("production")
                .routingConfiguration(route(v1, 30), route(v2, 70))).stateMachineAliasArn();
        assertEquals(machine + ":PROD", alias);
        Map<String, Integer> outputs = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            String arn = sfn.startExecution(b -> b.stateMachineArn(alias)).executionArn();
            DescribeExecutionResponse run = await(sfn, arn);
            assertEquals(alias, run.stateMachineAliasArn());
            assertEquals(run.output().equals("\"v1\"") ? v1 : v2, run.stateMachineVersionArn());
            outputs.merge(run.output(), 1, Integer::sum);
        }
        // 30 / 70 of 200: far outside 5 standard deviations (about 32) only by a broken router
        assertTrue(outputs.getOrDefault("\"v1\"", 0) > 28 && outputs.getOrDefault("\"v1\"", 0) < 92, outputs.toString());
        assertEquals(200, outputs.get("\"v1\"") + outputs.get("\"v2\""), outputs.toString());

        List<ExecutionListItem> throughV1 = sfn.listExecutions(b -> b.stateMachineArn(v1)).executions();
        assertTrue(throughV1.stream().allMatch(e -> v1.equals(e.stateMachineVersionArn())), throughV1.toString());
        assertEquals(1 + outputs.get("\"v1\""), throughV1.size());
        assertEquals(200, sfn.listExecutions(b -> b.stateMachineArn(alias).maxResults(1000)).executions().size());
        assertEquals(machine, sfn.describeStateMachineForExecution(b -> b.executionArn(byVersion)).stateMachineArn());
        assertEquals(pass("v1"), sfn.describeStateMachineForExecution(b -> b.executionArn(byVersion)).definition());

        // aliases: describe, update, list, the conflicts AWS records
        sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(alias).routingConfiguration(route(v2, 100)));
        DescribeStateMachineAliasResponse described2 = sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias));
        assertEquals("PROD", described2.name());
        assertEquals("production", described2.description());
        assertEquals(List.of(route(v2, 100)), described2.routingConfiguration());
        assertEquals("\"v2\"", await(sfn, sfn.startExecution(b -> b.stateMachineArn(alias)).executionArn()).output());
        ConflictException referenced = assertThrows(ConflictException.class,
                () -> sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v2)));
        assertEquals("Version to be deleted must not be referenced by an alias. Current list of aliases referencing "
                + "this version: [PROD]", referenced.awsErrorDetails().errorMessage());
        ConflictException again = assertThrows(ConflictException.class, () -> sfn.createStateMachineAlias(b -> b
                .name("PROD").routingConfiguration(route(v1, 100))));
        assertEquals("Failed to create alias because an alias with the same name and a different routing configuration "
                + "already exists.", again.awsErrorDetails().errorMessage());
        sfn.createStateMachineAlias(b -> b.name("BETA").routingConfiguration(route(v1, 100)));
        assertEquals(List.of(alias, machine + ":BETA"), sfn.listStateMachineAliases(b -> b.stateMachineArn(machine))
                .stateMachineAliases().stream().map(a -> a.stateMachineAliasArn()).toList());
        assertEquals(List.of(machine + ":BETA"), sfn.listStateMachineAliases(b -> b.stateMachineArn(v1))
                .stateMachineAliases().stream().map(a -> a.stateMachineAliasArn()).toList());
        sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":BETA"));
        sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":BETA")); // again: succeeds, as recorded
        ResourceNotFoundException notFound = assertThrows(ResourceNotFoundException.class,
                () -> sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":BETA").description("x")));
        assertEquals("Request references a resource that does not exist.", notFound.awsErrorDetails().errorMessage());
        assertThrows(ResourceNotFoundException.class, () -> sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":BETA")));
        assertThrows(StateMachineDoesNotExistException.class, () -> sfn.startExecution(b -> b.stateMachineArn(machine + ":BETA")));
        assertThrows(StateMachineDoesNotExistException.class, () -> sfn.startExecution(b -> b.stateMachineArn(machine + ":9")));
    }

    @Test
    void routingConfigurationIsCheckedAsOnAws() {
        String machine = sfn.createStateMachine(b -> b.name("checked").definition(pass("a")).roleArn(ServerSdkTest.ROLE)
                .publish(true)).stateMachineArn();
        String v1 = machine + ":1";
        String v2 = sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(pass("b")).publish(true))
                .stateMachineVersionArn();
        assertEquals("Routing configuration must contain state machine version ARNs. Received: [" + machine + "]",
                aliasError(route(machine, 100)));
        assertEquals("Routing configuration must contain state machine version ARNs. Received: [" + machine + ", " + v2 + "]",
                aliasError(route(machine, 50), route(v2, 50)));
        assertEquals("Routing configuration must contain distinct state machine version ARNs. Received: [" + v1 + ", " + v1 + "]",
                aliasError(route(v1, 50), route(v1, 50)));
        assertEquals("Sum of routing configuration weights must equal 100. Received: [70, 29]", aliasError(route(v1, 70), route(v2, 29)));
        assertEquals("Sum of routing configuration weights must equal 100. Received: [70, 31]", aliasError(route(v1, 70), route(v2, 31)));
        assertEquals("1 validation error detected: Value '101' at 'routingConfiguration.1.member.weight' failed to satisfy "
                + "constraint: Member must have value less than or equal to 100", aliasError(route(v1, 101)));
        ValidationException name = assertThrows(ValidationException.class, () -> sfn.createStateMachineAlias(b -> b
                .name("INVALID ALIAS").routingConfiguration(route(v1, 100))));
        assertEquals("1 validation error detected: Value 'INVALID ALIAS' at 'name' failed to satisfy constraint: Member must "
                + "satisfy regular expression pattern: ^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$", name.awsErrorDetails().errorMessage());
    }

    private static String aliasError(RoutingConfigurationListItem... routes) {
        return assertThrows(ValidationException.class, () -> sfn.createStateMachineAlias(b -> b.name("a-lias")
                .routingConfiguration(routes))).awsErrorDetails().errorMessage();
    }

    @Test
    void versionsAliasesAndQualifiedExecutionsSurviveARestart(@TempDir Path dir) throws Exception {
        ServerOptions options = ServerOptions.defaults().withPort(0).withTimeScale(0).withDataDir(dir);
        String machine;
        String execution;
        try (SfnServer first = SfnServer.start(options, System.err); SfnClient client = SdkClients.client(first.port())) {
            machine = client.createStateMachine(b -> b.name("kept").definition(pass("v1")).roleArn(ServerSdkTest.ROLE)
                    .publish(true).versionDescription("one")).stateMachineArn();
            client.updateStateMachine(b -> b.stateMachineArn(machine).definition(pass("v2")).publish(true));
            client.deleteStateMachineVersion(b -> b.stateMachineVersionArn(machine + ":2"));
            client.createStateMachineAlias(b -> b.name("live").description("d").routingConfiguration(route(machine + ":1", 100)));
            execution = client.startExecution(b -> b.stateMachineArn(machine + ":live")).executionArn();
            assertEquals(ExecutionStatus.SUCCEEDED, await(client, execution).status());
        }
        try (SfnServer second = SfnServer.start(options, System.err); SfnClient client = SdkClients.client(second.port())) {
            assertEquals(List.of(machine + ":1"), client.listStateMachineVersions(b -> b.stateMachineArn(machine))
                    .stateMachineVersions().stream().map(v -> v.stateMachineVersionArn()).toList());
            assertEquals("one", client.describeStateMachine(b -> b.stateMachineArn(machine + ":1")).description());
            assertEquals(List.of(route(machine + ":1", 100)), client.describeStateMachineAlias(b -> b
                    .stateMachineAliasArn(machine + ":live")).routingConfiguration());
            DescribeExecutionResponse described = client.describeExecution(b -> b.executionArn(execution));
            assertEquals(machine + ":live", described.stateMachineAliasArn());
            assertEquals(machine + ":1", described.stateMachineVersionArn());
            // version 2 was deleted before the restart: its number is not given again
            assertEquals(machine + ":3", client.publishStateMachineVersion(b -> b.stateMachineArn(machine))
                    .stateMachineVersionArn());
            assertEquals("\"v1\"", await(client, client.startExecution(b -> b.stateMachineArn(machine + ":live"))
                    .executionArn()).output());
        }
    }
}
