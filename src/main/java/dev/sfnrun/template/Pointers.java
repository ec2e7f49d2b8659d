package dev.sfnrun.template;

import java.util.ArrayList;
import java.util.List;

/** JSON pointers (RFC 6901), and the dotted paths that messages show ({@code Resources.M.Properties.Definition}). */
final class Pointers {
    private Pointers() {
    }

    static String child(String parent, String key) {
        boolean plain = key.indexOf('~') < 0 && key.indexOf('/') < 0;
        return parent + "/" + (plain ? key : key.replace("~", "~0").replace("/", "~1"));
    }

    static String child(String parent, int index) {
        return parent + "/" + index;
    }

    /** {@code /Resources/M/Properties/X/0} as {@code Resources.M.Properties.X[0]}. */
    static String dotted(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String part : segments(pointer)) {
            if (!part.isEmpty() && part.chars().allMatch(Character::isDigit) && path.length() > 0) {
                path.append('[').append(part).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(part);
            }
        }
        return path.toString();
    }

    static List<String> segments(String pointer) {
        List<String> parts = new ArrayList<>();
        if (pointer.isEmpty()) {
            return parts;
        }
        for (String part : pointer.substring(1).split("/", -1)) {
            parts.add(part.replace("~1", "/").replace("~0", "~"));
        }
        return parts;
    }
}
