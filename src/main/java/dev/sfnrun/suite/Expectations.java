package dev.sfnrun.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.engine.ExecutionStatus;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The kinds of {@link Expectation}, one small record each. */
public final class Expectations {
    private Expectations() {
    }

    /** {@code status}: how the execution ended. */
    public record Status(ExecutionStatus expected) implements Expectation {
        public String key() {
            return "status";
        }

        public String check(CaseOutcome outcome) {
            ExecutionStatus actual = outcome.result().status();
            return actual == expected ? null : "expected " + expected + ", got " + actual;
        }
    }

    /** {@code output} (exact) and {@code outputContains} (a subset). */
    public record Output(JsonNode expected, boolean subset) implements Expectation {
        public String key() {
            return subset ? "outputContains" : "output";
        }

        public String check(CaseOutcome outcome) {
            JsonNode actual = outcome.result().output();
            if (actual == null) {
                return "the execution has no output (it ended " + outcome.result().status() + ")"
                        + JsonDiff.report(expected, null, List.of());
            }
            List<String> differences = JsonDiff.differences(expected, actual, subset);
            return differences.isEmpty() ? null
                    : differences.size() + (differences.size() == 1 ? " difference" : " differences")
                    + JsonDiff.report(expected, actual, differences);
        }
    }

    /** {@code error}: the execution's error name. */
    public record Error(String expected) implements Expectation {
        public String key() {
            return "error";
        }

        public String check(CaseOutcome outcome) {
            String actual = outcome.result().error();
            return expected.equals(actual) ? null : "expected " + quote(expected) + ", got " + quote(actual);
        }
    }

    /** {@code cause} (exact) or {@code causeMatches} (a regular expression found anywhere in the cause). */
    public record Cause(String expected, Pattern pattern) implements Expectation {
        public String key() {
            return pattern == null ? "cause" : "causeMatches";
        }

        public String check(CaseOutcome outcome) {
            String actual = outcome.result().cause();
            boolean met;
            try {
                met = pattern == null ? expected.equals(actual) : actual != null && TimeBoxedText.find(pattern, actual);
            } catch (TimeBoxedText.TimedOut e) {
                return "the pattern " + quote(expected) + " found no answer within " + TimeBoxedText.BOX_MILLIS / 1000
                        + " s on the cause (it backtracks without end): simplify it";
            }
            return met ? null : (pattern == null ? "expected " : "expected a match of ") + quote(expected)
                    + ", got " + quote(actual);
        }
    }

    /** {@code path} (exactly these top-level states, in order) and {@code pathContains} (a subsequence). */
    public record Path(List<String> expected, boolean subsequence) implements Expectation {
        @Override
        public boolean checksNothing() {
            return subsequence && expected.isEmpty(); // path: [] is met only when no state was entered
        }

        public String key() {
            return subsequence ? "pathContains" : "path";
        }

        public String check(CaseOutcome outcome) {
            List<String> actual = outcome.path();
            boolean met = subsequence ? missingFrom(expected, actual) < 0 : expected.equals(actual);
            if (met) {
                return null;
            }
            String text = "\n    expected: " + arrows(expected) + "\n    actual:   " + arrows(actual);
            if (subsequence) {
                int missing = missingFrom(expected, actual);
                return "'" + expected.get(missing) + "' (item " + (missing + 1) + ") not entered in this order" + text;
            }
            int at = 0;
            while (at < expected.size() && at < actual.size() && expected.get(at).equals(actual.get(at))) {
                at++;
            }
            return "differs at step " + (at + 1) + text;
        }
    }

    /** {@code visits}: how often each state was entered (nested ones by {@code Map/Inner} ids). */
    public record Visits(Map<String, Integer> expected) implements Expectation {
        @Override
        public boolean checksNothing() {
            return expected.isEmpty();
        }

        public String key() {
            return "visits";
        }

        public String check(CaseOutcome outcome) {
            List<String> lines = new ArrayList<>();
            expected.forEach((state, count) -> {
                int actual = outcome.visits().getOrDefault(state, 0);
                if (actual != count) {
                    lines.add("'" + state + "': expected " + count + ", got " + actual);
                }
            });
            return lines.isEmpty() ? null : String.join("; ", lines);
        }
    }

    /** {@code events}: event types that occur in this order (others may come between). */
    public record Events(List<String> expected) implements Expectation {
        @Override
        public boolean checksNothing() {
            return expected.isEmpty();
        }

        public String key() {
            return "events";
        }

