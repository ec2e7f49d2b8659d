package dev.sfnrun.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.history.Payload;
import dev.sfnrun.query.Json;
import java.io.BufferedReader;
import java.io.RandomAccessFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store of {@code --data-dir DIR}: memory, and every change appended as one JSON line to
 * {@code DIR/journal.jsonl}, written through to the operating system at once (so it survives
 * {@code kill -9} of the server). On start the journal is read back; an execution that was
 * still running when the server went away is ABORTED then, with an ExecutionAborted event.
 * A line cut short by a crash is skipped. A change is written before memory shows it, so a write
 * that fails (a full disk) changes nothing; the directory is locked ({@value #LOCK}) while a
 * server uses it.
 */
public final class JournalStore extends MemoryStore {
    static final String FILE = "journal.jsonl";

    /**
     * How a line's bytes reach the journal file: {@code RandomAccessFile::write}, which an interrupt does not
     * stop (a {@code FileChannel} is closed for good when a thread writing to it is interrupted, as a stopped
     * execution's thread is); a test's may fail on demand (a full disk).
     */
    @FunctionalInterface
    interface Writes {
        void write(RandomAccessFile file, byte[] bytes) throws IOException;
    }

    static final String LOCK = "sfn-run.lock";

    private final Path dir;
    private final FileLock lock;
    private final RandomAccessFile channel;
    private final Writes writes;
    /** The journal's length after its last whole line: a failed write is cut back to it. */
    private long good;
    /** A failed write could not be cut back: the next line starts with a newline of its own. */
    private boolean torn;

    private JournalStore(Path dir, RandomAccessFile channel, Writes writes, FileLock lock) throws IOException {
        this.dir = dir;
        this.lock = lock;
        this.channel = channel;
        this.writes = writes;
        this.good = channel.length();
    }

    /** @throws UncheckedIOException when the directory cannot be made or read */
    static JournalStore open(Path dir) {
        return open(dir, RandomAccessFile::write);
    }

    /** {@link #open(Path)} with the journal's writes made by {@code writes}. */
    static JournalStore open(Path dir, Writes writes) {
        FileLock lock = null;
        RandomAccessFile channel = null;
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new IOException("it is not a directory");
            }
            Files.createDirectories(dir);
            lock = lock(dir);
            Path file = dir.resolve(FILE);
            List<ObjectNode> lines = new ArrayList<>();
            if (Files.exists(file) && !Files.isRegularFile(file)) { // a named pipe would block the start for ever
                throw new IOException(file + " is not a regular file");
            }
            if (Files.exists(file)) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        try {
                            if (Json.parse(line) instanceof ObjectNode object) {
                                lines.add(object);
                            }
                        } catch (IOException e) {
                            // a line cut short by a crash
                        }
                    }
                }
            }
            channel = new RandomAccessFile(file.toFile(), "rw");
            JournalStore store = new JournalStore(dir, channel, writes, lock);
            if (endsCutShort(file)) { // the next line starts on a line of its own, not glued to the torn one
                store.torn = true;
            }
            store.replay(lines);
            return store;
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException again) {
                    // the lock's release below is what matters
                }
            }
            release(lock);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot use the data directory " + dir + ": " + e.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * The directory's lock ({@value #LOCK}), held while the server runs: a second server on the same
     * directory would abort the first one's executions and interleave its lines with the first's.
     */
    private static FileLock lock(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) { // held by this process already
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("it is in use by another sfn-run serve");
        }
        return lock;
    }

    private static void release(FileLock lock) {
        if (lock != null) {
            try {
                lock.channel().close(); // releases the lock
            } catch (IOException e) {
                // the process's exit releases it
            }
        }
    }

    /** Whether the file's last line has no newline: a write cut short by a crash. */
    private static boolean endsCutShort(Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
            if (channel.size() == 0) {
                return false;
            }
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(last);
            return last.get(0) != '\n';
        }
    }

    private void replay(List<ObjectNode> lines) {
        Map<String, ObjectNode> machines = new LinkedHashMap<>();
        Map<String, ObjectNode> activities = new LinkedHashMap<>();
        Map<String, ObjectNode> executions = new LinkedHashMap<>();
        // each execution's events: those of its last end, then those written since, one line each
        Map<String, List<JsonNode>> events = new HashMap<>();
        for (ObjectNode line : lines) {
            String arn = line.path("arn").asText();
            switch (line.path("kind").asText()) {
                case "stateMachine" -> machines.put(arn, line);
                case "deleteStateMachine" -> machines.remove(arn);
                case "activity" -> activities.put(arn, line);
                case "deleteActivity" -> activities.remove(arn);
                case "execution" -> {
                    executions.put(arn, line);
                    if (!"RUNNING".equals(line.path("status").asText())) { // an end holds every event so far
                        List<JsonNode> kept = new ArrayList<>();
                        line.withArray("events").forEach(kept::add);
                        events.put(arn, kept);
                    }
                }
                case "event" -> events.computeIfAbsent(arn, k -> new ArrayList<>()).add(line.get("event"));
                default -> {
                }
            }
        }
        for (ObjectNode line : machines.values()) {
            try {
                StateMachineRecord machine = new StateMachineRecord(line.get("arn").asText(), line.get("name").asText(),
                        ExecutionType.valueOf(line.get("type").asText()), instant(line.get("creationDate")),
                        revision(line.get("revision"), ExecutionType.valueOf(line.get("type").asText())));
                tags(machine.tags, line.get("tags"));
                VersionJournal.read(machine, line.get("versions"));
                super.saveStateMachine(machine);
            } catch (RuntimeException e) {
                // a definition this version cannot load: left out
            }
        }
        for (ObjectNode line : activities.values()) {
            ActivityRecord activity = new ActivityRecord(line.get("arn").asText(), line.get("name").asText(),
                    instant(line.get("creationDate")));
            tags(activity.tags, line.get("tags"));
            super.saveActivity(activity);
        }
        for (ObjectNode line : executions.values()) {
            ExecutionRecord record;
            try {
                record = execution(line, events.getOrDefault(line.path("arn").asText(), List.of()));
            } catch (RuntimeException e) {
                continue;
            }
            super.saveExecution(record);
            if (record.status() == ExecutionRecord.Status.RUNNING) {
                abort(record);
                saveExecution(record);
            }
        }
    }

    /** An execution the server did not see end: ABORTED, as the restart found it. */
    private static void abort(ExecutionRecord record) {
        List<HistoryEvent> events = record.events();
        Instant now = Instant.now();
        long last = events.isEmpty() ? 0 : events.get(events.size() - 1).id();
        if (events.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("input", new Payload(Json.object(), record.input));
            details.put("inputDetails", Map.of("truncated", false));
            details.put("roleArn", record.revision.roleArn());
            record.add(new HistoryEvent(1, 0, record.startDate, EventType.ExecutionStarted, details));
            last = 1;
        }
        record.add(new HistoryEvent(last + 1, last, now, EventType.ExecutionAborted,
                Map.of("error", "States.Runtime", "cause", "The server stopped while the execution was running")));
        record.end(ExecutionRecord.Status.ABORTED, now, null, "States.Runtime",
                "The server stopped while the execution was running");
        record.cutByServerEnd(true);
    }

    private static ExecutionRecord execution(ObjectNode line, List<JsonNode> events) {
        StateMachineRecord.Revision revision = revision(line.get("revision"), ExecutionType.STANDARD);
        ExecutionRecord record = new ExecutionRecord(line.get("arn").asText(), line.get("name").asText(),
                line.get("stateMachineArn").asText(), revision, line.get("input").asText(), instant(line.get("startDate")));
        List<JsonNode> ordered = new ArrayList<>(events);
        ordered.sort(java.util.Comparator.comparingLong(event -> event.get("id").asLong())); // written from several threads
        for (JsonNode event : ordered) {
            record.add(new HistoryEvent(event.get("id").asLong(), event.get("previousEventId").asLong(),
                    instant(event.get("timestamp")), EventType.valueOf(event.get("type").asText()),
                    details(event.path(EventType.valueOf(event.get("type").asText()).detailsKey()))));
        }
        Map<String, Instant> redriveTokens = new java.util.LinkedHashMap<>();
        line.path("redriveTokens").fields().forEachRemaining(token -> redriveTokens.put(token.getKey(), instant(token.getValue())));
        record.restoreRedrives(line.path("redriveCount").asInt(), line.hasNonNull("redriveDate")
                ? instant(line.get("redriveDate")) : null, redriveTokens);
        record.qualify(text(line, "stateMachineVersionArn"), text(line, "stateMachineAliasArn"));
        ExecutionRecord.Status status = ExecutionRecord.Status.valueOf(line.get("status").asText());
        if (status != ExecutionRecord.Status.RUNNING) {
            record.end(status, instant(line.get("stopDate")), text(line, "output"), text(line, "error"), text(line, "cause"));
            if (line.hasNonNull("resumePoint")) {
                record.resumeAt(dev.sfnrun.engine.ResumePoint.fromJson(line.get("resumePoint")));
            }
            record.cutByServerEnd(line.path("cutByServerEnd").asBoolean());
        }
        return record;
    }

    /** Details as the events carried them: strings, numbers, booleans and nested objects. */
    private static Map<String, Object> details(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                map.put(field.getKey(), details(value));
            } else if (value.isBoolean()) {
                map.put(field.getKey(), value.asBoolean());
            } else if (value.isInt()) {
                map.put(field.getKey(), value.asInt());
            } else if (value.isIntegralNumber()) {
                map.put(field.getKey(), value.asLong());
            } else {
                map.put(field.getKey(), payloadOrText(field.getKey(), value.asText()));
            }
        }
        return map;
    }

    private static Object payloadOrText(String key, String text) {
        if (key.equals("input") || key.equals("output") || key.equals("parameters")) {
            try {
                return new Payload(Json.parse(text), text);
            } catch (IOException e) {
                return text;
            }
        }
        return text;
    }

    static StateMachineRecord.Revision revision(JsonNode node, ExecutionType type) {
        String definition = node.get("definition").asText();
        return new StateMachineRecord.Revision(definition, Definitions.compile(definition, type),
                node.get("roleArn").asText(), node.get("loggingConfiguration"), node.get("tracingConfiguration"),
                node.get("revisionId").asText(), instant(node.get("updateDate")));
    }

    static ObjectNode revision(StateMachineRecord.Revision revision) {
        ObjectNode node = Json.object();
        node.put("definition", revision.definition());
        node.put("roleArn", revision.roleArn());
        node.set("loggingConfiguration", revision.loggingConfiguration());
        node.set("tracingConfiguration", revision.tracingConfiguration());
        node.put("revisionId", revision.revisionId());
        WireJson.putTime(node, "updateDate", revision.updateDate());
        return node;
    }

    private static void tags(Map<String, String> into, JsonNode node) {
        if (node != null) {
            node.fields().forEachRemaining(field -> into.put(field.getKey(), field.getValue().asText()));
        }
    }

    private static ObjectNode tags(Map<String, String> tags) {
        ObjectNode node = Json.object();
        synchronized (tags) {
            tags.forEach(node::put);
        }
        return node;
    }

    private static Instant instant(JsonNode node) {
        BigDecimal seconds = node.decimalValue();
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }

    private static String text(JsonNode line, String member) {
        return line.hasNonNull(member) ? line.get(member).asText() : null;
    }

    /**
     * Appends one line, whole or not at all: a write that fails (a full disk) is cut back to the last
     * whole line, so the next line never glues to a torn one, and throws {@link JournalException}.
     * Callers write the line before they change memory, so a failure leaves both as they were.
     */
    private synchronized void append(ObjectNode line) {
        byte[] bytes = ((torn ? "\n" : "") + Json.compact(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            channel.seek(good);
            writes.write(channel, bytes);
            good = channel.getFilePointer();
            torn = false;
        } catch (IOException e) {
            try {
                channel.setLength(good);
            } catch (IOException | RuntimeException again) {
                torn = true;
            }
            throw new JournalException(dir, e);
        }
    }

    /** A journal line that could not be written: the change it recorded was not made. */
    static final class JournalException extends UncheckedIOException {
        JournalException(Path dir, IOException cause) {
            super("cannot write the journal in the data directory " + dir + ": " + reason(cause), cause);
        }

        private static String reason(IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    @Override
    public void saveStateMachine(StateMachineRecord machine) {
        ObjectNode line = Json.object().put("kind", "stateMachine").put("arn", machine.arn).put("name", machine.name)
                .put("type", machine.type.name());
        WireJson.putTime(line, "creationDate", machine.creationDate);
        line.set("revision", revision(machine.revision()));
        line.set("tags", tags(machine.tags));
        line.set("versions", VersionJournal.write(machine.versions));
        append(line);
        super.saveStateMachine(machine);
    }

    @Override
    public void deleteStateMachine(String arn) {
        append(Json.object().put("kind", "deleteStateMachine").put("arn", arn));
        super.deleteStateMachine(arn);
    }

    @Override
    public void saveActivity(ActivityRecord activity) {
        ObjectNode line = Json.object().put("kind", "activity").put("arn", activity.arn).put("name", activity.name);
        WireJson.putTime(line, "creationDate", activity.creationDate);
        line.set("tags", tags(activity.tags));
        append(line);
        super.saveActivity(activity);
    }

    @Override
    public void deleteActivity(String arn) {
        append(Json.object().put("kind", "deleteActivity").put("arn", arn));
        super.deleteActivity(arn);
    }

    @Override
    public void saveExecution(ExecutionRecord record) {
        ObjectNode line = Json.object().put("kind", "execution").put("arn", record.arn).put("name", record.name)
                .put("stateMachineArn", record.stateMachineArn).put("input", record.input)
                .put("status", record.status().name());
        WireJson.putTime(line, "startDate", record.startDate);
        WireJson.putTime(line, "stopDate", record.stopDate());
        line.put("output", record.output()).put("error", record.error()).put("cause", record.cause())
                .put("redriveCount", record.redriveCount());
        WireJson.putTime(line, "redriveDate", record.redriveDate());
        if (!record.redriveTokens().isEmpty()) {
            ObjectNode tokens = line.putObject("redriveTokens");
            record.redriveTokens().forEach((token, date) -> WireJson.putTime(tokens, token, date));
        }
        line.set("revision", revision(record.revision));
        line.put("stateMachineVersionArn", record.versionArn()).put("stateMachineAliasArn", record.aliasArn());
        if (record.resumePoint() != null) {
            line.set("resumePoint", record.resumePoint().toJson());
        }
        if (record.cutByServerEnd()) {
            line.put("cutByServerEnd", true);
        }
        ArrayNode events = line.putArray("events");
        if (record.status() != ExecutionRecord.Status.RUNNING) {
            record.events().forEach(event -> events.add(WireJson.event(event, true)));
        }
        append(line);
        super.saveExecution(record);
    }

    @Override
    public void eventAdded(ExecutionRecord execution, HistoryEvent event) {
        append(Json.object().put("kind", "event").put("arn", execution.arn).set("event", WireJson.event(event, true)));
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to keep
        } finally {
            release(lock);
        }
    }
}
