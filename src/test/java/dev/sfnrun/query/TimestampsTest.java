package dev.sfnrun.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2016-03-14T01:59:00Z, 2016-03-14T01:59:00Z",
            "2016-03-14T01:59:00+01:00, 2016-03-14T00:59:00Z",
            "2016-03-14T01:59:00-05:30, 2016-03-14T07:29:00Z",
            "2016-03-14T01:59:00.5Z, 2016-03-14T01:59:00.500Z",
            "2023-12-13T07:10:01.00Z, 2023-12-13T07:10:01Z",
            "2016-03-05T21:29:29.243167252Z, 2016-03-05T21:29:29.243167252Z",
            "2016-03-05T21:29:29.2431672529999Z, 2016-03-05T21:29:29.243167252Z",
            "2024-02-29T23:59:59+00:00, 2024-02-29T23:59:59Z",
    })
    void parsesTimestamps(String text, String instant) {
        assertEquals(Optional.of(Instant.parse(instant)), Timestamps.parse(text));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {
            "2023-12-13T07:10:32.000000",
            "2023-02-24",
            "2016-03-14t01:59:00Z",
            "2016-03-14T01:59:00z",
            "2016-03-14 01:59:00Z",
            "2016-03-14T01:59Z",
            "2016-03-14T01:59:00.Z",
            "2016-03-14T01:59:00+0100",
            "2016-03-14T01:59:00+01",
            "05-12-2016T21:29:29Z",
            "2016-13-05T21:29:29Z",
            "2016-12-05T25:29:29Z",
            "2023-02-29T00:00:00Z",
            "2016-12-31T23:59:60Z",
            "2016-03-14T01:59:00+19:00",
            " 2016-03-14T01:59:00Z",
            "",
    })
    void rejectsOtherStrings(String text) {
        assertTrue(Timestamps.parse(text).isEmpty());
    }
}
