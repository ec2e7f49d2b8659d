package dev.sfnrun.template;

import dev.sfnrun.definition.ResourceNames;
import dev.sfnrun.definition.validate.LocatedJson;
import dev.sfnrun.definition.validate.SourceMap;
import java.util.List;
import java.util.Map;

/**
 * Where a state machine definition comes from, for every front end (run, validate, test suites,
 * graph): a definition file (JSON, or YAML for {@code .yaml} / {@code .yml}) or a SAM /
 * CloudFormation template, with {@code ${NAME}} substitutions. Each gives a {@link LoadedMachine}.
 */
public final class DefinitionSource {
    private DefinitionSource() {
    }

    /** Whether a file name says YAML ({@code *.asl.yaml}, {@code *.yml}, ...). */
    public static boolean isYaml(String file) {
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    /**
     * Reads and loads a definition file.
     *
     * @throws TemplateException naming the file (line and column for a syntax error)
     */
    public static LoadedMachine file(String file, Map<String, String> substitutions) {
        return text(file, SourceFiles.read(file), substitutions);
    }

    /**
     * Loads a definition from its text; {@code label} is the file name (YAML when it says so). The
     * substitutions are applied to the text before it is parsed, as CloudFormation applies
     * DefinitionSubstitutions (see {@link TextSubstitution}); positions are those of the text as written.
     */
    public static LoadedMachine text(String label, String text, Map<String, String> substitutions) {
        TextSubstitution replaced;
        try {
            replaced = TextSubstitution.apply(text, substitutions);
        } catch (TextSubstitution.Refused e) {
            throw new TemplateException(label + ": " + e.getMessage());
        }
        return document(label, parse(label, replaced, isYaml(label)), substitutions);
    }

    /** Whether {@code text} holds a {@code ${NAME}} that {@code substitutions} replace (then it is replaced as text). */
    public static boolean substitutes(String text, Map<String, String> substitutions) {
        if (!text.contains("${")) {
            return false;
        }
        for (String name : substitutions.keySet()) {
            if (text.contains("${" + name + "}")) {
                return true;
            }
        }
        return false;
    }

    /** Loads an already parsed definition (its name from {@code label}). */
    public static LoadedMachine document(String label, LocatedJson document, Map<String, String> substitutions) {
        Placeholders.Result substituted = Placeholders.substitute(document.root(), substitutions);
        LocatedJson definition = new LocatedJson(substituted.definition(), document.sourceMap(), document.duplicateKeys());
        return new LoadedMachine(label, machineName(label), definition, substituted.unbound(), TemplateFunctions.NONE,
                List.of());
    }

    /**
     * The state machine of a template ({@code logicalId} null: its only one), with the template's
     * functions bound and any notes about them.
     */
    public static LoadedMachine template(String file, String logicalId, TemplateOptions options,
                                         Map<String, String> substitutions) {
        Template template = Template.read(file, options);
        LoadedMachine machine = template.machine(logicalId, substitutions);
        List<String> notes = new java.util.ArrayList<>(template.duplicateKeyNotes());
        notes.addAll(machine.notes());
        TemplateFunctions functions = template.functions(notes);
        return new LoadedMachine(machine.source(), machine.name(), machine.document(), machine.unbound(), functions, notes,
                machine.type(), machine.reads());
    }

    /**
     * The name for ARNs of a definition file: its name without .asl.json, .json, .asl.yaml, ..., made
     * a name AWS accepts ({@code my flow.asl.json} is {@code my-flow}; see {@link ResourceNames#valid}).
     */
    public static String machineName(String file) {
        String name = java.nio.file.Path.of(file).getFileName() == null ? file
                : java.nio.file.Path.of(file).getFileName().toString();
        for (String suffix : new String[] {".asl.json", ".json", ".asl.yaml", ".asl.yml", ".yaml", ".yml"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        return name.equals("-") ? "StateMachine" : ResourceNames.valid(name, ResourceNames.MAX_NAME, "StateMachine");
    }

    /** Parses definition text: YAML, or JSON with JSON's messages. */
    static LocatedJson parse(String label, String text, boolean yaml) {
        return parse(label, TextSubstitution.apply(text, Map.of()), yaml);
    }

    /** Parses substituted definition text, every position (of values and of errors) in the text as written. */
    static LocatedJson parse(String label, TextSubstitution replaced, boolean yaml) {
        if (yaml) {
            return YamlReader.read(label, replaced.text(), replaced::original);
        }
        try {
            return moved(LocatedJson.parse(replaced.text()), replaced);
        } catch (LocatedJson.SyntaxException e) {
            SourceMap.Position at = replaced.original(e.position());
            throw new TemplateException(label + ":" + at.line() + ":" + at.column() + ": not valid JSON: " + e.getMessage(), at);
        }
    }

    /**
     * Parses a template's definition file as CloudFormation's Step Functions handler reads the object
     * DefinitionS3Location names: as JSON first, then as YAML, whatever the file is called. When neither
     * reads it, the error is that of the format its name ({@code .yaml}, {@code .json}) or its first
     * character ({@code {}, {@code [}) says.
     */
    static LocatedJson parseJsonOrYaml(String label, TextSubstitution replaced, boolean yamlByName) {
        try {
            return moved(LocatedJson.parse(replaced.text()), replaced);
        } catch (LocatedJson.SyntaxException json) {
            try {
                return YamlReader.read(label, replaced.text(), replaced::original);
            } catch (TemplateException yaml) {
                String start = replaced.text().stripLeading();
                boolean looksJson = !yamlByName && (json.tooDeep() || label.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                        || start.startsWith("{") || start.startsWith("["));
                if (!looksJson) {
                    throw yaml;
                }
                SourceMap.Position at = replaced.original(json.position());
                throw new TemplateException(label + ":" + at.line() + ":" + at.column() + ": not valid JSON: "
                        + json.getMessage(), at);
            }
        }
    }

    /** A document parsed from replaced text, its positions moved to the text as written. */
    static LocatedJson moved(LocatedJson document, TextSubstitution replaced) {
        if (!replaced.changed()) {
            return document;
        }
        return new LocatedJson(document.root(), document.sourceMap().mapped(replaced::original),
                document.duplicateKeys().stream().map(key -> new LocatedJson.DuplicateKey(key.pointer(), key.name(),
                        replaced.original(key.position()))).toList());
    }
}
