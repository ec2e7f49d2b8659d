package dev.sfnrun.template;

import dev.sfnrun.task.load.ResourceResolver;
import dev.sfnrun.task.process.HandlerSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Lambda functions a template declares, by function name (a Task resource's ARN resolves to
 * it): Python and Node.js handlers as {@link HandlerSpec}s, Java handlers as {@code pkg.Class::method}
 * for the class path. Explicit {@code --task} bindings win over the template's.
 *
 * @param handlers Python and Node.js functions
 * @param java     Java functions: function name to handler ({@code pkg.Class::handleRequest})
 */
public record TemplateFunctions(Map<String, HandlerSpec> handlers, Map<String, String> java) {
    public static final TemplateFunctions NONE = new TemplateFunctions(Map.of(), Map.of());

    public TemplateFunctions {
        handlers = Collections.unmodifiableMap(new LinkedHashMap<>(handlers));
        java = Collections.unmodifiableMap(new LinkedHashMap<>(java));
    }

    /** The function names that {@code --task NAME=...} bindings take (a name, a partial or a full ARN). */
    public static Set<String> explicitNames(List<String> taskBindings) {
        Set<String> names = new HashSet<>();
        for (String binding : taskBindings) {
            int equals = binding.indexOf('=');
            if (equals > 0) {
                String name = binding.substring(0, equals).trim();
                names.add(name);
                names.add(ResourceResolver.functionName(name));
            }
        }
        return names;
    }

    /** The Python and Node.js handlers no explicit binding replaces. */
    public Map<String, HandlerSpec> handlers(List<String> taskBindings) {
        Set<String> explicit = explicitNames(taskBindings);
        Map<String, HandlerSpec> kept = new LinkedHashMap<>();
        handlers.forEach((name, spec) -> {
            if (!explicit.contains(name)) {
                kept.put(name, spec);
            }
        });
        return kept;
    }

    /** {@code taskBindings} followed by {@code NAME=pkg.Class::method} for each Java function they do not bind. */
    public List<String> bindings(List<String> taskBindings) {
        Set<String> explicit = explicitNames(taskBindings);
        List<String> all = new ArrayList<>(taskBindings);
        java.forEach((name, handler) -> {
            if (!explicit.contains(name)) {
                all.add(name + "=" + handler);
            }
        });
        return all;
    }
}
