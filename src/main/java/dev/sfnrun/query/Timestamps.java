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

    /** {@code instant} as AWS writes it, e.g. {@code 2024-11-05T09:12:45.078Z}. */
    public static String format(Instant instant) {
        return AWS.format(instant);
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
