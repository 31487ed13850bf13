package org.lifeline.orchestrator.engine;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.client.ZeebeClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Runs the Zeebe in-memory engine in-process: the zero-setup default for trying and developing. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lifeline.engine.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedEngineConfiguration {

  static final String ENGINE_BEAN = "embeddedZeebeEngine";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineConfiguration.class);

  @Bean(name = ENGINE_BEAN, destroyMethod = "stop")
  EmbeddedEngine embeddedZeebeEngine(
      @Value("${" + EmbeddedEngineEnvironment.RESOLVED_PORT + "}") int port,
      EngineProperties properties,
      @Value("${lifeline.engine.embedded.state-memory:64MB}") DataSize stateMemory,
      @Value("${lifeline.engine.embedded.keep-records:false}") boolean keepRecords,
      MeterRegistry meters)
      throws IOException {
    InetSocketAddress listening = new InetSocketAddress(EmbeddedEngineEnvironment.address(properties.embedded().address()), port);
    EmbeddedEngine engine = EmbeddedEngine.start(listening, stateMemory, keepRecords, meters);
    log.info(
        "Embedded Zeebe engine listening for gRPC on {}:{} (its state lasts as long as the process)",
        listening.getAddress().getHostAddress(),
        port);
    if (!listening.getAddress().isLoopbackAddress()) {
      log.warn(
          "The embedded engine's gRPC gateway listens on {}, not only on this machine: it has no authentication, so"
              + " whoever reaches port {} can deploy models, start processes and complete tasks. Keep"
              + " lifeline.engine.embedded.address at 127.0.0.1 and reach it through an SSH tunnel or an authenticating"
              + " reverse proxy (docs/security.md).",
          listening.getAddress().getHostAddress(),
          port);
    }
    return engine;
  }

  /**
   * The platform's clock is the engine's: a deadline computed from what the database knows (a last answer, a closing
   * time) and handed to a timer means the same moment to both, also when a test moves the engine's clock.
   */
  @Bean
  Clock clock(EmbeddedEngine engine) {
    return engine.clock();
  }

  /** What the engine writes, for the platform's readers of it (incidents, the task inbox). */
  @Bean
  EngineRecords engineRecords(EmbeddedEngine engine) {
    return engine.records();
  }

  /** The clients must not be created before the engine listens. */
  @Bean
  static BeanFactoryPostProcessor clientsDependOnEmbeddedEngine() {
    return beanFactory -> {
      List<String> clients = new ArrayList<>();
      clients.addAll(Arrays.asList(beanFactory.getBeanNamesForType(CamundaClient.class, true, false)));
      clients.addAll(Arrays.asList(beanFactory.getBeanNamesForType(ZeebeClient.class, true, false)));
      for (String client : clients) {
        BeanDefinition definition = beanFactory.getBeanDefinition(client);
        List<String> dependsOn = new ArrayList<>();
        if (definition.getDependsOn() != null) {
          dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
        }
        dependsOn.add(ENGINE_BEAN);
        definition.setDependsOn(dependsOn.toArray(String[]::new));
      }
    };
  }
}
