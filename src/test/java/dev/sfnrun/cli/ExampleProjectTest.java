package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's worked example, as a user runs it: the example project under
 * src/test/examples/order-tasks (an unchanged Java Lambda handler and a ServiceLoader task
 * function) is compiled and packed into a jar here, then given to sfn-run with --classpath. Its
 * classes are on no other classpath, so they are loaded only through the option.
 */
class ExampleProjectTest {
    private static final Path PROJECT = Path.of("src/test/examples/order-tasks");

    @TempDir
    static Path dir;
    private static Path jar;
    private static String lambdaCore;

    @BeforeAll
    static void buildTheExampleJar() throws Exception {
        lambdaCore = Path.of(Class.forName("com.amazonaws.services.lambda.runtime.Context").getProtectionDomain()
                .getCodeSource().getLocation().toURI()).toString();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path")));
        try (Stream<Path> sources = Files.walk(PROJECT.resolve("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), "the example compiles");
        jar = dir.resolve("order-tasks-1.0.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, classes);
            add(out, PROJECT.resolve("src/main/resources"));
        }
    }

    private static void add(JarOutputStream out, Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
    }

    private record Result(int code, JsonNode report, String err) {
    }

    private static Result run(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--output", "json", "--time-scale", "0"));
        int code = SfnRun.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(code, out.toString().isEmpty() ? null : Json.parse(out.toString()), err.toString());
    }

    private static Result withTheExampleCode(String input) throws Exception {
        return run("definitions/order-tasks.asl.json", "--input", input, "--classpath", jar.toString(),
                "--classpath", lambdaCore, "--task", "ValidateOrder=example.ValidateOrder",
                "--mock-config", "definitions/order-tasks.mocks.json", "--test-case", "ApprovedByOps");
    }

    private static long count(JsonNode report, String type) {
        long n = 0;
        for (JsonNode event : report.get("events")) {
            n += event.get("type").asText().equals(type) ? 1 : 0;
        }
        return n;
    }

    @Test
    void theHandlerAndTheServiceLoaderFunctionRunFromTheJar() throws Exception {
        Result result = withTheExampleCode("inputs/order.json");
        assertEquals(ExitCodes.OK, result.code(), result.err());
        JsonNode output = Json.parse(result.report().get("output").asText());
        // ValidateOrder's result (a Map: its order is the handler's own)
        assertEquals("o-17", output.get("id").asText());
        assertEquals(3, output.get("quantity").asInt());
        assertTrue(output.get("valid").asBoolean());
        // ReserveStock computed 10 - 3; the approval came from the mock file
        assertEquals("7", output.at("/stock/Attributes/stock/N").asText());
        assertEquals("ops", output.at("/approval/approvedBy").asText());
    }

    @Test
    void anExceptionOfTheHandlerIsCaughtAndFailsTheRunAsTheDefinitionSays() throws Exception {
        Result result = withTheExampleCode("inputs/order-empty.json");
        assertEquals(ExitCodes.FAILED, result.code(), result.err());
        assertEquals("OrderRejected", result.report().get("error").asText());
        assertTrue(result.report().toString().contains("java.lang.IllegalArgumentException"), result.report().toString());
    }

    @Test
    void withoutCodeTheMockFileAnswersEveryStateAndRetriesConsumeItsResponses() throws Exception {
        Result result = run("definitions/order-tasks.asl.json", "--input", "inputs/order.json",
                "--mock-config", "definitions/order-tasks.mocks.json", "--test-case", "StockBusy");
        assertEquals(ExitCodes.OK, result.code(), result.err());
        assertEquals(2, count(result.report(), "TaskFailed"));
        assertEquals("7", Json.parse(result.report().get("output").asText()).at("/stock/Attributes/stock/N").asText());
    }
}
