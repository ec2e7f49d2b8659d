package dev.sfnrun.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.history.Payload;
import dev.sfnrun.io.Neutral;
import dev.sfnrun.query.CompactText;
import dev.sfnrun.query.RecentTexts;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.fusesource.jansi.Ansi;

/**
 * Prints the history as it happens, one line per event: id, time since the start, type, state
 * name and the key detail; coloured by kind when colour is on. {@code --verbose} adds each
 * event's payloads in full.
 *
 * <p>Not thread-safe: it is meant to run on a {@link dev.sfnrun.history.ListenerThread}, which hands
 * it the events one at a time, flushes whenever it has caught up, and lets the execution go on
 * meanwhile (on two cores a long history then costs little more than the run itself).
 */
final class HistoryPrinter implements ExecutionListener {
    private static final int EXCERPT = 60;
    /** The sentence AWS puts before a data error's cause; the line shows what follows it (the state is in its column). */
    private static final Pattern LOCATED = Pattern.compile(
            "^An error occurred while executing the state '.*?' \\(entered at the event id #\\d+\\)\\. ");

    private final PrintWriter out;
    private final boolean colour;
    private final boolean verbose;
    /** Each event's place, by event id (ids are dense from 1); equal places share one instance. */
    private Place[] places = new Place[1024];
    /** The last distinct places made: a new place equal to one of them is not kept twice. */
    private final Place[] recent = new Place[8];
    private int recentNext;
    /** Names as shown (control characters neutralised), by the name in the event. */
    private final Map<String, String> shownNames = new HashMap<>();
    private final CompactText json = CompactText.forTerminal();
    private final StringBuilder line = new StringBuilder(256);
    private Instant start;
    private Instant lastTimestamp;
    private final RecentTexts excerpts = new RecentTexts();
    private String lastElapsed;

    /**
     * Where an event stands: the state name printed for it, the name it passes on to events that
     * follow it without naming a state (a Task's resource events, ExecutionFailed), the Map or
     * Parallel state it is one of the life-cycle events of ({@code owner}: the id of that state's
     * Entered event, 0 for none), the Map or Parallel state it runs inside ({@code scope}), and
     * whether the events after it run inside its owner (ParallelStateStarted, MapIterationStarted).
     */
    private record Place(String name, String carry, long owner, long scope, boolean opens) {
        static final Place NONE = new Place("", "", 0, 0, false);

        /** As {@link #equals}, cheaper: names are mostly the very same strings. */
        boolean same(Place other) {
            return owner == other.owner && scope == other.scope && opens == other.opens
                    && java.util.Objects.equals(name, other.name) && java.util.Objects.equals(carry, other.carry);
        }
    }

    HistoryPrinter(PrintWriter out, boolean colour, boolean verbose) {
        this.out = out;
        this.colour = colour;
        this.verbose = verbose;
    }

    @Override
    public void onEvent(HistoryEvent event) {
        if (start == null) {
            start = event.timestamp();
        }
        Place place = place(event, placeOf(event.previousEventId()));
        remember(event.id(), place);
        // as String.format("%4d  %9s  %-26s %-24s %s") would write it, without its cost on long histories
        StringBuilder b = line;
        b.setLength(0);
        if (colour) {
            b.append(COLOURS[colourOf(event.type())]);
        }
        pad(b, Long.toString(event.id()), 4, true).append("  ");
        pad(b, elapsed(event.timestamp()), 9, true).append("  ");
        String detail = detail(event);
        if (detail.isEmpty()) {
            pad(b, event.type().name(), 26, false).append(' ').append(place.name());
            trimEnd(b);
        } else {
            pad(b, event.type().name(), 26, false).append(' ');
            pad(b, place.name(), 24, false).append(' ').append(detail);
        }
        if (colour) {
            b.append(RESET);
        }
        out.write(b.append('\n').toString());
        if (verbose) {
            event.details().forEach((key, value) -> {
                if (value instanceof Payload payload) {
                    out.println("        " + key + ": " + indented(payload.text()));
                } else if ((key.equals("cause") || key.equals("parameters")) && value instanceof String text) {
                    out.println("        " + key + ": " + Neutral.text(text)); // the line shows only its start
                } else if (key.equals("assignedVariables") && value instanceof Map<?, ?> vars) {
                    vars.forEach((name, v) -> out.println("        $" + Neutral.text(String.valueOf(name)) + " = "
                            + indented(((Payload) v).text())));
                }
            });
            if (event.logs() != null) { // a handler's output during the call
                out.println("        logs:");
                event.logs().lines().forEach(logLine -> out.println("        | " + Neutral.lines(logLine)));
            }
        }
    }

