package dev.sfnrun.engine;

/**
 * Unwinds a Parallel branch or Map iteration that was stopped because a sibling failed: its trail
 * is closed, so it may write no more events. Not an ASL error: nothing catches it.
 */
final class BranchAborted extends RuntimeException {
    BranchAborted() {
        super("branch aborted", null, false, false);
    }
}
