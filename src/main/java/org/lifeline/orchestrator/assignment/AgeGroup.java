package org.lifeline.orchestrator.assignment;

/**
 * Age groups a specialist serves. Minors are redirected to a partner project during qualification,
 * so the groups start at 18.
 */
public enum AgeGroup {
  /** 18 to 24. */
  YOUNG_ADULT(18, 24),
  /** 25 to 64. */
  ADULT(25, 64),
  /** 65 and older. */
  SENIOR(65, Integer.MAX_VALUE);

  private final int minAge;
  private final int maxAge;

  AgeGroup(int minAge, int maxAge) {
    this.minAge = minAge;
    this.maxAge = maxAge;
  }

  /** The group of an adult's age; minors have none (they are redirected before assignment). */
  public static AgeGroup of(int age) {
    for (AgeGroup group : values()) {
      if (age >= group.minAge && age <= group.maxAge) {
        return group;
      }
    }
    throw new IllegalArgumentException("No specialist age group for age " + age + " (groups start at 18)");
  }
}
