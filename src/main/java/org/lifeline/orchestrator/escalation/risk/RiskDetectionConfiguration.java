package org.lifeline.orchestrator.escalation.risk;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * Builds the {@link RiskDetector} from the lexicon on the classpath, plus an optional local addition named by
 * {@code lifeline.risk.extra-lexicon} (any Spring resource location, e.g. {@code file:/etc/lifeline/risk-extra.yaml}).
 * A broken lexicon fails startup: running without risk detection is worse than not running.
 */
@Configuration(proxyBeanMethods = false)
class RiskDetectionConfiguration {

  @Bean
  RiskDetector riskDetector(
      ResourceLoader resourceLoader, @Value("${lifeline.risk.extra-lexicon:}") String extraLexiconLocation)
      throws IOException {
    try (InputStream mainLexicon = new ClassPathResource(RiskLexicon.DEFAULT_LOCATION).getInputStream()) {
      if (!StringUtils.hasText(extraLexiconLocation)) {
        return new RiskDetector(RiskLexicon.load(mainLexicon));
      }
      try (InputStream extraLexicon = resourceLoader.getResource(extraLexiconLocation).getInputStream()) {
        return new RiskDetector(RiskLexicon.load(mainLexicon, extraLexicon));
      }
    }
  }
}
