package dev.sfnrun.cli;

import dev.sfnrun.server.ServerOptions;
import dev.sfnrun.server.SfnServer;
import dev.sfnrun.task.load.TaskLoadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Model.CommandSpec;
import sun.misc.Signal;

/** {@code sfn-run serve}: the Step Functions API on a local port, until Ctrl-C or SIGTERM. */
final class ServeCommand implements Callable<Integer> {
    private static final String[] DESCRIPTION = {
        "Serves the AWS Step Functions API on a local port.", "",
        "Answers the API as the AWS SDKs and the AWS CLI call it (AWS JSON 1.0), running executions on "
                + "sfn-run's engine."};
    private static final String[] EXAMPLES = {
        "sfn-run serve",
        "sfn-run serve --port 8083 --time-scale 0 --data-dir .sfn-state",
        "aws stepfunctions list-state-machines --endpoint-url http://127.0.0.1:8083"};
    private static final String[] FOOTER = {};

    final CommandSpec spec;
    /** Set by {@link SfnRun#main}: the real command line stops on Ctrl-C and SIGTERM. */
    boolean stopOnSignal;

    ServeCommand() {
        spec = Specs.command("serve", this, DESCRIPTION, EXAMPLES, FOOTER);
        spec.addOption(Specs.option("--host", "HOST", String.class, "127.0.0.1",
                "The address to listen on (localhost only unless you ask). Default: ${DEFAULT-VALUE}."));
        spec.addOption(Specs.option("--port", "PORT", int.class, "8083",
                "The port (8083 is Step Functions Local's; 0 picks a free one). Default: ${DEFAULT-VALUE}."));
        spec.addOption(Specs.option("--time-scale", "N", double.class, "1",
                "1 waits in real time, 0 never sleeps (virtual time), 0.1 waits a tenth. Default: ${DEFAULT-VALUE}."));
        spec.addOption(Specs.repeatable("--classpath", "PATH", "Jars and class directories holding task functions (repeatable)."));
        spec.addOption(Specs.repeatable("--task", "NAME=CLASS", "Binds a resource name to a class, as sfn-run's --task. Repeatable."));
        spec.addOption(Specs.option("--mock-config", "FILE", String.class, null,
                "A Step Functions Local mock file; StartExecution picks a test case with stateMachineArn#TestCase. "
                        + "Default: $SFN_MOCK_CONFIG."));
        spec.addOption(Specs.option("--data-dir", "DIR", String.class, null,
                "Keep state machines, activities and executions here across restarts. Default: in memory only."));
        spec.addOption(Specs.option("--region", "REGION", String.class, "us-east-1",
                "The region of ARNs when a request's signature names none. Default: ${DEFAULT-VALUE}."));
        spec.addOption(Specs.option("--account", "ID", String.class, "123456789012",
                "The account id in ARNs. Default: ${DEFAULT-VALUE}."));
        Specs.helpOptions(spec);
        Specs.exitCodes(spec, ExitCodes.OK, "stopped by Ctrl-C or SIGTERM",
                ExitCodes.CANNOT_START, "the server cannot start: port in use, bad option, unreadable task code or mock file",
                ExitCodes.NOT_FINISHED, ExitCodes.NOT_FINISHED_HELP);
    }

    @Override
    public Integer call() {
        double timeScale = Specs.value(spec, "--time-scale");
        if (!(timeScale == 0 || timeScale >= RunCommand.MIN_TIME_SCALE && Double.isFinite(timeScale))) {
            throw new UsageError("--time-scale must be 0 (virtual time) or a finite number from 0.000001 up, not " + timeScale);
        }
        int port = Specs.value(spec, "--port");
        if (port < 0 || port > 65535) {
            throw new UsageError("--port must be from 0 to 65535, not " + port);
        }
        String mock = Specs.value(spec, "--mock-config");
        if (mock == null) {
            mock = System.getenv("SFN_MOCK_CONFIG");
        }
        if (mock != null && !mock.isEmpty()) { // refused as a run refuses it: "is a directory, not a file", "no such file"
            InputFiles.regularFile(mock, "--mock-config " + mock);
        }
        String dataDir = Specs.value(spec, "--data-dir");
        ArnOptions.check(Specs.value(spec, "--region"), Specs.value(spec, "--account"));
        ServerOptions options = new ServerOptions(Specs.value(spec, "--host"), port, timeScale,
                orEmpty(Specs.value(spec, "--classpath")), orEmpty(Specs.value(spec, "--task")),
                mock == null || mock.isEmpty() ? null : Path.of(mock), Specs.value(spec, "--region"),
                Specs.value(spec, "--account"), dataDir == null ? null : Path.of(dataDir),
                ServerOptions.defaults().longPoll());
        if (options.mockConfig() != null) {
            try { // a file that cannot be used is refused now, not at the first StartExecution that names a test case
                dev.sfnrun.task.load.MockConfig.check(options.mockConfig());
            } catch (dev.sfnrun.task.load.TaskLoadException e) {
                throw new UsageError(e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        SfnServer server;
        try {
            server = SfnServer.start(options, System.err);
        } catch (IOException | UncheckedIOException e) {
            throw new UsageError("cannot serve on " + options.host() + ":" + options.port() + ": " + e.getMessage());
        } catch (TaskLoadException e) {
            throw e;
        }
        TestStateRoute.install(server, new dev.sfnrun.task.load.TaskSetup(options.classpath(), options.bindings(), null,
                null, "StateMachine", options.region(), options.account()));
        CountDownLatch stopped = new CountDownLatch(1);
        if (stopOnSignal) {
            for (String name : new String[] {"INT", "TERM"}) {
                Signal.handle(new Signal(name), signal -> stopped.countDown());
            }
        }
        out.println("sfn-run serve: listening on http://" + options.host() + ":" + server.port()
                + " (Step Functions API; Ctrl-C stops)");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
        out.println("sfn-run serve: stopped");
        out.flush();
        return ExitCodes.OK;
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
