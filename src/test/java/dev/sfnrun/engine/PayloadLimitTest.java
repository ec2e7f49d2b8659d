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
}