    /** A payload in full under its event: a verbatim input keeps its lines, indented, without its final line break. */
    private static String indented(String text) {
        return Neutral.lines(text.strip()).replace("\n", "\n          ");
    }

    private static void trimEnd(StringBuilder b) {
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == ' ') {
            end--;
        }
        b.setLength(end);
    }

    /**
     * The place of {@code event}, from the place of the event before it. The life-cycle events of
     * a Map or Parallel state (Started, Succeeded, Failed, MapIteration..., MapRun...) name no
     * state and follow an event of the state's own iterations or branches, so they are put
     * to the Map or Parallel state around that event.
     */
    private Place place(HistoryEvent event, Place previous) {
        EventType type = event.type();
        String name = event.stringDetail("name");
        if (name == null) {
            name = event.stringDetail("state"); // EvaluationFailed
        }
        if (name == null) {
            name = event.stateName();
        }
        name = shown(name);
        if (type == EventType.MapStateEntered || type == EventType.ParallelStateEntered) {
            return new Place(name, name, event.id(), scopeAfter(previous), false);
        }
        if (isLifeCycle(type) && event.stateName() == null) { // a MapStateAborted of a stopped branch names its state
            long owner = previous.owner() != 0 ? previous.owner() : previous.scope();
            Place state = placeOf(owner);
            boolean opens = type == EventType.ParallelStateStarted || type == EventType.MapIterationStarted;
            return new Place(state.name(), state.name(), owner, state.scope(), opens);
        }
        if (type == EventType.MapStateExited || type == EventType.ParallelStateExited) {
            long owner = previous.owner() != 0 ? previous.owner() : previous.scope();
            return new Place(name, "", 0, placeOf(owner).scope(), false);
        }
        String shown = name != null ? name : previous.carry();
        boolean passesOn = !type.isStateExited() && type != EventType.ExecutionStarted;
        return new Place(shown, passesOn ? shown : "", 0, scopeAfter(previous), false);
    }

    /** The Map or Parallel state that the event after one at {@code previous} runs inside. */
    private static long scopeAfter(Place previous) {
        return previous.opens() ? previous.owner() : previous.scope();
    }

    private static boolean isLifeCycle(EventType type) {
        String name = type.name();
        return name.startsWith("MapIteration") || name.startsWith("MapRun")
                || (name.startsWith("MapState") || name.startsWith("ParallelState"))
                && !type.isStateEntered() && !type.isStateExited();
    }

    private String elapsed(Instant at) {
        if (at.equals(lastTimestamp)) { // virtual time: many events share an instant
            return lastElapsed;
        }
        lastTimestamp = at;
        lastElapsed = elapsedText(at);
        return lastElapsed;
    }

    private String elapsedText(Instant at) {
        Duration d = Duration.between(start, at);
        int millis = d.toMillisPart();
        return "+" + d.getSeconds() + "." + (millis < 10 ? "00" : millis < 100 ? "0" : "") + millis + "s";
    }

    private static StringBuilder pad(StringBuilder b, String text, int width, boolean right) {
        int spaces = Math.max(0, width - text.length());
        if (right) {
            spaces(b, spaces).append(text);
        } else {
            spaces(b.append(text), spaces);
        }
        return b;
    }

    /** Runs of 0 to 31 spaces, made once. */
    private static final String[] SPACES = java.util.stream.IntStream.range(0, 32).mapToObj(" "::repeat).toArray(String[]::new);

    private static StringBuilder spaces(StringBuilder b, int count) {
        return count <= 0 ? b : b.append(count < SPACES.length ? SPACES[count] : " ".repeat(count));
    }

    /** {@code place}, or an equal one made lately (a loop repeats a few places: 600,000 events, a handful of places). */
    private Place shared(Place place) {
        for (Place made : recent) {
            if (made != null && made.same(place)) {
                return made;
            }
        }
        recent[recentNext] = place;
        recentNext = (recentNext + 1) % recent.length;
        return place;
    }

    private Place placeOf(long id) {
        Place place = id > 0 && id < places.length ? places[(int) id] : null;
        return place != null ? place : Place.NONE;
    }

    private void remember(long id, Place place) {
        if (id <= 0 || id > Integer.MAX_VALUE - 8) {
            return;
        }
        if (id >= places.length) {
            places = Arrays.copyOf(places, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(id + 1, 2L * places.length)));
        }
        places[(int) id] = shared(place);
    }

    /** The line's last column, made harmless for a terminal (see {@link Neutral}). */
    private String detail(HistoryEvent event) {
        String error = event.stringDetail("error");
        if (error != null) {
            String cause = event.stringDetail("cause");
            return Neutral.text(error + (cause == null ? "" : ": " + excerpt(LOCATED.matcher(cause).replaceFirst(""))));
        }
        for (String key : new String[] {"output", "input"}) {
            if (event.detail(key) instanceof Payload payload && event.type() != EventType.ExecutionStarted) {
                return payload.verbatim() != null ? Neutral.text(excerpt(payload.verbatim())) : excerpt(payload.value());
            }
        }
        if (event.detail("parameters") instanceof String parameters) { // TaskScheduled: what the task is sent
            return Neutral.text(excerpt(parameters));
        }
        Object index = event.detail("index");
        if (index != null) {
            return "index " + index;
        }
        Object length = event.detail("length");
        return length == null ? "" : length + " items";
    }

    /**
     * The excerpt of a JSON value, escaped by the generator (no scan needed). A state's output is
     * usually the next state's input, the same value: the last two excerpts are kept by identity.
     */
    private String excerpt(JsonNode value) {
        return excerpts.of(value, v -> excerpt(json.of(v, EXCERPT)));
    }

    /** {@code name} as shown: control characters neutralised, worked out once per name. */
    private String shown(String name) {
        if (name == null) {
            return null;
        }
        String shown = shownNames.get(name);
        if (shown == null) {
            shown = Neutral.text(name);
            if (shownNames.size() > 4096) {
                shownNames.clear();
            }
            shownNames.put(name, shown);
        }
        return shown;
    }

    private static String excerpt(String text) {
        String start = text.length() <= EXCERPT ? text : text.substring(0, EXCERPT);
        String flat = start.indexOf('\n') < 0 ? start : start.replace('\n', ' ');
        return text.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "\u2026";
    }

    private static final String RESET = Ansi.ansi().reset().toString();
    private static final Ansi.Color[] PALETTE = {Ansi.Color.DEFAULT, Ansi.Color.RED, Ansi.Color.GREEN, Ansi.Color.YELLOW,
        Ansi.Color.CYAN};
    /** The escape sequence that starts a line of each colour of {@link #PALETTE}. */
    private static final String[] COLOURS = Arrays.stream(PALETTE).map(c -> Ansi.ansi().fg(c).toString()).toArray(String[]::new);

    /** The line's colour for an event of {@code type}: its index in {@link #PALETTE}. */
    private static int colourOf(EventType type) {
        String name = type.name();
        if (name.endsWith("Failed") || name.endsWith("TimedOut") || name.endsWith("Aborted") || name.equals("FailStateEntered")) {
            return 1;
        } else if (name.endsWith("Succeeded")) {
            return 2;
        } else if (name.startsWith("Wait") || name.endsWith("Scheduled")) {
            return 3;
        } else if (type.isStateEntered() || type.isStateExited()) {
            return 4;
        }
        return 0;
    }
}
