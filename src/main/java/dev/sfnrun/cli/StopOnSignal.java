package dev.sfnrun.cli;

import dev.sfnrun.engine.Execution;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a run stops the execution, as StopExecution does on AWS: it
 * ends ABORTED, the history and summary (or JSON report) are still printed, and the exit code is
 * 1. A second signal ends the process at once (exit code 130). Only the real command line
 * installs this; in-process runs leave the JVM's handlers alone.
 */
final class StopOnSignal implements AutoCloseable {
    private static final String[] SIGNALS = {"INT", "TERM"};
    private final SignalHandler[] previous = new SignalHandler[SIGNALS.length];

    private final AtomicBoolean signalled = new AtomicBoolean();

    StopOnSignal(Execution execution) {
        SignalHandler handler = signal -> {
            if (signalled.getAndSet(true)) {
                ExitGuard.halt(ExitCodes.INTERRUPTED);
            }
            execution.stop();
        };
        for (int i = 0; i < SIGNALS.length; i++) {
            try {
                previous[i] = Signal.handle(new Signal(SIGNALS[i]), handler);
            } catch (IllegalArgumentException e) {
                previous[i] = null; // not a signal of this platform (or the JVM uses it): leave it
            }
        }
    }

    @Override
    public void close() {
        if (signalled.get()) {
            return; // the run was stopped and the process is ending: a second signal still ends it at once, 130
        }
        for (int i = 0; i < SIGNALS.length; i++) {
            if (previous[i] != null) {
                Signal.handle(new Signal(SIGNALS[i]), previous[i]);
            }
        }
    }
}
