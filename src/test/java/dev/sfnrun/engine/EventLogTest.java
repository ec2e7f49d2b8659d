package dev.sfnrun.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.engine.time.Clock;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history ends with the execution, as on AWS. */
class EventLogTest {
    @Test
    void nothingIsWrittenAfterTheExecutionsEnd() {
        List<HistoryEvent> heard = new ArrayList<>();
        EventLog log = new EventLog(Clock.forScale(0), List.of(heard::add), true);
        log.appendAfter(0, EventType.ExecutionStarted, (dev.sfnrun.history.EventDetails) null);
        log.appendAfter(1, EventType.ExecutionFailed, (dev.sfnrun.history.EventDetails) null);
        // a branch's thread still finishing after the execution failed
        log.appendAfter(1, EventType.MapIterationAborted, (dev.sfnrun.history.EventDetails) null);
        assertEquals(List.of(EventType.ExecutionStarted, EventType.ExecutionFailed),
                log.events().stream().map(HistoryEvent::type).toList());
        assertEquals(2, heard.size());
        assertEquals(2, log.count());
    }

    @Test
    void manyMapsFailingAtOnceEndTheHistoryWithTheExecution() throws Exception {
        // 60 iterations whose inner Maps fail at once: the outer Map fails while the others' failures and
        // aborts are still being written (they came after ExecutionFailed, in the history and to listeners)
        StateMachine machine = DefinitionParser.parse(Json.mapper().readTree("""
                {"StartAt":"Outer","States":{"Outer":{"Type":"Map","ItemsPath":"$.items","End":true,
                  "ItemSelector":{"items.$":"$.items"},
                  "ItemProcessor":{"StartAt":"Inner","States":{"Inner":{"Type":"Map","ItemsPath":"$.items",
                    "MaxConcurrency":3,"End":true,"ItemProcessor":{"StartAt":"C","States":{
                      "C":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":36,"Next":"F"}],"Default":"P"},
                      "P":{"Type":"Pass","End":true},"F":{"Type":"Fail","Error":"Bad"}}}}}}}}}"""));
        StringBuilder items = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 60; i++) {
            items.append(i == 0 ? "" : ",").append(i);
        }
        String input = items.append("]}").toString();
        for (int round = 0; round < 5; round++) {
            List<HistoryEvent> heard = Collections.synchronizedList(new ArrayList<>());
            ExecutionListener listener = heard::add;
            ExecutionOptions options = ExecutionOptions.defaults().withType(ExecutionType.EXPRESS)
                    .withRecordHistory(true).withListeners(List.of(listener));
            ExecutionResult result = new Execution(machine, Json.mapper().readTree(input), input, options).run();
            List<HistoryEvent> history = result.events();
            assertEquals(EventType.ExecutionFailed, history.get(history.size() - 1).type());
            assertEquals(history.size(), heard.size(), "round " + round);
            assertEquals(EventType.ExecutionFailed, heard.get(heard.size() - 1).type(), "round " + round);
        }
    }
}
