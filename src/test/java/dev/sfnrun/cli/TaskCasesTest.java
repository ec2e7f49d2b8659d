package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * End-to-end cases for task code, one folder each under {@code src/test/resources/task-cases/}:
 * {@code definition.asl.json}, {@code input.json}, {@code args.txt} (extra CLI arguments, one a line;
 * {@code ${dir}} is the case folder) and {@code expected.json} ({@code status}, {@code output},
 * {@code error}, {@code cause}, {@code events} as type names; or {@code exitCode} and {@code stderr}
 * for a run that cannot start). Each runs through the CLI in-process with {@code --output json}
 * and, unless its args say otherwise, {@code --time-scale 0}.
 */
class TaskCasesTest {
    @TestFactory
    Stream<DynamicTest> cases() throws IOException, URISyntaxException {
        Path root = Path.of(TaskCasesTest.class.getResource("/task-cases").toURI());
        List<Path> folders;
        try (Stream<Path> list = Files.list(root)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> check(folder)));
    }

    private static void check(Path folder) throws Exception {
        List<String> args = new ArrayList<>(List.of(folder.resolve("definition.asl.json").toString(),
                "--input", folder.resolve("input.json").toString(), "--output", "json"));
        List<String> extra = Files.readAllLines(folder.resolve("args.txt")).stream().filter(line -> !line.isBlank())
                .map(line -> line.replace("${dir}", folder.toString())).toList();
        if (!extra.contains("--time-scale")) {
            args.addAll(List.of("--time-scale", "0"));
        }
        args.addAll(extra);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SfnRun.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), false);
        JsonNode expected = Json.parse(Files.readString(folder.resolve("expected.json")));
        if (expected.has("exitCode")) {
            assertEquals(expected.get("exitCode").asInt(), code, err.toString());
            assertEquals(expected.get("stderr").asText().replace("${dir}", folder.toString()), err.toString().strip());
            return;
        }
        JsonNode report = Json.parse(out.toString());
        assertEquals(expected.get("status").asText(), report.get("status").asText(), out.toString());
        if (expected.has("output")) {
            assertEquals(expected.get("output"), Json.parse(report.get("output").asText()));
        }
        for (String field : List.of("error", "cause")) {
            if (expected.has(field)) {
                assertEquals(expected.get(field), report.path(field).isMissingNode() ? Json.NODES.nullNode() : report.get(field),
                        field);
            }
        }
        List<String> types = new ArrayList<>();
        report.get("events").forEach(event -> types.add(event.get("type").asText()));
        List<String> expectedTypes = new ArrayList<>();
        expected.get("events").forEach(type -> expectedTypes.add(type.asText()));
        assertEquals(expectedTypes, types);
        assertEquals(expected.get("status").asText().equals("SUCCEEDED") ? 0 : 1, code);
    }
}
