package dev.sfnrun.task.load;

import dev.sfnrun.task.TaskFunction;
import dev.sfnrun.task.TaskName;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import dev.sfnrun.io.BoundedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Loads users' task code into a registry: a class loader over their jars and directories,
 * {@link TaskFunction}s listed in {@code META-INF/services/dev.sfnrun.task.TaskFunction}, and
 * explicit bindings {@code NAME=fully.qualified.Class} of task functions or unchanged AWS Java
 * Lambda handlers. Every problem is a {@link TaskLoadException} with a one-line message.
 */
public final class TaskLoader {
    private final ClassLoader loader;
    private final String region;
    private final String account;

    private TaskLoader(ClassLoader loader, String region, String account) {
        this.loader = loader;
        this.region = region;
        this.account = account;
    }

    /**
     * A loader over {@code classpath}: jars and directories, each entry possibly a list joined by
     * the platform's path separator ({@code a.jar:classes}).
     */
    /** AWS's limit on a Lambda function's unzipped code (250 MB); a jar is at most that. */
    static final long MAX_JAR_BYTES = 250L << 20;

    public static TaskLoader over(List<String> classpath, String region, String account) {
        List<URL> urls = new ArrayList<>();
        List<Path> directories = new ArrayList<>();
        for (String entry : classpath) {
            for (String part : entry.split(File.pathSeparator)) {
                if (part.isBlank()) {
                    continue;
                }
                Path path = Path.of(part);
                if (!Files.exists(path)) {
                    throw new TaskLoadException("--classpath " + part + ": no such file or directory");
                }
                if (!Files.isDirectory(path) && !part.endsWith(".jar") && !part.endsWith(".zip")) {
                    throw new TaskLoadException("--classpath " + part + ": not a directory or a .jar file");
                }
                if (!Files.isDirectory(path)) {
                    checkJar(path, part);
                } else {
                    directories.add(path);
                }
                try {
                    urls.add(path.toAbsolutePath().toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new TaskLoadException("--classpath " + part + ": " + e.getMessage());
                }
            }
        }
        ClassLoader parent = TaskLoader.class.getClassLoader();
        ClassLoader loader = urls.isEmpty() ? parent : new ClasspathLoader(urls.toArray(URL[]::new), directories, parent);
        return new TaskLoader(loader, region, account);
    }

    /**
     * A jar on the class path is a regular file of at most {@link #MAX_JAR_BYTES} whose zip directory
     * reads; else one line naming it (a URLClassLoader would skip a corrupt jar without a word).
     */
    private static void checkJar(Path path, String part) {
        java.nio.file.attribute.BasicFileAttributes attributes;
        try {
            attributes = BoundedFiles.regularFile(path, "--classpath " + part);
        } catch (BoundedFiles.FileProblem e) {
            throw new TaskLoadException(e.getMessage());
        }
        if (attributes.size() > MAX_JAR_BYTES) {
            throw new TaskLoadException("--classpath " + part + ": is " + attributes.size() + " bytes; AWS accepts at most "
                    + MAX_JAR_BYTES + " bytes (250 MiB) for a Lambda function's code");
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(path.toFile())) {
            zip.size(); // the zip directory read: the jar's classes can be found
        } catch (java.util.zip.ZipException e) {
            throw new TaskLoadException("--classpath " + part + ": not a valid jar (a corrupt or truncated zip file"
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (java.io.IOException e) {
            throw new TaskLoadException("--classpath " + part + ": cannot read the jar: " + e.getMessage());
        }
    }

    /**
     * Binds every {@link TaskFunction} the class path lists as a service, under its {@link TaskName}
     * or else its simple class name.
     */
    public void bindServices(TaskRegistry registry) {
        Iterator<ServiceLoader.Provider<TaskFunction>> providers = ServiceLoader.load(TaskFunction.class, loader)
                .stream().iterator();
        while (true) {
            ServiceLoader.Provider<TaskFunction> provider;
            try {
                if (!providers.hasNext()) {
                    return;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                throw new TaskLoadException("META-INF/services/" + TaskFunction.class.getName() + ": " + e.getMessage());
            }
            Class<? extends TaskFunction> type = provider.type();
            TaskFunction function;
            try {
                function = provider.get();
            } catch (ServiceConfigurationError e) {
                throw new TaskLoadException(type.getName() + ": cannot create the task function: "
                        + rootMessage(e));
            }
            registry.bind(nameOf(type), function);
        }
    }

    /** The name a service-loaded class is bound to. */
    static String nameOf(Class<?> type) {
        TaskName name = type.getAnnotation(TaskName.class);
        return name != null ? name.value() : type.getSimpleName();
    }

    /**
     * Binds {@code NAME=fully.qualified.Class} (a Lambda handler may be written as AWS writes it,
     * {@code Class::handleRequest}).
     */
    public void bind(TaskRegistry registry, String binding) {
        int equals = binding.indexOf('=');
        if (equals <= 0 || equals == binding.length() - 1) {
            throw new TaskLoadException("--task " + binding + ": expected NAME=fully.qualified.Class");
        }
        String name = binding.substring(0, equals).trim();
        String className = binding.substring(equals + 1).trim();
        registry.bind(name, load(name, className, "--task " + binding));
    }

    /** A task function for a class: the class itself, or an adapter for a Java Lambda handler. */
    public TaskFunction load(String name, String className, String where) {
        int method = className.indexOf("::");
        if (method >= 0) {
            String methodName = className.substring(method + 2);
            if (!methodName.equals("handleRequest")) {
                throw new TaskLoadException(where + ": only handleRequest handlers are supported, not ::" + methodName);
            }
            className = className.substring(0, method);
        }
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new TaskLoadException(where + ": class " + className
                    + " not found (give its jar or classes directory with --classpath)");
        } catch (LinkageError e) {
            throw new TaskLoadException(where + ": class " + className + " cannot be loaded: " + rootMessage(e));
        }
        if (TaskFunction.class.isAssignableFrom(type)) {
            try {
                return (TaskFunction) type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                throw new TaskLoadException(where + ": cannot create " + className
                        + " (a public no-argument constructor is needed): " + rootMessage(e));
            }
        }
        if (LambdaHandlerFunction.isHandler(type)) {
            try {
                return LambdaHandlerFunction.of(type, ResourceResolver.functionName(name), region, account);
            } catch (TaskLoadException e) {
                throw new TaskLoadException(where + ": " + e.getMessage());
            }
        }
        throw new TaskLoadException(where + ": " + className + " implements neither " + TaskFunction.class.getName()
                + " nor " + LambdaHandlerFunction.REQUEST_HANDLER + " / " + LambdaHandlerFunction.STREAM_HANDLER);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.toString();
    }
}
