package org.lifeline.orchestrator.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

  /**
   * The documented server is where the document itself was fetched from ("/", relative): springdoc would otherwise
   * write the caller's Host header into it, which anyone can set.
   */
  @Bean
  OpenAPI lifelineApi() {
    return new OpenAPI()
        .info(new Info().title("Lifeline Orchestrator API").version("v1"))
        .servers(List.of(new Server().url("/").description("This platform")));
  }
}
