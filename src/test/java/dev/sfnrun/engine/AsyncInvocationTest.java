package dev.sfnrun.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.sfnrun.task.load.TaskRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** lambda:invoke with InvocationType Event: answered at once, the function run in turn from a queue. */
class AsyncInvocationTest {
    @Test
    void manyEventInvocationsAreQueuedOnOneThreadNotAThreadEach() throws Exception {
        // each waiting Event invocation held a thread of its own: 2,000 of them, 2,000 threads
        CountDownLatch open = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        TaskRegistry registry = new TaskRegistry().bind("F", (input, context) -> {
            most.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            open.await();
            concurrent.decrementAndGet();
            ran.incrementAndGet();
            return IntNode.valueOf(1);
        });
        String definition = "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"End\":true,\"ItemProcessor\":"
                + "{\"StartAt\":\"E\",\"States\":{\"E\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                + "\"Parameters\":{\"FunctionName\":\"F\",\"InvocationType\":\"Event\"},\"OutputPath\":\"$.StatusCode\",\"End\":true}}}}}}";
        StringBuilder items = new StringBuilder("[0");
        for (int i = 1; i < 2000; i++) {
            items.append(',').append(i);
        }
        ExecutionResult result = Runs.run(definition, items.append(']').toString(), ExecutionOptions.defaults().withTasks(registry));
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.error() + " " + result.cause());
        assertEquals(2000, result.output().size());
        assertEquals(202, result.output().get(0).asInt());
        long threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("sfn-run async invocation")).count();
        assertEquals(1, threads); // the one running the first, the rest queued
        open.countDown();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ran.get() < 2000 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertEquals(2000, ran.get());
        assertEquals(1, most.get()); // in turn
    }
}
