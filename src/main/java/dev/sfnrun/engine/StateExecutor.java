package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.ChoiceState;
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
import dev.sfnrun.query.Json;
import dev.sfnrun.query.PathNotFoundException;
import dev.sfnrun.query.UndefinedVariableException;
import dev.sfnrun.query.ValueExpr;

/** The work of each state type for one visit, applying the JSONPath data flow in AWS's order. */
final class StateExecutor {
    private final Execution execution;
    private final ErrorHandler errors;
    private final TaskInvoker tasks;
    private final WaitTimer waits;

    StateExecutor(Execution execution, GraphRunner runner) {
        this.execution = execution;
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
            return flow().inputPath().apply(run.input, run);
        }

        private ObjectNode assign(JsonNode value) {
            return run.state.common().assign() == null ? null : run.state.common().assign().evaluate(value, run);
        }

        /** ResultPath then OutputPath: the state's output from its raw input and its result. */
        private JsonNode output(JsonNode result) {
            JsonNode placed = flow().resultPath().apply(run.input, result);
            return flow().outputPath().apply(placed, run);
        }

        @Override
        public Step visitTask(TaskState state) {
            JsonNode effective = effectiveInput();
            return errors.run(run, state.retry(), state.catchers(), () -> {
                tasks.prepare(state, run);
                JsonNode parameters = flow().parameters() == null ? effective : flow().parameters().evaluate(effective, run);
                JsonNode result = tasks.invoke(state, effective, parameters, run);
                JsonNode selected = flow().resultSelector() == null ? result : flow().resultSelector().evaluate(result, run);
                ObjectNode assigned = assign(result);
                return new Step(output(selected), next(), assigned);
            });
        }

        @Override
        public Step visitPass(PassState state) {
            JsonNode effective = effectiveInput();
            JsonNode result = state.result() != null ? state.result()
                    : flow().parameters() != null ? flow().parameters().evaluate(effective, run) : effective;
            ObjectNode assigned = assign(result);
            return new Step(output(result), next(), assigned);
        }

        @Override
        public Step visitChoice(ChoiceState state) {
            JsonNode effective = effectiveInput();
            for (ChoiceState.Rule rule : state.choices()) {
                if (rule.condition().test(effective, run)) {
                    ObjectNode assigned = rule.assign() == null ? null : rule.assign().evaluate(effective, run);
                    return new Step(flow().outputPath().apply(effective, run), rule.next(), assigned);
                }
            }
            if (state.defaultState() == null) {
                throw new StatesError(ErrorNames.NO_CHOICE_MATCHED, "No Matches!");
            }
            ObjectNode assigned = assign(effective);
            return new Step(flow().outputPath().apply(effective, run), state.defaultState(), assigned);
        }

        @Override
        public Step visitWait(WaitState state) {
            JsonNode effective = effectiveInput();
            waits.await(state, effective, run);
            ObjectNode assigned = assign(effective);
            return new Step(flow().outputPath().apply(effective, run), next(), assigned);
        }

        @Override
        public Step visitSucceed(SucceedState state) {
            return new Step(flow().outputPath().apply(effectiveInput(), run), null, null);
        }

        @Override
        public Step visitFail(FailState state) {
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
            throw new StatesError(ErrorNames.RUNTIME, "Parallel states are not supported yet");
        }

        @Override
        public Step visitMap(MapState state) {
            throw new StatesError(ErrorNames.RUNTIME, "Map states are not supported yet");
        }
    }
}
