package dev.sfnrun.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.ResourceNames;
import dev.sfnrun.definition.validate.LocatedJson;
import dev.sfnrun.definition.validate.SourceMap;
import dev.sfnrun.query.Json;
import java.util.HashMap;
import java.util.Iterator;
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
        Template.Property substitutionsProperty = template.property(logicalId, "DefinitionSubstitutions");
        substitutionsAt = pointer(substitutionsProperty, at + "/DefinitionSubstitutions");
        Map<String, String> substitutions = new LinkedHashMap<>(template.textMap(value(substitutionsProperty),
                substitutionsAt));
        substitutions.putAll(extraSubstitutions);
        LocatedJson document = switch (names.get(0)) { // the substitutions applied to the text, as CloudFormation does
            case "Definition" -> inline(property, substitutions);
            case "DefinitionString" -> fromString(property, substitutions);
            default -> fromFile(property, substitutions);
        };
        Placeholders.Result substituted = Placeholders.substitute(document.root(), substitutions); // finds those left
        LocatedJson definition = new LocatedJson(substituted.definition(), document.sourceMap(), document.duplicateKeys());
        String source = names.get(0).equals("DefinitionString") ? template.label + " " + Pointers.dotted(property.pointer())
                : names.get(0).equals("Definition") ? template.label : sourceOfFile;
        List<LoadedMachine.Read> reads = fileRead == null ? List.of() : List.of(new LoadedMachine.Read("the definition of "
                + template.label + " Resources." + logicalId + " (" + names.get(0) + ")", fileRead));
        // CloudFormation replaces only the names DefinitionSubstitutions give and leaves any other ${...} as written
        // (Fn::Sub's ${!Literal} makes one): the template says all there is, so nothing is missing, only noted
        List<String> notes = new ArrayList<>();
        List<String> left = new LoadedMachine(source, logicalId, definition, substituted.unbound(), TemplateFunctions.NONE,
                List.of()).unboundNames();
        if (!left.isEmpty()) {
            notes.add(template.label + " Resources." + logicalId + ": " + String.join(", ", left.stream().map(n -> "${" + n + "}")
                    .toList()) + (left.size() == 1 ? " is" : " are") + " not among the DefinitionSubstitutions: left as"
                    + " written, as CloudFormation leaves it");
        }
        return new LoadedMachine(source, name(), definition, List.of(), TemplateFunctions.NONE, notes, type(), reads);
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
    private String substitutionsAt;
    private Path fileRead;

    private static JsonNode value(Template.Property property) {
        return property == null ? null : property.value();
    }

    private static String pointer(Template.Property property, String fallback) {
        return property == null ? fallback : property.pointer();
    }

    /**
     * The name in ARNs: the template's name property, else the logical id. The name given must be
     * one AWS accepts (CreateStateMachine refuses others), checked as {@code --state-machine-name} is.
     */
    private String name() {
        for (String property : new String[] {"Name", "StateMachineName"}) {
            Template.Property name = template.property(logicalId, property);
            if (name != null) {
                String text = template.resolver.text(name.value(), name.pointer());
                if (!ResourceNames.isValid(text, ResourceNames.MAX_NAME)) {
                    throw template.resolver.error(name.pointer(), "'" + text + "': " + ResourceNames.rule(ResourceNames.MAX_NAME));
                }
                return text;
            }
        }
        return logicalId;
    }

    /** {@code text} with the substitutions applied; values that cannot be applied are refused at DefinitionSubstitutions. */
    private TextSubstitution replaced(String text, Map<String, String> substitutions) {
        try {
            return TextSubstitution.apply(text, substitutions);
        } catch (TextSubstitution.Refused e) {
            throw template.resolver.error(substitutionsAt, e.getMessage());
        }
    }

    /**
     * The inline definition; with substitutions, written out as JSON, replaced and read again, as
     * CloudFormation does (so keys are replaced too), each value keeping its place in the template.
     */
    private LocatedJson inline(Template.Property property, Map<String, String> substitutions) {
        JsonNode definition = template.resolved(property);
        if (!definition.isObject()) {
            throw template.resolver.error(property.pointer(), "expected the definition as a mapping (inline YAML or JSON)");
        }
        SourceMap positions = template.sourceMap.under(property.pointer());
        List<LocatedJson.DuplicateKey> duplicates = new ArrayList<>(); // a validation error, as in a definition file
        for (LocatedJson.DuplicateKey key : template.duplicateKeys) {
            if (key.pointer().startsWith(property.pointer() + "/")) {
                duplicates.add(new LocatedJson.DuplicateKey(key.pointer().substring(property.pointer().length()), key.name(),
                        key.position()));
            }
        }
        TextSubstitution replaced = replaced(Json.compact(definition), substitutions);
        if (!replaced.changed()) {
            return new LocatedJson(definition, positions, duplicates);
        }
        LocatedJson parsed;
        try {
            parsed = LocatedJson.parse(replaced.text());
        } catch (LocatedJson.SyntaxException e) { // a value with a quote in it breaks the JSON text on AWS too
            throw template.resolver.error(property.pointer(), "not valid JSON once DefinitionSubstitutions are applied to"
                    + " its text (as CloudFormation applies them): " + e.getMessage());
        }
        Map<String, SourceMap.Position> moved = new HashMap<>();
        pair(definition, "", parsed.root(), "", positions, moved);
        SourceMap map = SourceMap.of(moved);
        parsed.duplicateKeys().forEach(key -> duplicates.add(new LocatedJson.DuplicateKey(key.pointer(), key.name(),
                map.position(key.pointer()))));
        return new LocatedJson(parsed.root(), map, duplicates);
    }

    /** The position in the template of each value of the replaced definition: where its counterpart was. */
    private static void pair(JsonNode before, String beforeAt, JsonNode after, String afterAt, SourceMap positions,
                             Map<String, SourceMap.Position> moved) {
        moved.put(afterAt, positions.position(beforeAt));
        if (before.isObject() && after.isObject() && before.size() == after.size()) {
            Iterator<String> beforeNames = before.fieldNames();
            Iterator<String> afterNames = after.fieldNames();
            while (beforeNames.hasNext()) {
                String b = beforeNames.next();
                String a = afterNames.next();
                pair(before.get(b), Pointers.child(beforeAt, b), after.get(a), Pointers.child(afterAt, a), positions, moved);
            }
        } else if (before.isArray() && after.isArray() && before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) {
                pair(before.get(i), Pointers.child(beforeAt, i), after.get(i), Pointers.child(afterAt, i), positions, moved);
            }
        }
    }

    private LocatedJson fromString(Template.Property property, Map<String, String> substitutions) {
        TextSubstitution replaced = replaced(template.resolver.text(property.value(), property.pointer()), substitutions);
        try {
            return DefinitionSource.moved(LocatedJson.parse(replaced.text()), replaced);
        } catch (LocatedJson.SyntaxException e) { // placed at the property in the template, the string's own line and column told
            SourceMap.Position at = replaced.original(e.position());
            throw template.resolver.error(property.pointer(), "not valid JSON at line " + at.line()
                    + ", column " + at.column() + " of the string: " + e.getMessage());
        }
    }

    private LocatedJson fromFile(Template.Property property, Map<String, String> substitutions) {
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
        if (file.isBlank()) {
            throw template.resolver.error(property.pointer(), "names no file (the value is empty)");
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
        return DefinitionSource.parseJsonOrYaml(sourceOfFile, replaced(text, substitutions), DefinitionSource.isYaml(file));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
