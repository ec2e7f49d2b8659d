package dev.sfnrun.definition;

/** Where a state goes when it completes: the next state's name, or the end of its graph. */
public record Transition(String next) {
    public static final Transition END = new Transition(null);

    public boolean isEnd() {
        return next == null;
    }
}
