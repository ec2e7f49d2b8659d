package dev.sfnrun.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.validate.LocatedJson;
import dev.sfnrun.definition.validate.SourceMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SAM or CloudFormation template (YAML or JSON) as sfn-run reads it: its state machines
 * ({@code AWS::Serverless::StateMachine}, {@code AWS::StepFunctions::StateMachine}) and its Lambda
 * functions, every value resolved through {@link Resolver}.
 */
public final class Template {
    static final Set<String> MACHINE_TYPES = Set.of("AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine");

    final String label;
    final Path directory;
    final ObjectNode root;
    final SourceMap sourceMap;
    final Resolver resolver;
    final TemplateOptions options;
    /** The keys given twice in one mapping (the last one is used, as CloudFormation uses it). */
    final List<LocatedJson.DuplicateKey> duplicateKeys;

    private Template(String label, Path directory, ObjectNode root, SourceMap sourceMap, TemplateOptions options,
                     List<LocatedJson.DuplicateKey> duplicateKeys) {
        this.label = label;
        this.duplicateKeys = List.copyOf(duplicateKeys);
        this.directory = directory;
        this.root = root;
        this.sourceMap = sourceMap;
        this.options = options;
        this.resolver = new Resolver(label, root, sourceMap, options);
    }

    /**
     * Reads a template file.
     *
     * @throws TemplateException naming the file (and line and column) when it cannot be read or is not a template
     */
    public static Template read(String file, TemplateOptions options) {
        String text = SourceFiles.read(file);
        LocatedJson document = YamlReader.read(file, text);
        if (document.root() == null || !document.root().isObject()) {
            throw new TemplateException(file + ": not a SAM or CloudFormation template (expected a mapping with Resources)");
        }
        if (!document.root().path("Resources").isObject()) {
            throw new TemplateException(file + ": not a SAM or CloudFormation template: it has no Resources mapping");
        }
        List<String> unknown = options.parameterOverrides().keySet().stream()
                .filter(name -> !document.root().path("Parameters").has(name)).sorted().toList();
        if (!unknown.isEmpty()) { // as CloudFormation refuses them, in its words
            throw new TemplateException(file + ": " + (document.root().path("Parameters").size() == 0
                    ? "Parameter values specified for a template which does not require them."
                    : "Parameters: [" + String.join(", ", unknown) + "] do not exist in the template")
                    + " (--parameter-overrides)");
        }
        JsonNode machineGlobals = document.root().path("Globals").path("StateMachine");
        Iterator<String> names = machineGlobals.isObject() ? machineGlobals.fieldNames() : java.util.Collections.emptyIterator();
        while (names.hasNext()) { // SAM refuses the template: only PropagateTags may be given there
            String name = names.next();
            if (!name.equals("PropagateTags")) {
                throw new TemplateException(file + ": " + Pointers.dotted(Pointers.child("/Globals/StateMachine", name))
                        + ": 'Globals' section is invalid. '" + name + "' is not a supported property of 'StateMachine'."
                        + " Must be one of the following values - ['PropagateTags']",
                        document.sourceMap().position(Pointers.child("/Globals/StateMachine", name)));
            }
        }
        Path directory = Path.of(file).toAbsolutePath().getParent();
        return new Template(file, directory, (ObjectNode) document.root(), document.sourceMap(), options,
                document.duplicateKeys());
    }

    public String file() {
        return label;
    }

    /** The logical ids of the state machines, in template order (those a false Condition leaves out, left out). */
    public List<String> stateMachineIds() {
        List<String> ids = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> resources = root.path("Resources").fields();
        while (resources.hasNext()) {
            Map.Entry<String, JsonNode> resource = resources.next();
            if (MACHINE_TYPES.contains(resource.getValue().path("Type").asText())
                    && resolver.conditionAgainst(resource.getKey()) == null) {
                ids.add(resource.getKey());
            }
        }
        return ids;
    }

    /**
     * The state machine {@code logicalId} (null: the only one).
     *
     * @param substitutions values for {@code ${NAME}} placeholders, over the template's DefinitionSubstitutions
     */
    public LoadedMachine machine(String logicalId, Map<String, String> substitutions) {
        List<String> ids = stateMachineIds();
        if (logicalId == null) {
            if (ids.isEmpty()) {
                throw new TemplateException(label + ": no state machine (AWS::Serverless::StateMachine or"
                        + " AWS::StepFunctions::StateMachine) in Resources");
            }
            if (ids.size() > 1) {
                throw new TemplateException(label + ": " + ids.size() + " state machines (" + String.join(", ", ids)
                        + "): choose one with --state-machine LOGICAL_ID");
            }
            logicalId = ids.get(0);
        } else if (!ids.contains(logicalId) && resolver.typeOf(logicalId) != null && MACHINE_TYPES.contains(resolver.typeOf(logicalId))) {
            throw new TemplateException(label + ": the state machine '" + logicalId + "' is not created: its Condition "
                    + resolver.conditionAgainst(logicalId) + " is false under these parameters"
                    + (ids.isEmpty() ? "" : " (state machines: " + String.join(", ", ids) + ")"));
        } else if (!ids.contains(logicalId)) {
            throw new TemplateException(label + ": no state machine '" + logicalId + "' in Resources"
                    + (ids.isEmpty() ? "" : " (state machines: " + String.join(", ", ids) + ")"));
        }
        return new MachineLoader(this, logicalId).load(substitutions);
    }

