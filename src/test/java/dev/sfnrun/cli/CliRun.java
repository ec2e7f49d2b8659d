package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** One in-process run of the CLI, as from a command line (no terminal): its exit code and what it printed. */
record CliRun(int code, String out, String err) {
    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SfnRun.run(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The JSON report of a run with {@code --output json}. */
    JsonNode report() throws Exception {
        return Json.parse(out);
    }

    /** Writes {@code text} to {@code dir/name} and returns the file's path. */
    static String file(Path dir, String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path.toString();
    }

    /** Nothing ran: exit code 2, nothing on stdout, and exactly {@code sfn-run: message} on stderr. */
    static void assertOneLineError(CliRun result, String message) {
        assertEquals(ExitCodes.CANNOT_START, result.code());
        assertEquals("", result.out());
        assertEquals("sfn-run: " + message + System.lineSeparator(), result.err());
    }
}