        public String check(CaseOutcome outcome) {
            List<String> actual = outcome.events().stream().map(e -> e.type().name()).toList();
            int missing = missingFrom(expected, actual);
            return missing < 0 ? null : "'" + expected.get(missing) + "' (item " + (missing + 1)
                    + ") does not occur in this order\n    expected: " + String.join(", ", expected)
                    + "\n    actual:   " + String.join(", ", actual);
        }
    }

    /** {@code noEvents}: event types that must not occur. */
    public record NoEvents(List<String> forbidden) implements Expectation {
        @Override
        public boolean checksNothing() {
            return forbidden.isEmpty();
        }

        public String key() {
            return "noEvents";
        }

        public String check(CaseOutcome outcome) {
            Set<String> types = new HashSet<>(forbidden);
            List<String> found = new ArrayList<>();
            for (HistoryEvent event : outcome.events()) {
                if (types.contains(event.type().name())) {
                    found.add("#" + event.id() + " " + event.type().name());
                }
            }
            return found.isEmpty() ? null : "found " + String.join(", ", found.subList(0, Math.min(found.size(), 10)))
                    + (found.size() > 10 ? " …" : "");
        }
    }

    /** {@code stateOutput}: a state's (last) output, matched as a subset. */
    public record StateOutput(Map<String, JsonNode> expected) implements Expectation {
        @Override
        public boolean checksNothing() {
            return expected.isEmpty();
        }

        public String key() {
            return "stateOutput";
        }

        public String check(CaseOutcome outcome) {
            StringBuilder text = new StringBuilder();
            expected.forEach((state, value) -> {
                JsonNode actual = outcome.stateOutputs().get(state);
                if (actual == null) {
                    text.append("\n    '").append(state).append("': no output (the state never exited)");
                    return;
                }
                List<String> differences = JsonDiff.differences(value, actual, true);
                if (!differences.isEmpty()) {
                    text.append("\n    '").append(state).append("':").append(JsonDiff.report(value, actual, differences)
                            .replace("\n    ", "\n      "));
                }
            });
            return text.length() == 0 ? null : text.substring(1).stripLeading();
        }
    }

    /** {@code maxTransitions}: at most this many states entered (nested ones too). */
    public record MaxTransitions(int max) implements Expectation {
        public String key() {
            return "maxTransitions";
        }

        public String check(CaseOutcome outcome) {
            return outcome.transitions() <= max ? null
                    : "expected at most " + max + " states entered, got " + outcome.transitions();
        }
    }

    /** {@code duration}: the execution's (virtual) length within bounds, e.g. {@code PT1M..PT2M}. */
    public record DurationBounds(String text, Duration min, Duration max) implements Expectation {
        public String key() {
            return "duration";
        }

        public String check(CaseOutcome outcome) {
            Duration actual = outcome.duration();
            boolean met = (min == null || actual.compareTo(min) >= 0) && (max == null || actual.compareTo(max) <= 0);
            return met ? null : "expected " + text + ", got " + TextReport.seconds(actual);
        }

        /**
         * "PT1M..PT2M", "PT1M.." or "..PT2M" (bounds included); null when the text is none of these. There
         * is no exact form: at time scale 0 waits take no time, but the work of states still takes its
         * real (small) length.
         */
        public static DurationBounds parse(String text) {
            try {
                int dots = text.indexOf("..");
                if (dots < 0) {
                    return null;
                }
                String from = text.substring(0, dots).trim();
                String to = text.substring(dots + 2).trim();
                Duration min = from.isEmpty() ? null : Duration.parse(from);
                Duration max = to.isEmpty() ? null : Duration.parse(to);
                if (min == null && max == null || min != null && max != null && min.compareTo(max) > 0) {
                    return null;
                }
                return new DurationBounds(text, min, max);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    /** A placeholder left by {@code --init}: fails until the case is filled in and the key removed. */
    public record Todo(String note) implements Expectation {
        public String key() {
            return "todo";
        }

        public String check(CaseOutcome outcome) {
            return "placeholder case: " + note + " (fill it in, then remove the 'todo' key)";
        }
    }

    /** The index of the first item of {@code expected} not found in order in {@code actual}; -1 when all are. */
    static int missingFrom(List<String> expected, List<String> actual) {
        int at = 0;
        for (int i = 0; i < expected.size(); i++) {
            while (at < actual.size() && !actual.get(at).equals(expected.get(i))) {
                at++;
            }
            if (at == actual.size()) {
                return i;
            }
            at++;
        }
        return -1;
    }

    static String arrows(List<String> states) {
        return states.isEmpty() ? "(no state)" : String.join(" → ", states);
    }

    static String quote(String text) {
        return text == null ? "(none)" : Json.compact(Json.NODES.textNode(text));
    }
}
