package org.lifeline.orchestrator.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.lifeline.orchestrator.notification.RecipientUnreachableException;
import org.lifeline.orchestrator.notification.RetryLaterException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The Bot API calls the platform makes, over plain HTTPS. Telegram's answers are mapped to what the
 * outbox understands: 429 means "later" (retry_after), 403 means the person blocked the bot.
 */
public class TelegramBotApi {

  private final RestClient http;

  public TelegramBotApi(TelegramProperties properties, Duration readTimeout) {
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
    requests.setReadTimeout(readTimeout);
    this.http =
        RestClient.builder()
            .baseUrl(properties.apiBaseUrl() + "/bot" + properties.botToken())
            .requestFactory(requests)
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
            .build();
  }

  public void sendMessage(long chatId, String text, ReplyKeyboard keyboard) {
    ApiResponse<Object> response =
        http.post()
            .uri("/sendMessage")
            .contentType(MediaType.APPLICATION_JSON)
            .body(new SendMessage(chatId, text, keyboard))
            .retrieve()
            .body(new org.springframework.core.ParameterizedTypeReference<ApiResponse<Object>>() {});
    check(response, "sendMessage");
  }

  public List<TelegramUpdate> getUpdates(long offset, Duration timeout) {
    ApiResponse<List<TelegramUpdate>> response =
        http.post()
            .uri("/getUpdates")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("offset", offset, "timeout", timeout.toSeconds(), "allowed_updates", List.of("message")))
            .retrieve()
            .body(new org.springframework.core.ParameterizedTypeReference<ApiResponse<List<TelegramUpdate>>>() {});
    check(response, "getUpdates");
    return response.result() == null ? List.of() : response.result();
  }

  private static void check(ApiResponse<?> response, String method) {
    if (response == null) {
      throw new IllegalStateException("Telegram " + method + ": empty answer");
    }
    if (response.ok()) {
      return;
    }
    int code = response.errorCode() == null ? 0 : response.errorCode();
    if (code == 429) {
      long seconds = response.parameters() != null && response.parameters().retryAfter() != null
          ? response.parameters().retryAfter()
          : 1;
      throw new RetryLaterException("Telegram rate limit on " + method, Duration.ofSeconds(seconds));
    }
    if (code == 403) {
      throw new RecipientUnreachableException("Telegram: " + response.description());
    }
    throw new IllegalStateException("Telegram " + method + " failed with " + code + ": " + response.description());
  }

  /** A keyboard of answer buttons under the input field; pressing one sends its text. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReplyKeyboard(
      List<List<Button>> keyboard,
      @JsonProperty("one_time_keyboard") Boolean oneTime,
      @JsonProperty("resize_keyboard") Boolean resize,
      @JsonProperty("remove_keyboard") Boolean remove) {

    public static ReplyKeyboard of(List<String> labels) {
      return new ReplyKeyboard(labels.stream().map(label -> List.of(new Button(label))).toList(), true, true, null);
    }

    public static ReplyKeyboard removed() {
      return new ReplyKeyboard(null, null, null, true);
    }
  }

  public record Button(String text) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SendMessage(@JsonProperty("chat_id") long chatId, String text, @JsonProperty("reply_markup") ReplyKeyboard replyMarkup) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ApiResponse<T>(
      boolean ok,
      T result,
      @JsonProperty("error_code") Integer errorCode,
      String description,
      ResponseParameters parameters) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ResponseParameters(@JsonProperty("retry_after") Long retryAfter) {}
}
