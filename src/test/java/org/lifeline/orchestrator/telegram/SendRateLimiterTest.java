package org.lifeline.orchestrator.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.MutableClock;
import org.lifeline.orchestrator.notification.RetryLaterException;

class SendRateLimiterTest {

  MutableClock clock = new MutableClock();
  SendRateLimiter limiter = new SendRateLimiter(clock, 2, Duration.ofSeconds(1));

  @Test
  void spacesMessagesToOneChat() {
    limiter.acquire(1);
    clock.advance(Duration.ofMillis(600));

    assertThatThrownBy(() -> limiter.acquire(1))
        .isInstanceOfSatisfying(RetryLaterException.class, later -> assertThat(later.retryAfter()).isEqualTo(Duration.ofMillis(400)));
    clock.advance(Duration.ofMillis(400));
    assertThatCode(() -> limiter.acquire(1)).doesNotThrowAnyException();
  }

  @Test
  void keepsTheGlobalRateAcrossChats() {
    limiter.acquire(1);

    assertThatThrownBy(() -> limiter.acquire(2))
        .isInstanceOfSatisfying(RetryLaterException.class, later -> assertThat(later.retryAfter()).isEqualTo(Duration.ofMillis(500)));
    clock.advance(Duration.ofMillis(500));
    assertThatCode(() -> limiter.acquire(2)).doesNotThrowAnyException();
  }

  @Test
  void longTextsAreSplitAtWordsWithinTelegramsLimit() {
    String text = "word ".repeat(2000).strip();
    var parts = TelegramMessageChannel.split(text, TelegramProperties.MAX_MESSAGE_LENGTH);

    assertThat(parts).hasSize(3).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
    assertThat(String.join(" ", parts)).isEqualTo(text);
  }
}
