package org.lifeline.orchestrator.assignment;

import java.util.Set;

/**
 * Topic codes a specialist covers: the option values of the questionnaire's {@code topic} question
 * (a test keeps the two in step).
 */
public final class Topics {

  public static final String OTHER = "other";
  public static final Set<String> ALL = Set.of("anxiety", "grief", "trauma", "relationships", "displacement", OTHER);
  /** Bean-validation pattern of one topic code. */
  public static final String PATTERN = "anxiety|grief|trauma|relationships|displacement|other";

  private Topics() {}
}
