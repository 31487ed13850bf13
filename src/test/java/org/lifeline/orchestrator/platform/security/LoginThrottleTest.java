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
  void anAccountWaitsOnAnAddressAfterFiveWrongPasswordsInARowFromThereLongerWithEachFurtherOne() {
    failTimes("admin", HOME, 4);
    assertThat(throttle.waitFor("admin", HOME)).isEmpty();

    throttle.failed("admin", HOME);
    assertThat(throttle.waitFor("admin", HOME)).hasValue(Duration.ofMinutes(1));
    assertThat(throttle.waitFor("ADMIN", HOME)).as("any spelling").hasValue(Duration.ofMinutes(1));
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
    throttle.succeeded("curator", HOME);
    failTimes("curator", HOME, 4);
    assertThat(throttle.waitFor("curator", HOME)).isEmpty();

    clock.advance(Duration.ofMinutes(16));
    throttle.failed("curator", HOME);
    assertThat(throttle.waitFor("curator", HOME)).as("the four before were more than 15 minutes ago").isEmpty();
  }

  /**
   * Someone who knows the on-duty supervisor's username sends a wrong password whenever the wait ends: only their own
   * address stays locked, the supervisor signs in from theirs; a success there does not reset the guesser's count.
   */
  @Test
  void wrongPasswordsFromOneAddressNeverLockTheAccountElsewhere() {
    String attacker = "203.0.113.66";
    failTimes("supervisor", attacker, 5);
    for (int round = 0; round < 20; round++) {
      clock.advance(throttle.waitFor("supervisor", attacker).orElseThrow());
      throttle.failed("supervisor", attacker);
      assertThat(throttle.waitFor("supervisor", HOME)).as("the owner's address, round " + round).isEmpty();
    }
    assertThat(throttle.waitFor("supervisor", attacker)).hasValue(Duration.ofMinutes(15));

    throttle.succeeded("supervisor", HOME);
    assertThat(throttle.waitFor("supervisor", attacker)).hasValue(Duration.ofMinutes(15));
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
