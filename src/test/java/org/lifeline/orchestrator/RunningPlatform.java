package org.lifeline.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform started like the real thing (own web server, own settings), for tests that stop and
 * restart it or run it without an engine. Talks to it over real HTTP.
 */
public final class RunningPlatform implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String apiKey;

  private RunningPlatform(ConfigurableApplicationContext context, String apiKey) {
    this.context = context;
    this.apiKey = apiKey;
  }

  public static RunningPlatform start(Map<String, Object> properties, String apiKey) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--server.port=0");
    arguments.add("--spring.profiles.active=test");
    properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(LifelineApplication.class).run(arguments.toArray(String[]::new));
    return new RunningPlatform(context, apiKey);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("X-API-Key", apiKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri(path)).header("X-API-Key", apiKey).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return json.readTree(response.body());
  }

  public JsonNode readJson(String body) throws IOException {
    return json.readTree(body);
  }

  private URI uri(String path) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Override
  public void close() {
    context.close();
  }
}
