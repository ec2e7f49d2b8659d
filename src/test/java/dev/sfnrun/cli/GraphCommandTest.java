package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfnrun.cli.TutorialCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {
    @TempDir
    Path dir;

    private static Run cli(String... args) {
        return TutorialCliTest.cli(args);
    }

    @Test
    void mermaidToStdoutByDefault() {
        Run run = cli("graph", TutorialCliTest.DEFINITION);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("flowchart TD\n"), run.out());
        assertTrue(run.out().contains("<b>Wait and Try Later</b><br/>Wait"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void everyFormatToAFile() throws Exception {
        for (String format : new String[] {"mermaid", "dot", "svg", "html"}) {
            Path file = dir.resolve("g." + format);
            Run run = cli("graph", TutorialCliTest.DEFINITION, "--format", format, "-o", file.toString());
            assertEquals(0, run.exit(), run.err());
            assertEquals("", run.out());
            String text = Files.readString(file);
            assertTrue(text.contains("Call API"), format);
        }
        String html = Files.readString(dir.resolve("g.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<svg"), html);
        assertFalse(html.contains("http://") && html.replace("http://www.w3.org/2000/svg", "").contains("http://"));
        assertFalse(html.contains("https://"));
    }

    @Test
    void invalidDefinitionIsDrawnWithItsProblems() throws Exception {
        Path file = dir.resolve("bad.asl.json");
        Files.writeString(file, "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Gone\"}}}");
        Run run = cli("graph", file.toString(), "--format", "svg");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("bad.asl.json:1:"), run.err());
        assertTrue(run.out().contains("class=\"node state type-Pass invalid\" data-id=\"A\""), run.out());
        assertTrue(run.out().contains("data-id=\"Gone\""), run.out());
    }

    @Test
    void badInputAndUnwritableOutputAreOneLineAndExit2() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"StartAt\": ");
        Run broken = cli("graph", file.toString());
        assertEquals(2, broken.exit());
        assertTrue(broken.err().startsWith("sfn-run: " + file + ":1:13: invalid JSON"), broken.err());
        assertEquals(1, broken.err().lines().count(), broken.err());

        Path arrayFile = dir.resolve("array.json");
        Files.writeString(arrayFile, "[1]");
        Path emptyFile = dir.resolve("empty.asl.json");
        Files.writeString(emptyFile, "  \n");
        Run empty = cli("graph", emptyFile.toString()); // was "internal error: NullPointerException", exit 3
        assertEquals(2, empty.exit());
        assertEquals("sfn-run: " + emptyFile + ": a definition is a JSON object with StartAt and States\n", empty.err());
        Run array = cli("graph", arrayFile.toString());
        assertEquals(2, array.exit());
        assertTrue(array.err().contains("a definition is a JSON object"), array.err());

        Run unwritable = cli("graph", TutorialCliTest.DEFINITION, "-o", file.resolve("g.mmd").toString());
        assertEquals(2, unwritable.exit());
        assertEquals("sfn-run: " + file.resolve("g.mmd") + ": cannot write: " + file + " is not a directory\n",
                unwritable.err());
        Run madeDirectories = cli("graph", TutorialCliTest.DEFINITION, "-o", dir.resolve("no/such/dir/g.mmd").toString());
        assertEquals(0, madeDirectories.exit(), madeDirectories.err());
        assertTrue(Files.readString(dir.resolve("no/such/dir/g.mmd")).startsWith("flowchart"));
        Run toDirectory = cli("graph", TutorialCliTest.DEFINITION, "-o", dir.toString());
        assertEquals(2, toDirectory.exit());
        assertTrue(toDirectory.err().contains("is a directory"), toDirectory.err());
        Run format = cli("graph", TutorialCliTest.DEFINITION, "--format", "png");
        assertEquals(2, format.exit());
    }

    @Test
    void templateStateMachineIsDrawn() throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                AWSTemplateFormatVersion: "2010-09-09"
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Definition:
                        StartAt: Hello
                        States:
                          Hello: {Type: Pass, Next: Done}
                          Done: {Type: Succeed}
                """);
        Run run = cli("graph", "--template", template.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("<b>Hello</b><br/>Pass"), run.out());
        assertTrue(run.out().contains("<b>Done</b><br/>Succeed"), run.out());
        Run neither = cli("graph");
        assertEquals(2, neither.exit());
        assertTrue(neither.err().contains("DEFINITION"), neither.err());
    }
}
