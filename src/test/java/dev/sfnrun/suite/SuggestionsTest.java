package dev.sfnrun.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final SuiteMachine MACHINE = SuiteLoader.definitionText("definition", "m.asl.json", "m",
            "{\"StartAt\":\"Charge card\",\"States\":{\"Charge card\":{\"Type\":\"Pass\",\"Next\":\"Each\"},"
                    + "\"Each\":{\"Type\":\"Map\",\"ItemProcessor\":{\"StartAt\":\"Ship\",\"States\":"
                    + "{\"Ship\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}");

    @Test
    void aMisspeltStateGetsTheNearestIdIgnoringCase() {
        assertEquals(" (did you mean 'Charge card'?)", Suggestions.state(MACHINE, "charge crd"));
        assertEquals(" (did you mean 'Each/Ship'?)", Suggestions.state(MACHINE, "Each/Shp"));
    }

    @Test
    void aNameFarFromEveryStateGetsNoSuggestion() {
        assertEquals("", Suggestions.state(MACHINE, "Refund"));
        assertEquals("", Suggestions.state(MACHINE, "x".repeat(300))); // long names are never near
    }

    @Test
    void aMisspeltKeyGetsTheNearestElseTheKnownKeysInOrder() {
        assertEquals(" (did you mean 'outputContains'?)", Suggestions.key("outputcontain", Set.of("output", "outputContains", "status")));
        assertEquals(" (known: output, status)", Suggestions.key("definitely", Set.of("status", "output")));
    }
}
