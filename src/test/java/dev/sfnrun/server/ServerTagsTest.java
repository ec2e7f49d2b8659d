package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TooManyTagsException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** Tags on state machines and activities through the AWS SDK for Java v2: the 50-tag quota, and what a tag must have. */
class ServerTagsTest {
    static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    static final String TOO_MANY = "Too many tags: a resource can have at most 50 tags";
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

    static List<Tag> tags(int count) {
        return IntStream.range(0, count).mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toList();
    }

    @Test
    void createStateMachineAndCreateActivityRefuseMoreThan50TagsAsTagResourceDoes() {
        String arn = sfn.createStateMachine(b -> b.name("plain").definition(PASS).roleArn(ServerSdkTest.ROLE)).stateMachineArn();
        TooManyTagsException tagging = assertThrows(TooManyTagsException.class,
                () -> sfn.tagResource(b -> b.resourceArn(arn).tags(tags(51))));
        assertEquals(TOO_MANY, tagging.awsErrorDetails().errorMessage());
        TooManyTagsException machine = assertThrows(TooManyTagsException.class,
                () -> sfn.createStateMachine(b -> b.name("many").definition(PASS).roleArn(ServerSdkTest.ROLE).tags(tags(51))));
        assertEquals(TOO_MANY, machine.awsErrorDetails().errorMessage());
        assertEquals(arn.replace(":plain", ":many"), machine.resourceName());
        TooManyTagsException activity = assertThrows(TooManyTagsException.class,
                () -> sfn.createActivity(b -> b.name("many").tags(tags(51))));
        assertEquals(TOO_MANY, activity.awsErrorDetails().errorMessage());
        // nothing was created
        assertTrue(sfn.listStateMachines(b -> { }).stateMachines().stream().noneMatch(m -> m.name().equals("many")));
        assertTrue(sfn.listActivities(b -> { }).activities().stream().noneMatch(a -> a.name().equals("many")));
        // 50 are allowed
        String fifty = sfn.createStateMachine(b -> b.name("fifty").definition(PASS).roleArn(ServerSdkTest.ROLE).tags(tags(50)))
                .stateMachineArn();
        assertEquals(50, sfn.listTagsForResource(b -> b.resourceArn(fifty)).tags().size());
        sfn.tagResource(b -> b.resourceArn(fifty).tags(Tag.builder().key("k1").value("new").build()));
    }
    @Test
    void aTagWithoutAKeyIsRefusedNotStoredUnderAnEmptyKey() {
        String arn = sfn.createStateMachine(b -> b.name("keyless").definition(PASS).roleArn(ServerSdkTest.ROLE)).stateMachineArn();
        Tag keyless = Tag.builder().value("v").build();
        ValidationException tagging = assertThrows(ValidationException.class, () -> sfn.tagResource(b -> b.resourceArn(arn)
                .tags(Tag.builder().key("a").value("1").build(), keyless, keyless)));
        assertEquals("2 validation errors detected: Value null at 'tags.2.member.key' failed to satisfy constraint: Member must "
                + "not be null; Value null at 'tags.3.member.key' failed to satisfy constraint: Member must not be null",
                tagging.awsErrorDetails().errorMessage());
        assertEquals(List.of(), sfn.listTagsForResource(b -> b.resourceArn(arn)).tags());
        ValidationException creating = assertThrows(ValidationException.class,
                () -> sfn.createStateMachine(b -> b.name("keyless2").definition(PASS).roleArn(ServerSdkTest.ROLE).tags(keyless)));
        assertEquals("1 validation error detected: Value null at 'tags.1.member.key' failed to satisfy constraint: Member must "
                + "not be null", creating.awsErrorDetails().errorMessage());
        assertThrows(ValidationException.class, () -> sfn.createActivity(b -> b.name("keyless").tags(keyless)));
        // a tag without a value has the empty value (TagValue's length is 0..256)
        sfn.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("k").build()));
        assertEquals(List.of(Tag.builder().key("k").value("").build()), sfn.listTagsForResource(b -> b.resourceArn(arn)).tags());
    }
}
