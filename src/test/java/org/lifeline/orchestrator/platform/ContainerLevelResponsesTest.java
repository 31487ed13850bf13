package org.lifeline.orchestrator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a browser, a proxy or a prober sees of the real web server (the same Spring context as the console's browser
 * test): problem+json for errors that never reach a controller, the console's security headers and session cookie,
 * X-Forwarded-* behind a TLS proxy, and API docs that do not echo the Host header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ContainerLevelResponsesTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void requestsTheServerRefusesBeforeTheApplicationAreProblems() throws Exception {
    Map<String, String> malformed =
        Map.of(
            "encoded slash", "GET /api/v1/requests/a%2Fb HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "NUL in the path", "GET /api/v1/requests/a%00b HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "headers over 8 KB", "GET /api/v1/requests HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(9000) + "\r\n\r\n",
            "malformed request line", "GET /a b c HTTP/1.1\r\nHost: localhost\r\n\r\n");
    malformed.forEach(
        (what, request) -> {
          RawResponse response = raw(request);
          assertThat(response.status()).as(what).isEqualTo(400);
          assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
          assertThat(problem(response.body()).get("status").asInt()).as(what).isEqualTo(400);
        });
  }

  @Test
  void theErrorPathCalledDirectlyIsAnUnknownResource() throws Exception {
    HttpResponse<String> response = http.send(get("/error").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(problem(response.body()).get("status").asInt()).isEqualTo(404);
  }

  @Test
  void aChunkedBodyOverTheLimitIs413() throws Exception {
    String body = "{\"channel\":\"web\",\"channelUserId\":\"big\",\"message\":\"" + "a".repeat(300_000) + "\"}";
    HttpRequest request =
        get("/api/v1/requests")
            .header(ApiClient.API_KEY_HEADER, ApiClient.DEMO_KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
            .build();

    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(problem(response.body()).get("status").asInt()).isEqualTo(413);
  }

  @Test
  void consolePagesCarrySecurityHeadersAndASameSiteSessionCookie() throws Exception {
    HttpResponse<String> login = http.send(get("/console/login").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("Content-Security-Policy"))
        .hasValue("default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
    assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(login.headers().firstValue("Permissions-Policy")).hasValueSatisfying(policy -> assertThat(policy).contains("camera=()"));
    assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(login.headers().firstValue("Strict-Transport-Security")).as("only over TLS").isEmpty();
    String cookie = sessionCookie(login);
    assertThat(cookie).contains("SameSite=Lax", "HttpOnly").doesNotContain("Secure");
  }

  @Test
  void behindATlsProxyRedirectsAndTheCookieFollowTheForwardedHeaders() throws Exception {
    HttpResponse<String> login =
        http.send(forwarded(get("/console/login")).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> protectedPage =
        http.send(forwarded(get("/console/tasks")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(sessionCookie(login)).contains("Secure", "SameSite=Lax");
    assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
    assertThat(protectedPage.statusCode()).isEqualTo(302);
    assertThat(protectedPage.headers().firstValue("Location")).hasValue("https://lifeline.example.org/console/login");
  }

  @Test
  void consoleErrorsAreProblemsForScriptsAndPagesForBrowsers() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
    String page = browser.send(get("/console/login").build(), HttpResponse.BodyHandlers.ofString()).body();
    String csrf = csrfToken(page);
    HttpResponse<String> signedIn =
        browser.send(
            get("/console/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                    "username=curator&password=demo&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/console/tasks"));

    HttpResponse<String> missing =
        browser.send(get("/console/no-such-page").header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> withoutCsrf =
        browser.send(
            get("/console/tasks/1/complete")
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> refusedPage =
        browser.send(
            get("/console/tasks/1/claim").header("Accept", "text/html").POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(problem(missing.body()).get("instance").asText()).isEqualTo("/console/no-such-page");
    assertThat(withoutCsrf.statusCode()).isEqualTo(403);
    assertThat(withoutCsrf.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(problem(withoutCsrf.body()).get("status").asInt()).isEqualTo(403);
    assertThat(refusedPage.statusCode()).isEqualTo(403);
    assertThat(refusedPage.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
  }

  @Test
  void theApiDocsNeverEchoTheHostHeader() throws Exception {
    RawResponse docs = raw("GET /v3/api-docs HTTP/1.1\r\nHost: evil.example\r\n\r\n");

    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body()).doesNotContain("evil.example");
    assertThat(json.readTree(docs.body()).get("servers").findValuesAsText("url")).containsExactly("/");
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  private static HttpRequest.Builder forwarded(HttpRequest.Builder request) {
    return request
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-Host", "lifeline.example.org")
        .header("X-Forwarded-Port", "443")
        .header("X-Forwarded-For", "203.0.113.9");
  }

  private static String sessionCookie(HttpResponse<String> response) {
    List<String> cookies = response.headers().allValues("Set-Cookie");
    return cookies.stream().filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst().orElseThrow();
  }

  private static String csrfToken(String page) {
    Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
    assertThat(token.find()).as("the login page carries a CSRF token").isTrue();
    return token.group(1);
  }

  private JsonNode problem(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + body, e);
    }
  }

  /** One request as bytes on a socket, for what an HTTP client refuses to send. */
  private RawResponse raw(String request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return RawResponse.parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  record RawResponse(int status, Map<String, String> headers, String body) {

    /** @param response the bytes received, one char each (ISO-8859-1), so that chunk sizes count bytes */
    static RawResponse parse(String response) {
      int end = response.indexOf("\r\n\r\n");
      String[] head = response.substring(0, end).split("\r\n");
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        headers.put(head[i].substring(0, colon).trim(), head[i].substring(colon + 1).trim());
      }
      String body = response.substring(end + 4);
      if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
        body = unchunk(body);
      }
      body = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
      return new RawResponse(Integer.parseInt(head[0].split(" ")[1]), headers, body);
    }

    String header(String name) {
      return headers.getOrDefault(name, "");
    }

    private static String unchunk(String chunked) {
      StringBuilder body = new StringBuilder();
      int at = 0;
      while (true) {
        int lineEnd = chunked.indexOf("\r\n", at);
        int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
        if (size == 0) {
          return body.toString();
        }
        body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
        at = lineEnd + 2 + size + 2;
      }
    }
  }
}
