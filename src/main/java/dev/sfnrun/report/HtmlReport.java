package dev.sfnrun.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.graph.Escape;
import dev.sfnrun.graph.GraphLayout;
import dev.sfnrun.graph.Svg;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes one self-contained HTML file about a run: the graph with the path taken, a timeline, the
 * event table and the result. Everything (style, script, data) is inside the file, and its
 * Content-Security-Policy forbids any request, so it opens from disk with no network. The data is
 * written as it is read, straight to the writer; payloads longer than {@link #MAX_PAYLOAD}
 * characters are cut, and iterations of large Maps are summarised (see {@link Timeline}).
 */
public final class HtmlReport {
    /** Longest payload text kept per event field. */
    static final int MAX_PAYLOAD = 32_768;

    private static final JsonFactory FACTORY = new JsonFactory();

    private HtmlReport() {
    }

    /** The report of a run, written to {@code out}. */
    public static void write(Writer out, ReportInput input, RunRecorder recorder) throws IOException {
        write(out, input, recorder, Picture.whenAsked(input.definition()));
    }

    /** The report of a run whose picture (of {@code input}'s definition) was started before, written to {@code out}. */
    public static void write(Writer out, ReportInput input, RunRecorder recorder, Picture picture) throws IOException {
        ExecutionResult result = input.result();
        RunRecorder.Recorded recorded = recorder.finish(result.stopDate());
        Timeline timeline = recorded.timeline();
        Picture.Laid laid = picture.get();
        FlowGraph graph = laid.graph();
        PathMarks marks = PathMarks.of(graph, recorded);
        GraphLayout layout = laid.layout();

        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<title>" + Escape.xml(input.title() + " — " + result.status()) + "</title>\n<style>\n");
        out.write(Svg.STYLE);
        out.write(resource("report.css"));
        out.write("</style></head>\n<body>\n");
        out.write("<header><h1><span class=\"status status-" + result.status() + "\" id=\"status\">"
                + result.status() + "</span> " + Escape.xml(input.title()) + "</h1>\n");
        out.write("<div class=\"meta\" id=\"meta\"></div></header>\n");
        out.write("<section id=\"result\"></section>\n");
        out.write("<section id=\"graph\"><h2>Graph <small>the path taken is blue; the number on a state is how often"
                + " it was entered; click a state to filter the events</small></h2><div class=\"picture\">\n");
        out.write(Svg.of(layout, marks.marks()));
        out.write("</div></section>\n");
        out.write("<section id=\"timeline\"><h2>Timeline <small id=\"clock\"></small></h2><div id=\"lanes\"></div></section>\n");
        out.write("<section id=\"events\"><h2>Events</h2><div class=\"filters\">"
                + "<label>Type <select id=\"type-filter\"><option value=\"\">all</option></select></label> "
                + "<label>State <select id=\"state-filter\"><option value=\"\">all</option></select></label> "
                + "<span id=\"event-count\"></span></div>\n"
                + "<table id=\"event-table\"><thead><tr><th>#</th><th>time</th><th>type</th><th>state</th>"
                + "<th>lane</th><th>summary</th></tr></thead><tbody></tbody></table><div id=\"more\"></div></section>\n");
        out.write("<script type=\"application/json\" id=\"report-data\">");
        data(out, input, timeline, marks);
        out.write("</script>\n<script>\n");
        out.write(resource("report.js"));
        out.write("</script>\n</body></html>\n");
        out.flush();
    }

    private static void data(Writer out, ReportInput input, Timeline timeline, PathMarks marks) throws IOException {
        JsonGenerator json = FACTORY.createGenerator(new NonClosing(out));
        json.setCharacterEscapes(ScriptSafe.INSTANCE);
        ExecutionResult result = input.result();
        json.writeStartObject();
        json.writeObjectFieldStart("execution");
        json.writeStringField("status", result.status().name());
        json.writeStringField("executionArn", result.executionArn());
        json.writeStringField("startDate", result.startDate() == null ? null : Timestamps.format(result.startDate()));
        json.writeStringField("stopDate", result.stopDate() == null ? null : Timestamps.format(result.stopDate()));
        json.writeStringField("origin", Timestamps.format(timeline.origin));
        json.writeStringField("input", clip(result.inputText()));
        json.writeStringField("output", result.output() == null ? null : clip(Json.compact(result.output())));
        json.writeStringField("error", result.error());
        json.writeStringField("cause", result.cause());
        json.writeStringField("clock", input.clock());
        json.writeNumberField("events", timeline.events);
        json.writeEndObject();

        json.writeObjectFieldStart("states");
        for (Map.Entry<String, PathMarks.StateRun> entry : marks.states().entrySet()) {
            PathMarks.StateRun run = entry.getValue();
            json.writeObjectFieldStart(entry.getKey());
            json.writeStringField("name", run.name());
            json.writeNumberField("visits", run.visits());
            json.writeBooleanField("failed", run.failed());
            json.writeEndObject();
        }
        json.writeEndObject();

        json.writeArrayFieldStart("lanes");
        for (Timeline.Lane lane : timeline.lanes) {
            if (!lane.shown()) {
                continue;
            }
            json.writeStartArray();
            json.writeNumber(lane.index());
            json.writeNumber(lane.parent());
            json.writeString(lane.kind());
            json.writeString(lane.label());
            json.writeNumber(lane.start());
            json.writeNumber(lane.end());
            json.writeString(lane.status());
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("spans");
        for (Timeline.Span span : timeline.spans) {
            json.writeStartArray();
            json.writeNumber(span.lane());
            json.writeString(span.state());
            json.writeString(span.type());
            json.writeNumber(span.start());
            json.writeNumber(span.end());
            json.writeString(span.status());
            json.writeNumber(span.enteredId());
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("marks");
        for (Timeline.Mark mark : timeline.marks) {
            json.writeStartArray();
            json.writeNumber(mark.lane());
            json.writeNumber(mark.at());
            json.writeString(mark.kind());
            json.writeString(mark.text());
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("summaries");
        for (Timeline.Summary s : timeline.summaries) {
            json.writeStartObject();
            json.writeNumberField("lane", s.lane());
            json.writeStringField("map", s.map());
            json.writeNumberField("count", s.count());
            json.writeNumberField("succeeded", s.succeeded());
            json.writeNumberField("failed", s.failed());
            json.writeNumberField("aborted", s.aborted());
            json.writeNumberField("minMs", s.minMs());
            json.writeNumberField("avgMs", s.avgMs());
            json.writeNumberField("maxMs", s.maxMs());
            json.writeNumberField("start", s.start());
            json.writeNumberField("end", s.end());
            json.writeNumberField("iterations", s.iterations());
            json.writeEndObject();
        }
        json.writeEndArray();

        // rows, compactly: [id, id - previousEventId, ms, type (index in "types"), state (index in "names", -1 for
        // none), lane, details], made while the run went on (see EventRows)
        EventRows made = timeline.rowTexts;
        if (made.notKept > 0) {
            for (Timeline.Row row : timeline.rows) {
                if (row.text() == null) {
                    made.index(row.event()); // a long row, made below: its type and state need their indexes first
                }
            }
        }
        json.writeArrayFieldStart("types");
        for (String type : made.types.keySet()) {
            json.writeString(type);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("names");
        for (String name : made.names.keySet()) {
            json.writeString(name);
        }
        json.writeEndArray();
        json.writeNumberField("hiddenEvents", timeline.hiddenEvents);
        json.writeNumberField("keep", Timeline.KEEP);
        json.flush();
        // the rows last, straight onto the writer: through the generator each row's text was copied
        // into its char buffer and out again (a 25,000-row report spent a fifth of its writing there)
        out.write(",\"events\":[");
        boolean first = true;
        for (Timeline.Row row : timeline.rows) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.write(row.text() != null ? row.text() : made.render(row.event(), row.lane(), timeline.at(row.event())));
        }
        out.write("]}");
    }

    static String clip(String text) {
        if (text == null || text.length() <= MAX_PAYLOAD) {
            return text;
        }
        return text.substring(0, MAX_PAYLOAD) + "… (" + (text.length() - MAX_PAYLOAD) + " more characters not in the report)";
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** JSON inside a script element: "<" as \u003c, so no "</script>" or "<!--" can end it early. */
    static final class ScriptSafe extends CharacterEscapes {
        static final ScriptSafe INSTANCE = new ScriptSafe();
        private final int[] escapes;

        private ScriptSafe() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    /** The generator must not close the caller's writer. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
