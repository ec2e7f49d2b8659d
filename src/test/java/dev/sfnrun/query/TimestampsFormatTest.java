package dev.sfnrun.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Timestamps.format, which reuses the text of the last second it formatted, writes what the formatter writes. */
class TimestampsFormatTest {
    private static final DateTimeFormatter AWS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void sameTextAsTheFormatterWithinAndAcrossSeconds() {
        Random random = new Random(17);
        long base = Instant.parse("2026-12-06T05:42:44Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long second = base + random.nextInt(5) - (i % 7 == 0 ? 86_400L * random.nextInt(40_000) : 0);
            Instant instant = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
            assertEquals(AWS.format(instant), Timestamps.format(instant), instant.toString());
        }
        assertEquals("1970-01-01T00:00:00.000Z", Timestamps.format(Instant.EPOCH));
        assertEquals("1969-12-31T23:59:59.999Z", Timestamps.format(Instant.ofEpochSecond(-1, 999_999_999)));
    }
}
