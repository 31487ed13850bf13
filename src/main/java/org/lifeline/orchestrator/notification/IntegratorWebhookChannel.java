package org.lifeline.orchestrator.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.lifeline.orchestrator.platform.security.Integrator;
import org.lifeline.orchestrator.platform.security.Integrators;
import org.lifeline.orchestrator.platform.security.SecurityProperties.Webhook;
import org.lifeline.orchestrator.request.MessageKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Delivers the messages of an integrator's requests (templates rendered, staff replies) to that integrator's webhook:
 * a signed JSON POST, so its bot or web form can show them to the person. Delivery is at least once through the
 * outbox; the message id lets the integrator drop a duplicate. A 2xx is {@code SENT}; 410 Gone says the person cannot
 * be reached there ({@code UNREACHABLE}, not retried); 429 with {@code Retry-After} postpones; anything else (another
 * status, no answer in time) is retried with backoff. See docs/conversation.md, "Integrators' webhooks".
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntegratorWebhookChannel implements MessageChannel {

  static final String MESSAGE_ID_HEADER = "X-Lifeline-Message-Id";
  static final String TIMESTAMP_HEADER = "X-Lifeline-Timestamp";
  static final String SIGNATURE_HEADER = "X-Lifeline-Signature";
  private static final String HMAC = "HmacSHA256";
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

  private final Integrators integrators;
  private final ObjectMapper json;
  private final Clock clock;
  private final RestClient http;

  IntegratorWebhookChannel(
      Integrators integrators,
      ObjectMapper json,
      Clock clock,
      @Value("${lifeline.outbox.webhook-timeout:10s}") Duration timeout) {
    this.integrators = integrators;
    this.json = json;
    this.clock = clock;
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
    requests.setReadTimeout(timeout);
    this.http = RestClient.builder()
        .requestFactory(requests)
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
        .build();
  }

  @Override
  public boolean delivers(OutboundMessage message) {
    return webhookOf(message).isPresent();
  }

  @Override
  public void send(OutboundMessage message, String channelUserId, String text) {
    Webhook webhook = webhookOf(message).orElseThrow(() -> new IllegalStateException("No webhook for " + message.getIntegrator()));
    byte[] body = payload(message, channelUserId, text);
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    int status;
    Optional<Duration> retryAfter;
    try {
      var response = http.post()
          .uri(webhook.url())
          .contentType(MediaType.APPLICATION_JSON)
          .header(MESSAGE_ID_HEADER, message.getId().toString())
          .header(TIMESTAMP_HEADER, timestamp)
          .header(SIGNATURE_HEADER, signature(webhook.secret(), timestamp, body))
          .body(body)
          .retrieve()
          .toBodilessEntity();
      status = response.getStatusCode().value();
      retryAfter = retryAfter(response.getHeaders());
    } catch (ResourceAccessException unreachableServer) {
      throw new IllegalStateException("Webhook of " + message.getIntegrator() + " did not answer: " + unreachableServer.getMessage());
    }
    if (status >= 200 && status < 300) {
      return;
    }
    if (status == 410) {
      throw new RecipientUnreachableException("Webhook of " + message.getIntegrator() + ": 410 Gone");
    }
    if (status == 429) {
      throw new RetryLaterException("Webhook of " + message.getIntegrator() + ": 429", retryAfter.orElse(DEFAULT_RETRY_AFTER));
    }
    throw new IllegalStateException("Webhook of " + message.getIntegrator() + " answered " + status);
  }

  /**
   * {@code sha256=} and the hex HMAC-SHA256, keyed with the webhook's secret, of the timestamp header, a dot and the
   * body as sent: the integrator recomputes it to know the message is the platform's and unchanged, and refuses old
   * timestamps against replays.
   */
  static String signature(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private Optional<Webhook> webhookOf(OutboundMessage message) {
    return Optional.ofNullable(message.getIntegrator()).flatMap(integrators::named).flatMap(Integrator::webhook);
  }

  private byte[] payload(OutboundMessage message, String channelUserId, String text) {
    boolean reply = message.getKind() == MessageKind.REPLY;
    try {
      return json.writeValueAsBytes(new Payload(
          message.getId(),
          message.getRequestId(),
          message.getChannel().code(),
          channelUserId,
          message.getKind().name(),
          message.getTemplate(),
          reply ? message.getSenderName() : null,
          message.getLanguage(),
          text,
          message.getCreatedAt()));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private Optional<Duration> retryAfter(HttpHeaders headers) {
    String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(value.trim()))));
    } catch (NumberFormatException notSeconds) {
      return Optional.empty();
    }
  }

  /** What the integrator receives: everything its bot needs to show the message to the person, nothing else. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Payload(
      UUID id,
      UUID requestId,
      String channel,
      String channelUserId,
      String kind,
      String template,
      String senderName,
      String language,
      String text,
      Instant queuedAt) {}
}
