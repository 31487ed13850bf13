package org.lifeline.orchestrator.contact;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a person reaches the help line; written in lower case in the API. */
public enum Channel {
  TELEGRAM,
  WEB,
  API,
  EMAIL,
  /** The platform's own web chat (/chat): the page holds the dialogue, the platform answers it. */
  CHAT;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Channel fromCode(String code) {
    return Arrays.stream(values())
        .filter(channel -> channel.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown channel '" + code + "'; expected one of " + codes()));
  }

  public static String codes() {
    return Arrays.stream(values()).map(Channel::code).collect(Collectors.joining(", "));
  }
}
