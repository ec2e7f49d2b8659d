package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.Jsonata;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * The transform operator ({@code ~> |location|update|}) works on a copy of its input, which the library
 * makes by writing the value as JSON text and reading it back, turning each JSON null into Java null
 * (JSONata's undefined): the copy lost every null field, as jsonata-js's copy does not. The copy is
 * mended in place as its location pattern is about to be evaluated against it, before anything reads it.
 */
final class TransformCopies {
    private TransformCopies() {
    }

    /** Puts JSONata's null back where the copy {@code value} holds Java null. */
    @SuppressWarnings("unchecked")
    static void restoreNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<Object, Object> member : ((Map<Object, Object>) map).entrySet()) {
                if (member.getValue() == null) {
                    member.setValue(Jsonata.NULL_VALUE);
                } else {
                    restoreNulls(member.getValue());
                }
            }
        } else if (value instanceof List<?> list) {
            for (ListIterator<Object> it = ((List<Object>) list).listIterator(); it.hasNext(); ) {
                Object element = it.next();
                if (element == null) {
                    it.set(Jsonata.NULL_VALUE);
                } else {
                    restoreNulls(element);
                }
            }
        }
    }
}
