package dev.sfnrun.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfnrun.engine.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A call's hand-over to a worker (GetActivityTask) and its ActivityStarted. */
class TaskCallTest {
    @Test
    void aWorkerTakesTheTaskOnlyOnceItsActivityStartedIsWritten() {
        TaskCall call = new TaskCall(new TaskCall.Spec("Work", "run", "arn:aws:states:us-east-1:123456789012:activity:a",
                0, "request", "token", Duration.ofSeconds(30), null, true, true), Clock.forScale(0), null);
        AtomicBoolean written = new AtomicBoolean();
        AtomicBoolean writtenWhenTaken = new AtomicBoolean();
        TaskCall.Outcome outcome = call.run((input, context) -> {
            context.started("worker-1"); // as GetActivityTask does, on another thread than the call's
            writtenWhenTaken.set(written.get());
            call.success(TextNode.valueOf("done"));
            return null;
        }, TextNode.valueOf("in"), value -> { }, worker -> {
            try {
                Thread.sleep(200); // the call's thread is slow to write ActivityStarted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertEquals("worker-1", worker);
            written.set(true);
        });
        assertTrue(writtenWhenTaken.get(), "started(...) returned before ActivityStarted was written");
        assertEquals(TaskCall.Kind.SUCCEEDED, outcome.kind());
        assertEquals("done", outcome.value().asText());
    }
}
