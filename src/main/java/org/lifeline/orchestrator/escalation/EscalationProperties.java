package org.lifeline.orchestrator.escalation;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who is alerted ({@code lifeline.escalation.on-duty}) is not read here: it seeds the on-duty rota of the staff module.
 *
 * @param crisisLines the hotline text sent as crisis resources, by language tag ({@code en}, {@code ru}, {@code uk},
 *     or with a country: {@code ru-KZ}), with {@code default} for any other language
 */
@ConfigurationProperties("lifeline.escalation")
record EscalationProperties(Map<String, String> crisisLines) {

  EscalationProperties {
    crisisLines = crisisLines == null ? Map.of() : Map.copyOf(crisisLines);
  }
}
