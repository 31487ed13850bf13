package org.lifeline.orchestrator.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server that plays the Telegram Bot API: records every call and answers with
 * scripted responses (by default {"ok":true}).
 */
public final class FakeBotApi implements AutoCloseable {

  public record Call(String method, JsonNode body) {}

  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Scripted>> scripted = new ConcurrentHashMap<>();

  private record Scripted(int status, String body) {}

  public FakeBotApi() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::answer);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next sendMessage to this chat gets this answer instead of ok. */
  public void scriptSendTo(long chatId, int status, String body) {
    scripted.computeIfAbsent("sendMessage:" + chatId, name -> new ConcurrentLinkedDeque<>()).add(new Scripted(status, body));
  }

  /** The next call of the method gets this answer instead of ok. */
  public void script(String method, int status, String body) {
    scripted.computeIfAbsent(method, name -> new ConcurrentLinkedDeque<>()).add(new Scripted(status, body));
  }

  public List<Call> calls(String method) {
    List<Call> matching = new ArrayList<>();
    for (Call call : calls) {
      if (call.method().equals(method)) {
        matching.add(call);
      }
    }
    return matching;
  }

  public List<Call> messagesTo(long chatId) {
    return calls("sendMessage").stream().filter(call -> call.body().path("chat_id").asLong() == chatId).toList();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = path.substring(path.lastIndexOf('/') + 1);
    byte[] request = exchange.getRequestBody().readAllBytes();
    JsonNode body = request.length == 0 ? json.createObjectNode() : json.readTree(request);
    calls.add(new Call(method, body));
    Scripted response = next(method + ":" + body.path("chat_id").asText());
    if (response == null) {
      response = next(method);
    }
    if (response == null) {
      response = new Scripted(200, method.equals("getUpdates") ? "{\"ok\":true,\"result\":[]}" : "{\"ok\":true,\"result\":{}}");
    }
    byte[] answer = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(response.status(), answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private Scripted next(String key) {
    Deque<Scripted> queue = scripted.get(key);
    return queue == null ? null : queue.poll();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
