package org.lifeline.orchestrator.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.chat.ChatPageController.CrisisLinePart;

/** The crisis lines' text on the chat page: its phone numbers become tel: links, the rest stays text. */
class CrisisLinePartTest {

  @Test
  void phoneNumbersAreDialledAsWrittenAndTheRestStaysText() {
    List<CrisisLinePart> parts = CrisisLinePart.of("Lifeline +380 800 500-335 - 24/7, or 112 (emergency)");

    assertThat(parts)
        .containsExactly(
            new CrisisLinePart("Lifeline ", null),
            new CrisisLinePart("+380 800 500-335", "+380800500335"),
            new CrisisLinePart(" - 24/7, or ", null),
            new CrisisLinePart("112", "112"),
            new CrisisLinePart(" (emergency)", null));
    assertThat(parts.stream().map(CrisisLinePart::text).reduce("", String::concat))
        .isEqualTo("Lifeline +380 800 500-335 - 24/7, or 112 (emergency)");
  }

  @Test
  void aTextWithoutNumbersIsOneTextPart() {
    assertThat(CrisisLinePart.of("your local emergency number")).containsExactly(new CrisisLinePart("your local emergency number", null));
  }
}
