package dev.sfnrun.testtasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;
import java.util.concurrent.CountDownLatch;

/**
 * Ignores interruption: waits for {@link #RELEASE}, which no test counts down, swallowing every
 * interrupt. Its abandoned threads stay parked (no processor time) until the test JVM exits.
 */
public final class Stubborn implements TaskFunction {
    public static final CountDownLatch RELEASE = new CountDownLatch(1);

    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) {
        while (RELEASE.getCount() > 0) {
            try {
                RELEASE.await();
            } catch (InterruptedException ignored) {
                // keeps going, as badly behaved code does
            }
        }
        return input;
    }
}
