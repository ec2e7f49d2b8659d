package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher and its class-data archive (sfn-run.jsa) as {@code make build} makes them: every
 * state of the archive (none, good, cut off, made for another jar, not an archive at all) gives
 * the same output and nothing on stderr.
 */
class LauncherArchiveIT {
    private static final String EXPECTED_OUTPUT = "\"Hello, World!\"";

    @TempDir
    static Path dir;
    static Path executable;
    static Path archive;
    static Path size;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void assembleAndTrain() throws Exception {
        executable = dir.resolve("sfn-run");
        archive = dir.resolve("sfn-run.jsa");
        size = dir.resolve("sfn-run.jsa.size");
        assemble();
        Result made = process(List.of("sh", "src/main/launcher/cds-archive.sh", executable.toString()));
        assertEquals(0, made.exit(), made.err());
        assertTrue(Files.size(archive) > 1_000_000, "the training run made an archive");
        assertEquals(Files.size(archive), Long.parseLong(Files.readString(size).strip()));
    }

    private static void assemble() throws IOException {
        BuiltExecutable.assemble(executable);
    }

    private static Result process(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("SFN_RUN_CDS");
        builder.environment().remove("SFN_RUN_JAVA_OPTS");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** The one-Pass benchmark machine, quietly: its output alone. */
    private static void runsCleanly() throws Exception {
        Result result = process(List.of(executable.toString(), "definitions/bench/one-pass.asl.json", "--quiet"));
        assertEquals(new Result(0, EXPECTED_OUTPUT, ""), new Result(result.exit(), result.out().strip(), result.err()));
    }

    @Test
    void everyStateOfTheArchiveGivesTheSameRun() throws Exception {
        byte[] good = Files.readAllBytes(archive);
        String goodSize = Files.readString(size);

        runsCleanly(); // the archive as made

        Files.write(archive, java.util.Arrays.copyOf(good, good.length / 2));
        runsCleanly(); // cut off: its length is not the recorded one, so it is not used (it would crash the JVM)

        Files.writeString(archive, "not an archive at all");
        Files.writeString(size, Long.toString(Files.size(archive)));
        runsCleanly(); // the JVM refuses it, silently

        Files.write(archive, good);
        Files.writeString(size, goodSize);
        Thread.sleep(1100);
        assemble(); // a rebuilt executable: the archive was made for the old one
        runsCleanly();

        Files.delete(size);
        runsCleanly();
        Files.delete(archive);
        runsCleanly();
    }

    @Test
    void aValidArchiveIsUsed() throws Exception {
        Path own = dir.resolve("own");
        Files.createDirectories(own);
        Path copy = own.resolve("sfn-run");
        BuiltExecutable.assemble(copy);
        assertEquals(0, process(List.of("sh", "src/main/launcher/cds-archive.sh", copy.toString())).exit());
        String run = classesLoaded(copy, own, "definitions/bench/one-pass.asl.json", "--quiet");
        assertTrue(run.contains("dev.sfnrun.cli.SfnRun source: shared objects file"), "the CLI's classes come from the archive");
        // a static archive holds even the layout library's EMF classes (Java 5 class files, which a dynamic one skips)
        String graph = classesLoaded(copy, own, "graph", "definitions/api-error-handling.asl.json", "--format", "svg",
                "-o", own.resolve("graph.svg").toString());
        assertTrue(graph.contains("org.eclipse.emf.ecore.EObject source: shared objects file"), "EMF comes from the archive");
        assertTrue(graph.contains("org.eclipse.elk.core.RecursiveGraphLayoutEngine source: shared objects file"));
    }

    /** The class-loading log of a run of {@code executable} with {@code args}. */
    private static String classesLoaded(Path executable, Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("SFN_RUN_JAVA_OPTS", "-Xlog:class+load=info:stderr");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Path logFile = dir.resolve("class-load.log");
        builder.redirectError(logFile.toFile()); // a file: a pipe this full would block the process
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), String.join(" ", args));
        return Files.readString(logFile);
    }
}
