package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sfnrun.io.Utf8Writer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CheckedOutputTest {
    @Test
    void theFirstFailureIsKeptAndNothingMoreIsWritten() {
        int[] writes = {0};
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                writes[0]++;
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                write(0);
            }
        };
        CheckedOutput out = new CheckedOutput(new Utf8Writer(full), "standard output");
        PrintWriter printer = new PrintWriter(out);
        printer.println("one");
        printer.println("two");
        printer.flush();
        assertEquals(1, writes[0]);
        assertEquals("cannot write to standard output (No space left on device): the result was not delivered", out.failure());
    }

    @Test
    void everythingWrittenIsNoFailure() throws IOException {
        StringWriter text = new StringWriter();
        CheckedOutput out = new CheckedOutput(text, "standard output");
        out.write("line\n");
        out.close();
        assertEquals("line\n", text.toString());
        assertNull(out.failure());
    }
}
