package dev.sfnrun.suite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** causeMatches in a time box: a pattern that backtracks without end fails the check instead of hanging the suite. */
class TimeBoxedTextTest {
    @Test
    void anOrdinaryPatternIsSearchedAsUsual() {
        assertTrue(TimeBoxedText.find(Pattern.compile("^Unknown \\w+!$"), "Unknown error!"));
        assertFalse(TimeBoxedText.find(Pattern.compile("^known"), "Unknown error!"));
        assertTrue(TimeBoxedText.find(Pattern.compile("(?<=a)b"), "ab")); // look-behind reads through subSequence too
    }

    @Test
    void aPatternThatBacktracksWithoutEndRunsOutOfItsBox() {
        Pattern endless = Pattern.compile("^(.*a){12}c");
        String cause = "a".repeat(42) + "b";
        assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(TimeBoxedText.TimedOut.class, () -> TimeBoxedText.find(endless, cause, 50)));
    }
}
