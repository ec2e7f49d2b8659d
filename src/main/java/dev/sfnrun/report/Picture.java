package dev.sfnrun.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.definition.graph.FlowGraphs;
import dev.sfnrun.error.Rethrow;
import dev.sfnrun.graph.GraphLayout;
import dev.sfnrun.graph.Layouts;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A definition's graph and its layout for a report. The layout library takes a moment to load and
 * warm up (most of a report's fixed cost), so a run that writes a report starts its picture
 * {@link #inBackground} when the run starts, and the report only waits for what is left of it.
 */
public final class Picture {
    record Laid(FlowGraph graph, GraphLayout layout) {
    }

    private final FutureTask<Laid> task;

    private Picture(JsonNode definition) {
        this.task = new FutureTask<>(() -> {
            FlowGraph graph = FlowGraphs.of(definition);
            return new Laid(graph, Layouts.of(graph));
        });
    }

    /** The picture, laid out on a daemon thread of its own from now on. */
    public static Picture inBackground(JsonNode definition) {
        Picture picture = new Picture(definition);
        Thread thread = new Thread(picture.task, "sfn-run report layout");
        thread.setDaemon(true);
        thread.start();
        return picture;
    }

    /** The picture, laid out when it is first asked for, on the caller's thread. */
    static Picture whenAsked(JsonNode definition) {
        return new Picture(definition);
    }

    /** The graph and its layout; what went wrong laying it out is thrown here, as it was thrown there. */
    Laid get() {
        task.run(); // does nothing if it ran or runs on its own thread
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Rethrow.ifAny(e.getCause());
            throw new IllegalStateException(e); // a failed task always has its cause
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
