package org.lifeline.orchestrator.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldEncryptorTest {

  static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);
  static final String KEY_2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  static final String HASH_KEY = Base64.getEncoder().encodeToString("hash-key-hash-key-hash-key-hash!!".getBytes());

  FieldEncryptor withKey1 = encryptor("k1", new CryptoProperties.Key("k1", KEY_1));

  @Test
  void encryptsWithAFreshIvAndDecryptsBack() {
    String first = withKey1.encrypt("Мне очень тяжело");
    String second = withKey1.encrypt("Мне очень тяжело");

    assertThat(first).startsWith("enc:k1:").doesNotContain("тяжело").isNotEqualTo(second);
    assertThat(withKey1.decrypt(first)).isEqualTo("Мне очень тяжело");
    assertThat(withKey1.encrypt(null)).isNull();
  }

  @Test
  void afterRotationOldValuesStayReadableAndNewOnesUseTheNewKey() {
    String old = withKey1.encrypt("handle-42");
    FieldEncryptor rotated =
        encryptor("k2", new CryptoProperties.Key("k1", KEY_1), new CryptoProperties.Key("k2", KEY_2));

    assertThat(rotated.decrypt(old)).isEqualTo("handle-42");
    assertThat(rotated.isCurrent(old)).isFalse();
    assertThat(rotated.encrypt("handle-42")).startsWith("enc:k2:");
  }

  @Test
  void aTamperedValueOrASwappedKeyIdIsRejected() {
    String sealed = withKey1.encrypt("secret");
    String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
    FieldEncryptor both = encryptor("k2", new CryptoProperties.Key("k1", KEY_1), new CryptoProperties.Key("k2", KEY_1));

    assertThatThrownBy(() -> withKey1.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> both.decrypt(sealed.replace("enc:k1:", "enc:k2:"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aValueWithAnUnknownKeyNamesTheMissingKey() {
    String sealed = withKey1.encrypt("secret");
    FieldEncryptor other = encryptor("k2", new CryptoProperties.Key("k2", KEY_2));

    assertThatThrownBy(() -> other.decrypt(sealed)).hasMessageContaining("'k1'");
  }

  @Test
  void plaintextFromBeforeEncryptionIsReadAsItIs() {
    assertThat(withKey1.decrypt("legacy plaintext")).isEqualTo("legacy plaintext");
  }

  @Test
  void theKeyedHashIsStableAndDependsOnTheKey() {
    assertThat(withKey1.hash("12345")).isEqualTo(withKey1.hash("12345")).hasSize(64).isNotEqualTo(withKey1.hash("12346"));
    FieldEncryptor otherHashKey =
        new FieldEncryptor(
            new CryptoProperties(
                List.of(new CryptoProperties.Key("k1", KEY_1)), "k1", Base64.getEncoder().encodeToString(new byte[40])));
    assertThat(otherHashKey.hash("12345")).isNotEqualTo(withKey1.hash("12345"));
  }

  @Test
  void badConfigurationIsRefusedAtStartup() {
    assertThatThrownBy(() -> encryptor("k1", new CryptoProperties.Key("k1", "c2hvcnQ=")))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> encryptor("missing", new CryptoProperties.Key("k1", KEY_1)))
        .hasMessageContaining("active-key");
  }

  private static FieldEncryptor encryptor(String active, CryptoProperties.Key... keys) {
    return new FieldEncryptor(new CryptoProperties(List.of(keys), active, HASH_KEY));
  }
}
