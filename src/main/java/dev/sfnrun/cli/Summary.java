package dev.sfnrun.cli;

import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionStatus;
import dev.sfnrun.engine.map.MapRunResult;
import dev.sfnrun.io.Neutral;
import dev.sfnrun.query.Json;
import java.io.PrintWriter;
import java.time.Duration;
import org.fusesource.jansi.Ansi;

/** The text summary after the history: status, duration, then the output or the error and cause. */
final class Summary {
    private Summary() {
    }

    static void print(PrintWriter out, ExecutionResult result, boolean quiet, boolean colour) {
        boolean succeeded = result.status() == ExecutionStatus.SUCCEEDED;
        if (quiet) {
            out.println(Neutral.lines(succeeded ? Json.pretty(result.output()) : errorLine(result)));
            return;
        }
        String status = result.status().name();
        if (colour) {
            status = Ansi.ansi().bold().fg(succeeded ? Ansi.Color.GREEN : Ansi.Color.RED).a(status).reset().toString();
        }
        out.println();
        out.println(status + " in " + RunCommand.duration(Duration.between(result.startDate(), result.stopDate())));
        for (MapRunResult run : result.mapRuns()) {
            out.println("map run of " + run.stateName() + " " + run.status().name() + ": " + run.total() + " child executions, "
                    + run.succeeded() + " succeeded, " + run.failed() + " failed, " + run.aborted() + " aborted");
        }
        if (succeeded) { // C1 controls and bidi overrides, raw in JSON text, become its own \\u escapes
            out.println(Neutral.lines(Json.pretty(result.output())));
        } else {
            if (result.error() != null) {
                out.println("error: " + Neutral.lines(result.error()));
            }
            if (result.cause() != null) {
                out.println("cause: " + Neutral.lines(result.cause()));
            }
        }
    }

    private static String errorLine(ExecutionResult result) {
        String error = result.error() == null ? result.status().name() : result.error();
        return result.cause() == null ? error : error + ": " + result.cause();
    }
}
