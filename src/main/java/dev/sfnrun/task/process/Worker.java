package dev.sfnrun.task.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One interpreter process running a bootstrap script, which loads the handler once and then
 * serves one call at a time. Requests and replies are JSON lines over a Unix domain socket; the
 * process's stdout and stderr go to a log file, read after each call as that call's logs.
 */
final class Worker {
    /** At most this much of a call's output is kept. */
    static final int MAX_LOG_BYTES = 1 << 20;
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private static ScheduledExecutorService watchdog() {
        java.util.concurrent.ScheduledThreadPoolExecutor executor = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                task -> {
                    Thread thread = new Thread(task, "sfn-run worker watchdog");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.setRemoveOnCancelPolicy(true); // a call that answers in time leaves nothing queued
        return executor;
    }

    /** What a call (or the start) came to. */
    sealed interface Reply permits Result, Failed, Exited, TimedOut {
        String logs();
    }

    /** The handler returned; {@code line} is the reply line {@code {"result": ...}}. */
    record Result(String line, String logs) implements Reply {
    }

    /** The handler failed (or could not be loaded): the runtime's error type and cause; {@code exits}: the worker is ending. */
    record Failed(String errorType, String cause, boolean exits, String logs) implements Reply {
    }

    /** The process ended with {@code status} (128 + N: killed by signal N). */
    record Exited(int status, String logs) implements Reply {
    }

    /** The time limit passed; the process was killed. */
    record TimedOut(String logs) implements Reply {
    }

    private final Process process;
    private final Path directory;
    private final Path logFile;
    /** The log file, open for the worker's life (null once it is killed). */
    private FileChannel log;
    /** How much of the log file earlier calls have taken. */
    private long logsRead;
    private SocketChannel channel;
    private BufferedReader replies;
    private OutputStream requests;
    /** The error type of a handler that could not be loaded, or null. */
    private String initError;
    private String initCause;
    private volatile boolean timedOut;

    private Worker(Process process, Path directory, Path logFile) {
        this.process = process;
        this.directory = directory;
        this.logFile = logFile;
    }

    private synchronized FileChannel log() throws IOException {
        if (log == null) {
            log = FileChannel.open(logFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        return log;
    }

    /**
     * Starts a worker and waits until it has loaded the handler (or failed to).
     *
     * @return the worker, or a {@link Reply} other than Result when it ended or timed out before it was ready
     * @throws IOException when the interpreter cannot be started
     */
    static Object start(List<String> command, Map<String, String> environment, Path workingDirectory, Duration limit)
            throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory(Bootstraps.root(), "w");
        Path socket = directory.resolve("s");
        Path log = Files.createFile(directory.resolve("log"));
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        Process process;
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            ProcessBuilder builder = new ProcessBuilder(Sessions.own(command)).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("SFN_RUN_SOCKET", socket.toString());
            try {
                process = builder.start();
            } catch (IOException e) {
                Reaper.deleteTree(directory);
                throw e;
            }
            Reaper.watch(process);
            process.getOutputStream().close(); // the handler reads an empty stdin, as on Lambda
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        Worker worker = new Worker(process, directory, log);
        try (server) {
            SocketChannel accepted = accept(server, process, limit);
            if (accepted == null) {
                return worker.ended(process.isAlive());
            }
            worker.connect(accepted);
        } finally {
            Files.deleteIfExists(socket);
        }
        Reply hello = worker.read(limit);
        if (!(hello instanceof Result result)) {
            if (hello instanceof Failed) { // a hello is never a failure
                worker.kill();
            }
            return hello;
        }
        String line = result.line();
        if (line.startsWith("{\"initError\"")) {
            var node = dev.sfnrun.query.Json.parse(line);
            worker.initError = node.path("initError").asText();
            worker.initCause = node.path("cause").asText();
        }
        return worker;
    }

    private static SocketChannel accept(ServerSocketChannel server, Process process, Duration limit)
            throws IOException, InterruptedException {
        server.configureBlocking(false);
        long end = System.nanoTime() + limit.toNanos();
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (true) {
                SocketChannel channel = server.accept();
                if (channel != null) {
                    channel.configureBlocking(true);
                    return channel;
                }
                if (!process.isAlive() || System.nanoTime() - end > 0) {
                    return null;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                selector.select(20);
                selector.selectedKeys().clear();
            }
        }
    }

    private void connect(SocketChannel accepted) {
        channel = accepted;
        replies = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)), 1 << 16);
        requests = Channels.newOutputStream(channel);
    }

    /** The reply for a worker that is gone or did not answer in time: it is killed in either case. */
    private Reply ended(boolean stillAlive) throws InterruptedException {
        if (stillAlive || timedOut) {
            Reaper.kill(process);
            String logs = logs();
            kill();
            return new TimedOut(logs);
        }
        process.waitFor(2, TimeUnit.SECONDS);
        int status = process.isAlive() ? -1 : process.exitValue();
        String logs = logs();
        kill();
        return new Exited(status, logs);
    }

    /** The error type and cause of a handler that could not be loaded, or null when it loaded. */
    String initError() {
        return initError;
    }

    String initCause() {
        return initCause;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /**
     * Sends one request line and waits for its reply, for at most {@code limit}: then the process is
     * killed ({@link TimedOut}).
     *
     * @throws InterruptedException when the calling thread is interrupted (the worker is then killed)
     */
    Reply call(String request, Duration limit) throws InterruptedException {
        try {
            requests.write((request + "\n").getBytes(StandardCharsets.UTF_8));
            requests.flush();
        } catch (ClosedByInterruptException e) {
            kill();
            throw new InterruptedException();
        } catch (IOException e) {
            return ended(false);
        }
        return read(limit);
    }

    private Reply read(Duration limit) throws InterruptedException {
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            timedOut = true;
            Reaper.kill(process);
        }, Math.max(1, limit.toNanos()), TimeUnit.NANOSECONDS);
        String line;
        try {
            line = replies.readLine();
        } catch (InterruptedIOException | ClosedByInterruptException e) {
            watchdog.cancel(false);
            kill();
            throw new InterruptedException();
        } catch (IOException e) {
            line = null;
        } finally {
            watchdog.cancel(false);
        }
        if (Thread.interrupted()) {
            kill();
            throw new InterruptedException();
        }
        if (line == null) {
            return ended(false);
        }
        if (line.startsWith("{\"result\"")) {
            return new Result(line, logs());
        }
        if (line.startsWith("{\"ready\"") || line.startsWith("{\"initError\"")) {
            return new Result(line, null);
        }
        try {
            var node = dev.sfnrun.query.Json.parse(line);
            return new Failed(node.path("errorType").asText(), node.path("cause").asText(),
                    node.path("exit").asBoolean(false), logs());
        } catch (IOException e) {
            kill();
            return new Failed("Runtime.ExitError", "sfn-run could not read the worker's reply: " + e.getMessage(), true,
                    logs());
        }
    }

    /**
     * The output written since the last call, null when there is none. The file is read on from
     * where the last call's output ended, never emptied: what the worker writes meanwhile (a timer,
     * a thread) would be lost between a read and a truncation.
     */
    synchronized String logs() {
        try {
            FileChannel file = log();
            long size = file.size();
            long written = size - logsRead;
            if (written <= 0) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(written, MAX_LOG_BYTES));
            while (buffer.hasRemaining() && file.read(buffer, logsRead + buffer.position()) > 0) {
                // reads on from the last call's end
            }
            int length = buffer.position();
            if (written <= MAX_LOG_BYTES && length > 0 && buffer.get(length - 1) != '\n') {
                // a line still being written by pending work waits for the next call, unless it is all there is
                int lastLine = length - 1;
                while (lastLine >= 0 && buffer.get(lastLine) != '\n') {
                    lastLine--;
                }
                if (lastLine >= 0) {
                    length = lastLine + 1;
                    size = logsRead + length;
                }
            }
            logsRead = size;
            String text = new String(buffer.array(), 0, length, StandardCharsets.UTF_8);
            return written > MAX_LOG_BYTES ? text + "\n[sfn-run: " + (written - MAX_LOG_BYTES) + " more bytes of output left out]\n"
                    : text;
        } catch (IOException e) {
            return null;
        }
    }

    /** Stops the process (and whatever it started) and removes its files. */
    void kill() {
        Reaper.kill(process);
        synchronized (this) {
            try {
                if (log != null) {
                    log.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Reaper.deleteTree(directory);
    }
}
