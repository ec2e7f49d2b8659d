package dev.sfnrun.cli;

import dev.sfnrun.cli.BuiltExecutable.Result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built CLI with a hostile {@code --s3-root}: links inside it leading outside are refused for
 * reading and for writing (nothing outside is created, truncated or read), keys with {@code ..}
 * stay inside as the literal keys they are, and the process always ends with a clear answer.
 */
class S3ContainmentProcessIT {
    @TempDir
    static Path dir;
    static Path executable;

    @BeforeAll
    static void assemble() throws Exception {
        executable = BuiltExecutable.assemble(dir.resolve("sfn-run"));
    }

    static Result run(String... args) throws Exception {
        return BuiltExecutable.run(executable, args);
    }

    private static Path definition(Path folder, String reader, String writer) throws Exception {
        String text = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, %s %s
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                    "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}""".formatted(reader, writer);
        return Files.writeString(folder.resolve("def.json"), text);
    }

    private static final String READ = "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\","
            + " \"ReaderConfig\": {\"InputType\": \"JSON\"}, \"Parameters\": {\"Bucket\": \"in\", \"Key\": \"%s\"}},";
    private static final String WRITE = "\"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:putObject\","
            + " \"Parameters\": {\"Bucket\": \"in\", \"Prefix\": \"%s\"}},";

    @Test
    void aLinkLeadingOutsideIsRefusedForReading() throws Exception {
        Path work = Files.createDirectories(dir.resolve("read"));
        Path root = Files.createDirectories(work.resolve("s3/in"));
        Path outside = Files.createDirectories(work.resolve("outside"));
        Files.writeString(outside.resolve("items.json"), "[1, 2, 3]");
        Files.createSymbolicLink(root.resolve("items.json"), outside.resolve("items.json"));
        Result result = run(definition(work, READ.formatted("items.json"), "").toString(),
                "--s3-root", work.resolve("s3").toString(), "--output", "json", "--time-scale", "0");
        assertEquals(1, result.exit(), result.err());
        JsonNode report = Json.parse(result.out());
        assertEquals("FAILED", report.path("status").asText());
        assertEquals("States.ItemReaderFailed", report.path("error").asText());
        String cause = report.path("cause").asText();
        assertTrue(cause.contains("leading outside the local S3 directory"), cause);
        assertEquals(1, cause.lines().count(), cause);
        assertEquals("", result.err());
    }

    @Test
    void aLinkLeadingOutsideIsRefusedForWritingAndNothingOutsideChanges() throws Exception {
        Path work = Files.createDirectories(dir.resolve("write"));
        Path root = Files.createDirectories(work.resolve("s3/in"));
        Path outside = Files.createDirectories(work.resolve("outside"));
        Files.writeString(root.resolve("items.json"), "[1, 2]");
        Files.createSymbolicLink(root.resolve("results"), outside);
        Result result = run(definition(work, READ.formatted("items.json"), WRITE.formatted("results")).toString(),
                "--s3-root", work.resolve("s3").toString(), "--time-scale", "0");
        assertEquals(1, result.exit(), result.out() + result.err());
        assertTrue(result.out().contains("States.ResultWriterFailed"), result.out());
        assertTrue(result.out().contains("leading outside the local S3 directory"), result.out());
        try (var listing = Files.list(outside)) {
            assertEquals(0, listing.count(), "nothing created outside the root");
        }
    }

    @Test
    void dotDotKeysStayInsideAsLiteralKeys() throws Exception {
        Path work = Files.createDirectories(dir.resolve("dots"));
        Path root = Files.createDirectories(work.resolve("s3/in"));
        Files.createDirectories(root.resolve("%2E%2E"));
        Files.writeString(root.resolve("%2E%2E/items.json"), "[1]");
        Files.writeString(work.resolve("s3/items.json"), "[\"outside the bucket\"]");
        Result result = run(definition(work, READ.formatted("../items.json"), WRITE.formatted("../../out")).toString(),
                "--s3-root", work.resolve("s3").toString(), "--output", "json", "--time-scale", "0");
        assertEquals(0, result.exit(), result.out() + result.err());
        JsonNode output = Json.parse(Json.parse(result.out()).path("output").asText());
        String key = output.path("ResultWriterDetails").path("Key").asText();
        assertTrue(key.startsWith("../../out/"), key);
        assertTrue(Files.isDirectory(root.resolve("%2E%2E/%2E%2E/out")), "written inside the bucket");
        assertFalse(Files.exists(work.resolve("out")));
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aPipeOrAFolderWhereAnObjectIsExpectedIsAClearErrorNeverABlockedRead() throws Exception {
        Path work = Files.createDirectories(dir.resolve("kinds"));
        Path root = Files.createDirectories(work.resolve("s3/in"));
        assertEquals(0, new ProcessBuilder("mkfifo", root.resolve("pipe.json").toString()).start().waitFor());
        assertEquals(0, new ProcessBuilder("mkfifo", root.resolve("pipe-prefix").toString()).start().waitFor());
        Files.createDirectories(root.resolve("folder.json"));
        Files.writeString(root.resolve("items.json"), "[1, 2]");
        String[][] cases = {
            {READ.formatted("pipe.json"), "", "States.ItemReaderFailed: s3://in/pipe.json is not a regular file"},
            {READ.formatted("folder.json"), "", "States.ItemReaderFailed: s3://in/folder.json is not a regular file"},
            {READ.formatted("pipe.json").replace("\"JSON\"", "\"MANIFEST\""), "",
                "States.ItemReaderFailed: s3://in/pipe.json is not a regular file"},
            {READ.formatted("items.json"), WRITE.formatted("pipe-prefix"), "States.ResultWriterFailed: Cannot write "
                + "s3://in/pipe-prefix/"},
        };
        for (String[] c : cases) {
            Result result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> run(definition(work, c[0], c[1]).toString(), "--s3-root", work.resolve("s3").toString(),
                            "--time-scale", "0", "-q"));
            assertEquals(ExitCodes.FAILED, result.exit(), result.out() + result.err());
            assertTrue(result.out().startsWith(c[2]), result.out());
            assertEquals(1, result.out().lines().count(), result.out());
        }
    }
}
