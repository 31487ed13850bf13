package org.lifeline.orchestrator.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CrisisLineArgumentsTest {

  private final CrisisLineArguments lines =
      new CrisisLineArguments(
          new EscalationProperties(Map.of("default", "D", "en", "E", "ru", "R", "ru-KZ", "RK")));

  @Test
  void picksTheLinesOfTheLanguageWithCountryThenLanguageThenDefault() {
    assertThat(lines.linesFor("ru-KZ")).isEqualTo("RK");
    assertThat(lines.linesFor("ru-kz")).isEqualTo("RK");
    assertThat(lines.linesFor("ru-UA")).isEqualTo("R");
    assertThat(lines.linesFor("en")).isEqualTo("E");
    assertThat(lines.linesFor("uk")).isEqualTo("D");
    assertThat(lines.linesFor(null)).isEqualTo("D");
    assertThat(lines.arguments("ru")).containsExactly("R");
  }

  @Test
  void withNothingConfiguredTheEmergencyNumberIsStillSent() {
    CrisisLineArguments unconfigured = new CrisisLineArguments(new EscalationProperties(null));

    assertThat(unconfigured.linesFor("uk")).isEqualTo(CrisisLineArguments.LAST_RESORT);
    assertThat(unconfigured.template()).isEqualTo("crisis-resources");
  }
}
