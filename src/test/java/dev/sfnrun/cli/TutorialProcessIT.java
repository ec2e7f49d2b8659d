package dev.sfnrun.cli;

import dev.sfnrun.cli.BuiltExecutable.Result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable as {@code make build} makes it (the launcher script joined to the shaded jar), run
 * as a real process after {@code package}: what a user's shell or CI script sees.
 */
class TutorialProcessIT {
    @TempDir
    static Path dir;
    static Path executable;

    @BeforeAll
    static void assemble() throws IOException {
        executable = BuiltExecutable.assemble(dir.resolve("sfn-run"));
    }

    static Result run(String... args) throws Exception {
        return BuiltExecutable.run(executable, args);
    }

    @Test
    void tutorial429SucceedsAfterRetriesInVirtualTime() throws Exception {
        Result result = run("definitions/api-error-handling.asl.json", "--input", "inputs/429.json",
                "--time-scale", "0", "--output", "json");
        assertEquals(0, result.exit(), result.err());
        JsonNode report = Json.mapper().readTree(result.out());
        assertEquals("SUCCEEDED", report.get("status").asText());
        assertEquals("\"The request has succeeded.\"", report.get("output").asText());
        assertEquals(24, report.get("events").size());
    }

    @Test
    void tutorial503FailsWithExitOneAndTextSummary() throws Exception {
        Result result = run("definitions/api-error-handling.asl.json", "--input", "inputs/503.json", "--time-scale", "0");
        assertEquals(1, result.exit());
        assertTrue(result.out().contains("ServerUnavailable"), result.out());
        assertFalse(result.out().contains("\u001b["), "plain text when stdout is a pipe");
    }

    @Test
    void unreadableDefinitionExitsTwoWithOneLine() throws Exception {
        Result result = run("definitions/missing.asl.json");
        assertEquals(2, result.exit());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains("definitions/missing.asl.json"), result.err());
        assertEquals("", result.out());
    }
}
