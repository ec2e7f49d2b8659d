package dev.sfnrun.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfnrun.history.Decision;
import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.task.TaskFailure;
import dev.sfnrun.task.load.TaskRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's decisions: which rule, retrier or catcher took each transition. */
class DecisionTest {
    private static List<String> decisions(String definition, String input, TaskRegistry tasks) {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        ExecutionListener listener = new ExecutionListener() {
            @Override
            public void onEvent(dev.sfnrun.history.HistoryEvent event) {
            }

            @Override
            public void onDecision(Decision d) {
                seen.add(d.state().name() + " " + d.kind() + (d.index() >= 0 ? "#" + d.index() : "")
                        + (d.next() != null ? " -> " + d.next() : "")
                        + (d.delay() != null ? " after " + d.delay() : "") + (d.error() != null ? " on " + d.error() : ""));
            }
        };
        Runs.run(definition, input, ExecutionOptions.defaults().withTasks(tasks).withListeners(List.of(listener)));
        return seen;
    }

    @Test
    void choiceRulesDefaultAndEnd() {
        String definition = """
                {"StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[
                     {"Variable":"$.n","NumericEquals":1,"Next":"One"},
                     {"Variable":"$.n","NumericEquals":2,"Next":"One"}],"Default":"Two"},
                  "One":{"Type":"Pass","Next":"Done"},
                  "Two":{"Type":"Succeed"},
                  "Done":{"Type":"Pass","End":true}}}""";
        assertEquals(List.of("C CHOICE_RULE#1 -> One", "One NEXT -> Done", "Done END"),
                decisions(definition, "{\"n\":2}", new TaskRegistry()));
        assertEquals(List.of("C CHOICE_DEFAULT -> Two", "Two END"), decisions(definition, "{\"n\":3}", new TaskRegistry()));
    }

    @Test
    void retriesAndCatchNameTheirClause() {
        String definition = """
                {"StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:F",
                       "Retry":[{"ErrorEquals":["Other"]},{"ErrorEquals":["Boom"],"IntervalSeconds":2,"MaxAttempts":1}],
                       "Catch":[{"ErrorEquals":["Other"],"Next":"X"},{"ErrorEquals":["States.ALL"],"Next":"Y"}],"End":true},
                  "X":{"Type":"Succeed"},
                  "Y":{"Type":"Fail","Error":"Caught"}}}""";
        TaskRegistry tasks = new TaskRegistry().bind("F", (in, ctx) -> {
            throw new TaskFailure("Boom", "no");
        });
        assertEquals(List.of("T RETRY#1 after " + Duration.ofSeconds(2) + " on Boom", "T CATCH#1 -> Y on Boom"),
                decisions(definition, "{}", tasks));
    }

    @Test
    void mapIterationsReportTheirStates() {
        String definition = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{
                  "P":{"Type":"Pass","End":true}}},"End":true}}}""";
        assertEquals(List.of("P END", "P END", "M END"), decisions(definition, "[1,2]", new TaskRegistry()));
    }

    @Test
    void distributedChildrenReportTheirStatesToo() {
        String definition = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{
                  "ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                  "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""";
        assertEquals(List.of("P END", "P END", "P END", "M END"), decisions(definition, "[1,2,3]", new TaskRegistry()));
    }
}
