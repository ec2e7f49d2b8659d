package dev.sfnrun.template;

import dev.sfnrun.definition.validate.SourceMap;

/**
 * A template or definition that cannot be used as given: the message is one line naming the file
 * and, for a template, the path of the value at fault ({@code template.yaml:
 * Resources.MyMachine.Properties.DefinitionSubstitutions.TableName: ...}).
 */
public final class TemplateException extends RuntimeException {
    private final SourceMap.Position position;

    public TemplateException(String message) {
        this(message, null);
    }

    /** {@code position}: where in the file the fault lies, or null. */
    public TemplateException(String message, SourceMap.Position position) {
        super(message, null, false, false);
        this.position = position;
    }

    /** Where in the file named by the message the fault lies (1:1 when unknown). */
    public SourceMap.Position position() {
        return position == null ? new SourceMap.Position(1, 1) : position;
    }
}
