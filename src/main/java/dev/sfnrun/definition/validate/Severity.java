package dev.sfnrun.definition.validate;

/** How bad a diagnostic is: an ERROR makes AWS refuse the definition, a WARNING does not. */
public enum Severity {
    ERROR, WARNING
}
