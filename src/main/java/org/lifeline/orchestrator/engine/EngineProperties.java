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
    embedded =
        embedded == null
            ? new Embedded(EmbeddedEngineEnvironment.DEFAULT_PORT, EmbeddedEngineEnvironment.DEFAULT_ADDRESS)
            : embedded;
  }

  public boolean isEmbedded() {
    return mode == EngineMode.EMBEDDED;
  }

  /**
   * @param port gRPC port of the in-process engine; 0 picks a free one
   * @param address where its gRPC gateway listens: the loopback address unless set (the gateway has no authentication)
   */
  public record Embedded(int port, String address) {

    public Embedded {
      address = address == null || address.isBlank() ? EmbeddedEngineEnvironment.DEFAULT_ADDRESS : address;
    }
  }
}
