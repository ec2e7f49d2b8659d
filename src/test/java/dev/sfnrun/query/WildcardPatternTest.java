package dev.sfnrun.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** StringMatches: the meaning of *, \* and \\, and no backtracking whatever the pattern. */
class WildcardPatternTest {
    @Test
    void starsEscapesAndLiterals() {
        assertTrue(WildcardPattern.compile("log-*.txt").matches("log-2024.txt"));
        assertTrue(WildcardPattern.compile("*").matches(""));
        assertTrue(WildcardPattern.compile("a*b*c").matches("abc"));
        assertFalse(WildcardPattern.compile("a*b*c").matches("acb"));
        assertTrue(WildcardPattern.compile("a\\*b").matches("a*b"));
        assertFalse(WildcardPattern.compile("a\\*b").matches("axb"));
        assertTrue(WildcardPattern.compile("a\\\\*").matches("a\\xyz"));
        assertTrue(WildcardPattern.compile("\\d").matches("\\d"));
        assertFalse(WildcardPattern.compile("ab*ba").matches("aba")); // the pieces may not overlap
        assertTrue(WildcardPattern.compile("ab*ba").matches("abba"));
    }

    @Test
    void manyStarsRunInLinearTime() {
        String pattern = "a*".repeat(5_000) + "b";
        String text = "a".repeat(200_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(WildcardPattern.compile(pattern).matches(text)));
    }

    /** The same answer as the regular expression it stands for, on small random patterns and texts. */
    @Property(tries = 2000)
    void agreesWithARegex(@ForAll("patterns") String pattern, @ForAll("texts") String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
        }
        assertEquals(Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches(),
                WildcardPattern.compile(pattern).matches(text), pattern + " / " + text);
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars("ab*").ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab").ofMaxLength(10);
    }
}
