package org.lifeline.orchestrator.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param mode embedded (default) or camunda
 * @param embedded settings of the in-process engine
 */
@ConfigurationProperties("lifeline.engine")
public record EngineProperties(EngineMode mode, Embedded embedded) {

  public EngineProperties {
    mode = mode == null ? EngineMode.EMBEDDED : mode;
    embedded = embedded == null ? new Embedded(EmbeddedEngineEnvironment.DEFAULT_PORT) : embedded;
  }

  public boolean isEmbedded() {
    return mode == EngineMode.EMBEDDED;
  }

  /** @param port gRPC port of the in-process engine; 0 picks a free one */
  public record Embedded(int port) {}
}
