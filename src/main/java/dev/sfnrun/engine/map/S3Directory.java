package dev.sfnrun.engine.map;

import dev.sfnrun.error.StatesError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The local directory that stands for S3: {@code s3://bucket/key} is the file {@code root/bucket/key}.
 *
 * <p>A key is kept as the literal S3 key it is, never normalised: each {@code /}-separated segment
 * is one file or folder name, and the segments a file system cannot name are stored under a name of
 * their own ({@code .} as {@code %2E}, {@code ..} as {@code %2E%2E}, an empty segment as {@code %}),
 * so {@code a/../b} and {@code b} are two objects, as on S3, and no key climbs out of its bucket.
 *
 * <p>Every read and write stays under the root after symbolic links are resolved: a link inside the
 * root that leads outside it is refused, for reading and for writing, and a write never follows a
 * link at its last step. A NUL or another character no file name can hold is a clear error.
 */
final class S3Directory {
    /** S3's longest key, in UTF-8 bytes. */
    static final int MAX_KEY_BYTES = 1024;

    /**
     * S3's order of keys in a listing: by their UTF-8 bytes, which is the order of their code points
     * ({@link String#compareTo} compares UTF-16 units, which puts U+10000 and above before U+E000..U+FFFF).
     */
    static final Comparator<String> KEY_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private final Path root;
    private final String error;
    private Path realRoot;

    S3Directory(Path root, String error) {
        this.root = root;
        this.error = error;
    }

    /** The folder of a bucket (which may not exist). */
    Path bucket(String bucket) {
        realRoot(bucket);
        Path base = root.resolve(validBucket(bucket)); // shown as given; checked against the real root
        if (Files.exists(base)) {
            inside(base, "s3://" + bucket);
        }
        return base;
    }

    /** The file of an object to read: inside the root after links are resolved (it may not exist). */
    Path object(String bucket, String key) {
        Path file = bucket(bucket).resolve(relative(key));
        if (Files.exists(file)) {
            inside(file, "s3://" + bucket + "/" + key);
            if (!Files.isRegularFile(file)) { // a folder, a named pipe, a device: never read (a pipe would block)
                throw new StatesError(error, "s3://" + bucket + "/" + key + " is not a regular file in the local S3"
                        + " directory: " + file);
            }
        } else if (Files.isSymbolicLink(file)) {
            throw dangling(bucket, key, file);
        }
        return file;
    }

    /**
     * Opens an object for writing (created or truncated), its folders made inside the bucket; the
     * bucket must exist. Refuses a key whose folders or file are links leading outside the root.
     */
    OutputStream create(String bucket, String key) throws IOException {
        Path base = bucket(bucket);
        Path file = base.resolve(relative(key));
        String shown = "s3://" + bucket + "/" + key;
        Path existing = file.getParent();
        while (existing != null && !Files.exists(existing)) {
            if (Files.isSymbolicLink(existing)) {
                throw dangling(bucket, key, existing);
            }
            existing = existing.getParent();
        }
        if (existing == null || !existing.toRealPath().startsWith(realRoot)) {
            throw outside(shown, existing == null ? file : existing);
        }
        Path target = file;
        if (Files.exists(file)) {
            target = inside(file, shown);
            if (!Files.isRegularFile(target)) {
                throw new StatesError(error, shown + " cannot be written: " + file + " is not a regular file");
            }
        } else if (Files.isSymbolicLink(file)) {
            throw dangling(bucket, key, file);
        }
        Files.createDirectories(file.getParent());
        if (!file.getParent().toRealPath().startsWith(realRoot)) {
            throw outside(shown, file.getParent());
        }
        return Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Whether a file met while listing a bucket is an object: a regular file, or a link to one
     * inside the root; a link leading outside the root is refused.
     */
    boolean listable(Path file) {
        if (Files.isSymbolicLink(file)) {
            if (!Files.exists(file)) {
                return false;
            }
            inside(file, file.toString());
        }
        return Files.isRegularFile(file);
    }

    /** The S3 key of a file found under a bucket's folder (the inverse of the segment naming). */
    static String key(Path relative) {
        List<String> segments = new ArrayList<>();
        for (Path name : relative) {
            segments.add(switch (name.toString()) {
                case "%2E" -> ".";
                case "%2E%2E" -> "..";
                case "%" -> "";
                default -> name.toString();
            });
        }
        return String.join("/", segments);
    }

    /**
     * Whether a file name found on disk is UTF-8, as an S3 key is: a name of other bytes comes back
     * from Java with U+FFFD in their place, and that text names another file (or none).
     */
    static boolean utf8(Path relative) {
        return relative.getFileSystem().getPath(relative.toString()).equals(relative);
    }

    /** "" when Java reads file names as UTF-8 (as sfn-run's launcher arranges), else a note of how it reads them. */
    static String fileNameEncoding() {
        String encoding = System.getProperty("sun.jnu.encoding");
        return encoding == null || encoding.equalsIgnoreCase("UTF-8") ? ""
                : " (Java reads file names here as " + encoding + ", not UTF-8: run it in a UTF-8 locale)";
    }

    /** The key as a relative path of literal segments. */
    private String relative(String key) {
        String text = key == null ? "" : key;
        if (text.isEmpty()) {
            throw new StatesError(error, "Invalid key: the key is empty");
        }
        if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new StatesError(error, "Invalid key: longer than " + MAX_KEY_BYTES + " bytes: "
                    + text.substring(0, 60) + "...");
        }
        if (text.indexOf('\0') >= 0) {
            throw new StatesError(error, "Invalid key: " + printable(text) + " contains a NUL character");
        }
        StringBuilder path = new StringBuilder();
        for (String segment : text.split("/", -1)) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(switch (segment) {
                case "." -> "%2E";
                case ".." -> "%2E%2E";
                case "" -> "%";
                default -> segment;
            });
        }
        try {
            Path relative = Path.of(path.toString());
            if (relative.isAbsolute()) {
                throw new StatesError(error, "Invalid key: " + printable(text));
            }
            return relative.toString();
        } catch (InvalidPathException e) {
            throw new StatesError(error, "Invalid key: " + printable(text) + " (" + e.getReason() + ")");
        }
    }

    private String validBucket(String bucket) {
        if (bucket == null || bucket.isEmpty() || bucket.contains("/") || bucket.equals("..") || bucket.equals(".")
                || bucket.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new StatesError(error, "Invalid bucket name: " + (bucket == null ? "null" : printable(bucket)));
        }
        return bucket;
    }

    private Path realRoot(String bucket) {
        if (root == null) {
            throw new StatesError(error, "No local S3 directory: run sfn-run with --s3-root DIR to map s3://"
                    + printable(String.valueOf(bucket)) + "/... to DIR/" + printable(String.valueOf(bucket)) + "/...");
        }
        if (realRoot == null) {
            try {
                Path real = root.toRealPath();
                if (!Files.isDirectory(real)) {
                    throw new StatesError(error, "The local S3 directory (--s3-root) is not a directory: " + root);
                }
                realRoot = real;
            } catch (IOException | InvalidPathException e) {
                throw new StatesError(error, "The local S3 directory (--s3-root) does not exist: " + root);
            }
        }
        return realRoot;
    }

    /** The real path of an existing file, refused when a link takes it out of the root. */
    private Path inside(Path file, String shown) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new StatesError(error, "Cannot resolve " + shown + " (" + file + "): " + e.getMessage());
        }
        if (!real.startsWith(realRoot)) {
            throw outside(shown, file);
        }
        return real;
    }

    private StatesError outside(String shown, Path file) {
        return new StatesError(error, printable(shown) + " is refused: " + file
                + " is a symbolic link (or lies under one) leading outside the local S3 directory " + realRoot);
    }

    private StatesError dangling(String bucket, String key, Path link) {
        return new StatesError(error, "s3://" + bucket + "/" + printable(key) + " is refused: " + link
                + " is a symbolic link to nothing");
    }

    /** A name with its control characters shown as escapes, so an error stays one readable line. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
