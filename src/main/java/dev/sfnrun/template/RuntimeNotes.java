package dev.sfnrun.template;

import dev.sfnrun.task.process.HandlerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local interpreter runs whatever version a template's {@code Runtime} names: when its version
 * differs ({@code python3.12} in the template, Python 3.11 here), a note says so; it is not an error.
 * Each interpreter is asked once; one that cannot be asked gives no note (binding the handler reports it).
 */
public final class RuntimeNotes {
    private RuntimeNotes() {
    }

    /** Notes for the handlers whose runtime differs from the local {@code python} / {@code node} interpreter. */
    public static List<String> of(Map<String, HandlerSpec> handlers, String python, String node) {
        Map<String, String> local = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (HandlerSpec spec : handlers.values()) {
            if (spec.runtime() == null) {
                continue;
            }
            boolean isPython = spec.language() == HandlerSpec.Language.PYTHON;
            String interpreter = isPython ? python : node;
            String version = local.computeIfAbsent(interpreter, command -> isPython
                    ? ask(command, "-c", "import sys; print('%d.%d' % sys.version_info[:2])")
                    : ask(command, "-p", "process.versions.node.split('.')[0]"));
            String wanted = wanted(spec.runtime(), isPython);
            if (version != null && wanted != null && !wanted.equals(version)) {
                notes.add(spec.origin() + ": Runtime " + spec.runtime() + ", run with the local "
                        + (isPython ? "Python " : "Node.js ") + version + " (" + interpreter + ")");
            }
        }
        return notes;
    }

    /** {@code python3.12} → {@code 3.12}; {@code nodejs20.x} → {@code 20}; null when the name says no version. */
    static String wanted(String runtime, boolean python) {
        if (python) {
            return runtime.startsWith("python") ? runtime.substring("python".length()) : null;
        }
        String version = runtime.startsWith("nodejs") ? runtime.substring("nodejs".length()) : "";
        int dot = version.indexOf('.');
        version = dot < 0 ? version : version.substring(0, dot);
        return version.isEmpty() ? null : version;
    }

    private static String ask(String... command) {
        Process process = null;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(System.getProperty("os.name")
                            .startsWith("Windows") ? "NUL" : "/dev/null"))).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                return null;
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 && out.matches("\\d+(\\.\\d+)?") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }
}
