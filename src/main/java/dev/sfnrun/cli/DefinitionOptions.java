package dev.sfnrun.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.definition.validate.LocatedJson;
import dev.sfnrun.io.Neutral;
import dev.sfnrun.task.process.HandlerSettings;
import dev.sfnrun.task.process.HandlerSpec;
import dev.sfnrun.template.DefinitionSource;
import dev.sfnrun.template.RuntimeNotes;
import dev.sfnrun.template.LoadedMachine;
import dev.sfnrun.template.TemplateException;
import dev.sfnrun.template.TemplateOptions;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where the definition comes from, shared by {@code run} and {@code validate}: a SAM / CloudFormation
 * template ({@code --template}, {@code --state-machine}, {@code --parameter-overrides}) and values for
 * {@code ${NAME}} placeholders ({@code --substitution}, {@code --substitutions}). Definition files in
 * YAML ({@code *.asl.yaml}) are read as YAML.
 */
final class DefinitionOptions {
    private String template;
    private String stateMachine;
    private List<String> parameterOverrides;
    private List<String> substitution;
    private String substitutionsFile;

    /** Adds the options to a command. */
    static void addTo(CommandSpec spec) {
        spec.addOption(Specs.option("--template", "FILE", String.class, null,
                "A SAM or CloudFormation template (YAML or JSON) declaring the state machine; its Lambda "
                        + "functions (python3.x, nodejs*, java*) are bound by name."));
        spec.addOption(Specs.option("--state-machine", "LOGICAL_ID", String.class, null,
                "The template's state machine to use (needed when it has several)."));
        spec.addOption(Specs.repeatable("--parameter-overrides", "NAME=VALUE",
                "A value for a template parameter (repeatable; default: the parameter's Default)."));
        spec.addOption(Specs.repeatable("--substitution", "NAME=VALUE",
                "Replaces $${NAME} in the definition's text before it is read, as DefinitionSubstitutions does (repeatable)."));
        spec.addOption(Specs.option("--substitutions", "FILE", String.class, null,
                "A JSON or YAML map of NAME: VALUE substitutions (--substitution wins)."));
    }

