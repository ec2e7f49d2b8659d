package dev.sfnrun.task;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name a {@link TaskFunction} found through {@code ServiceLoader} is bound to: a Lambda
 * function name ({@code "Greet"}), an integration ({@code "dynamodb:putItem"}) or a full resource
 * ARN. Without it, the class's simple name is used.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TaskName {
    String value();
}
