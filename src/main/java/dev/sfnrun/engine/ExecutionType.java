package dev.sfnrun.engine;

/** The state machine type: Standard keeps a 25,000-event history limit, Express does not. */
public enum ExecutionType { STANDARD, EXPRESS }
