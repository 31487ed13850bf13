package org.lifeline.orchestrator.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * The parts of a Bot API Update the platform reads. What a person typed is taken as Telegram delivers it (a refused
 * update would be delivered again and again); the dialogue drops control characters from it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TelegramUpdate(@JsonProperty("update_id") long updateId, Message message) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Message(
      @JsonProperty("message_id") long messageId,
      Chat chat,
      User from,
      @JsonDeserialize(using = StringDeserializer.class) String text) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Chat(long id, String type) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record User(
      long id,
      @JsonProperty("first_name") @JsonDeserialize(using = StringDeserializer.class) String firstName,
      @JsonProperty("language_code") String languageCode) {}
}
