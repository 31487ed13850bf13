package org.lifeline.orchestrator.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lifeline.orchestrator.MutableClock;
import org.lifeline.orchestrator.platform.security.LoginFailures;
import org.lifeline.orchestrator.platform.security.LoginThrottle;
import org.lifeline.orchestrator.platform.security.LoginThrottleProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff tables: accounts and their roles, and the failed-login counts shared by replicas. Run on H2 and on
 * PostgreSQL by {@link StaffDataOnH2Test} and {@link StaffDataOnPostgresTest}.
 */
@Transactional
abstract class StaffDataContract {

  static final Instant T0 = Instant.parse("2030-01-02T03:04:05.123456Z");
  static final LoginThrottleProperties THROTTLE = new LoginThrottleProperties(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(15));

  @Autowired StaffAccountRepository accounts;
  @Autowired JdbcTemplate jdbc;

  @Test
  void accountsAreFoundByNameRoleAndSecretHashesAndNamesAreUnique() {
    StaffAccount anna = new StaffAccount("anna.k", "Anna K.", "anna@example.org", Set.of(StaffRole.SPECIALIST, StaffRole.CURATOR), "admin", T0);
    anna.invite("a".repeat(64), T0.plus(Duration.ofDays(7)), T0);
    accounts.saveAndFlush(anna);
    StaffAccount off = new StaffAccount("off.duty", "Off", null, Set.of(StaffRole.CURATOR), "admin", T0);
    off.disable(T0);
    accounts.saveAndFlush(off);
    StaffAccount mark = new StaffAccount("mark.p", "Mark P.", null, Set.of(StaffRole.CURATOR), "admin", T0);
    mark.setPassword("{bcrypt}not-checked-here", T0);
    accounts.saveAndFlush(mark);

    assertThat(accounts.findByUsername("anna.k")).get().satisfies(found -> {
      assertThat(found.getRoles()).containsExactlyInAnyOrder(StaffRole.SPECIALIST, StaffRole.CURATOR);
      assertThat(found.getCreatedAt()).isEqualTo(T0);
    });
    assertThat(accounts.findByInvitationHash("a".repeat(64))).isPresent();
    assertThat(accounts.findActiveWithRole(StaffRole.CURATOR))
        .as("enabled and with a password: not the invited one, not the disabled one")
        .extracting(StaffAccount::getUsername)
        .containsExactly("mark.p");
    assertThat(accounts.findExistingUsernames(List.of("anna.k", "nobody", "off.duty"))).containsExactlyInAnyOrder("anna.k", "off.duty");
    assertThatThrownBy(() -> accounts.saveAndFlush(new StaffAccount("anna.k", "Twin", null, Set.of(StaffRole.CURATOR), "admin", T0)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void aTelegramChatBelongsToOneAccount() {
    StaffAccount first = new StaffAccount("first", "First", null, Set.of(StaffRole.CURATOR), "admin", T0);
    first.linkTelegram(4242L, T0);
    accounts.saveAndFlush(first);

    assertThat(accounts.existsByTelegramChatId(4242L)).isTrue();
    StaffAccount second = new StaffAccount("second", "Second", null, Set.of(StaffRole.CURATOR), "admin", T0);
    second.linkTelegram(4242L, T0);
    assertThatThrownBy(() -> accounts.saveAndFlush(second)).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void failedLoginsCountUpAreForgottenAfterTheLongestLockoutAndCleared() {
    MutableClock clock = new MutableClock();
    DatabaseLoginAttempts attempts = new DatabaseLoginAttempts(jdbc, THROTTLE, clock);
    Instant start = clock.instant();

    assertThat(attempts.failures("account:anna.k")).isEqualTo(LoginFailures.NONE);
    assertThat(attempts.recordFailure("account:anna.k", start, Duration.ofMinutes(15)).count()).isEqualTo(1);
    assertThat(attempts.recordFailure("account:anna.k", start.plusSeconds(1), Duration.ofMinutes(15)).count()).isEqualTo(2);
    assertThat(attempts.failures("account:anna.k").last()).isEqualTo(start.plusSeconds(1));
    assertThat(attempts.recordFailure("account:anna.k", start.plus(Duration.ofMinutes(20)), Duration.ofMinutes(15)).count())
        .as("a count whose last failure is older than the longest lockout starts again")
        .isEqualTo(1);

    String absurd = "account:" + "x".repeat(5000);
    assertThat(attempts.recordFailure(absurd, start, Duration.ofMinutes(15)).count()).isEqualTo(1);
    assertThat(attempts.failures(absurd).count()).isEqualTo(1);

    attempts.clear("account:anna.k");
    assertThat(attempts.failures("account:anna.k")).isEqualTo(LoginFailures.NONE);

    attempts.recordFailure("address:198.51.100.7", clock.instant(), Duration.ofMinutes(15));
    clock.advance(Duration.ofMinutes(16));
    attempts.forgetOldFailures();
    assertThat(attempts.failures("address:198.51.100.7")).isEqualTo(LoginFailures.NONE);
  }

  /** Two replicas, one database: an account locked on an address through one waits there on the other too, and the wait ends. */
  @Test
  void aLockoutHoldsOnEveryReplicaAndEnds() {
    MutableClock clock = new MutableClock();
    LoginThrottle replicaA = new LoginThrottle(THROTTLE, new DatabaseLoginAttempts(jdbc, THROTTLE, clock), clock);
    LoginThrottle replicaB = new LoginThrottle(THROTTLE, new DatabaseLoginAttempts(jdbc, THROTTLE, clock), clock);
    String guesser = "203.0.113.9";

    for (int i = 0; i < 5; i++) {
      replicaA.failed("olena", guesser);
    }

    assertThat(replicaB.waitFor("olena", guesser)).contains(Duration.ofMinutes(1));
    assertThat(replicaB.waitFor("olena", "198.51.100.1")).as("another address").isEmpty();
    clock.advance(Duration.ofSeconds(59));
    assertThat(replicaB.waitFor("olena", guesser)).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(replicaB.waitFor("olena", guesser)).isEmpty();
    replicaB.failed("olena", guesser);
    assertThat(replicaA.waitFor("olena", guesser)).as("one more failure: twice as long").contains(Duration.ofMinutes(2));
    replicaA.succeeded("olena", guesser);
    assertThat(replicaB.waitFor("olena", guesser)).isEmpty();
  }

}
