package dev.sfnrun.server;

import dev.sfnrun.task.TaskContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The scheduled tasks of each activity, waiting for a worker's GetActivityTask. */
final class ActivityQueues {
    /** A scheduled activity task: its token, its input, and its call (told when a worker takes it). */
    record Work(String token, String input, TaskContext call) {
    }

    private final Map<String, BlockingQueue<Work>> queues = new ConcurrentHashMap<>();
    private final TaskTokens tokens;

    ActivityQueues(TaskTokens tokens) {
        this.tokens = tokens;
    }

    void offer(String activityArn, Work work) {
        queue(activityArn).add(work);
    }

    /** The next task still waiting, or null after {@code wait} (the long poll). */
    Work poll(String activityArn, Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        BlockingQueue<Work> queue = queue(activityArn);
        while (true) {
            long left = until - System.nanoTime();
            Work work = queue.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (work == null) {
                return null;
            }
            if (tokens.isLive(work.token()) && work.call().awaitsAnswer()) { // a task of a stopped execution is skipped
                return work;
            }
        }
    }

    private BlockingQueue<Work> queue(String activityArn) {
        return queues.computeIfAbsent(activityArn, arn -> new LinkedBlockingQueue<>());
    }
}
