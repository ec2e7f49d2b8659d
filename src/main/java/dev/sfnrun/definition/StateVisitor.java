package dev.sfnrun.definition;

/** Dispatch over the state types; adding a state type makes every visitor fail to compile until it handles it. */
public interface StateVisitor<R> {
    R visitTask(TaskState state);

    R visitPass(PassState state);

    R visitChoice(ChoiceState state);

    R visitWait(WaitState state);

    R visitSucceed(SucceedState state);

    R visitFail(FailState state);

    R visitParallel(ParallelState state);

    R visitMap(MapState state);
}
