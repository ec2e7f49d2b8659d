package dev.sfnrun.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reading the user's files safely: what a path names is checked before it is opened (a named
 * pipe, a device or a directory where a file is expected is refused, never a blocked or endless
 * read), its size is checked against the limit before a byte is read, and the read itself stops
 * one byte past the limit (a file that grows meanwhile, or standard input). Text must be UTF-8.
 * Every problem is a {@link FileProblem} whose message is one plain line.
 */
public final class BoundedFiles {
    /** AWS's limit on a state machine definition: 1 MB. */
    public static final long DEFINITION_BYTES = 1_048_576;
    /** AWS's limit on an execution's input and on any payload: 256 KiB. */
    public static final long PAYLOAD_BYTES = 262_144;
    /** Mock configuration files: no AWS limit; 16 MB is far above any real one. */
    public static final long MOCK_BYTES = 16L << 20;

    private BoundedFiles() {
    }

    /** A problem reading a file; its message names the file and says what is wrong. */
    public static final class FileProblem extends RuntimeException {
        public FileProblem(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The bytes of {@code file}, which must be a regular file of at most {@code limit} bytes.
     *
     * @param name what messages call it (the path as the user wrote it)
     * @param what what it is, for the size message ("a definition")
     */
    public static byte[] readBytes(Path file, String name, long limit, String what) {
        BasicFileAttributes attributes = regularFile(file, name);
        if (attributes.size() > limit) {
            throw new FileProblem(name + ": " + tooLarge(attributes.size(), limit, what));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return bounded(in, name, limit, what);
        } catch (NoSuchFileException e) {
            throw new FileProblem(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new FileProblem(name + ": permission denied");
        } catch (IOException e) {
            throw new FileProblem(name + ": cannot read: " + reason(e));
        }
    }

    /** The UTF-8 text of {@code file} (see {@link #readBytes}). */
    public static String readText(Path file, String name, long limit, String what) {
        return utf8(readBytes(file, name, limit, what), name);
    }

    /** Standard input as UTF-8 text, at most {@code limit} bytes. */
    public static String readText(InputStream in, String name, long limit, String what) {
        try {
            return utf8(bounded(in, name, limit, what), name);
        } catch (IOException e) {
            throw new FileProblem(name + ": cannot read: " + reason(e));
        }
    }

    /** The path as a {@link Path}, or a clear problem (a NUL byte, say). */
    public static Path path(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new FileProblem(printable(name) + ": not a valid file name (it contains a NUL character)");
        }
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new FileProblem(printable(name) + ": not a valid file name");
        }
    }

    /**
     * What {@code file} is, followed through links: a regular file, or a clear problem naming what
     * it is instead.
     */
    public static BasicFileAttributes regularFile(Path file, String name) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new FileProblem(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new FileProblem(name + ": permission denied");
        } catch (FileSystemException e) {
            throw new FileProblem(name + ": cannot read: " + reason(e));
        } catch (IOException e) {
            throw new FileProblem(name + ": cannot read: " + reason(e));
        }
        if (attributes.isDirectory()) {
            throw new FileProblem(name + ": is a directory, not a file");
        }
        if (!attributes.isRegularFile()) {
            String kind = Files.isSymbolicLink(file) && !Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "a broken link"
                    : "a named pipe, socket or device";
            throw new FileProblem(name + ": is " + kind + ", not a regular file (sfn-run reads only regular files)");
        }
        return attributes;
    }

    private static byte[] bounded(InputStream in, String name, long limit, String what) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw new FileProblem(name + ": " + tooLarge(-1, limit, what));
        }
        return bytes;
    }

    private static String tooLarge(long size, long limit, String what) {
        return (size >= 0 ? "is " + size + " bytes" : "is larger than " + limit + " bytes") + "; AWS accepts at most "
                + limit + " bytes (" + human(limit) + ") for " + what;
    }

    private static String human(long bytes) {
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    /** Strict UTF-8: a malformed byte is a problem named by its offset, never a silent replacement. */
    public static String utf8(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult result = decoder.decode(buffer, chars, true);
        if (result.isError()) {
            int at = buffer.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new FileProblem(name + ": not UTF-8 text (byte 0x" + String.format("%02X", bytes[at] & 0xff) + " at offset "
                    + at + ", line " + line + ", is not valid UTF-8); sfn-run reads its files as UTF-8: save it in that encoding");
        }
        decoder.flush(chars);
        return chars.flip().toString();
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A name as a message can show it: control characters (and NUL) as \\uXXXX. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
