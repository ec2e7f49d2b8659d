package dev.sfnrun.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfnrun.query.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DefinitionParserTest {
    static StateMachine parse(String json) throws Exception {
        return DefinitionParser.parse(Json.mapper().readTree(json));
    }

    static DefinitionException rejected(String json) {
        return assertThrows(DefinitionException.class, () -> parse(json));
    }

    @Test
    void theTutorialParsesIntoItsStates() throws Exception {
        StateMachine machine = DefinitionParser.parse(Json.mapper().readTree(
                Files.readString(Path.of("definitions/api-error-handling.asl.json"))));
        assertEquals("Call API", machine.graph().startAt());
        TaskState call = assertInstanceOf(TaskState.class, machine.graph().start());
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:MockAPIFunction", call.resource());
        assertEquals(1, call.retry().size());
        assertEquals(3, call.catchers().size());
        assertEquals("Wait and Try Later", call.catchers().get(0).next());
        assertEquals(QueryLanguage.JSONPATH, machine.queryLanguage());
    }

    @Test
    void everyStateTypeParses() throws Exception {
        StateMachine machine = parse("""
                {"StartAt":"T","TimeoutSeconds":30,"States":{
                 "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:F","Next":"P"},
                 "P":{"Type":"Pass","Result":{"a":1},"Next":"C"},
                 "C":{"Type":"Choice","Choices":[{"Variable":"$.a","NumericEquals":1,"Next":"W"}],"Default":"F"},
                 "W":{"Type":"Wait","Seconds":5,"Next":"Par"},
                 "Par":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}],"Next":"M"},
                 "M":{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"Next":"S"},
                 "S":{"Type":"Succeed"},
                 "F":{"Type":"Fail","Error":"E","Cause":"c"}}}""");
        assertEquals(8, machine.graph().states().size());
        assertEquals(30, machine.timeoutSeconds());
        assertInstanceOf(ParallelState.class, machine.graph().state("Par"));
        assertInstanceOf(MapState.class, machine.graph().state("M"));
        assertInstanceOf(FailState.class, machine.graph().state("F"));
        assertEquals(5L, ((WaitState) machine.graph().state("W")).seconds());
    }

    @Test
    void anUnknownFieldNamesTheStateAndField() {
        DefinitionException e = rejected("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Foo\":1,\"End\":true}}}");
        assertEquals("/States/A/Foo", e.pointer());
        assertTrue(e.getMessage().contains("Foo"), e.getMessage());
    }

    @Test
    void aMissingTransitionTargetIsRejected() {
        DefinitionException e = rejected("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}");
        assertTrue(e.getMessage().contains("Nowhere"), e.getMessage());
    }

    @Test
    void aMalformedPathIsRejectedAtLoad() {
        DefinitionException e = rejected("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"InputPath\":\"$..[?(\",\"End\":true}}}");
        assertEquals("/States/A/InputPath", e.pointer());
    }

    @Test
    void aMalformedIntrinsicIsRejectedAtLoad() {
        DefinitionException e = rejected("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\","
                + "\"Parameters\":{\"x.$\":\"States.Format('{}'\"},\"End\":true}}}");
        assertTrue(e.pointer().startsWith("/States/A/Parameters"), e.pointer());
    }
}
