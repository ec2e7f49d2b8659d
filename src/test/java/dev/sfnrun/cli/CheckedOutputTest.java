package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CheckedOutputTest {
    @Test
    void writesUtf8AndJoinsASurrogatePairSplitBetweenTwoWrites() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CheckedOutput out = new CheckedOutput(bytes, "standard output");
        String text = "caf\u00e9 \ud83d\ude00 end";
        int split = text.indexOf('\ude00'); // between the two halves of the emoji
        out.write(text.toCharArray(), 0, split);
        out.write(text, split, text.length() - split);
        out.write("\n");
        out.close();
        assertArrayEquals((text + "\n").getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
        assertNull(out.failure());
    }

    @Test
    void aLoneSurrogateIsWrittenAsTheEncoderWritesOne() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CheckedOutput out = new CheckedOutput(bytes, "standard output");
        out.write("a\ud83d");
        out.write("b");
        out.write("c\ud83d");
        out.close();
        assertEquals("a?bc?", bytes.toString(StandardCharsets.UTF_8));
    }

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
        CheckedOutput out = new CheckedOutput(full, "standard output");
        PrintWriter printer = new PrintWriter(out);
        printer.println("one");
        printer.println("two");
        printer.flush();
        assertEquals(1, writes[0]);
        assertEquals("cannot write to standard output (No space left on device): the result was not delivered", out.failure());
    }
}
