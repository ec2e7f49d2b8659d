package dev.sfnrun.task.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFailure;
import dev.sfnrun.task.TaskFunction;
import dev.sfnrun.task.load.TaskLoadException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Python or Node.js Lambda handler as a task function, run as Lambda runs it: warm worker
 * processes, started on the first call and reused (module code runs once per worker); concurrent
 * calls get more workers, up to {@link HandlerSettings#maxWorkers()}, each serving one call at a
 * time. A worker that exits or overruns the function timeout is gone, and the next call gets a
 * fresh one. Closing the function stops all its workers.
 *
 * <p>Failures as Lambda reports them: the handler's exception as the runtime writes it (error =
 * its {@code errorType}); a worker that exits, {@code Runtime.ExitError}; the function timeout,
 * {@code Sandbox.Timedout} ({@link LambdaFailures}). Each call's output is handed to
 * {@link TaskContext#log}.
 */
public final class HandlerFunction implements TaskFunction, AutoCloseable {
    /** The longest a worker may take to load its handler (Lambda allows 10 s; more here, for loaded machines). */
    private static final Duration INIT_LIMIT = Duration.ofSeconds(30);

    private final String name;
    private final HandlerSpec spec;
    private final HandlerSettings settings;
    private final String region;
    private final String account;
    private final Deque<Worker> idle = new ArrayDeque<>();
    private final Set<Worker> all = ConcurrentHashMap.newKeySet();
    private int live;
    /** Workers held by an asynchronous (Event) call; at most one, as those calls take turns: they do not count against maxWorkers. */
    private int heldAsynchronously;
    /** Event invocations take turns, as Lambda's queue hands them on, so that they never starve the calls that wait. */
    private final java.util.concurrent.locks.ReentrantLock asynchronousTurn = new java.util.concurrent.locks.ReentrantLock(true);
    private boolean closed;

    /**
     * @param name the function name (what {@code AWS_LAMBDA_FUNCTION_NAME} and the context say)
     */
    public HandlerFunction(String name, HandlerSpec spec, HandlerSettings settings, String region, String account) {
        this.name = name;
        this.spec = spec;
        this.settings = settings;
        this.region = region;
        this.account = account;
    }

    public HandlerSpec spec() {
        return spec;
    }

    /** The function's ARN, as the context's {@code invoked_function_arn} gives it. */
    public String arn() {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
    }

    /**
     * Starts one worker now and keeps it warm for the first call: the handler is loaded (its module
     * code runs) before the run, so that a missing interpreter, file or function, or a syntax error,
     * is one clear line before anything runs.
     *
     * @throws TaskLoadException naming the binding
     */
    public void prepare() {
        synchronized (this) {
            if (closed || !idle.isEmpty()) {
                return;
            }
            live++;
        }
        Object started;
        try {
            started = startWorker();
        } catch (IOException e) {
            release(null);
            throw new TaskLoadException(spec.origin() + ": cannot start " + settings.interpreter(spec.language())
                    + " (" + reason(e) + "); choose the interpreter with " + option());
        } catch (InterruptedException e) {
            release(null);
            Thread.currentThread().interrupt();
            throw new TaskLoadException(spec.origin() + ": interrupted while starting the handler");
        }
        if (started instanceof Worker worker) {
            if (worker.initError() != null) {
                String message = initMessage(worker.initCause());
                discard(worker);
                throw new TaskLoadException(spec.origin() + ": " + worker.initError() + ": " + message);
            }
            release(worker);
            return;
        }
        release(null);
        Worker.Reply reply = (Worker.Reply) started;
        String detail = reply instanceof Worker.Exited exited ? "the interpreter exited with status " + exited.status()
                : "the handler did not load within " + INIT_LIMIT.toSeconds() + " seconds";
        String logs = reply.logs() == null ? "" : reply.logs().strip();
        String last = logs.isEmpty() ? "" : ": " + logs.lines().reduce((a, b) -> b).orElse("");
        throw new TaskLoadException(spec.origin() + ": " + detail + last);
    }

    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) throws Exception {
        if (!context.asynchronous()) {
            return call(input, context, false);
        }
        asynchronousTurn.lockInterruptibly();
        try {
            return call(input, context, true);
        } finally {
            synchronized (this) {
                heldAsynchronously = 0;
                notifyAll();
            }
            asynchronousTurn.unlock();
        }
    }

    private JsonNode call(JsonNode input, TaskContext context, boolean asynchronous) throws Exception {
        String requestId = context.requestId();
        Object acquired = acquire(asynchronous);
        if (!(acquired instanceof Worker worker)) {
            Worker.Reply reply = (Worker.Reply) acquired;
            log(context, reply.logs());
            throw failure(reply, requestId, settings.timeoutFor(spec));
        }
        Duration timeout = settings.timeoutFor(spec);
        ObjectNode request = Json.object();
        request.put("requestId", requestId);
        request.put("deadlineMs", System.currentTimeMillis() + timeout.toMillis());
        request.put("invokedFunctionArn", arn());
        request.set("event", input);
        Worker.Reply reply;
        try {
            reply = worker.call(Json.compact(request), timeout);
        } catch (InterruptedException e) {
            discard(worker);
            throw e;
        }
        log(context, reply.logs());
        if (reply instanceof Worker.Result result) {
            release(worker.initError() == null ? worker : null, worker);
            try {
                return Json.parse(result.line()).get("result");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) { // Infinity, NaN, a lone surrogate
                throw LambdaFailures.unreadableResult(dev.sfnrun.io.JsonMessages.plain(e));
            }
        }
        if (reply instanceof Worker.Failed failed && !failed.exits() && worker.initError() == null) {
            release(worker);
        } else {
            discard(worker);
        }
        throw failure(reply, requestId, timeout);
    }

    private static TaskFailure failure(Worker.Reply reply, String requestId, Duration timeout) {
        if (reply instanceof Worker.Failed failed) {
            return new TaskFailure(failed.errorType(), failed.cause());
        }
        if (reply instanceof Worker.Exited exited) {
            return LambdaFailures.exited(requestId, exited.status());
        }
        return LambdaFailures.timedOut(requestId, timeout);
    }

    private static void log(TaskContext context, String logs) {
        if (logs != null && !logs.isEmpty()) {
            context.log(logs);
        }
    }

    /**
     * An idle worker, a new one, or (when a new one could not start) the reply that says why. The
     * worker an asynchronous call holds does not count against maxWorkers, so Event invocations
     * running in the background never keep a waiting call from a worker.
     */
    private Object acquire(boolean asynchronous) throws Exception {
        synchronized (this) {
            while (true) {
                if (closed) {
                    throw new TaskFailure("Lambda.ServiceException", "The run is over: " + name + " is closed");
                }
                Worker worker = idle.pollFirst();
                if (worker != null) {
                    if (worker.isAlive()) {
                        heldAsynchronously += asynchronous ? 1 : 0;
                        return worker;
                    }
                    live--;
                    all.remove(worker);
                    worker.kill();
                    continue;
                }
                if (live - heldAsynchronously < settings.maxWorkers() || asynchronous) {
                    live++;
                    heldAsynchronously += asynchronous ? 1 : 0;
                    break;
                }
                wait();
            }
        }
        Object started;
        try {
            started = startWorker();
        } catch (IOException e) {
            release(null);
            throw new TaskFailure("Lambda.ServiceException", spec.origin() + ": cannot start "
                    + settings.interpreter(spec.language()) + ": " + reason(e));
        } catch (InterruptedException | RuntimeException e) {
            release(null);
            throw e;
        }
        if (!(started instanceof Worker)) {
            release(null);
        }
        return started;
    }

    private Object startWorker() throws IOException, InterruptedException {
        Duration limit = INIT_LIMIT.compareTo(settings.timeoutFor(spec)) > 0 ? INIT_LIMIT : settings.timeoutFor(spec);
        Object started = Worker.start(command(), WorkerEnvironment.of(name, spec, settings, region),
                spec.root(), limit);
        if (started instanceof Worker worker) {
            all.add(worker);
            synchronized (this) {
                if (closed) {
                    all.remove(worker);
                    worker.kill();
                }
            }
        }
        return started;
    }

    private List<String> command() {
        String file = spec.file().toAbsolutePath().toString();
        String script = Bootstraps.script(spec.language()).toString();
        return spec.language() == HandlerSpec.Language.PYTHON
                ? List.of(settings.python(), "-u", script, file, spec.function())
                : List.of(settings.node(), script, file, spec.function());
    }

    /** Back to the idle workers (null: a worker that was reserved and never started). */
    private void release(Worker worker) {
        release(worker, worker);
    }

    /** {@code keep} back to the idle workers, or {@code used} stopped when {@code keep} is null. */
    private void release(Worker keep, Worker used) {
        boolean stop;
        synchronized (this) {
            stop = closed || keep == null;
            if (stop) {
                live--;
            } else {
                idle.addFirst(keep); // the most recently used stays warmest
            }
            notifyAll();
        }
        if (stop && used != null) {
            all.remove(used);
            used.kill();
        }
    }

    private void discard(Worker worker) {
        release(null, worker);
    }

    /** Stops every worker of this function, busy or idle. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            idle.clear();
            notifyAll();
        }
        for (Worker worker : List.copyOf(all)) {
            all.remove(worker);
            worker.kill();
        }
    }

    /** Worker processes of this function alive now. */
    public int liveWorkers() {
        return (int) all.stream().filter(Worker::isAlive).count();
    }

    private String option() {
        return spec.language() == HandlerSpec.Language.PYTHON ? "--python PATH" : "--node PATH";
    }

    private static String reason(IOException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int error = message.indexOf("error=");
        return error >= 0 ? message.substring(error) : message;
    }

    /** The errorMessage of a runtime's error JSON, or the text itself. */
    private static String initMessage(String cause) {
        try {
            JsonNode node = Json.parse(cause);
            String message = node.path("errorMessage").asText(cause);
            return message.lines().findFirst().orElse(message);
        } catch (IOException e) {
            return cause;
        }
    }
}
