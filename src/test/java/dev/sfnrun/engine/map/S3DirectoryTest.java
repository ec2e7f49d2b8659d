package dev.sfnrun.engine.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfnrun.error.StatesError;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local S3 directory: literal keys, containment after resolving links, impossible names as clear errors. */
class S3DirectoryTest {
    @TempDir
    Path tmp;
    Path root;
    Path outside;
    S3Directory s3;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createDirectories(root.resolve("b"));
        s3 = new S3Directory(root, "States.ItemReaderFailed");
    }

    private void write(String key, String text) throws Exception {
        try (OutputStream out = s3.create("b", key)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void dotAndDotDotSegmentsAreLiteralKeysInsideTheBucket() throws Exception {
        write("a/../b.json", "one");
        write("b.json", "two");
        write("../../escape.json", "three");
        write("./x//y/", "four");
        assertEquals("one", Files.readString(s3.object("b", "a/../b.json")));
        assertEquals("two", Files.readString(s3.object("b", "b.json")));
        assertEquals("three", Files.readString(s3.object("b", "../../escape.json")));
        assertEquals("four", Files.readString(s3.object("b", "./x//y/")));
        assertTrue(Files.isRegularFile(root.resolve("b/a/%2E%2E/b.json")));
        assertTrue(Files.isRegularFile(root.resolve("b/%2E%2E/%2E%2E/escape.json")));
        assertFalse(Files.exists(tmp.resolve("escape.json")));
        assertFalse(Files.exists(root.resolve("escape.json")));
        // listing gives the keys back as written
        assertEquals("a/../b.json", S3Directory.key(root.resolve("b").relativize(root.resolve("b/a/%2E%2E/b.json"))));
        assertEquals("./x//y/", S3Directory.key(root.resolve("b").relativize(root.resolve("b/%2E/x/%/y/%"))));
        // an absolute-looking key is a key like any other
        write("/abs.json", "five");
        assertTrue(Files.isRegularFile(root.resolve("b/%/abs.json")));
    }

    @Test
    void aLinkLeadingOutsideIsRefusedForReadingAndWriting() throws Exception {
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("b/link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("b/dir"), outside);
        StatesError read = assertThrows(StatesError.class, () -> s3.object("b", "link.txt"));
        assertTrue(read.cause().contains("leading outside the local S3 directory"), read.cause());
        assertThrows(StatesError.class, () -> s3.object("b", "dir/secret.txt"));
        StatesError writeFile = assertThrows(StatesError.class, () -> write("link.txt", "x"));
        assertTrue(writeFile.cause().contains("s3://b/link.txt"), writeFile.cause());
        assertThrows(StatesError.class, () -> write("dir/new.txt", "x"));
        assertThrows(StatesError.class, () -> write("dir/sub/new.txt", "x"));
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")), "never truncated");
        assertFalse(Files.exists(outside.resolve("new.txt")));
        assertFalse(Files.exists(outside.resolve("sub")), "no folder made outside");
        StatesError list = assertThrows(StatesError.class, () -> s3.listable(root.resolve("b/link.txt")));
        assertTrue(list.cause().contains("outside"), list.cause());
    }

    @Test
    void aBucketThatIsALinkOutsideIsRefused() throws Exception {
        Files.createSymbolicLink(root.resolve("ext"), outside);
        assertThrows(StatesError.class, () -> s3.bucket("ext"));
        assertThrows(StatesError.class, () -> s3.create("ext", "k"));
    }

    @Test
    void linksInsideTheRootAreFollowed() throws Exception {
        write("real/data.json", "[1]");
        Files.createSymbolicLink(root.resolve("b/alias.json"), root.resolve("b/real/data.json"));
        assertEquals("[1]", Files.readString(s3.object("b", "alias.json")));
        assertTrue(s3.listable(root.resolve("b/alias.json")));
        write("alias.json", "[2]");
        assertEquals("[2]", Files.readString(root.resolve("b/real/data.json")));
        // the root itself may be reached through a link
        Path rootLink = Files.createSymbolicLink(tmp.resolve("rootlink"), root);
        assertEquals("[2]", Files.readString(new S3Directory(rootLink, "E").object("b", "alias.json")));
    }

    @Test
    void aDanglingLinkIsNeverWrittenThrough() throws Exception {
        Files.createSymbolicLink(root.resolve("b/dangling"), outside.resolve("created-by-write"));
        assertThrows(StatesError.class, () -> write("dangling", "x"));
        assertThrows(StatesError.class, () -> s3.object("b", "dangling"));
        assertFalse(Files.exists(outside.resolve("created-by-write")));
    }

    @Test
    void impossibleNamesAreClearErrors() {
        StatesError nul = assertThrows(StatesError.class, () -> s3.object("b", "a\0b"));
        assertEquals("States.ItemReaderFailed", nul.error());
        assertEquals("Invalid key: a\\u0000b contains a NUL character", nul.cause());
        StatesError bucket = assertThrows(StatesError.class, () -> s3.object("b\0", "k"));
        assertEquals("Invalid bucket name: b\\u0000", bucket.cause());
        assertThrows(StatesError.class, () -> s3.object("..", "k"));
        assertThrows(StatesError.class, () -> s3.object("b", ""));
        StatesError longKey = assertThrows(StatesError.class, () -> s3.object("b", "k".repeat(1025)));
        assertTrue(longKey.cause().startsWith("Invalid key: longer than 1024 bytes"), longKey.cause());
    }

    @Test
    void aNamedPipeOrFolderIsNotAnObject() throws Exception {
        Files.createDirectories(root.resolve("b/folder"));
        StatesError folder = assertThrows(StatesError.class, () -> s3.object("b", "folder"));
        assertTrue(folder.cause().contains("not a regular file"), folder.cause());
        Path fifo = root.resolve("b/pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        StatesError pipe = assertThrows(StatesError.class, () -> s3.object("b", "pipe"));
        assertTrue(pipe.cause().contains("not a regular file"), pipe.cause());
    }

    @Test
    void aMissingRootIsAClearError() {
        StatesError missing = assertThrows(StatesError.class,
                () -> new S3Directory(tmp.resolve("nope"), "E").object("b", "k"));
        assertTrue(missing.cause().contains("does not exist"), missing.cause());
    }
}
