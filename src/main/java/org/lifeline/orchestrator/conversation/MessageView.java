package org.lifeline.orchestrator.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.lifeline.orchestrator.notification.Delivery;
import org.lifeline.orchestrator.request.MessageKind;

/**
 * One message of a conversation as staff read it (API contract).
 *
 * @param author {@code contact}, {@code system} or a staff username
 * @param text null once erased
 * @param template of a process template
 * @param delivery of an outbound message
 */
public record MessageView(
    long id,
    Instant at,
    Direction direction,
    String author,
    MessageKind kind,
    String text,
    @JsonInclude(JsonInclude.Include.NON_NULL) String template,
    @JsonInclude(JsonInclude.Include.NON_NULL) Delivery delivery) {

  public boolean fromContact() {
    return direction == Direction.IN;
  }

  public boolean fromSystem() {
    return kind == MessageKind.TEMPLATE;
  }
}
