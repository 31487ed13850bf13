package org.lifeline.orchestrator.feedback;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The person's feedback.
 *
 * @param rating 1 (not helpful) to 5 (very helpful)
 * @param comment optional, in the person's words; stored encrypted, never sent to the engine
 */
record FeedbackAnswer(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 2000) String comment) {}
