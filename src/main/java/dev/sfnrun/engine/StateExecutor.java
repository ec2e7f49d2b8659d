package dev.sfnrun.engine;

import dev.sfnrun.engine.map.DistributedMapRunner;
import dev.sfnrun.engine.map.ItemReaderSource;
import dev.sfnrun.engine.map.ItemSources;
import dev.sfnrun.engine.map.MapBatches;
import dev.sfnrun.engine.map.MapInputs;
import dev.sfnrun.engine.map.ResultWriterSink;

import dev.sfnrun.engine.map.MapRunner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.ChoiceState;
import dev.sfnrun.history.Decision;
import dev.sfnrun.definition.DataFlow;
import dev.sfnrun.definition.FailState;
import dev.sfnrun.definition.MapState;
import dev.sfnrun.definition.ParallelState;
import dev.sfnrun.definition.PassState;
import dev.sfnrun.definition.StateCommon;
import dev.sfnrun.definition.StateVisitor;
import dev.sfnrun.definition.SucceedState;
import dev.sfnrun.definition.TaskState;
import dev.sfnrun.definition.WaitState;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sfnrun.definition.StateGraph;
import dev.sfnrun.history.EventDetails;
import dev.sfnrun.history.EventType;
import dev.sfnrun.query.Json;
import java.util.Arrays;
import java.util.List;
import dev.sfnrun.query.PathNotFoundException;
import dev.sfnrun.query.UndefinedVariableException;
import dev.sfnrun.query.ValueExpr;
import dev.sfnrun.query.jsonata.JsonataTemplate;

/** The work of each state type for one visit, applying the JSONPath data flow in AWS's order. */
final class StateExecutor {
    private final Execution execution;
    private final ErrorHandler errors;
    private final TaskInvoker tasks;
    private final WaitTimer waits;
    private final GraphRunner runner;
    private final MapRunner maps;

    StateExecutor(Execution execution, GraphRunner runner) {
        this.execution = execution;
        this.runner = runner;
        this.maps = new MapRunner(execution, runner);
        this.errors = new ErrorHandler(execution);
        this.tasks = new TaskInvoker(execution);
        this.waits = new WaitTimer(execution);
    }

    StateVisitor<Step> on(StateRun run) {
        return new Visit(run);
    }

    private final class Visit implements StateVisitor<Step> {
        private final StateRun run;

        Visit(StateRun run) {
            this.run = run;
        }

        private DataFlow flow() {
            return run.state.common().dataFlow();
        }

        private String next() {
            StateCommon common = run.state.common();
            return common.transition() == null ? null : common.transition().next();
        }

        private JsonNode effectiveInput() {
            return probe("afterInputPath", flow().inputPath().apply(run.input, run));
        }

        /** Tells a single-state run's probe what a data-flow step computed; returns the value. */
        private JsonNode probe(String step, JsonNode value) {
            SingleStatePlan plan = execution.plan();
            if (plan != null) {
                plan.probe().step(step, value);
            }
            return value;
        }

        private SingleStatePlan mockPlan() {
            SingleStatePlan plan = execution.plan();
            return plan != null && plan.mocked() ? plan : null;
        }

        private ObjectNode assign(JsonNode value) {
            return run.state.common().assign() == null ? null : run.state.common().assign().evaluate(value, run);
        }

        /**
         * ResultPath then OutputPath: the state's output from its raw input and its result; in a
         * JSONata state, its Output field (the result when absent).
         */
        private JsonNode output(JsonNode result) {
            if (run.state.common().output() != null) {
                JsonNode output = run.state.common().output().evaluate(result, run);
                PayloadLimit.check(output, run.name());
                return output;
            }
            JsonNode placed = probe("afterResultPath", flow().resultPath().apply(run.input, result));
            JsonNode output = flow().outputPath().apply(placed, run);
            PayloadLimit.check(output, run.name());
            return output;
        }

        @Override
        public Step visitTask(TaskState state) {
            JsonNode effective = effectiveInput();
            return errors.run(run, state.retry(), state.catchers(), () -> {
                tasks.prepare(state, run);
                JsonNode parameters = flow().parameters() == null ? effective : flow().parameters().evaluate(effective, run);
                PayloadLimit.check(parameters, run.name());
                probe("afterParameters", parameters);
                SingleStatePlan mock = mockPlan();
                JsonNode result = probe("result", mock != null ? mock.mockOutcome()
                        : tasks.invoke(state, effective, parameters, run));
                JsonNode selected = probe("afterResultSelector",
                        flow().resultSelector() == null ? result : flow().resultSelector().evaluate(result, run));
                ObjectNode assigned = assign(result);
                return new Step(output(selected), next(), assigned);
            });
        }

