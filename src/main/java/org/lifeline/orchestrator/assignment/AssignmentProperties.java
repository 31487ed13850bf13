package org.lifeline.orchestrator.assignment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lifeline.assignment.*}.
 *
 * @param alternatives how many other specialists a proposal offers the curator besides the best one
 * @param importMaxRows most rows one CSV import accepts
 * @param wakeBatch how many waiting requests propose again when capacity appears (queue order)
 */
@ConfigurationProperties("lifeline.assignment")
public record AssignmentProperties(@DefaultValue("3") int alternatives, @DefaultValue("5000") int importMaxRows,
    @DefaultValue("20") int wakeBatch) {}
