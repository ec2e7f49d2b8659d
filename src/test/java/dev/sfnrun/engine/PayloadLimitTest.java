package dev.sfnrun.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import org.junit.jupiter.api.Test;

class PayloadLimitTest {
    /** A JSON string whose text (with its two quotes) is exactly {@code bytes} long. */
    private static TextNode stringOfBytes(int bytes) {
        return TextNode.valueOf("a".repeat(bytes - 2));
    }

    @Test
    void exactly256KiBIsAllowedOneByteMoreIsNot() {
        assertFalse(PayloadLimit.exceeds(stringOfBytes(262_144)));
        assertTrue(PayloadLimit.exceeds(stringOfBytes(262_145)));
    }

    @Test
    void bytesAreCountedInUtf8() {
        // 87,382 three-byte characters: 262,146 bytes + 2 quotes, though only 87,384 chars
        assertTrue(PayloadLimit.exceeds(TextNode.valueOf("\u20ac".repeat(87_382))));
        assertFalse(PayloadLimit.exceeds(TextNode.valueOf("\u20ac".repeat(87_380))));
    }

    @Test
    void aCharacterBeyondTheBmpIsFourBytesAsInUtf8() {
        // 65,535 emoji: 262,140 bytes + 2 quotes fit; one more does not (as escapes they would be 786,422)
        assertFalse(PayloadLimit.exceeds(TextNode.valueOf("\ud83d\ude00".repeat(65_535))));
        assertTrue(PayloadLimit.exceeds(TextNode.valueOf("\ud83d\ude00".repeat(65_536))));
        assertEquals(6, PayloadLimit.size(TextNode.valueOf("\ud83d\ude00"), Long.MAX_VALUE));
    }

    @Test
    void nestedValuesCountTheirWholeCompactText() {
        var array = Json.array();
        for (int i = 0; i < 30_000; i++) {
            array.add("abcdefg"); // 10 bytes each with quotes and comma
        }
        assertTrue(PayloadLimit.exceeds(array));
        assertFalse(PayloadLimit.exceeds(Json.object().put("small", 1)));
    }

    @Test
    void theErrorNamesTheSourceAsAwsDoes() {
        StatesError e = assertThrows(StatesError.class, () -> PayloadLimit.check(stringOfBytes(300_000), "State_1"));
        assertEquals("States.DataLimitExceeded", e.error());
        assertEquals("The state/task 'State_1' returned a result with a size exceeding the maximum number of bytes "
                + "service limit.", e.cause());
        assertFalse(e.isLocated());
    }

    @Test
    void aLongStringMetAgainIsCountedTheSameAndItsSizeDependsOnlyOnItsText() throws Exception {
        // escapes, multi-byte characters and a surrogate pair in a string past the length sized once per node
        String text = "q\"\\\n\u0001\u00e9\u20ac\ud83d\ude00".repeat(1_000) + "x".repeat(5_000);
        TextNode value = TextNode.valueOf(text);
        long whole = Json.compact(value).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        var payload = Json.object();
        payload.set("a", value);
        payload.set("b", Json.array().add(value).add(1.5));
        long expected = Json.compact(payload).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        for (int round = 0; round < 3; round++) { // the first counts, the others find the node again
            assertEquals(whole, PayloadLimit.size(value, Long.MAX_VALUE));
            assertEquals(expected, PayloadLimit.size(payload, Long.MAX_VALUE));
        }
        assertTrue(PayloadLimit.size(value, 1_000) > 1_000, "over a small limit");
        assertEquals(whole, PayloadLimit.size(value, whole), "then counted whole again under a larger one");
        assertEquals(whole, PayloadLimit.size(TextNode.valueOf(new String(text)), Long.MAX_VALUE), "an equal string elsewhere");
        assertFalse(PayloadLimit.exceeds(stringOfBytes(262_144)));
        TextNode over = stringOfBytes(262_145);
        assertTrue(PayloadLimit.exceeds(over));
        assertTrue(PayloadLimit.exceeds(over), "and again, from the cache");
    }
}
