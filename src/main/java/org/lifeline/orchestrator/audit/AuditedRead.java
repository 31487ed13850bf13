package org.lifeline.orchestrator.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET handler that shows a request's sensitive data: each successful call is recorded in the
 * access audit. Calls that change something (POST, PUT, PATCH, DELETE) are recorded without it.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AuditedRead {}
