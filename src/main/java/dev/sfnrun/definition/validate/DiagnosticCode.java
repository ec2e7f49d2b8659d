package dev.sfnrun.definition.validate;

/** The diagnostic codes of AWS's ValidateStateMachineDefinition, spelled as AWS spells them. */
public enum DiagnosticCode {
    INVALID_JSON_DESCRIPTION,
    MISSING_DESCRIPTION,
    SCHEMA_VALIDATION_FAILED,
    INVALID_RESOURCE,
    MISSING_END_STATE,
    MISSING_TRANSITION_TARGET,
    DUPLICATE_STATE_NAME,
    INVALID_STATE_NAME,
    TOO_DEEPLY_NESTED,
    DUPLICATE_LABEL_NAME,
    INVALID_LABEL_NAME,
    INVALID_JSONATA_EXPRESSION,
    NO_DOLLAR(Severity.WARNING),
    NO_PATH(Severity.WARNING),
    PASS_RESULT_IS_STATIC(Severity.WARNING),
    /** sfn-run's own: a ${NAME} placeholder (DefinitionSubstitutions, CDK, Terraform) with no value given. */
    UNBOUND_PLACEHOLDER(Severity.WARNING),
    /** sfn-run's own: a SAM / CloudFormation template (or YAML file) that cannot be read or resolved locally. */
    INVALID_TEMPLATE,
    /** sfn-run's own: something AWS runs that sfn-run cannot run locally (a Parquet ItemReader). */
    UNSUPPORTED_LOCALLY;

    private final Severity severity;

    DiagnosticCode() {
        this(Severity.ERROR);
    }

    DiagnosticCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
