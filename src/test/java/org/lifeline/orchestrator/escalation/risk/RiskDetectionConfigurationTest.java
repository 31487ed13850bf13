package org.lifeline.orchestrator.escalation.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.core.io.DefaultResourceLoader;

class RiskDetectionConfigurationTest {

  private final RiskDetectionConfiguration configuration = new RiskDetectionConfiguration();

  @Test
  void buildsTheDetectorFromTheShippedLexicon() throws IOException {
    RiskDetector detector = configuration.riskDetector(new DefaultResourceLoader(), "");

    assertThat(detector.assess("I want to die", null).level()).isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void addsTheExtraLexiconFromTheConfiguredLocation(@TempDir Path folder) throws IOException {
    Path extra = folder.resolve("risk-extra.yaml");
    Files.writeString(
        extra,
        """
        languages:
          ru:
            entries:
              - id: ru-local-euphemism
                level: HIGH
                category: suicidal-ideation
                patterns:
                  - роскомнадзорнуться
        """);

    RiskDetector detector = configuration.riskDetector(new DefaultResourceLoader(), extra.toUri().toString());

    assertThat(detector.assess("хочу роскомнадзорнуться", "ru").signals())
        .extracting(RiskSignal::id)
        .containsExactly("ru-local-euphemism");
  }
}
