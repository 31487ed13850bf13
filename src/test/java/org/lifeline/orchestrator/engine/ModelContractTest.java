package org.lifeline.orchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The process owners' folder and the code agree (see {@link ModelContract}). */
class ModelContractTest {

  static final Path MODELS = Path.of(System.getProperty("basedir", ".")).resolve("bpmn");

  @Test
  void theModelsInBpmnAgreeWithTheCode() {
    CodeFacts code = CodeFacts.ofApplication();

    assertThat(code.workers()).containsKey("sendGreeting");
    assertThat(ModelContract.violations(MODELS, code)).isEmpty();
  }
}
