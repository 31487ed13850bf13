package org.lifeline.orchestrator.feedback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lifeline.feedback.*}. The delays of the feedback step itself (ask, remind, give up) are BPMN timers in
 * bpmn/feedback-collection.bpmn, not settings.
 *
 * @param linkValidity how long a one-time feedback link works after it was issued
 * @param retryDelay how long to wait before trying the engine again when it could not be reached
 */
@ConfigurationProperties("lifeline.feedback")
record FeedbackProperties(@DefaultValue("14d") Duration linkValidity, @DefaultValue("5s") Duration retryDelay) {}
