package org.lifeline.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A local HTTP server that plays an integrator's webhook (its bot or web form receiving the platform's messages):
 * one per test JVM, so the shared test platform can name it in its configuration (the integrator {@code webhook-bot}
 * of application-test.yaml). Records every call and answers 200 unless a status is scripted for a person's handle.
 */
public final class FakeIntegrator {

  public static final String SECRET = "webhook-bot-test-secret-0123456789";
  public static final String API_KEY = "webhook-bot-test-key-0123456789";

  /** A call the platform made: its headers of interest, the raw body (for the signature) and the body read. */
  public record Call(String messageId, String timestamp, String signature, byte[] rawBody, JsonNode body) {}

  private static final FakeIntegrator INSTANCE = new FakeIntegrator();

  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();

  private FakeIntegrator() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/lifeline", this::answer);
    server.setExecutor(null);
    server.start();
  }

  public static FakeIntegrator get() {
    return INSTANCE;
  }

  /** The next deliveries to this person get these statuses, in order (then 200). */
  public void script(String channelUserId, int... statuses) {
    Deque<Integer> queue = scripted.computeIfAbsent(channelUserId, handle -> new ConcurrentLinkedDeque<>());
    for (int status : statuses) {
      queue.add(status);
    }
  }

  /** Every call made for this person, oldest first. */
  public List<Call> callsFor(String channelUserId) {
    List<Call> matching = new ArrayList<>();
    for (Call call : calls) {
      if (channelUserId.equals(call.body().path("channelUserId").asText())) {
        matching.add(call);
      }
    }
    return matching;
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] raw = exchange.getRequestBody().readAllBytes();
    JsonNode body = json.readTree(raw);
    calls.add(new Call(
        exchange.getRequestHeaders().getFirst("X-Lifeline-Message-Id"),
        exchange.getRequestHeaders().getFirst("X-Lifeline-Timestamp"),
        exchange.getRequestHeaders().getFirst("X-Lifeline-Signature"),
        raw,
        body));
    Deque<Integer> queue = scripted.get(body.path("channelUserId").asText());
    Integer status = queue == null ? null : queue.poll();
    exchange.sendResponseHeaders(status == null ? 200 : status, -1);
    exchange.close();
  }

  /** Tells the test platform where the fake integrator listens ({@code lifeline.test.fake-integrator-url}). */
  public static final class Address implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
      environment.getPropertySources().addLast(new MapPropertySource("fakeIntegrator", Map.of(
          "lifeline.test.fake-integrator-url", "http://127.0.0.1:" + INSTANCE.server.getAddress().getPort() + "/lifeline")));
    }
  }
}
