package dev.sfnrun.task.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfnrun.testtasks.Echo;
import dev.sfnrun.testtasks.Plain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskLoaderTest {
    private static TaskLoader loader() {
        return TaskLoader.over(List.of(), "us-east-1", "123456789012");
    }

    @Test
    void servicesOnTheClasspathAreBoundByTaskNameOrSimpleName(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("dev.sfnrun.task.TaskFunction"),
                "# test functions\n" + Echo.class.getName() + "\n" + Plain.class.getName() + "\n");
        TaskRegistry registry = new TaskRegistry();
        TaskLoader.over(List.of(dir.toString()), "us-east-1", "123456789012").bindServices(registry);
        assertInstanceOf(Echo.class, registry.find("Echo"));
        assertInstanceOf(Plain.class, registry.find("Plain"));
    }

    @Test
    void aServiceFileNamingAMissingClassIsALoadError(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("dev.sfnrun.task.TaskFunction"), "com.example.Gone\n");
        TaskLoadException error = assertThrows(TaskLoadException.class,
                () -> TaskLoader.over(List.of(dir.toString()), "us-east-1", "123456789012").bindServices(new TaskRegistry()));
        assertTrue(error.getMessage().startsWith("META-INF/services/dev.sfnrun.task.TaskFunction: "), error.getMessage());
        assertTrue(error.getMessage().contains("com.example.Gone"), error.getMessage());
    }

    @Test
    void explicitBindingsLoadTaskFunctionsAndLambdaHandlers() {
        TaskRegistry registry = new TaskRegistry();
        loader().bind(registry, "Copy=" + Echo.class.getName());
        loader().bind(registry, "Greet=dev.sfnrun.testtasks.GreetHandler::handleRequest");
        assertInstanceOf(Echo.class, registry.find("Copy"));
        LambdaHandlerFunction handler = assertInstanceOf(LambdaHandlerFunction.class, registry.find("Greet"));
        assertEquals("dev.sfnrun.testtasks.GreetHandler", handler.handlerClass().getName());
    }

    @Test
    void badBindingsAreOneLineErrors() {
        TaskRegistry registry = new TaskRegistry();
        assertEquals("--task Greet: expected NAME=fully.qualified.Class",
                assertThrows(TaskLoadException.class, () -> loader().bind(registry, "Greet")).getMessage());
        assertEquals("--task G=com.example.Nope: class com.example.Nope not found (give its jar or classes directory with "
                + "--classpath)", assertThrows(TaskLoadException.class, () -> loader().bind(registry, "G=com.example.Nope"))
                .getMessage());
        assertEquals("--task G=java.lang.String: java.lang.String implements neither dev.sfnrun.task.TaskFunction nor "
                + "com.amazonaws.services.lambda.runtime.RequestHandler / com.amazonaws.services.lambda.runtime.RequestStreamHandler",
                assertThrows(TaskLoadException.class, () -> loader().bind(registry, "G=java.lang.String")).getMessage());
        assertEquals("--task G=dev.sfnrun.testtasks.GreetHandler::run: only handleRequest handlers are supported, not ::run",
                assertThrows(TaskLoadException.class,
                        () -> loader().bind(registry, "G=dev.sfnrun.testtasks.GreetHandler::run")).getMessage());
        assertEquals("--classpath /no/such.jar: no such file or directory",
                assertThrows(TaskLoadException.class, () -> TaskLoader.over(List.of("/no/such.jar"), "r", "a")).getMessage());
    }

    @Test
    void twoFunctionsForOneNameAreALoadErrorButBuiltinsMayBeReplaced() {
        TaskRegistry registry = TaskRegistry.withBuiltins();
        registry.bind("MockAPIFunction", new Echo());
        assertInstanceOf(Echo.class, registry.find("MockAPIFunction"));
        TaskLoadException twice = assertThrows(TaskLoadException.class, () -> registry.bind("MockAPIFunction", new Plain()));
        assertEquals("Two task functions are bound to the name 'MockAPIFunction': dev.sfnrun.testtasks.Echo and "
                + "dev.sfnrun.testtasks.Plain", twice.getMessage());
    }

    @Test
    void resourceNamesInEveryForm() {
        assertEquals("Greet", ResourceResolver.functionName("arn:aws:lambda:us-east-1:123456789012:function:Greet:prod"));
        assertEquals("prod", ResourceResolver.qualifier("arn:aws:lambda:us-east-1:123456789012:function:Greet:prod"));
        assertEquals("Greet", ResourceResolver.functionName("123456789012:function:Greet"));
        assertEquals("Greet", ResourceResolver.functionName("Greet:7"));
        assertEquals("7", ResourceResolver.qualifier("Greet:7"));
        var sdk = ResourceResolver.resolve("arn:aws:states:::aws-sdk:s3:getObject.waitForTaskToken");
        assertEquals("aws-sdk:s3", sdk.resourceType());
        assertEquals("getObject.waitForTaskToken", sdk.resource());
        assertEquals("aws-sdk:s3:getObject", sdk.bindingName());
        assertTrue(sdk.waitForTaskToken());
        var activity = ResourceResolver.resolve("arn:aws:states:us-east-1:123456789012:activity:Approve");
        assertEquals(ResourceResolver.Kind.ACTIVITY, activity.kind());
        assertEquals("Approve", activity.bindingName());
        assertNotNull(ResourceResolver.resolve("arn:aws:states:::lambda:invoke").isLambdaInvoke() ? "yes" : null);
    }
}
