package dev.sfnrun.cli;

import dev.sfnrun.engine.TaskThreads;
import dev.sfnrun.io.Neutral;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.security.Permission;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one place where the process ends. Only the real command line ({@link SfnRun#main}) installs
 * it, and only when the launcher allows a security manager ({@code -Djava.security.manager=allow},
 * Java 17; on a JDK without one the guard stays off and says so nowhere, since nothing else
 * changes).
 *
 * <ul>
 *   <li>sfn-run's own exit ({@link #exit}) is let through; a watchdog halts the JVM with
 *       {@link ExitCodes#NOT_FINISHED} if a shutdown hook (task code's) keeps it from ending.</li>
 *   <li>Any other {@code System.exit} or {@code Runtime.halt} comes from task code (or a library it
 *       uses): the run has not finished, so the guard prints one line naming the task's state and
 *       resource and halts the JVM with {@link ExitCodes#NOT_FINISHED}, whatever status the code
 *       asked for. No shutdown hook runs, so none can block.</li>
 *   <li>Task code cannot remove or replace the guard.</li>
 * </ul>
 * Every other permission is granted: task code runs with the rights of the user who runs sfn-run.
 */
final class ExitGuard extends SecurityManager {
    /** How long shutdown hooks may take after sfn-run's own exit. */
    static final long HOOKS_MILLIS = 3_000;
    /** Set by sfn-run's own exit: the System.exit that follows is let through. */
    private static volatile boolean ownExit;
    /** Won by the first exit of either kind: any later one (another thread of task code) waits for the halt. */
    private static final AtomicBoolean ending = new AtomicBoolean();
    /** The thread halting the JVM after task code's exit. */
    private static volatile Thread halting;
    private final PrintStream err;
    private final Flushable out;

    private ExitGuard(PrintStream err, Flushable out) {
        this.err = err;
        this.out = out;
    }

    /** Installs the guard if the JVM allows it; true if it is on. */
    @SuppressWarnings("removal")
    static boolean install(PrintStream err, Flushable out) {
        if (!"allow".equals(System.getProperty("java.security.manager"))) {
            return false; // setting one would print the JVM's deprecation warning, or fail
        }
        // Java 17 prints four lines of deprecation warning to the JVM's initial stderr, which would break the
        // one-line promise; with the launcher's --add-opens java.base/java.lang that stream is muted meanwhile
        Field initialErr = null;
        Object saved = null;
        try {
            initialErr = System.class.getDeclaredField("initialErrStream");
            initialErr.setAccessible(true);
            saved = initialErr.get(null);
            initialErr.set(null, new PrintStream(OutputStream.nullOutputStream()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            initialErr = null; // not opened: the warning shows, the guard still works
        }
        try {
            // every permission is granted anyway; a policy that says so spares the JVM from reading and parsing
            // its java.policy files when the guard is set (tens of milliseconds of start-up)
            java.security.Policy.setPolicy(new GrantAll());
            System.setSecurityManager(new ExitGuard(err, out));
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        } finally {
            if (initialErr != null) {
                try {
                    initialErr.set(null, saved);
                } catch (IllegalAccessException e) {
                    // it was set a moment ago
                }
            }
        }
    }

    /** sfn-run's own exit with {@code code}, bounded in time whatever shutdown hooks do. */
    static void exit(int code, PrintStream err) {
        if (!ending.compareAndSet(false, true)) {
            waitForTheHalt(); // task code is ending the process as a run that did not finish: that status wins
        }
        ownExit = true;
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(HOOKS_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            err.println("sfn-run: a shutdown hook (registered by task code) kept the process from ending for "
                    + HOOKS_MILLIS / 1000 + " s; stopped it");
            err.flush();
            Runtime.getRuntime().halt(code == ExitCodes.OK ? ExitCodes.NOT_FINISHED : code);
        }, "sfn-run exit watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(code);
    }

    /** sfn-run's own immediate end (a second Ctrl-C). */
    static void halt(int code) {
        ending.set(true);
        halting = Thread.currentThread(); // its own halt passes the guard (it waited for itself, for ever)
        Runtime.getRuntime().halt(code);
    }

    /** Blocks the calling thread for good: another thread is about to halt the JVM. */
    private static void waitForTheHalt() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // nothing ends this thread but the halt
            }
        }
    }

    @Override
    public void checkExit(int status) {
        if (ownExit || Thread.currentThread() == halting) {
            return;
        }
        if (!ending.compareAndSet(false, true)) {
            // a second exit (two Map items calling System.exit at once, or one during sfn-run's own end):
            // letting it through would race the first one's halt with its own status
            waitForTheHalt();
        }
        String task = TaskThreads.current();
        String who = task != null ? "task code of " + task
                : "code on thread '" + Thread.currentThread().getName() + "'";
        try {
            out.flush(); // the history so far
        } catch (IOException | RuntimeException e) {
            // the report below is what matters
        }
        err.println("sfn-run: the run did not finish: " + Neutral.text(who) + " tried to end the process (System.exit or "
                + "Runtime.halt with status " + status + ")");
        err.flush();
        halting = Thread.currentThread(); // the halt below passes through here again
        Runtime.getRuntime().halt(ExitCodes.NOT_FINISHED);
    }

    @Override
    public void checkPermission(Permission permission) {
        if (permission instanceof RuntimePermission && "setSecurityManager".equals(permission.getName())) {
            throw new SecurityException("sfn-run: task code may not replace sfn-run's exit guard");
        }
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        checkPermission(permission);
    }

    /** The policy of a JVM whose security manager only guards the exit: everything is allowed. */
    @SuppressWarnings("removal")
    private static final class GrantAll extends java.security.Policy {
        @Override
        public boolean implies(java.security.ProtectionDomain domain, Permission permission) {
            return true;
        }
    }
}