    /**
     * A note for each key given twice outside a state machine's inline Definition (where it is a validation
     * error, as in a definition file): CloudFormation uses the last one, {@code aws cloudformation package}
     * and cfn-lint refuse them.
     */
    List<String> duplicateKeyNotes() {
        List<String> notes = new ArrayList<>();
        for (LocatedJson.DuplicateKey key : duplicateKeys) {
            List<String> at = Pointers.segments(key.pointer());
            if (at.size() > 4 && at.get(0).equals("Resources") && at.get(2).equals("Properties") && at.get(3).equals("Definition")
                    && MACHINE_TYPES.contains(root.path("Resources").path(at.get(1)).path("Type").asText())) {
                continue;
            }
            notes.add(label + ":" + key.position().line() + ":" + key.position().column() + ": " + Pointers.dotted(key.pointer())
                    + " is given twice; the last one is used, as CloudFormation uses it");
        }
        return notes;
    }

    /** The template's Lambda functions bound by name (see {@link FunctionLoader}). */
    public TemplateFunctions functions(List<String> notes) {
        return new FunctionLoader(this).load(notes);
    }

    /**
     * A property of a resource, or else of its type's Globals section (SAM); null when neither has it.
     * The pointer says where it was found.
     */
    Property property(String logicalId, String name) {
        JsonNode resource = root.path("Resources").path(logicalId);
        JsonNode value = resource.path("Properties").get(name);
        if (value != null) { // an Fn::If giving AWS::NoValue removes it (SAM's Globals do not fill it in)
            return resolver.present(new Property(value, "/Resources/" + logicalId + "/Properties/"
                    + Pointers.child("", name).substring(1)));
        }
        return global(resource, name);
    }

    /** The resource's own property (no Globals), as {@link #property} gives it; null when absent. */
    Property ownProperty(String logicalId, String name) {
        JsonNode value = root.path("Resources").path(logicalId).path("Properties").get(name);
        return value == null ? null : resolver.present(new Property(value, "/Resources/" + logicalId + "/Properties/"
                + Pointers.child("", name).substring(1)));
    }

    /**
     * The property {@code name} of the SAM Globals section of the resource's type; null when absent or
     * when the resource's {@code IgnoreGlobals} ({@code "*"} or a list of names) leaves it out, as SAM does.
     */
    Property global(JsonNode resource, String name) {
        String type = resource.path("Type").asText();
        if (type.startsWith("AWS::Serverless::")) {
            String section = type.substring("AWS::Serverless::".length());
            JsonNode globals = root.path("Globals").path(section);
            JsonNode global = globals.get(name);
            if (global != null && !ignored(resource, globals, name)) {
                return resolver.present(new Property(global, Pointers.child("/Globals/" + section, name)));
            }
        }
        return null;
    }

    /** Whether the resource's IgnoreGlobals leaves out the global {@code name}; refused in SAM's words when malformed. */
    private boolean ignored(JsonNode resource, JsonNode globals, String name) {
        JsonNode ignore = resource.get("IgnoreGlobals");
        if (ignore == null) {
            return false;
        }
        String id = logicalId(resource);
        String at = "/Resources/" + id + "/IgnoreGlobals";
        if (ignore.isTextual() && ignore.asText().equals("*")) {
            return true;
        }
        if (!ignore.isArray()) {
            throw resolver.error(at, "Resource " + id + " has invalid resource attribute 'IgnoreGlobals'.");
        }
        boolean ignored = false;
        for (JsonNode item : ignore) {
            if (!globals.has(item.asText())) {
                throw resolver.error(at, "Resource " + id + " has invalid resource attribute 'IgnoreGlobals' on item '"
                        + item.asText() + "'.");
            }
            ignored |= item.asText().equals(name);
        }
        return ignored;
    }

    private String logicalId(JsonNode resource) {
        Iterator<Map.Entry<String, JsonNode>> resources = root.path("Resources").fields();
        while (resources.hasNext()) {
            Map.Entry<String, JsonNode> entry = resources.next();
            if (entry.getValue() == resource) {
                return entry.getKey();
            }
        }
        return "?";
    }

    record Property(JsonNode value, String pointer) {
    }

    /** Resolves a property's value (its intrinsics); null when the property is absent. */
    JsonNode resolved(Property property) {
        return property == null ? null : resolver.resolve(property.value(), property.pointer());
    }

    Map<String, String> textMap(JsonNode map, String pointer) {
        Map<String, String> values = new LinkedHashMap<>();
        if (map == null || map.isNull()) {
            return values;
        }
        if (!map.isObject()) {
            throw resolver.error(pointer, "expected a mapping of names to values");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = Pointers.child(pointer, field.getKey());
            JsonNode value = resolver.resolve(field.getValue(), at);
            if (value.isNull() && field.getValue().isObject()) {
                continue; // AWS::NoValue
            }
            if (!value.isValueNode() || value.isNull()) {
                throw resolver.error(at, "expected a string, number or boolean, found "
                        + (value.isArray() ? "a list" : value.isObject() ? "a mapping" : "nothing"));
            }
            values.put(field.getKey(), value.asText());
        }
        return values;
    }

    /** A path named in the template, relative to the template's directory. */
    Path localPath(String path) {
        return directory.resolve(path).normalize();
    }

    /** How the path is shown in messages: relative to the working directory when it lies under it. */
    static String display(Path path) {
        Path here = Path.of("").toAbsolutePath();
        String shown = path.startsWith(here) ? here.relativize(path).toString() : path.toString();
        return shown.isEmpty() ? "." : shown; // the working directory itself
    }
}
