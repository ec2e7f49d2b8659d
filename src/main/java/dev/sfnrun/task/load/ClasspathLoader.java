package dev.sfnrun.task.load;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader over {@code --classpath}: a class or resource that, in one of its directories,
 * is a named pipe, a socket or a device is refused by name (a URLClassLoader would open it and block
 * for ever, as on a {@code META-INF/services} file that is a pipe). Jars hold no such entries.
 */
final class ClasspathLoader extends URLClassLoader {
    private final List<Path> directories;

    ClasspathLoader(URL[] urls, List<Path> directories, ClassLoader parent) {
        super(urls, parent);
        this.directories = List.copyOf(directories);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        check(name.replace('.', '/') + ".class");
        return super.findClass(name);
    }

    @Override
    public URL findResource(String name) {
        check(name);
        return super.findResource(name);
    }

    @Override
    public Enumeration<URL> findResources(String name) throws IOException {
        check(name);
        return super.findResources(name);
    }

    private void check(String resource) {
        for (Path directory : directories) {
            Path file;
            try {
                file = directory.resolve(resource);
            } catch (InvalidPathException e) {
                continue;
            }
            if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
                throw new TaskLoadException("--classpath " + directory + ": " + resource + " is a named pipe, socket or"
                        + " device, not a regular file (sfn-run reads only regular files)");
            }
        }
    }
}
