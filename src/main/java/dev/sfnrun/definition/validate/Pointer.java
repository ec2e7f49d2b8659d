package dev.sfnrun.definition.validate;

/** JSON pointers (RFC 6901) as the validator builds them. */
final class Pointer {
    private Pointer() {
    }

    static String child(String parent, String key) {
        boolean plain = key.indexOf('~') < 0 && key.indexOf('/') < 0;
        return parent + "/" + (plain ? key : key.replace("~", "~0").replace("/", "~1"));
    }

    static String child(String parent, int index) {
        return parent + "/" + index;
    }

    static String parent(String pointer) {
        return pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
    }
}
