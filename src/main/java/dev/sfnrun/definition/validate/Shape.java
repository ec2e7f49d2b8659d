package dev.sfnrun.definition.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields one kind of JSON object may have, in the order AWS lists them. */
record Shape(Map<String, Field> fields) {

    static Shape of(Field... fields) {
        return new Shape(Map.of()).plus(fields);
    }

    Shape plus(Field... more) {
        Map<String, Field> all = new LinkedHashMap<>(fields);
        for (Field field : more) {
            all.put(field.name(), field);
        }
        return new Shape(Collections.unmodifiableMap(all));
    }
}