        /** The output of a state that passes its input on: OutputPath, or a JSONata Output. */
        private JsonNode passOn(JsonNode effective, ValueExpr output) {
            if (output == null) {
                return flow().outputPath().apply(effective, run); // a part of the input: within the limits as it is
            }
            JsonNode value = output.evaluate(effective, run);
            PayloadLimit.checkDepth(value, run.name());
            return value;
        }

        @Override
        public Step visitPass(PassState state) {
            JsonNode effective = effectiveInput();
            JsonNode result = state.result() != null ? probe("result", state.result())
                    : probe("afterParameters", flow().parameters() != null ? flow().parameters().evaluate(effective, run)
                    : effective);
            PayloadLimit.check(result, run.name());
            probe("afterResultSelector", result);
            ObjectNode assigned = assign(result);
            return new Step(output(result), next(), assigned);
        }

        @Override
        public Step visitChoice(ChoiceState state) {
            JsonNode effective = effectiveInput();
            List<ChoiceState.Rule> rules = state.choices();
            for (int i = 0; i < rules.size(); i++) {
                ChoiceState.Rule rule = rules.get(i);
                if (rule.condition().test(effective, run)) {
                    ObjectNode assigned = rule.assign() == null ? null : rule.assign().evaluate(effective, run);
                    return new Step(passOn(effective, rule.output()), rule.next(), assigned, Decision.Kind.CHOICE_RULE, i);
                }
            }
            if (state.defaultState() == null) {
                throw new StatesError(ErrorNames.NO_CHOICE_MATCHED, "No Matches!");
            }
            ObjectNode assigned = assign(effective);
            return new Step(passOn(effective, run.state.common().output()), state.defaultState(), assigned,
                    Decision.Kind.CHOICE_DEFAULT, -1);
        }

        @Override
        public Step visitWait(WaitState state) {
            JsonNode effective = effectiveInput();
            waits.await(state, effective, run);
            ObjectNode assigned = assign(effective);
            return new Step(passOn(effective, run.state.common().output()), next(), assigned);
        }

        @Override
        public Step visitSucceed(SucceedState state) {
            return new Step(passOn(effectiveInput(), run.state.common().output()), null, null);
        }

        @Override
        public Step visitFail(FailState state) {
            probe("afterInputPath", run.input);
            String error = state.error() != null ? state.error() : text(state.errorExpr(), state.errorField());
            String cause = state.cause() != null ? state.cause() : text(state.causeExpr(), state.causeField());
            throw new StatesError(error, cause);
        }

        private String text(ValueExpr expr, String field) {
            if (expr == null) {
                return null;
            }
            JsonNode value;
            try {
                value = expr.evaluate(run.input, run);
            } catch (PathNotFoundException | UndefinedVariableException e) {
                throw StatesError.runtime("The JSONPath '" + pathText(e) + "' specified for the field '" + field
                        + "' could not be found in the input '" + Json.compact(run.input) + "'");
            }
            return value.isTextual() ? value.asText() : Json.compact(value);
        }

        private static String pathText(RuntimeException e) {
            return e instanceof PathNotFoundException p ? p.path() : ((UndefinedVariableException) e).path();
        }

        @Override
        public Step visitParallel(ParallelState state) {
            JsonNode effective = effectiveInput();
            EventLog log = execution.log();
            boolean[] branchFailed = {false};
            return errors.run(run, state.retry(), state.catchers(), () -> {
                branchFailed[0] = false;
                JsonNode input = probe("afterParameters",
                        flow().parameters() == null ? effective : flow().parameters().evaluate(effective, run));
                if (flow().parameters() != null) {
                    PayloadLimit.checkDepth(input, run.name());
                }
                SingleStatePlan mock = mockPlan();
                if (mock != null) {
                    return finish(mock.mockOutcome());
                }
                log.append(run.trail, EventType.ParallelStateStarted, null);
                List<StateGraph> branches = state.branches();
                Fanout.Hooks hooks = new Fanout.Hooks() {
                    @Override
                    public void started(int index, Trail trail) {
                    }

                    @Override
                    public long succeeded(int index, Trail trail) {
                        return trail.last();
                    }

                    @Override
                    public void failed(int index, long failingEvent) {
                    }

                    @Override
                    public void aborted(int index, long failingEvent) {
                    }
                };
                JsonNode[] outputs;
                try {
                    outputs = new Fanout(execution).run(run.takeSeeds(branches.size()), branches.size(), run.trail,
                            (index, trail) -> runner.run(branches.get(index), input, new Scope(run.scope), trail), hooks);
                } catch (StatesError e) {
                    branchFailed[0] = true;
                    throw e;
                }
                log.appendBeside(run.trail, run.trail.last(), EventType.ParallelStateSucceeded, null);
                JsonNode result = new ArrayNode(Json.NODES, Arrays.asList(outputs));
                return finish(result);
            }, error -> {
                if (branchFailed[0]) {
                    log.append(run.trail, EventType.ParallelStateFailed, null);
                }
            });
        }

