package dev.sfnrun.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.task.process.HandlerSpec;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template's {@code AWS::Serverless::Function} and {@code AWS::Lambda::Function} resources as
 * bindings: {@code python3.x} and {@code nodejs*} runtimes as {@link HandlerSpec}s from
 * {@code CodeUri} (or {@code Code} as a local path) and {@code Handler}, with
 * {@code Environment.Variables} and {@code Timeout} (Globals included); {@code java*} runtimes as
 * {@code pkg.Class::method} for the class path. A function that cannot run locally (an image, code in
 * S3, another runtime) is left unbound with a note.
 */
final class FunctionLoader {
    private static final List<String> TYPES = List.of("AWS::Serverless::Function", "AWS::Lambda::Function");

    private final Template template;

    FunctionLoader(Template template) {
        this.template = template;
    }

    TemplateFunctions load(List<String> notes) {
        Map<String, HandlerSpec> handlers = new LinkedHashMap<>();
        Map<String, String> java = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> resources = template.root.path("Resources").fields();
        while (resources.hasNext()) {
            Map.Entry<String, JsonNode> resource = resources.next();
            if (TYPES.contains(resource.getValue().path("Type").asText())
                    && template.resolver.conditionAgainst(resource.getKey()) == null) { // a false Condition: not created
                function(resource.getKey(), handlers, java, notes);
            }
        }
        return new TemplateFunctions(handlers, java);
    }

    private void function(String id, Map<String, HandlerSpec> handlers, Map<String, String> java, List<String> notes) {
        String origin = template.label + " Resources." + id;
        Template.Property runtimeProperty = template.property(id, "Runtime");
        if (runtimeProperty == null) {
            notes.add(origin + ": no Runtime (an image or a custom runtime): not bound");
            return;
        }
        String runtime = template.resolver.text(runtimeProperty.value(), runtimeProperty.pointer());
        HandlerSpec.Language language;
        if (runtime.startsWith("python3")) {
            language = HandlerSpec.Language.PYTHON;
        } else if (runtime.startsWith("nodejs")) {
            language = HandlerSpec.Language.NODE;
        } else if (runtime.startsWith("java")) {
            language = null;
        } else {
            notes.add(origin + ": runtime " + runtime + " does not run locally (python3.x, nodejs* and java* do): not bound");
            return;
        }
        Template.Property handlerProperty = template.property(id, "Handler");
        if (handlerProperty == null) {
            throw template.resolver.error("/Resources/" + id + "/Properties", "the function has no Handler");
        }
        String handler = template.resolver.text(handlerProperty.value(), handlerProperty.pointer());
        if (language != null && handler.contains("..")) { // the file would be found outside CodeUri, the task root
            throw template.resolver.error(handlerProperty.pointer(), language == HandlerSpec.Language.NODE
                    ? "'" + handler + "' is not a valid handler name. Use absolute paths when specifying root directories"
                            + " in handler names. (Lambda's Node.js runtime refuses it: Runtime.MalformedHandlerName)"
                    : "'" + handler + "' is not a valid handler name: Lambda's Python runtime imports module.function"
                            + " from under CodeUri and cannot import a module named with '..'");
        }
        String name = template.resolver.resourceName(id);
        if (language == null) {
            java.put(name, handler);
            return;
        }
        Path code = codeDirectory(id, origin, notes);
        if (code == null) {
            return;
        }
        // Python: module.function at the last dot (app.handlers.orders.handler); Node.js: the file is the
        // last path segment's part before its first dot, the rest a nested export (src/index.handlers.main)
        int dot = language == HandlerSpec.Language.NODE ? handler.indexOf('.', handler.lastIndexOf('/') + 1)
                : handler.lastIndexOf('.');
        if (dot <= 0 || dot == handler.length() - 1) {
            throw template.resolver.error(handlerProperty.pointer(), "'" + handler + "' is not a handler: expected "
                    + (language == HandlerSpec.Language.PYTHON ? "module.function, as app.lambda_handler" : "file.export, as index.handler"));
        }
        String module = handler.substring(0, dot);
        String function = handler.substring(dot + 1);
        Path file = language == HandlerSpec.Language.PYTHON
                ? code.resolve(module.replace('.', '/') + ".py")
                : nodeFile(code, module);
        // a missing file is reported, naming the origin, when the handler is bound (explicit --task bindings win)
        handlers.put(name, new HandlerSpec(language, file, function, environment(id), timeout(id), runtime, origin, code));
    }

    private static Path nodeFile(Path code, String module) {
        for (String extension : new String[] {".js", ".mjs", ".cjs"}) {
            Path file = code.resolve(module + extension);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return code.resolve(module + ".js");
    }

    /** The function's code directory: CodeUri (SAM) or Code (CloudFormation, as a local path); null with a note when remote. */
    private Path codeDirectory(String id, String origin, List<String> notes) {
        Template.Property property = template.property(id, "CodeUri");
        if (property == null) {
            property = template.property(id, "Code");
        }
        if (property == null) {
            if (template.property(id, "InlineCode") != null) {
                notes.add(origin + ": InlineCode is not run locally: not bound");
                return null;
            }
            return template.directory;
        }
        JsonNode value = template.resolved(property);
        if (!value.isTextual() || value.asText().startsWith("s3://")) {
            notes.add(origin + ": " + Pointers.dotted(property.pointer()) + " is not a local path (code in S3 or inline):"
                    + " not bound");
            return null;
        }
        Path directory = template.localPath(value.asText());
        if (!Files.isDirectory(directory)) { // a .zip, or code not built yet: only a Task that calls it cannot run
            notes.add(origin + ": " + Pointers.dotted(property.pointer()) + ": " + Template.display(directory)
                    + (Files.exists(directory) ? " is not a directory (a .zip is run on Lambda, not locally)"
                    : " does not exist (not built yet?)") + ": not bound");
            return null;
        }
        return directory;
    }

    /** The function's Environment.Variables over those of SAM's Globals (merged, as SAM merges maps). */
    private Map<String, String> environment(String id) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.putAll(variables(template.global(template.root.path("Resources").path(id), "Environment")));
        variables.putAll(variables(template.ownProperty(id, "Environment")));
        return variables;
    }

    private Map<String, String> variables(Template.Property environment) {
        JsonNode value = template.resolved(environment); // an Fn::If and AWS::NoValue resolved
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw template.resolver.error(environment.pointer(), "expected a mapping with Variables");
        }
        return template.textMap(value.get("Variables"), Pointers.child(environment.pointer(), "Variables"));
    }

    private Duration timeout(String id) {
        Template.Property property = template.property(id, "Timeout");
        if (property == null) {
            return null;
        }
        String text = template.resolver.text(property.value(), property.pointer());
        try {
            BigDecimal seconds = new BigDecimal(text);
            if (seconds.signum() > 0) {
                return Duration.ofMillis(seconds.movePointRight(3).longValue());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw template.resolver.error(property.pointer(), "'" + text + "' is not a timeout in seconds");
    }
}
