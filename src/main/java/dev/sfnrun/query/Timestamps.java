package dev.sfnrun.query;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestamps of the States language (Choice's Timestamp operators, Wait's Timestamp fields): the
 * RFC 3339 profile of ISO 8601 with an uppercase {@code T} between date and time and either an
 * uppercase {@code Z} or a numeric offset, e.g. {@code 2016-03-14T01:59:00Z} or
 * {@code 2016-03-14T01:59:00.123+01:00}. Seconds are required; the fraction may have any number of
 * digits (precision beyond nanoseconds is dropped).
 */
public final class Timestamps {
    private static final Pattern FORMAT = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?(Z|[+-]\\d{2}:\\d{2})");

    /** How AWS writes a time (context object, history): UTC, milliseconds, always three digits. */
    private static final DateTimeFormatter AWS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** The date and time to the second of the last instant formatted (a run formats many in one second). */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    /** {@code instant} as AWS writes it, e.g. {@code 2024-11-05T09:12:45.078Z}. */
    public static String format(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        Second second = last;
        if (second.epochSecond() != epochSecond) {
            String text = AWS.format(instant);
            second = new Second(epochSecond, text.substring(0, text.length() - 4)); // up to the '.'
            last = second;
        }
        int millis = instant.getNano() / 1_000_000;
        StringBuilder out = new StringBuilder(second.text().length() + 4).append(second.text());
        return out.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10)).append('Z').toString();
    }

    /** The instant a timestamp names, or empty when the text is not a valid timestamp (e.g. month 13, no zone). */
    public static Optional<Instant> parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
            LocalTime time = LocalTime.of(number(m, 4), number(m, 5), number(m, 6), nanos(m.group(7)));
            ZoneOffset offset = ZoneOffset.of(m.group(8));
            return Optional.of(date.atTime(time).toInstant(offset));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String nine = (fraction + "000000000").substring(0, 9);
        return Integer.parseInt(nine);
    }
}
