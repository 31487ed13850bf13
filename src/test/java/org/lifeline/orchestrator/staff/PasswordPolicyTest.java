package org.lifeline.orchestrator.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy(new StaffProperties(null, null, null));

  @Test
  void aLongUncommonPhraseIsAccepted() {
    assertThat(policy.problems("river cobalt lantern 42", "anna.k")).isEmpty();
    assertThat(policy.problems("Ünïcödé-pässwörd", "anna.k")).isEmpty();
  }

  @Test
  void shortPasswordsAreRefusedWhateverTheyContain() {
    assertThat(policy.problems("xK9#mQ2!vL7", "anna.k")).containsExactly("must be at least 12 characters long");
    assertThat(policy.problems("", "anna.k")).containsExactly("must not be empty");
    assertThat(policy.problems(null, "anna.k")).containsExactly("must not be empty");
  }

  @Test
  void commonPasswordsOfTheShippedListAreRefusedInAnyCase() {
    assertThat(policy.problems("password1234", "anna.k")).contains("is one of the most common passwords; choose another");
    assertThat(policy.problems("QWERTY123456", "anna.k")).contains("is one of the most common passwords; choose another");
    assertThat(policy.problems("1q2w3e4r5t6y", "anna.k")).contains("is one of the most common passwords; choose another");
  }

  @Test
  void theUsernameAndOneRepeatedCharacterAreRefused() {
    assertThat(policy.problems("my name is anna.k really", "anna.k")).containsExactly("must not contain the username");
    assertThat(policy.problems("zzzzzzzzzzzzzzzz", "anna.k")).containsExactly("must not be one character repeated");
  }

  @Test
  void passwordsBcryptWouldCutAreRefused() {
    assertThat(policy.problems("a".repeat(30) + "b".repeat(35), "anna.k")).containsExactly("must be at most 64 characters (72 bytes)");
    assertThat(policy.problems("жи".repeat(19), "anna.k")).containsExactly("must be at most 64 characters (72 bytes)");
  }

  @Test
  void aLongerMinimumCanBeConfiguredButNeverAShorterOne() {
    assertThat(new PasswordPolicy(new StaffProperties(null, null, 16)).problems("river cobalt 42", "x1"))
        .containsExactly("must be at least 16 characters long");
    assertThat(new PasswordPolicy(new StaffProperties(null, null, 6)).minLength()).isEqualTo(12);
  }
}
