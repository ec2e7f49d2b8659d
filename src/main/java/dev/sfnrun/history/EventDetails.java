package dev.sfnrun.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Builds the details of an event with AWS's field names, in AWS's order. Every transition makes
 * a few of these, so they are kept as two small arrays and {@link #build()} gives a read-only
 * map over them, not a copy.
 */
public final class EventDetails {
    private static final Map<String, Object> NOT_TRUNCATED = Map.of("truncated", false);
    private String[] keys = new String[4];
    private Object[] values = new Object[4];
    private int size;
    /** The task function's output during the call this event ends (not one of AWS's fields), or null. */
    private String logs;
    /** Whether a built map reads the arrays, so that the next change must copy them first. */
    private boolean shared;

    public static EventDetails create() {
        return new EventDetails();
    }

    public EventDetails put(String key, Object value) {
        if (value != null) {
            set(key, value);
        }
        return this;
    }

    /** {@code input} and {@code inputDetails}. */
    public EventDetails input(JsonNode value) {
        return payload("input", Payload.of(value));
    }

    /** {@code output} and {@code outputDetails}. */
    public EventDetails output(JsonNode value) {
        return payload("output", Payload.of(value));
    }

    public EventDetails payload(String key, Payload payload) {
        set(key, payload);
        set(switch (key) {
            case "input" -> "inputDetails";
            case "output" -> "outputDetails";
            default -> key + "Details";
        }, NOT_TRUNCATED);
        return this;
    }

    /** {@code assignedVariables} (name → value, shown as JSON text) and {@code assignedVariablesDetails}. */
    public EventDetails assignedVariables(Map<String, Object> values) {
        set("assignedVariables", values);
        set("assignedVariablesDetails", NOT_TRUNCATED);
        return this;
    }

    public EventDetails error(String error, String cause) {
        put("error", error);
        return put("cause", cause);
    }

    /** Attaches a task function's output to the event (kept beside AWS's fields, see {@link HistoryEvent#logs()}). */
    public EventDetails logs(String text) {
        this.logs = text;
        return this;
    }

    /** The output set by {@link #logs(String)}, or null. */
    public String logs() {
        return logs;
    }

    /** The fields so far, in the order they were first put; a key put again keeps its place. */
    public Map<String, Object> build() {
        if (size == 0) {
            return Map.of();
        }
        shared = true;
        return new Fields(keys, values, size);
    }

    private void set(String key, Object value) {
        if (shared) {
            keys = keys.clone();
            values = values.clone();
            shared = false;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                values[i] = value;
                return;
            }
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
    }

    /** A read-only map over the first {@code size} keys and values (later puts to the builder are not seen). */
    private static final class Fields extends AbstractMap<String, Object> {
        private final String[] keys;
        private final Object[] values;
        private final int size;

        Fields(String[] keys, Object[] values, int size) {
            this.keys = keys;
            this.values = values;
            this.size = size;
        }

        @Override
        public Object get(Object key) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return values[i];
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, Object> entry = new SimpleImmutableEntry<>(keys[next], values[next]);
                            next++;
                            return entry;
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }
}
