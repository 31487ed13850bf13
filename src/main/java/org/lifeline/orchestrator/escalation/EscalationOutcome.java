package org.lifeline.orchestrator.escalation;

import java.util.Arrays;
import java.util.Locale;

/** What the supervisor recorded (select "outcome" of bpmn/forms/escalation-review.form; values are code()). */
public enum EscalationOutcome {
  CONTACTED_PERSON,
  EMERGENCY_SERVICES,
  OTHER_PROFESSIONAL_HELP,
  PERSON_UNREACHABLE,
  FALSE_ALARM;

  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static EscalationOutcome fromCode(String code) {
    return Arrays.stream(values())
        .filter(outcome -> outcome.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown escalation outcome '" + code + "'"));
  }
}
