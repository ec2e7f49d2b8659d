package dev.sfnrun.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.validate.LocatedJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One state machine resource of a template, loaded: its definition from {@code Definition}
 * (inline, intrinsics resolved), {@code DefinitionUri} / {@code DefinitionS3Location} (a local JSON
 * or YAML file) or {@code DefinitionString}, with {@code DefinitionSubstitutions} applied.
 */
final class MachineLoader {
    private static final String[] FORMS = {"Definition", "DefinitionUri", "DefinitionS3Location", "DefinitionString"};

    private final Template template;
    private final String logicalId;

    MachineLoader(Template template, String logicalId) {
        this.template = template;
        this.logicalId = logicalId;
    }

    LoadedMachine load(Map<String, String> extraSubstitutions) {
        List<Template.Property> given = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String form : FORMS) {
            Template.Property property = template.property(logicalId, form);
            if (property != null) {
                given.add(property);
                names.add(form);
            }
        }
        String at = "/Resources/" + logicalId + "/Properties";
        if (given.isEmpty()) {
            throw template.resolver.error(at, "the state machine has no Definition, DefinitionUri,"
                    + " DefinitionS3Location or DefinitionString");
        }
        if (given.size() > 1) {
            throw template.resolver.error(at, "give one of " + String.join(", ", names) + ", not several");
        }
        Template.Property property = given.get(0);
        LocatedJson document = switch (names.get(0)) {
            case "Definition" -> inline(property);
            case "DefinitionString" -> fromString(property);
            default -> fromFile(property);
        };
        Map<String, String> substitutions = new LinkedHashMap<>(template.textMap(
                value(template.property(logicalId, "DefinitionSubstitutions")),
                pointer(template.property(logicalId, "DefinitionSubstitutions"), at + "/DefinitionSubstitutions")));
        substitutions.putAll(extraSubstitutions);
        Placeholders.Result substituted = Placeholders.substitute(document.root(), substitutions);
        LocatedJson definition = new LocatedJson(substituted.definition(), document.sourceMap(), document.duplicateKeys());
        String source = names.get(0).equals("DefinitionString") ? template.label + " " + Pointers.dotted(property.pointer())
                : names.get(0).equals("Definition") ? template.label : sourceOfFile;
        List<LoadedMachine.Read> reads = fileRead == null ? List.of() : List.of(new LoadedMachine.Read("the definition of "
                + template.label + " Resources." + logicalId + " (" + names.get(0) + ")", fileRead));
        return new LoadedMachine(source, name(), definition, substituted.unbound(), TemplateFunctions.NONE, List.of(), type(),
                reads);
    }

    /**
     * The workflow type the template gives the machine (SAM's {@code Type}, CloudFormation's
     * {@code StateMachineType}: STANDARD or EXPRESS), or null when it gives none (then STANDARD, as on AWS).
     */
    private String type() {
        String property = template.property(logicalId, "Type") != null ? "Type" : "StateMachineType";
        Template.Property given = template.property(logicalId, property);
        if (given == null) {
            return null;
        }
        JsonNode value = template.resolved(given);
        if (value == null || !value.isTextual() || !(value.asText().equals("STANDARD") || value.asText().equals("EXPRESS"))) {
            throw template.resolver.error(given.pointer(), "the workflow type must be STANDARD or EXPRESS, not "
                    + (value == null || value.isNull() ? "nothing" : value.isTextual() ? "'" + value.asText() + "'" : value.toString()));
        }
        return value.asText();
    }

    private String sourceOfFile;
    private Path fileRead;

    private static JsonNode value(Template.Property property) {
        return property == null ? null : property.value();
    }

    private static String pointer(Template.Property property, String fallback) {
        return property == null ? fallback : property.pointer();
    }

    /** The name in ARNs: the template's name property, else the logical id. */
    private String name() {
        for (String property : new String[] {"Name", "StateMachineName"}) {
            Template.Property name = template.property(logicalId, property);
            if (name != null) {
                return template.resolver.text(name.value(), name.pointer());
            }
        }
        return logicalId;
    }

    private LocatedJson inline(Template.Property property) {
        JsonNode definition = template.resolved(property);
        if (!definition.isObject()) {
            throw template.resolver.error(property.pointer(), "expected the definition as a mapping (inline YAML or JSON)");
        }
        return new LocatedJson(definition, template.sourceMap.under(property.pointer()), List.of());
    }

    private LocatedJson fromString(Template.Property property) {
        String text = template.resolver.text(property.value(), property.pointer());
        try {
            return LocatedJson.parse(text);
        } catch (LocatedJson.SyntaxException e) { // placed at the property in the template, the string's own line and column told
            throw template.resolver.error(property.pointer(), "not valid JSON at line " + e.position().line()
                    + ", column " + e.position().column() + " of the string: " + e.getMessage());
        }
    }

    private LocatedJson fromFile(Template.Property property) {
        JsonNode location = template.resolved(property);
        if (location.isObject()) {
            throw template.resolver.error(property.pointer(), "an S3 location (" + String.join(", ", fieldNames(location))
                    + ") cannot be read locally; name the local definition file instead (as before sam package)");
        }
        String file = template.resolver.text(location, property.pointer());
        if (file.startsWith("s3://")) {
            throw template.resolver.error(property.pointer(), file + " is in S3, which cannot be read locally;"
                    + " name the local definition file instead (as before sam package)");
        }
        Path path = template.localPath(file);
        sourceOfFile = Template.display(path);
        fileRead = path;
        String text;
        try {
            text = SourceFiles.read(path.toString());
        } catch (TemplateException e) {
            throw template.resolver.error(property.pointer(), sourceOfFile + e.getMessage().substring(path.toString().length()));
        }
        return DefinitionSource.parse(sourceOfFile, text, DefinitionSource.isYaml(file));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
