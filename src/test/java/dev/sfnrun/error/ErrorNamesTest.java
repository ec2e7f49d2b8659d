package dev.sfnrun.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorNamesTest {
    @Test
    void statesAllMatchesEveryErrorButRuntime() {
        assertTrue(ErrorNames.matches("States.ALL", "TooManyRequestsException"));
        assertTrue(ErrorNames.matches("States.ALL", "States.Timeout"));
        assertTrue(ErrorNames.matches("States.ALL", "States.TaskFailed"));
        assertFalse(ErrorNames.matches("States.ALL", "States.Runtime"));
    }

    @Test
    void taskFailedMatchesEverythingButTimeout() {
        assertTrue(ErrorNames.matches("States.TaskFailed", "ServerUnavailableException"));
        assertTrue(ErrorNames.matches("States.TaskFailed", "States.Permissions"));
        assertFalse(ErrorNames.matches("States.TaskFailed", "States.Timeout"));
    }

    @Test
    void otherNamesMatchExactly() {
        assertTrue(ErrorNames.matches("States.Timeout", "States.Timeout"));
        assertTrue(ErrorNames.matches("Custom.Error", "Custom.Error"));
        assertFalse(ErrorNames.matches("Custom.Error", "custom.error"));
        assertFalse(ErrorNames.matches("Custom", "Custom.Error"));
        assertFalse(ErrorNames.matches("States.ALL", null));
    }
}
