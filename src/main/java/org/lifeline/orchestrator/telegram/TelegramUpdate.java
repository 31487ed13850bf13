package org.lifeline.orchestrator.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The parts of a Bot API Update the platform reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TelegramUpdate(@JsonProperty("update_id") long updateId, Message message) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Message(@JsonProperty("message_id") long messageId, Chat chat, User from, String text) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Chat(long id, String type) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record User(
      long id, @JsonProperty("first_name") String firstName, @JsonProperty("language_code") String languageCode) {}
}
