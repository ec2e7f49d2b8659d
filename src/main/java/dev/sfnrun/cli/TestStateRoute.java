package dev.sfnrun.cli;

import dev.sfnrun.server.ApiException;
import dev.sfnrun.server.SfnServer;
import dev.sfnrun.task.load.TaskSetup;
import dev.sfnrun.teststate.TestStateException;
import dev.sfnrun.teststate.TestStateRunner;

/**
 * The TestState operation of {@code sfn-run serve}: the server's router handed to
 * {@link TestStateRunner} (the same answers as {@code sfn-run test-state}). It lives here, where
 * the two front ends meet, so that neither depends on the other.
 */
public final class TestStateRoute {
    private TestStateRoute() {
    }

    public static void install(SfnServer server, TaskSetup setup) {
        TestStateRunner runner = new TestStateRunner(setup);
        server.router().add("TestState", request -> {
            try {
                return runner.run(request.body());
            } catch (TestStateException e) {
                throw ApiException.named(e.type(), e.getMessage());
            }
        });
    }
}
