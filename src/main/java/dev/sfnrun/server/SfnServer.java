package dev.sfnrun.server;

import com.sun.net.httpserver.HttpServer;
import dev.sfnrun.task.load.TaskRegistry;
import dev.sfnrun.task.load.TaskSetup;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Step Functions API on a local port ({@code sfn-run serve}): the JDK's HTTP server, the
 * {@link Router} of operations, and the executions they start, kept in a {@link Store}.
 * {@link #close} stops it: no new requests, running executions stopped, registries closed.
 */
public final class SfnServer implements AutoCloseable {
    private static final String MAX_REQ_TIME = "sun.net.httpserver.maxReqTime";

    private static final String NODELAY = "sun.net.httpserver.nodelay";
    private final HttpServer http;
    private final Router router = new Router();
    private final Store store;
    private final ServerTasks tasks;
    private final ExecutionService executions;
    private final ThreadPoolExecutor threads;
    private boolean closed;

    private SfnServer(ServerOptions options, PrintStream log, Store given) throws IOException {
        TaskRegistry registry = new TaskSetup(options.classpath(), options.bindings(), null, null, "StateMachine",
                options.region(), options.account()).registry();
        TaskTokens tokens = new TaskTokens();
        ActivityQueues queues = new ActivityQueues(tokens);
        tasks = new ServerTasks(registry, options.mockConfig(), tokens, queues);
        store = given != null ? given : options.dataDir() == null ? new MemoryStore() : JournalStore.open(options.dataDir());
        executions = new ExecutionService(store, tasks, tokens, options.timeScale(), log,
                options.limits().runningExecutions());
        StateMachineOperations machines = new StateMachineOperations(store);
        machines.register(router);
        new VersionOperations(store).register(router);
        new AliasOperations(store).register(router);
        ExecutionOperations executionOperations = new ExecutionOperations(store, machines, executions);
        executionOperations.register(router);
        new Redrive(executionOperations, executions).register(router);
        new MapRunOperations(executionOperations, executions.mapRuns).register(router);
        new ActivityOperations(store, queues, options.longPoll()).register(router);
        new TaskTokenOperations(tokens).register(router);
        new Tags(store).register(router);
        ValidateOperation.register(router);
        AtomicInteger count = new AtomicInteger();
        ServerLimits limits = options.limits();
        // up to requestThreads threads (idle ones end after a minute); more requests wait in the queue for one,
        // never refused (a refused request was a reset connection)
        threads = new ThreadPoolExecutor(limits.requestThreads(), limits.requestThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), run -> {
                    Thread thread = new Thread(run, "sfn-run-http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        threads.allowCoreThreadTimeOut(true);
        // a request that stalls (half a request line, a body shorter than its Content-Length) has its connection
        // closed after requestTime; the JDK counts from the request's first byte to the end of its body (not the
        // handler's time), and reads the property once, when its server classes load
        if (System.getProperty(MAX_REQ_TIME) == null) {
            System.setProperty(MAX_REQ_TIME, Long.toString(Math.max(1, limits.requestTime().toSeconds())));
        }
        // TCP_NODELAY: the JDK server writes a response's headers and body separately; with Nagle's algorithm the
        // body waits for the client's delayed ACK (about 40 ms a request). Read once, when the server classes load.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        try {
            http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
        } catch (IOException | RuntimeException e) { // the port is taken: the data directory's lock is let go
            executions.close();
            tasks.close();
            store.close();
            throw e;
        }
        http.createContext("/", new HttpFront(router, options.region(), options.account(), log, options.limits()));
        http.setExecutor(threads);
    }

    /**
     * Starts a server; it serves until {@link #close}.
     *
     * @throws IOException when the port cannot be bound
     */
    public static SfnServer start(ServerOptions options, PrintStream log) throws IOException {
        return start(options, log, null);
    }

    /** {@link #start} keeping its state in {@code store} (a test's), or as the options say when null. */
    static SfnServer start(ServerOptions options, PrintStream log, Store store) throws IOException {
        SfnServer server = new SfnServer(options, log, store);
        server.http.start();
        return server;
    }

    /** Its executions (a test replaces their thread factory). */
    ExecutionService executions() {
        return executions;
    }

    /** The operations: adding one is {@code router().add("Name", request -> ...)}. */
    public Router router() {
        return router;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String host() {
        return http.getAddress().getHostString();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        http.stop(0);
        threads.shutdownNow();
        executions.close();
        tasks.close();
        store.close();
    }
}
