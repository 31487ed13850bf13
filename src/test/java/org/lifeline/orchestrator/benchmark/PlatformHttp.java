package org.lifeline.orchestrator.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * The benchmark's client: real HTTP to the running platform, non-blocking, on a small thread pool. Every call says who
 * makes it ({@link Caller}): the bot with the integrator's API key, a person with a login, or nobody (a one-time link).
 */
final class PlatformHttp {

  /** Who calls, as the platform's security sees it. */
  interface Caller {

    void sign(HttpRequest.Builder request);

    static Caller integrator(String apiKey) {
      return request -> request.header("X-API-Key", apiKey);
    }

    /** A console or API user (HTTP Basic; the API is stateless, so every call is authenticated). */
    static Caller login(String username, String password) {
      String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
      return request -> request.header("Authorization", "Basic " + basic);
    }

    /** The holder of a one-time link: no credentials. */
    Caller NOBODY = request -> {};
  }

  /** How long a client waits for one answer. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client;
  private final ObjectMapper json = new ObjectMapper();
  private final String baseUri;
  private volatile boolean givingUp;
  private final AtomicInteger resent = new AtomicInteger();

  PlatformHttp(int port, ExecutorService executor) {
    this.client = HttpClient.newBuilder().executor(executor).version(HttpClient.Version.HTTP_1_1).build();
    this.baseUri = "http://127.0.0.1:" + port;
  }

  CompletableFuture<HttpResponse<String>> post(Caller caller, String path, String jsonBody) {
    return post(caller, path, jsonBody, null);
  }

  CompletableFuture<HttpResponse<String>> post(Caller caller, String path, String jsonBody, String idempotencyKey) {
    HttpRequest.Builder request =
        request(caller, path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  CompletableFuture<HttpResponse<String>> get(Caller caller, String path) {
    return client.sendAsync(request(caller, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a CSV file, e.g. the specialists' import. */
  CompletableFuture<HttpResponse<String>> postCsv(Caller caller, String path, String csv) {
    HttpRequest request =
        request(caller, path).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * POSTs JSON, sending it again after {@code pause} while the platform answers 5xx (or does not answer within the
   * client's timeout of {@link #TIMEOUT}), as a client does with a call it
   * may repeat (an intake with its Idempotency-Key, a questionnaire answer: 503 "send the same answer again later", a
   * task completion, a closure with the same outcome).
   */
  CompletableFuture<HttpResponse<String>> postUntilAccepted(
      Caller caller, String path, String jsonBody, String idempotencyKey, Duration pause) {
    return repeatWhile(() -> post(caller, path, jsonBody, idempotencyKey), PlatformHttp::failed, pause);
  }

  CompletableFuture<HttpResponse<String>> postUntilAccepted(Caller caller, String path, String jsonBody, Duration pause) {
    return postUntilAccepted(caller, path, jsonBody, null, pause);
  }

  /**
   * POSTs JSON again after {@code pause} while it answers 409 (the resource is not in the state for it yet) or 5xx (the
   * person saves again after an error).
   */
  CompletableFuture<HttpResponse<String>> postWhenReady(Caller caller, String path, String jsonBody, Duration pause) {
    return repeatWhile(() -> post(caller, path, jsonBody), status -> status == 409 || failed(status), pause);
  }

  /** GETs a JSON resource, asking again after {@code pause} while it answers 409 (not open yet) or 5xx. */
  CompletableFuture<JsonNode> getWhenOpen(Caller caller, String path, Duration pause) {
    return repeatWhile(() -> get(caller, path), status -> status == 409 || failed(status), pause)
        .thenApply(response -> ok(path, response));
  }

  /** GETs a JSON resource, asking again after {@code pause} while it answers 5xx. */
  CompletableFuture<JsonNode> getUntilAnswered(Caller caller, String path, Duration pause) {
    return repeatWhile(() -> get(caller, path), PlatformHttp::failed, pause).thenApply(response -> ok(path, response));
  }

  /** How many calls were sent again after a 5xx or a timeout so far. */
  int resent() {
    return resent.get();
  }

  /**
   * From now on, calls are not sent again: the last answer (or failure) stands. For journeys the platform no longer
   * moves on (see {@link LifecycleBenchmark}).
   */
  void giveUp() {
    givingUp = true;
  }

  /** Calls are sent again as usual (the next scenario). */
  void carryOn() {
    givingUp = false;
  }

  JsonNode json(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode ok(String path, HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return json(response.body());
  }

  private static boolean failed(int status) {
    return status >= 500;
  }

  private CompletableFuture<HttpResponse<String>> repeatWhile(
      Supplier<CompletableFuture<HttpResponse<String>>> call, IntPredicate again, Duration pause) {
    return call.get()
        .handle(
            (response, failure) -> {
              boolean timedOut = failure != null && timeout(failure);
              if (failure != null && !timedOut) {
                return CompletableFuture.<HttpResponse<String>>failedFuture(failure);
              }
              if (!timedOut && !again.test(response.statusCode())) {
                return CompletableFuture.completedFuture(response);
              }
              if (givingUp) {
                return timedOut ? CompletableFuture.<HttpResponse<String>>failedFuture(failure) : CompletableFuture.completedFuture(response);
              }
              if (timedOut || failed(response.statusCode())) {
                resent.incrementAndGet();
              }
              return CompletableFuture.supplyAsync(
                      () -> null, CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS))
                  .thenCompose(ignored -> repeatWhile(call, again, pause));
            })
        .thenCompose(Function.identity());
  }

  private static boolean timeout(Throwable failure) {
    return failure instanceof HttpTimeoutException || failure.getCause() instanceof HttpTimeoutException;
  }

  private HttpRequest.Builder request(Caller caller, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + path)).timeout(TIMEOUT);
    caller.sign(request);
    return request;
  }
}
