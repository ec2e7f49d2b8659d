package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile files where sfn-run expects JSON: refused at once, in one plain line, never a blocked or endless read. */
class HostileFilesTest {
    @TempDir
    Path dir;

    private String definition() throws Exception {
        return CliRun.file(dir, "pass.asl.json", """
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""");
    }

    private static CliRun quickly(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.run(args));
    }

    @Test
    void anEndlessDeviceIsRefusedAtOnce() throws Exception {
        CliRun.assertOneLineError(quickly(definition(), "--input", "/dev/zero"),
                "/dev/zero: is a named pipe, socket or device, not a regular file (sfn-run reads only regular files)");
    }

    @Test
    void aNamedPipeIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CliRun.assertOneLineError(quickly(definition(), "--context", fifo.toString()),
                fifo + ": is a named pipe, socket or device, not a regular file (sfn-run reads only regular files)");
    }

    @Test
    void aHugeFileIsRefusedFromItsSize() throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30); // sparse: 3 GB that take no room
        }
        CliRun.assertOneLineError(quickly(definition(), "--input", huge.toString()), huge + ": is 3221225472 bytes; "
                + "AWS accepts at most 262144 bytes (256 KiB) for an execution input");
        CliRun.assertOneLineError(quickly(huge.toString()), huge + ": is 3221225472 bytes; "
                + "AWS accepts at most 1048576 bytes (1 MiB) for a state machine definition");
    }

    @Test
    void aDirectoryIsNotAFile() throws Exception {
        CliRun.assertOneLineError(quickly(definition(), "--input", dir.toString()), dir + ": is a directory, not a file");
    }

    @Test
    void aTruncatedFileIsSaidInPlainWords() throws Exception {
        String input = CliRun.file(dir, "cut.json", "{\"a\": [1, 2");
        CliRun result = quickly(definition(), "--input", input);
        assertEquals(ExitCodes.CANNOT_START, result.code());
        assertTrue(result.err().startsWith("sfn-run: " + input + ":1:"), result.err());
        assertTrue(result.err().contains("the text ends before the JSON is complete: an array is not closed"), result.err());
        assertTrue(!result.err().contains("Source") && !result.err().contains("REDACTED"), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    @Test
    void aContextFileThatIsNotUtf8() throws Exception {
        Path latin1 = Files.write(dir.resolve("ctx.json"), new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
        CliRun.assertOneLineError(quickly(definition(), "--context", latin1.toString()), latin1 + ": not UTF-8 text");
    }

    @Test
    void aNumberBeyondDoubleRangeIsAnErrorNotInfinity() throws Exception {
        CliRun result = quickly(definition(), "--input-json", "{\"n\": 1e999999}");
        assertEquals(ExitCodes.CANNOT_START, result.code(), result.out());
        assertTrue(result.err().contains("the number 1e999999 is beyond the range of JSON numbers"), result.err());
        assertTrue(!result.out().contains("Infinity"), result.out());
    }

    @Test
    void aLoneSurrogateIsAnErrorNotAQuestionMark() throws Exception {
        CliRun result = quickly(definition(), "--input-json", "{\"s\": \"a\\ud800b\"}");
        assertEquals(ExitCodes.CANNOT_START, result.code(), result.out());
        assertTrue(result.err().contains("lone surrogate \\ud800"), result.err());
        CliRun pair = quickly(definition(), "--input-json", "{\"s\": \"\\ud83d\\ude00\"}", "-q");
        assertEquals(ExitCodes.OK, pair.code(), pair.err());
        assertTrue(pair.out().contains("\uD83D\uDE00"), pair.out());
    }

    @Test
    void aNulByteInAFileNameIsAClearError() throws Exception {
        CliRun.assertOneLineError(quickly(definition(), "--input", "in\0put.json"),
                "in\\u0000put.json: not a valid file name (it contains a NUL character)");
    }
}
