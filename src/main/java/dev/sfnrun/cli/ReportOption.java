package dev.sfnrun.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.report.HtmlReport;
import dev.sfnrun.report.Picture;
import dev.sfnrun.report.ReportInput;
import dev.sfnrun.report.RunRecorder;
import dev.sfnrun.template.LoadedMachine;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --report FILE.html} of a run: records the run and writes its HTML report (see {@link HtmlReport}). */
final class ReportOption {
    private static final String NAME = "--report";
    private final String file;
    private RunRecorder recorder;
    private Picture picture;

    private ReportOption(String file) {
        this.file = file;
    }

    static void addTo(CommandSpec spec) {
        spec.addOption(Specs.option(NAME, "FILE", String.class, null,
                "Also write an HTML report of the run to FILE: the graph with the path taken, a timeline and the "
                        + "events (one self-contained file; any output mode)."));
    }

    static ReportOption read(CommandSpec spec) {
        return new ReportOption(Specs.value(spec, NAME));
    }

    /** Refuses, before the run, a report file that is one of the files the run reads ({@code reads}). */
    void notOver(List<OutputFiles.Read> reads) {
        OutputFiles.notStdout(NAME, file);
        OutputFiles.notOver(NAME, file, reads);
    }

    /**
     * Starts laying out the picture of {@code definition} in the background (with --report): the layout
     * library's fixed cost is then spent while the definition is checked and the run goes.
     */
    void startPicture(JsonNode definition) {
        if (file != null && picture == null) {
            picture = Picture.inBackground(definition);
        }
    }

    /** {@code options} with this run's recorder among its listeners (unchanged without --report). */
    ExecutionOptions listenTo(ExecutionOptions options, StateMachine machine) {
        if (file == null) {
            return options;
        }
        recorder = RunRecorder.whileRunning(machine);
        List<ExecutionListener> listeners = new ArrayList<>(options.listeners());
        listeners.add(recorder);
        return options.withListeners(listeners);
    }

    /** Writes the report, if asked for; a failure is a {@link UsageError} naming the file. */
    void write(LoadedMachine machine, ExecutionResult result, double timeScale) {
        if (file == null) {
            return;
        }
        recorder.close(); // everything recorded
        String source = machine.source();
        String title = source == null || source.equals("-") ? "state machine"
                : source.substring(source.lastIndexOf('/') + 1);
        ReportInput input = new ReportInput(title, machine.definition(), result, ReportInput.clockOf(timeScale));
        OutputFiles.write(file, writer -> {
            if (picture != null) {
                HtmlReport.write(writer, input, recorder, picture);
            } else { // not started early: laid out now
                HtmlReport.write(writer, input, recorder);
            }
        });
    }
}
