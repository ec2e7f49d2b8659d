package dev.sfnrun.task.process;

import dev.sfnrun.task.load.TaskLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the handler form of a {@code --task} binding: {@code NAME=python:FILE:FUNCTION} or
 * {@code NAME=node:FILE:EXPORT} ({@code MockAPIFunction=python:functions/mock_api.py:lambda_handler}).
 */
public final class HandlerBinding {
    private HandlerBinding() {
    }

    /** Whether the part after {@code NAME=} names a Python or Node.js handler. */
    public static boolean isHandler(String target) {
        return target.startsWith("python:") || target.startsWith("node:");
    }

    /**
     * The handler a binding's target names.
     *
     * @param origin the binding as written, for messages ({@code --task X=python:a.py:f})
     * @throws TaskLoadException when the form is wrong or the file does not exist
     */
    public static HandlerSpec parse(String target, String origin) {
        boolean python = target.startsWith("python:");
        String rest = target.substring(python ? "python:".length() : "node:".length());
        int colon = rest.lastIndexOf(':');
        String form = python ? "python:FILE:FUNCTION" : "node:FILE:EXPORT";
        if (colon <= 0 || colon == rest.length() - 1) {
            throw new TaskLoadException(origin + ": expected NAME=" + form);
        }
        Path file = Path.of(rest.substring(0, colon));
        String function = rest.substring(colon + 1);
        check(file, python, origin);
        return new HandlerSpec(python ? HandlerSpec.Language.PYTHON : HandlerSpec.Language.NODE, file, function,
                Map.of(), null, null, origin);
    }

    /** The checks made before a run that start no process: the file exists and has a fitting name. */
    static void check(Path file, boolean python, String origin) {
        if (!Files.isRegularFile(file)) {
            throw new TaskLoadException(origin + ": " + file + (Files.isDirectory(file) ? ": is a directory, not a file"
                    : Files.exists(file) ? ": is a named pipe, socket or device, not a regular file" : ": no such file"));
        }
        String name = file.getFileName().toString();
        if (python && !name.endsWith(".py")) {
            throw new TaskLoadException(origin + ": " + file + ": a Python handler's file ends in .py");
        }
        if (!python && !(name.endsWith(".js") || name.endsWith(".cjs") || name.endsWith(".mjs"))) {
            throw new TaskLoadException(origin + ": " + file + ": a Node.js handler's file ends in .js, .cjs or .mjs");
        }
    }

    /** The checks of {@link #check} for a handler named elsewhere (a template). */
    public static void check(HandlerSpec spec) {
        check(spec.file(), spec.language() == HandlerSpec.Language.PYTHON, spec.origin());
    }
}
