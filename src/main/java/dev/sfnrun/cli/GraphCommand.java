package dev.sfnrun.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.definition.graph.FlowGraphs;
import dev.sfnrun.definition.validate.DiagnosticFormatter;
import dev.sfnrun.definition.validate.ValidationReport;
import dev.sfnrun.template.LoadedMachine;
import picocli.CommandLine.ParameterException;
import dev.sfnrun.graph.Dot;
import dev.sfnrun.graph.GraphPage;
import dev.sfnrun.graph.Layouts;
import dev.sfnrun.graph.Mermaid;
import dev.sfnrun.graph.Problems;
import dev.sfnrun.graph.Svg;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sfn-run graph DEFINITION}: draws the state machine as Mermaid, DOT, SVG or an HTML page. */
final class GraphCommand implements Callable<Integer> {
    private static final String[] DESCRIPTION = {
        "Draws a state machine as Mermaid, DOT, SVG or an HTML page.", "",
        "Every state with its type and Retry clauses, Start and End, the Next, Choice rule, Default and Catch "
                + "edges with readable labels, Map and Parallel states as boxes around their states. A definition "
                + "that does not validate is drawn as far as it parses, its problems shown on the states they "
                + "concern (and printed on stderr)."};
    private static final String[] EXAMPLES = {
        "sfn-run graph definitions/api-error-handling.asl.json > graph.mmd",
        "sfn-run graph machine.asl.json --format dot | dot -Tpng -o machine.png",
        "sfn-run graph machine.asl.json --format html -o machine.html",
        "sfn-run graph --template template.yaml --format svg -o machine.svg"};
    private static final String[] FOOTER = {"", "Formats: mermaid (renders in GitHub and GitLab Markdown), dot (Graphviz), "
            + "svg and html (laid out by sfn-run itself; html is one page, no network)."};

    final CommandSpec spec;
    /** Standard input, for the definition "-". */
    private final InputStream stdin;

    enum Format { mermaid, dot, svg, html }

    GraphCommand(InputStream stdin) {
        this.stdin = stdin;
        spec = Specs.command("graph", this, DESCRIPTION, EXAMPLES, FOOTER);
        spec.addPositional(Specs.positional("0", "0..1", "DEFINITION", String.class,
                "The state machine definition (ASL JSON, or YAML for *.asl.yaml); - reads it from stdin."));
        spec.addOption(Specs.option("--format", "FORMAT", Format.class, "mermaid",
                "mermaid, dot, svg or html. Default: ${DEFAULT-VALUE}."));
        spec.addOption(picocli.CommandLine.Model.OptionSpec.builder("-o", "--output-file").paramLabel("FILE")
                .type(String.class).description("Write the picture to FILE instead of stdout.").build());
        DefinitionOptions.addTo(spec);
        Specs.helpOptions(spec);
        Specs.exitCodes(spec, ExitCodes.OK, "drawn",
                ExitCodes.CANNOT_START, "unreadable or malformed file, a bad option, or the -o file could not be written",
                ExitCodes.NOT_FINISHED, ExitCodes.NOT_DELIVERED_HELP);
    }

    @Override
    public Integer call() {
        String definition = Specs.positionalValue(spec);
        Format format = Specs.value(spec, "--format");
        String file = Specs.value(spec, "--output-file");
        DefinitionOptions definitions = DefinitionOptions.read(spec);
        if (definition == null && !definitions.hasTemplate()) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'DEFINITION'");
        }
        OutputFiles.notOver("--output-file", file, definitions.reads(definition));
        LoadedMachine loaded = definitions.load(definition, stdin, "us-east-1", "123456789012", false);
        OutputFiles.notOver("--output-file", file, DefinitionOptions.reads(loaded)); // a template's DefinitionUri file
        JsonNode json = loaded.definition();
        if (json == null || !json.isObject()) { // null: an empty file (or DefinitionString)
            throw new UsageError(loaded.source() + ": a definition is a JSON object with StartAt and States");
        }
        FlowGraph graph = FlowGraphs.of(json);
        ValidationReport report = loaded.validate();
        if (!report.diagnostics().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.print(DiagnosticFormatter.text(report));
            err.flush();
        }
        Map<String, List<String>> problems = Problems.byState(graph, report.diagnostics());
        String picture = switch (format) {
            case mermaid -> Mermaid.of(graph, problems);
            case dot -> Dot.of(graph, problems);
            case svg -> Svg.of(Layouts.of(graph, problems), Problems.marks(problems));
            case html -> GraphPage.of(name(loaded.source()), Svg.of(Layouts.of(graph, problems), Problems.marks(problems)),
                    problems.getOrDefault(Problems.MACHINE, List.of()));
        };
        if (file == null || file.equals("-")) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(picture);
            out.flush();
        } else {
            OutputFiles.write(file, picture);
        }
        return ExitCodes.OK;
    }

    private static String name(String source) {
        return source == null || source.equals("-") ? "state machine" : source.substring(source.lastIndexOf('/') + 1);
    }
}
