package org.lifeline.orchestrator.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.MutableClock;

class LoginThrottleTest {

  static final String HOME = "192.0.2.10";

  MutableClock clock = new MutableClock();
  LoginThrottle throttle =
      new LoginThrottle(new LoginThrottleProperties(5, 20, null, null), new InMemoryLoginAttempts(), clock);

  @Test
  void anAccountWaitsAfterFiveWrongPasswordsInARowLongerWithEachFurtherOne() {
    failTimes("admin", HOME, 4);
    assertThat(throttle.waitFor("admin", HOME)).isEmpty();

    throttle.failed("admin", HOME);
    assertThat(throttle.waitFor("admin", HOME)).hasValue(Duration.ofMinutes(1));
    assertThat(throttle.waitFor("ADMIN", "198.51.100.1")).as("any spelling, any address").hasValue(Duration.ofMinutes(1));
    assertThat(throttle.waitFor("curator", HOME)).as("other accounts from the same address").isEmpty();

    clock.advance(Duration.ofMinutes(1));
    assertThat(throttle.waitFor("admin", HOME)).isEmpty();
    throttle.failed("admin", HOME);
    assertThat(throttle.waitFor("admin", HOME)).hasValue(Duration.ofMinutes(2));
    clock.advance(Duration.ofMinutes(2));
    failTimes("admin", HOME, 10);
    assertThat(throttle.waitFor("admin", HOME)).as("at most the longest wait").hasValue(Duration.ofMinutes(15));
  }

  @Test
  void theRightPasswordClearsTheCountAndOldFailuresAreForgotten() {
    failTimes("curator", HOME, 4);
    throttle.succeeded("curator");
    failTimes("curator", HOME, 4);
    assertThat(throttle.waitFor("curator", HOME)).isEmpty();

    clock.advance(Duration.ofMinutes(16));
    throttle.failed("curator", HOME);
    assertThat(throttle.waitFor("curator", HOME)).as("the four before were more than 15 minutes ago").isEmpty();
  }

  @Test
  void anAddressTryingManyAccountsOrApiKeysWaits() {
    for (int i = 0; i < 19; i++) {
      throttle.failed(i % 2 == 0 ? "user-" + i : null, "203.0.113.5");
    }
    assertThat(throttle.waitFor(null, "203.0.113.5")).isEmpty();

    throttle.failed(null, "203.0.113.5");

    assertThat(throttle.waitFor(null, "203.0.113.5")).hasValue(Duration.ofMinutes(1));
    assertThat(throttle.waitFor("somebody", "203.0.113.5")).hasValue(Duration.ofMinutes(1));
    assertThat(throttle.waitFor(null, "203.0.113.6")).isEmpty();
  }

  private void failTimes(String account, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(account, address);
    }
  }
}
