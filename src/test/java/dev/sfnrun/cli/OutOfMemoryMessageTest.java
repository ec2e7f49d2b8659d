package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The one line sfn-run prints when Java runs out of memory, and its advice. */
class OutOfMemoryMessageTest {
    private static String message(Throwable t) {
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.NOT_FINISHED, SfnRun.unexpected(t, new PrintWriter(err)));
        return err.toString().strip();
    }

    @Test
    void aFullHeapSuggestsMoreMemory() {
        assertEquals("sfn-run: out of memory (Java heap space): the run did not finish; give Java more with "
                + "SFN_RUN_JAVA_OPTS=-Xmx2g", message(new OutOfMemoryError("Java heap space")));
    }

    @Test
    void javasArrayLimitIsNotCalledAHeapSizeProblem() {
        // no -Xmx lifts these: the JVM's and the JDK's words for an array past 2^31 elements
        assertEquals("sfn-run: out of memory (Requested array size exceeds VM limit): the run did not finish; one piece of "
                + "data was larger than Java can hold (2^31 elements), whatever memory it is given",
                message(new OutOfMemoryError("Requested array size exceeds VM limit")));
        assertEquals("sfn-run: out of memory (Required array length 2147483639 + 9 is too large): the run did not finish; "
                + "one piece of data was larger than Java can hold (2^31 elements), whatever memory it is given",
                message(new OutOfMemoryError("Required array length 2147483639 + 9 is too large")));
    }
}
