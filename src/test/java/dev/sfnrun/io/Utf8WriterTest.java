package dev.sfnrun.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {
    @Test
    void writesUtf8AndJoinsASurrogatePairSplitBetweenTwoWrites() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String text = "caf\u00e9 \ud83d\ude00 end \u2026";
        int split = text.indexOf('\ude00'); // between the two halves of the emoji
        try (Utf8Writer out = new Utf8Writer(bytes)) {
            out.write(text.toCharArray(), 0, split);
            out.write(text, split, text.length() - split);
            out.write("\n");
        }
        assertArrayEquals((text + "\n").getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
    }

    @Test
    void singleCharactersAreWrittenAsTheJdkEncoderWritesThem() throws IOException {
        String text = "a,\u00e9\ud83d\ude00\u2026\ud83d,x\ude00";
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        try (Utf8Writer out = new Utf8Writer(ours)) {
            for (char c : text.toCharArray()) {
                out.write(c); // a pair written one half at a time is still joined
            }
        }
        ByteArrayOutputStream jdks = new ByteArrayOutputStream();
        try (OutputStreamWriter out = new OutputStreamWriter(jdks, StandardCharsets.UTF_8)) {
            for (char c : text.toCharArray()) {
                out.write(c);
            }
        }
        assertArrayEquals(jdks.toByteArray(), ours.toByteArray());
        assertEquals("a,\u00e9\ud83d\ude00\u2026?,x?", ours.toString(StandardCharsets.UTF_8));
    }

    @Test
    void loneSurrogatesAreWrittenAsTheJdkEncoderWritesThem() throws IOException {
        String[] pieces = {"a\ud83d", "b", "c\ude00d", "e\ud83d"};
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        try (Utf8Writer out = new Utf8Writer(ours)) {
            for (String piece : pieces) {
                out.write(piece);
            }
        }
        ByteArrayOutputStream jdks = new ByteArrayOutputStream();
        try (OutputStreamWriter out = new OutputStreamWriter(jdks, StandardCharsets.UTF_8)) {
            for (String piece : pieces) {
                out.write(piece);
            }
        }
        assertEquals("a?bc?de?", ours.toString(StandardCharsets.UTF_8));
        assertArrayEquals(jdks.toByteArray(), ours.toByteArray());
    }
}
