package dev.sfnrun.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sfnrun.query.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrierTest {
    static Retrier parseOne(String retrier) throws Exception {
        String definition = "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":"
                + "\"arn:aws:lambda:us-east-1:123456789012:function:F\",\"Retry\":[" + retrier + "],\"End\":true}}}";
        StateMachine machine = DefinitionParser.parse(Json.mapper().readTree(definition));
        return machine.graph().state("T").retry().get(0);
    }

    @Test
    void defaultsAreAwss() throws Exception {
        Retrier retrier = parseOne("{\"ErrorEquals\":[\"States.ALL\"]}");
        assertEquals(List.of("States.ALL"), retrier.errorEquals());
        assertEquals(1.0, retrier.intervalSeconds());
        assertEquals(3, retrier.maxAttempts());
        assertEquals(2.0, retrier.backoffRate());
        assertNull(retrier.maxDelaySeconds());
        assertEquals(Retrier.JitterStrategy.NONE, retrier.jitterStrategy());
    }

    @Test
    void delayGrowsByTheBackoffRate() {
        Retrier retrier = new Retrier(List.of("E"), 1, 3, 2.0, null, Retrier.JitterStrategy.NONE);
        assertEquals(1.0, retrier.delaySeconds(1));
        assertEquals(2.0, retrier.delaySeconds(2));
        assertEquals(4.0, retrier.delaySeconds(3));
    }

    @Test
    void fractionalBackoffAndTheMaxDelayCap() throws Exception {
        Retrier retrier = parseOne("{\"ErrorEquals\":[\"E\"],\"IntervalSeconds\":3,\"BackoffRate\":1.5,"
                + "\"MaxAttempts\":5,\"MaxDelaySeconds\":5,\"JitterStrategy\":\"FULL\"}");
        assertEquals(3.0, retrier.delaySeconds(1));
        assertEquals(4.5, retrier.delaySeconds(2));
        assertEquals(5.0, retrier.delaySeconds(3), "6.75 capped at MaxDelaySeconds");
        assertEquals(5.0, retrier.delaySeconds(4));
        assertEquals(Retrier.JitterStrategy.FULL, retrier.jitterStrategy());
    }

    @Test
    void backoffRateOneKeepsTheIntervalConstant() {
        Retrier retrier = new Retrier(List.of("E"), 7, 3, 1.0, null, Retrier.JitterStrategy.NONE);
        assertEquals(7.0, retrier.delaySeconds(1));
        assertEquals(7.0, retrier.delaySeconds(3));
    }
}
