package org.lifeline.orchestrator.incident;

import java.util.UUID;

/**
 * An incident the engine holds open: a job whose retries ran out, or an expression, message or
 * decision that failed. It stays until someone fixes the cause and resolves it (Operate, or
 * zbctl/the client against the embedded engine).
 *
 * @param requestId the process instance's {@code requestId} variable, if it has one
 */
public record OpenIncident(
    long incidentKey,
    long processInstanceKey,
    String processId,
    String elementId,
    String errorType,
    String errorMessage,
    Long jobKey,
    UUID requestId) {}
