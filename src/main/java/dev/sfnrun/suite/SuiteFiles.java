package dev.sfnrun.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds suite files: paths given directly, and under directories every {@code *.sfn-test.yaml},
 * {@code *.sfn-test.yml} and {@code *.sfn-test.json} (hidden directories and node_modules skipped;
 * symbolic links to directories not followed), in name order.
 */
public final class SuiteFiles {
    static final List<String> SUFFIXES = List.of(".sfn-test.yaml", ".sfn-test.yml", ".sfn-test.json");

    private SuiteFiles() {
    }

    public static boolean isSuite(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /** The suite files of the given paths; a missing path or a directory without suites is a suite error. */
    public static List<Path> find(List<String> paths) {
        Set<Path> found = new LinkedHashSet<>();
        List<SuiteError> errors = new ArrayList<>();
        for (String name : paths.isEmpty() ? List.of(".") : paths) {
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                List<Path> under = walk(path);
                if (under.isEmpty()) {
                    errors.add(new SuiteError(name, 0, null, "no suite files (*.sfn-test.yaml, *.sfn-test.yml, "
                            + "*.sfn-test.json) under this directory"));
                }
                found.addAll(under);
            } else if (Files.exists(path)) {
                found.add(path.normalize());
            } else {
                errors.add(new SuiteError(name, 0, null, "no such file or directory"));
            }
        }
        if (!errors.isEmpty()) {
            throw new SuiteException(errors);
        }
        return List.copyOf(found);
    }

    private static List<Path> walk(Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    boolean skip = !d.equals(dir) && (name.startsWith(".") || name.equals("node_modules"));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isSuite(file)) {
                        out.add(file.normalize());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
    }
}
