package dev.sfnrun.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfnrun.task.process.HandlerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runtime versions against the real local python3 and node. */
class RuntimeNotesTest {
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor(), "python3 and node must be installed: " + out);
        return out;
    }

    private static HandlerSpec spec(HandlerSpec.Language language, String runtime) {
        return new HandlerSpec(language, Path.of("app"), "handler", Map.of(), null, runtime, "t.yaml Resources.F");
    }

    @Test
    void aDifferentVersionIsANoteTheSameIsNot() throws Exception {
        String python = run("python3", "-c", "import sys; print('%d.%d' % sys.version_info[:2])");
        String node = run("node", "-p", "process.versions.node.split('.')[0]");
        assertEquals(List.of(), RuntimeNotes.of(Map.of("F", spec(HandlerSpec.Language.PYTHON, "python" + python),
                "G", spec(HandlerSpec.Language.NODE, "nodejs" + node + ".x")), "python3", "node"));
        String otherPython = python.equals("3.8") ? "3.9" : "3.8";
        List<String> notes = RuntimeNotes.of(Map.of("F", spec(HandlerSpec.Language.PYTHON, "python" + otherPython)),
                "python3", "node");
        assertEquals(List.of("t.yaml Resources.F: Runtime python" + otherPython + ", run with the local Python " + python
                + " (python3)"), notes);
        List<String> nodeNotes = RuntimeNotes.of(Map.of("G", spec(HandlerSpec.Language.NODE, "nodejs4.3")), "python3", "node");
        assertEquals(List.of("t.yaml Resources.F: Runtime nodejs4.3, run with the local Node.js " + node + " (node)"), nodeNotes);
        // an interpreter that is not there gives no note (binding the handler reports it)
        assertTrue(RuntimeNotes.of(Map.of("F", spec(HandlerSpec.Language.PYTHON, "python3.1")),
                "/nonexistent/python3", "node").isEmpty());
    }
}
