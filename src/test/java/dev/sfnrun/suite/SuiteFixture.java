package dev.sfnrun.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.cli.SfnRun;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes suites and machines into a directory and runs {@code sfn-run test} on them in-process. */
final class SuiteFixture {
    final Path dir;

    SuiteFixture(Path dir) throws IOException {
        this.dir = dir;
        Files.copy(Path.of("definitions/api-error-handling.asl.json"), dir.resolve("tutorial.asl.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("src/test/resources/suite/flow.asl.json"), dir.resolve("flow.asl.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return Json.mapper().readTree(out);
        }

        /** The JSON report's case of this name. */
        JsonNode result(String name) throws IOException {
            for (JsonNode item : json().get("cases")) {
                if (item.get("name").asText().equals(name)) {
                    return item;
                }
            }
            throw new AssertionError("no case '" + name + "' in " + out + err);
        }
    }

    Run test(String... args) {
        List<String> all = new ArrayList<>();
        all.add("test");
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SfnRun.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Run(exit, out.toString(), err.toString());
    }

    String path(String name) {
        return dir.resolve(name).toString();
    }
}
