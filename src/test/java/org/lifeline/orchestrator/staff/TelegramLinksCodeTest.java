package org.lifeline.orchestrator.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelegramLinksCodeTest {

  @Test
  void theLinkCommandAndTheStartLinkCarryACode() {
    assertThat(TelegramLinks.codeIn("/link ABCD-EFGH")).contains("ABCD-EFGH");
    assertThat(TelegramLinks.codeIn("  /link abcdefgh ")).contains("ABCD-EFGH");
    assertThat(TelegramLinks.codeIn("/link@LifelineBot ABCD-EFGH")).contains("ABCD-EFGH");
    assertThat(TelegramLinks.codeIn("/start link-ABCDEFGH")).contains("ABCD-EFGH");
  }

  @Test
  void whatAPersonWritesIsNotALinkRequest() {
    assertThat(TelegramLinks.codeIn("ABCD-EFGH")).isEmpty();
    assertThat(TelegramLinks.codeIn("/start")).isEmpty();
    assertThat(TelegramLinks.codeIn("/link")).isEmpty();
    assertThat(TelegramLinks.codeIn("I want to link my account ABCD-EFGH")).isEmpty();
    assertThat(TelegramLinks.codeIn("/link ABCD-EFGH and more")).isEmpty();
    assertThat(TelegramLinks.codeIn(null)).isEmpty();
  }

  @Test
  void newCodesAreEightUnambiguousCharactersAndTokensAreLong() {
    String code = OneTimeSecrets.newCode();
    assertThat(code).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
    assertThat(OneTimeSecrets.newToken()).hasSize(43).isNotEqualTo(OneTimeSecrets.newToken());
    assertThat(OneTimeSecrets.hash("x")).hasSize(64);
  }
}
