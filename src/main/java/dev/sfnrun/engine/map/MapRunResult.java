package dev.sfnrun.engine.map;

import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionStatus;

import java.util.List;

/**
 * One Map Run of a distributed Map state: its ARN, how its child executions ended, and (when the
 * history is recorded) each child's own result and history, in item order. Children that never
 * started (the run failed first) are counted in neither list.
 */
public record MapRunResult(String mapRunArn, String stateName, ExecutionStatus status, int total, int succeeded,
                           int failed, int aborted, List<ExecutionResult> children) {
}
