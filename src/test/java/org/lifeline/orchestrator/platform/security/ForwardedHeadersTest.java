package org.lifeline.orchestrator.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.embedded.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The Tomcat valve that honours X-Forwarded-For, built by Spring Boot from the shipped application.yaml, trusts only
 * loopback by default: a client on a private network cannot pick its address (and so its rate-limit and login-throttle
 * bucket) with the header; an operator's proxy is trusted once its address is configured.
 */
class ForwardedHeadersTest {

  @Test
  void theHeaderIsHonouredFromLoopbackOnly() throws Exception {
    RemoteIpValve valve = valveFor(Map.of());

    assertThat(clientAddressSeen(valve, "127.0.0.1", "203.0.113.9")).as("a proxy on this machine").isEqualTo("203.0.113.9");
    assertThat(clientAddressSeen(valve, "0:0:0:0:0:0:0:1", "203.0.113.9")).isEqualTo("203.0.113.9");
    for (String privateClient : new String[] {"10.0.0.7", "192.168.1.20", "172.16.4.2", "169.254.1.1", "100.64.0.3", "192.0.2.2"}) {
      assertThat(clientAddressSeen(valve, privateClient, "203.0.113.9"))
          .as("X-Forwarded-For from %s is ignored", privateClient)
          .isEqualTo(privateClient);
    }
  }

  @Test
  void anOperatorTrustsItsProxyByAddress() throws Exception {
    RemoteIpValve valve = valveFor(Map.of("server.tomcat.remoteip.internal-proxies", "10\\.0\\.3\\.7"));

    assertThat(clientAddressSeen(valve, "10.0.3.7", "203.0.113.9")).isEqualTo("203.0.113.9");
    assertThat(clientAddressSeen(valve, "10.0.3.8", "203.0.113.9")).isEqualTo("10.0.3.8");
  }

  /** The valve Spring Boot adds to Tomcat for the shipped configuration, with the given settings on top. */
  private static RemoteIpValve valveFor(Map<String, Object> overrides) throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
    new YamlPropertySourceLoader()
        .load("application.yaml", new ClassPathResource("application.yaml"))
        .forEach(environment.getPropertySources()::addLast);
    ServerProperties server = Binder.get(environment).bind("server", ServerProperties.class).get();
    TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
    new TomcatWebServerFactoryCustomizer(environment, server).customize(factory);
    return factory.getEngineValves().stream()
        .filter(RemoteIpValve.class::isInstance)
        .map(RemoteIpValve.class::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no RemoteIpValve: forward-headers-strategy is not native"));
  }

  /** Passes a request from {@code remoteAddress} carrying X-Forwarded-For through the valve; what the app then sees. */
  private static String clientAddressSeen(RemoteIpValve valve, String remoteAddress, String forwardedFor)
      throws IOException, ServletException {
    String[] seen = new String[1];
    valve.setNext(
        new ValveBase() {
          @Override
          public void invoke(Request request, Response response) {
            seen[0] = request.getRemoteAddr();
          }
        });
    Request request = new Request(new Connector());
    request.setCoyoteRequest(new org.apache.coyote.Request());
    request.setRemoteAddr(remoteAddress);
    request.setRemoteHost(remoteAddress);
    request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-For").setString(forwardedFor);
    valve.invoke(request, null);
    return seen[0];
  }
}
