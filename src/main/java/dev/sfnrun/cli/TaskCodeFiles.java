package dev.sfnrun.cli;

import dev.sfnrun.task.process.HandlerBinding;
import dev.sfnrun.task.process.HandlerSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The task code a command runs, as files an output must not replace ({@link OutputFiles#notOver}):
 * the handler files of {@code --task NAME=python:FILE:FUNCTION} (and {@code node:}), the jars and
 * class directories of {@code --classpath}, and a template's handler files.
 */
final class TaskCodeFiles {
    private TaskCodeFiles() {
    }

    static List<OutputFiles.Read> of(List<String> taskBindings, List<String> classpath, Collection<HandlerSpec> handlers) {
        List<OutputFiles.Read> reads = new ArrayList<>();
        for (String binding : taskBindings) {
            int equals = binding.indexOf('=');
            String target = equals < 0 ? "" : binding.substring(equals + 1).trim();
            if (equals > 0 && HandlerBinding.isHandler(target)) {
                try {
                    reads.add(new OutputFiles.Read("the task code of --task " + binding,
                            HandlerBinding.parse(target, "--task " + binding).file().toString()));
                } catch (RuntimeException e) {
                    // a binding that does not name a handler is refused where the task code is loaded
                }
            }
        }
        for (String entry : classpath) {
            reads.add(new OutputFiles.Read("task code on --classpath (" + entry + ")", entry, true));
        }
        for (HandlerSpec handler : handlers) {
            reads.add(new OutputFiles.Read("the handler of " + handler.origin(), handler.file().toString()));
        }
        return reads;
    }
}