    /** The parsed values of a command's options. */
    static DefinitionOptions read(CommandSpec spec) {
        DefinitionOptions options = new DefinitionOptions();
        options.template = Specs.value(spec, "--template");
        options.stateMachine = Specs.value(spec, "--state-machine");
        options.parameterOverrides = orEmpty(Specs.value(spec, "--parameter-overrides"));
        options.substitution = orEmpty(Specs.value(spec, "--substitution"));
        options.substitutionsFile = Specs.value(spec, "--substitutions");
        if (options.stateMachine != null && options.template == null) {
            throw new UsageError("--state-machine names a state machine of a template: give the template with --template FILE");
        }
        if (!options.parameterOverrides.isEmpty() && options.template == null) {
            throw new UsageError("--parameter-overrides sets a template's parameters: give the template with --template FILE");
        }
        return options;
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    boolean hasTemplate() {
        return template != null;
    }

    String template() {
        return template;
    }

    /** The files these options and {@code definition} (a file, - or null) read, for {@link OutputFiles#notOver}. */
    List<OutputFiles.Read> reads(String definition) {
        return List.of(new OutputFiles.Read("the definition", definition), new OutputFiles.Read("the template", template),
                new OutputFiles.Read("the substitutions file", substitutionsFile));
    }

    /**
     * The files a loaded machine was read from besides the definition and template named by the options
     * (a template's {@code DefinitionUri} file), for {@link OutputFiles#notOver} once it is loaded.
     */
    static List<OutputFiles.Read> reads(LoadedMachine loaded) {
        return loaded.reads().stream().map(read -> new OutputFiles.Read(read.what(), read.file().toString())).toList();
    }

    /** The run's definition: from the template, or from {@code definition} (a file, or - for {@code stdin}). */
    LoadedMachine load(String definition, InputStream stdin, String region, String account, boolean validate) {
        if (template != null && definition != null) {
            throw new UsageError("give either a DEFINITION file or --template FILE, not both");
        }
        try {
            if (template != null) {
                return DefinitionSource.template(template, stateMachine, templateOptions(region, account), substitutions());
            }
            String text = InputFiles.read(definition, stdin);
            Map<String, String> substitutions = substitutions();
            if (DefinitionSource.isYaml(definition) || DefinitionSource.substitutes(text, substitutions)) {
                return DefinitionSource.text(definition, text, substitutions); // replaced in the text, then parsed
            }
            try {
                return DefinitionSource.document(definition, LocatedJson.parse(text), substitutions);
            } catch (LocatedJson.SyntaxException e) {
                ValidateCommand.loadForRun(definition, text, validate); // refuses it with the usual message
                throw new UsageError(definition + ": invalid JSON: " + e.getMessage());
            }
        } catch (TemplateException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /**
     * Every state machine of the template ({@code validate --template}), each loaded when asked, so
     * that one that cannot be loaded (a missing DefinitionUri) leaves the others to be checked.
     */
    List<java.util.function.Supplier<LoadedMachine>> loadEach() {
        TemplateOptions options = templateOptions(TemplateOptions.defaults().region(), TemplateOptions.defaults().account());
        dev.sfnrun.template.Template parsed = dev.sfnrun.template.Template.read(template, options);
        if (stateMachine != null) {
            return List.of(() -> parsed.machine(stateMachine, substitutions()));
        }
        if (parsed.stateMachineIds().isEmpty()) {
            throw new TemplateException(template + ": no state machine (AWS::Serverless::StateMachine or"
                    + " AWS::StepFunctions::StateMachine) in Resources");
        }
        return parsed.stateMachineIds().stream()
                .<java.util.function.Supplier<LoadedMachine>>map(id -> () -> parsed.machine(id, substitutions())).toList();
    }

    /** A definition file for {@code validate}: JSON, or YAML for *.yaml / *.yml. */
    LoadedMachine loadFile(String file, String text) {
        Map<String, String> substitutions = substitutions();
        if (DefinitionSource.isYaml(file) || DefinitionSource.substitutes(text, substitutions)) {
            return DefinitionSource.text(file, text, substitutions); // replaced in the text, then parsed
        }
        try {
            return DefinitionSource.document(file, LocatedJson.parse(text), substitutions);
        } catch (LocatedJson.SyntaxException e) {
            return null;
        }
    }

    /**
     * Prints the notes of a loaded machine on the error stream: functions not bound, and template
     * runtimes whose version differs from the local interpreter's.
     */
    static void printNotes(LoadedMachine machine, List<String> taskBindings, HandlerSettings settings, PrintWriter err) {
        List<String> notes = new java.util.ArrayList<>(machine.notes());
        Map<String, HandlerSpec> handlers = machine.functions().handlers(taskBindings);
        if (!handlers.isEmpty()) {
            notes.addAll(RuntimeNotes.of(handlers, settings.python(), settings.node()));
        }
        for (String note : notes) {
            err.println("sfn-run: note: " + Neutral.text(note));
        }
        err.flush();
    }

    private TemplateOptions templateOptions(String region, String account) {
        return new TemplateOptions(region, account, null, pairs("--parameter-overrides", parameterOverrides));
    }

    /** The values for ${NAME}: the --substitutions file, then each --substitution over it. */
    Map<String, String> substitutions() {
        Map<String, String> values = new LinkedHashMap<>();
        if (substitutionsFile != null) {
            values.putAll(substitutionsFile(substitutionsFile));
        }
        values.putAll(pairs("--substitution", substitution));
        return values;
    }

    private static Map<String, String> substitutionsFile(String file) {
        JsonNode map;
        try {
            map = DefinitionSource.file(file, Map.of()).definition();
        } catch (TemplateException e) {
            throw new UsageError(e.getMessage());
        }
        if (map == null || !map.isObject()) {
            throw new UsageError(file + ": expected a map of NAME: VALUE substitutions");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                throw new UsageError(file + ": " + field.getKey() + ": expected a string, number or boolean value");
            }
            values.put(field.getKey(), field.getValue().asText());
        }
        return values;
    }

    private static Map<String, String> pairs(String option, List<String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : given) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new UsageError(option + " " + pair + ": expected NAME=VALUE");
            }
            values.put(pair.substring(0, equals).trim(), pair.substring(equals + 1));
        }
        return values;
    }
}
