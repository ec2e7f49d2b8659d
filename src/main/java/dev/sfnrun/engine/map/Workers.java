package dev.sfnrun.engine.map;

import dev.sfnrun.definition.ChoiceState;
import dev.sfnrun.definition.FailState;
import dev.sfnrun.definition.MapState;
import dev.sfnrun.definition.ParallelState;
import dev.sfnrun.definition.PassState;
import dev.sfnrun.definition.State;
import dev.sfnrun.definition.StateGraph;
import dev.sfnrun.definition.SucceedState;

/**
 * How many threads run a Map Run's children. AWS runs up to 10,000 children at once; a child that
 * can wait (a Task, a Wait, a retry's back-off) needs a thread of its own to wait on, up to
 * {@link #THREAD_CAP}. A child that only computes (Pass, Choice, Succeed, Fail, and Parallel or
 * inline Map states of those without Retry) never waits, so more threads than processors would
 * only cost memory: those run on one thread per processor. Time is the same either way (such a
 * child takes no time on the clock).
 */
final class Workers {
    /** We run at most this many threads for one Map Run. */
    static final int THREAD_CAP = 1000;

    private Workers() {
    }

    static int limit(StateGraph processor, int maxConcurrency) {
        int limit = maxConcurrency == 0 ? THREAD_CAP : Math.min(maxConcurrency, THREAD_CAP);
        return computesOnly(processor) ? Math.min(limit, Runtime.getRuntime().availableProcessors()) : limit;
    }

    static boolean computesOnly(StateGraph graph) {
        for (State state : graph.states().values()) {
            boolean plain = state instanceof PassState || state instanceof ChoiceState
                    || state instanceof SucceedState || state instanceof FailState;
            if (plain) {
                continue;
            }
            if (state instanceof ParallelState parallel && parallel.retry().isEmpty()
                    && parallel.branches().stream().allMatch(Workers::computesOnly)) {
                continue;
            }
            if (state instanceof MapState map && !map.isDistributed() && map.retry().isEmpty()
                    && computesOnly(map.processor())) {
                continue;
            }
            return false;
        }
        return true;
    }
}
