package dev.sfnrun.bench;

import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.engine.Execution;
import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.engine.time.Clock;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import dev.sfnrun.report.RunRecorder;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code --report} costs per event: the history of a 10,000-item Map (its iterations past
 * the 50 shown are summarised) replayed into a fresh {@link RunRecorder}, as the engine hands it
 * the events, scored per event. With the CLI's JIT setting (C1 only). Run with {@code make jmh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:NewSize=16m",
        "-XX:MaxNewSize=32m"})
public class ReportRecordingBenchmark {
    static final int ITEMS = 10_000;
    /** Started, Map entered and started, four per iteration, Map succeeded and exited, Succeeded. */
    static final int EVENTS = 4 * ITEMS + 6;

    private StateMachine machine;
    private List<HistoryEvent> events;

    @Setup
    public void run() throws IOException {
        machine = DefinitionParser.parse(Json.parse("""
                {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.items","ResultPath":null,"End":true,
                 "ItemProcessor":{"StartAt":"Double","States":{"Double":{"Type":"Pass","End":true}}}}}}"""));
        StringBuilder items = new StringBuilder("{\"items\":[0");
        items.append(",0".repeat(ITEMS - 1)).append("]}");
        ExecutionOptions options = ExecutionOptions.defaults().withType(ExecutionType.EXPRESS)
                .withClock(Clock.forScale(0)).withRecordHistory(true);
        ExecutionResult result = new Execution(machine, Json.parse(items.toString()), null, options).run();
        events = result.events();
        if (events.size() != EVENTS) {
            throw new IllegalStateException("the Map did not run as expected: " + result.status() + ", "
                    + events.size() + " events");
        }
    }

    /** Every event of the Map's history recorded for a report. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public RunRecorder recordMapHistory() {
        RunRecorder recorder = new RunRecorder(machine);
        for (HistoryEvent event : events) {
            recorder.onEvent(event);
        }
        recorder.close();
        return recorder;
    }
}
