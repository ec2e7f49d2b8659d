package dev.sfnrun.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.engine.Execution;
import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionStatus;
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * State transitions per second in-process: whole executions of the Pass + Choice loop of
 * {@code definitions/bench/pass-choice-loop.asl.json} (the engine as a library, no CLI), scored
 * per state entered. Run with {@code make jmh} from the project root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:NewSize=16m"})
public class TransitionsBenchmark {
    /** Loop iterations per execution: a Pass and a Choice each. */
    static final int ITERATIONS = 10_000;
    /** States entered per execution: both states of every iteration, then the Succeed state. */
    static final int TRANSITIONS = 2 * ITERATIONS + 1;

    private StateMachine machine;
    private JsonNode input;
    private ExecutionOptions withHistory;
    private ExecutionOptions withoutHistory;

    @Setup
    public void load() throws IOException {
        Path definition = Path.of("definitions/bench/pass-choice-loop.asl.json");
        if (!Files.exists(definition)) {
            throw new IllegalStateException("run the benchmark from the project root: no " + definition);
        }
        machine = DefinitionParser.parse(Json.parse(Files.readString(definition)));
        input = Json.parse("{\"count\": 0, \"limit\": " + ITERATIONS + "}");
        withHistory = ExecutionOptions.defaults().withType(ExecutionType.EXPRESS).withRecordHistory(true);
        withoutHistory = withHistory.withRecordHistory(false);
        ExecutionResult check = new Execution(machine, input, null, withHistory).run();
        if (check.status() != ExecutionStatus.SUCCEEDED || check.events().size() != 2 * TRANSITIONS + 2) {
            throw new IllegalStateException("the loop did not run as expected: " + check.status() + ", "
                    + check.events().size() + " events");
        }
    }

    /** Every event recorded, as for {@code --output json} (the target: at least 1,000,000 per second). */
    @Benchmark
    @OperationsPerInvocation(TRANSITIONS)
    public ExecutionResult passChoiceLoopRecordingHistory() {
        return new Execution(machine, input, null, withHistory).run();
    }

    /** No history kept and no listener, as for {@code --quiet}. */
    @Benchmark
    @OperationsPerInvocation(TRANSITIONS)
    public ExecutionResult passChoiceLoopWithoutHistory() {
        return new Execution(machine, input, null, withoutHistory).run();
    }
}
