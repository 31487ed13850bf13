package org.lifeline.orchestrator.conversation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** How the console shows who wrote a message: the person, the platform, "You", or a colleague's name. */
@Component
public class AuthorLabels {

  private final StaffNames names;

  AuthorLabels(StaffNames names) {
    this.names = names;
  }

  /** Author (as in {@link MessageView#author()}) to label, for these messages. */
  public Map<String, String> of(StaffCaller reader, List<MessageView> messages) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (MessageView message : messages) {
      labels.computeIfAbsent(
          message.author(),
          author -> {
            if (message.direction() == Direction.IN) {
              return "Person";
            }
            if (message.fromSystem()) {
              return "Lifeline (automatic)";
            }
            return author.equals(reader.username()) ? "You" : names.shownToColleagues(author);
          });
    }
    return labels;
  }
}
