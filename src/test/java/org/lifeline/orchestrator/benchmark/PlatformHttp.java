package org.lifeline.orchestrator.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The benchmark's client: real HTTP to the running platform, non-blocking, on a small thread pool. */
final class PlatformHttp {

  private static final Duration GIVE_UP_WAITING = Duration.ofMinutes(5);

  private final HttpClient client;
  private final ObjectMapper json = new ObjectMapper();
  private final String baseUri;
  private final String apiKey;
  private final AtomicInteger retries = new AtomicInteger();

  PlatformHttp(int port, String apiKey, ExecutorService executor) {
    this.client = HttpClient.newBuilder().executor(executor).version(HttpClient.Version.HTTP_1_1).build();
    this.baseUri = "http://127.0.0.1:" + port;
    this.apiKey = apiKey;
  }

  CompletableFuture<HttpResponse<String>> post(String path, String jsonBody, String idempotencyKey) {
    HttpRequest.Builder request =
        request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** POSTs JSON, sending it again after {@code pause} while the platform answers 503 (as its API asks clients to). */
  CompletableFuture<HttpResponse<String>> postUntilAccepted(String path, String jsonBody, Duration pause) {
    return postUntilAccepted(path, jsonBody, pause, System.nanoTime() + GIVE_UP_WAITING.toNanos());
  }

  private CompletableFuture<HttpResponse<String>> postUntilAccepted(
      String path, String jsonBody, Duration pause, long deadline) {
    return post(path, jsonBody, null)
        .thenCompose(
            response -> {
              if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                return CompletableFuture.completedFuture(response);
              }
              retries.incrementAndGet();
              return CompletableFuture.supplyAsync(
                      () -> null, CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS))
                  .thenCompose(ignored -> postUntilAccepted(path, jsonBody, pause, deadline));
            });
  }

  /** How many calls were sent again after a 503 so far. */
  int retries() {
    return retries.get();
  }

  /** Posts a CSV file as a console user (HTTP Basic), e.g. the specialists' import. */
  CompletableFuture<HttpResponse<String>> postCsv(String path, String csv, String username, String password) {
    String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUri + path))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv))
            .build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /** GETs a JSON resource, asking again after {@code pause} while it answers 409 (not open yet). */
  CompletableFuture<JsonNode> getWhenOpen(String path, Duration pause) {
    return getWhenOpen(path, pause, System.nanoTime() + GIVE_UP_WAITING.toNanos());
  }

  private CompletableFuture<JsonNode> getWhenOpen(String path, Duration pause, long deadline) {
    return client
        .sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString())
        .thenCompose(
            response -> {
              if (response.statusCode() == 200) {
                return CompletableFuture.completedFuture(json(response.body()));
              }
              if (response.statusCode() != 409 || System.nanoTime() > deadline) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
              }
              return CompletableFuture.supplyAsync(
                      () -> null, CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS))
                  .thenCompose(ignored -> getWhenOpen(path, pause, deadline));
            });
  }

  JsonNode json(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUri + path)).header("X-API-Key", apiKey).timeout(Duration.ofSeconds(60));
  }
}
