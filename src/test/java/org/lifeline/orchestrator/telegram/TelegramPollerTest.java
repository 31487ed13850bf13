package org.lifeline.orchestrator.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.mockito.InOrder;

class TelegramPollerTest {

  @Test
  void handsEveryUpdateToTheDialogueAndAsksOnlyForNewerOnes() {
    try (FakeBotApi botApi = new FakeBotApi()) {
      botApi.script(
          "getUpdates",
          200,
          """
          {"ok":true,"result":[
            {"update_id":41,"message":{"message_id":1,"chat":{"id":7,"type":"private"},"text":"/start"}},
            {"update_id":42,"message":{"message_id":2,"chat":{"id":7,"type":"private"},"text":"hello"}}]}
          """);
      TelegramProperties properties =
          new TelegramProperties(true, "1:token", URI.create(botApi.baseUrl()), TelegramProperties.Updates.POLLING, null, Duration.ZERO, 30, null);
      TelegramDialogue dialogue = mock(TelegramDialogue.class);
      TelegramPoller poller = new TelegramPoller(new TelegramBotApi(properties, Duration.ofSeconds(5)), dialogue, Duration.ZERO);

      poller.pollOnce();
      poller.pollOnce();

      InOrder order = inOrder(dialogue);
      order.verify(dialogue).handle(ArgumentMatchers.argThat(update -> update.updateId() == 41));
      order.verify(dialogue).handle(ArgumentMatchers.argThat(update -> update.updateId() == 42));
      assertThat(botApi.calls("getUpdates").get(0).body().path("offset").asLong()).isZero();
      assertThat(botApi.calls("getUpdates").get(1).body().path("offset").asLong()).isEqualTo(43);
    }
  }
}