        /** ResultSelector, Assign, ResultPath and OutputPath of a Map or Parallel result. */
        private Step finish(JsonNode result) {
            JsonNode selected = probe("afterResultSelector",
                    flow().resultSelector() == null ? result : flow().resultSelector().evaluate(result, run));
            ObjectNode assigned = assign(result);
            return new Step(output(selected), next(), assigned);
        }

        @Override
        public Step visitMap(MapState state) {
            JsonNode effective = effectiveInput();
            EventLog log = execution.log();
            // how far an attempt got: 0 reading the Map's inputs, 1 running its items, 2 done
            int[] phase = {0};
            return errors.run(run, state.retry(), state.catchers(), () -> {
                phase[0] = 0;
                MapInputs inputs = new MapInputs(state, effective, run);
                int maxConcurrency = inputs.maxConcurrency();
                SingleStatePlan mock = mockPlan();
                boolean reader = state.isDistributed() && state.distributed().itemReader() != null;
                ArrayNode items = reader && mock != null && mock.mapItemReaderData() != null ? mock.mapItemReaderData()
                        : reader ? new ItemReaderSource(execution.options().s3Root()).read(state.distributed().itemReader(), inputs)
                        : inputs.items();
                if (!reader) {
                    probe("afterItemsPath", items);
                }
                probe("maxConcurrency", Json.NODES.numberNode(maxConcurrency));
                if (mock != null) {
                    return finish(mockedMap(state, inputs, items.size(), mock));
                }
                log.append(run.trail, EventType.MapStateStarted, EventDetails.create().put("length", items.size()));
                JsonNode result;
                if (state.isDistributed()) {
                    // a bad tolerance or batch setting fails the state before its Map Run starts
                    Long count = inputs.toleratedFailureCount();
                    Double percentage = inputs.toleratedFailurePercentage();
                    inputs.itemSource(ItemSources.of(state.distributed().itemReader(), inputs, items));
                    List<JsonNode> childInputs = MapBatches.childInputs(state, inputs, items);
                    String runId = RandomIds.uuid();
                    ResultWriterSink sink = new ResultWriterSink(execution.options().s3Root(),
                            state.distributed().resultWriter(), inputs, runId);
                    phase[0] = 1;
                    DistributedMapRunner.MapRunOutcome outcome = new DistributedMapRunner(execution)
                            .run(state, childInputs, maxConcurrency, count, percentage, run, runId, sink,
                                    sink.exports() ? null : run.takeSeeds(childInputs.size()));
                    result = sink.finish(outcome);
                } else {
                    phase[0] = 1;
                    result = maps.iterate(state, inputs, items, maxConcurrency, run, run.takeSeeds(items.size()));
                }
                phase[0] = 2;
                log.appendBeside(run.trail, run.trail.last(), EventType.MapStateSucceeded, null);
                return finish(result);
            }, error -> {
                // the Map fails (MapStateFailed) when its items did, or when reading its inputs did
                // (States.ItemReaderFailed, a JSONata evaluation failure) other than by a bad path,
                // which is States.Runtime and ends the execution at once
                if (phase[0] == 1 || phase[0] == 0 && !ErrorNames.RUNTIME.equals(error.error())) {
                    log.append(run.trail, EventType.MapStateFailed, null);
                }
            });
        }

        /** A mocked Map's result: the mock, unless its failed iterations exceed what the Map tolerates. */
        private JsonNode mockedMap(MapState state, MapInputs inputs, int items, SingleStatePlan mock) {
            Long count = state.isDistributed() ? inputs.toleratedFailureCount() : null;
            Double percentage = state.isDistributed() ? inputs.toleratedFailurePercentage() : null;
            if (count != null) {
                probe("toleratedFailureCount", Json.NODES.numberNode(count));
            }
            if (percentage != null) {
                probe("toleratedFailurePercentage", Json.NODES.numberNode(percentage));
            }
            Integer failures = mock.mapIterationFailureCount();
            if (failures != null && failures > items) {
                throw new PlanRejected(
                        "Map iteration failure count must be less than or equal to the number of Map iterations");
            }
            JsonNode result = mock.mockOutcome();
            if (failures != null && failures > 0 && (count != null && failures > count
                    || percentage != null && failures * 100.0 / items > percentage)) {
                throw new StatesError(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                        "The specified tolerated failure threshold was exceeded");
            }
            return result;
        }
    }
}
