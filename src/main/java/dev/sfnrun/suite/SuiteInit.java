package dev.sfnrun.suite;

import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.engine.Bindings;
import dev.sfnrun.engine.UnboundResourceException;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.load.TaskRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sfn-run test --init DEFINITION}: writes a starting suite next to the definition: a case for
 * the happy path, and one for each Catch clause and each Choice rule. Every case carries a
 * {@code todo} placeholder, which fails the case until it is removed, so no generated case passes by
 * itself. Task states without a bound function are mocked with placeholder results so the suite loads.
 */
public final class SuiteInit {
    private SuiteInit() {
    }

    /** Writes the suite; returns its path. An existing file is never overwritten. */
    public static Path write(Path definition) {
        String shown = definition.toString();
        SuiteMachine machine = SuiteLoader.definition(definition, shown);
        String base = SuiteLoader.defaultName(definition);
        String fileName = definition.getFileName().toString();
        Path target = definition.toAbsolutePath().getParent().resolve(base + ".sfn-test.yaml");
        String text = text(machine, fileName);
        try {
            Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new SuiteException(new SuiteError(relative(target, definition), 0, null,
                    "already exists; not overwriting it (move it away to write a new one)"));
        } catch (IOException e) {
            try {
                Files.deleteIfExists(target); // a full disk: no empty suite left behind, which would then fail as "empty"
            } catch (IOException ignored) {
                // nothing more can be done
            }
            throw new SuiteException(new SuiteError(relative(target, definition), 0, null, "cannot write: " + e.getMessage()));
        }
        return Path.of(relative(target, definition));
    }

    private static String relative(Path target, Path definition) {
        Path parent = definition.getParent();
        return (parent == null ? target.getFileName() : parent.resolve(target.getFileName())).toString();
    }

    /** The suite's YAML text. */
    static String text(SuiteMachine machine, String definitionFile) {
        FlowGraph graph = machine.graph();
        Set<String> unbound = new LinkedHashSet<>();
        try (TaskRegistry builtins = TaskRegistry.withBuiltins()) {
            for (UnboundResourceException e : Bindings.unbound(machine.machine().graph(), builtins)) {
                unbound.add(e.stateName());
            }
        }
        StringBuilder y = new StringBuilder();
        y.append("# A starting suite for ").append(definitionFile).append(", written by 'sfn-run test --init'.\n");
        y.append("# Every case fails until you fill in its placeholders (TODO) and delete its 'todo' line.\n");
        y.append("# mocks: per Task state, one response for every invocation ({Return: value} or\n");
        y.append("# {Throw: {Error: ..., Cause: ...}}), a list (the n-th answers the n-th invocation,\n");
        y.append("# retries included), or invocation ranges such as \"0-2\" as in Step Functions Local.\n");
        y.append("# Expectations: status, output, outputContains, error, cause, causeMatches, path,\n");
        y.append("# pathContains, visits, events, noEvents, stateOutput, maxTransitions, duration.\n");
        y.append("definition: ").append(q(definitionFile)).append('\n');
        y.append("cases:\n");
        List<String> happy = happyPath(graph);
        y.append("  - name: \"happy path\"\n");
        y.append("    todo: \"give an input (and Task results) of a run that succeeds\"\n");
        y.append("    input: {}   # TODO\n");
        mocks(y, unbound, null, null);
        y.append("    expect:\n      status: SUCCEEDED\n");
        if (!happy.isEmpty()) {
            y.append("      path: ").append(list(happy)).append('\n');
        }
        for (FlowGraph.Edge edge : graph.edges()) {
            if (edge.kind() != FlowGraph.Kind.CATCH && edge.kind() != FlowGraph.Kind.CHOICE_RULE || !edge.exists()) {
                continue;
            }
            boolean isCatch = edge.kind() == FlowGraph.Kind.CATCH;
            y.append("  - name: ").append(q(edge.describe())).append('\n');
            y.append("    todo: ").append(q(isCatch
                    ? "make '" + edge.from() + "' fail with one of " + edge.label() + ", then check what follows"
                    : "give an input for which this rule of '" + edge.from() + "' matches")).append('\n');
            y.append("    input: {}   # TODO\n");
            FlowGraph.Node from = graph.byId().get(edge.from());
            String thrown = null;
            if (isCatch && from != null && from.type().equals("Task")) {
                thrown = firstError(from, edge.index());
            }
            mocks(y, unbound, thrown == null ? null : from.name(), thrown);
            boolean topLevel = machine.isTopLevel(edge.from()) && machine.isTopLevel(edge.to());
            if (topLevel) {
                y.append("    expect:\n      pathContains: ").append(list(List.of(edge.from(), edge.to()))).append('\n');
            } else {
                y.append("    expect:\n      visits: {").append(q(edge.to())).append(": 1}   # TODO: how often\n");
            }
        }
        return y.toString();
    }

    private static String firstError(FlowGraph.Node node, int catchIndex) {
        var clause = node.source().path("Catch").path(catchIndex).path("ErrorEquals");
        String first = clause.isArray() && clause.size() > 0 ? clause.get(0).asText() : "States.ALL";
        return first.equals("States.ALL") || first.startsWith("States.") && !first.equals("States.Timeout")
                ? "TODO.AnError" : first;
    }

    private static void mocks(StringBuilder y, Set<String> unbound, String throwing, String error) {
        Set<String> states = new LinkedHashSet<>(unbound);
        if (throwing != null) {
            states.add(throwing);
        }
        if (states.isEmpty()) {
            return;
        }
        y.append("    mocks:\n");
        for (String state : states) {
            y.append("      ").append(q(state)).append(":\n");
            if (state.equals(throwing)) {
                y.append("        Throw: {Error: ").append(q(error)).append(", Cause: \"TODO: the cause\"}\n");
            } else {
                y.append("        Return: \"TODO: the result\"\n");
            }
        }
    }

    /** The top-level states from StartAt along Next (or a Choice's Default, else its first rule) to an end. */
    static List<String> happyPath(FlowGraph graph) {
        List<String> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String at = graph.scope("").map(FlowGraph.Scope::startAt).orElse(null);
        while (at != null && graph.byId().containsKey(at) && seen.add(at)) {
            path.add(at);
            String next = null;
            for (FlowGraph.Kind kind : List.of(FlowGraph.Kind.NEXT, FlowGraph.Kind.CHOICE_DEFAULT, FlowGraph.Kind.CHOICE_RULE)) {
                for (FlowGraph.Edge edge : graph.edgesFrom(at)) {
                    if (edge.kind() == kind && next == null) {
                        next = edge.to();
                    }
                }
            }
            at = next;
        }
        return path;
    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items.stream().map(SuiteInit::q).toList()) + "]";
    }

    /** A YAML double-quoted scalar (JSON's string syntax is valid YAML). */
    private static String q(String text) {
        return Json.compact(Json.NODES.textNode(text));
    }
}
