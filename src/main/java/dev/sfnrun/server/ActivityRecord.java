package dev.sfnrun.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An activity: a queue of tasks that workers take with GetActivityTask. */
public final class ActivityRecord {
    final String arn;
    final String name;
    final Instant creationDate;
    final Map<String, String> tags = new LinkedHashMap<>();

    ActivityRecord(String arn, String name, Instant creationDate) {
        this.arn = arn;
        this.name = name;
        this.creationDate = creationDate;
    }
}
