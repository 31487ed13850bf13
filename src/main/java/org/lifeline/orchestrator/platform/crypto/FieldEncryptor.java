package org.lifeline.orchestrator.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for sensitive text at rest. A stored value reads {@code enc:<key id>:<base64(iv +
 * ciphertext + tag)>}, so values written with an earlier key stay readable after rotation, and
 * the key id is authenticated with the value (associated data) so it cannot be swapped.
 */
public class FieldEncryptor {

  static final String PREFIX = "enc:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Map<String, SecretKey> keys = new HashMap<>();
  private final String activeKeyId;
  private final SecretKey hashKey;
  private final SecureRandom random = new SecureRandom();

  public FieldEncryptor(CryptoProperties properties) {
    for (CryptoProperties.Key key : properties.keys()) {
      byte[] secret = Base64.getDecoder().decode(key.secret());
      if (secret.length != 32) {
        throw new IllegalStateException("lifeline.crypto key '" + key.id() + "' must be 32 bytes (base64), is " + secret.length);
      }
      if (key.id().contains(":")) {
        throw new IllegalStateException("lifeline.crypto key id must not contain ':'");
      }
      keys.put(key.id(), new SecretKeySpec(secret, "AES"));
    }
    if (!keys.containsKey(properties.activeKey())) {
      throw new IllegalStateException("lifeline.crypto.active-key '" + properties.activeKey() + "' is not among lifeline.crypto.keys");
    }
    this.activeKeyId = properties.activeKey();
    byte[] hashSecret = properties.hashKey() == null ? new byte[0] : Base64.getDecoder().decode(properties.hashKey());
    if (hashSecret.length < 32) {
      throw new IllegalStateException("lifeline.crypto.hash-key must be at least 32 bytes (base64)");
    }
    this.hashKey = new SecretKeySpec(hashSecret, "HmacSHA256");
  }

  public String encrypt(String plaintext) {
    if (plaintext == null) {
      return null;
    }
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
      return PREFIX + activeKeyId + ":" + Base64.getEncoder().encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt", e);
    }
  }

  public String decrypt(String stored) {
    if (stored == null) {
      return null;
    }
    if (!stored.startsWith(PREFIX)) {
      // Written before encryption was switched on; re-encrypted when the row is next saved.
      return stored;
    }
    int separator = stored.indexOf(':', PREFIX.length());
    String keyId = stored.substring(PREFIX.length(), separator);
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException("Value encrypted with unknown key '" + keyId + "': keep retired keys configured");
    }
    try {
      ByteBuffer data = ByteBuffer.wrap(Base64.getDecoder().decode(stored.substring(separator + 1)));
      byte[] iv = new byte[IV_BYTES];
      data.get(iv);
      byte[] sealed = new byte[data.remaining()];
      data.get(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot decrypt a value written with key '" + keyId + "'", e);
    }
  }

  /** Whether the value is encrypted with the active key (used by re-encryption after rotation). */
  public boolean isCurrent(String stored) {
    return stored == null || stored.startsWith(PREFIX + activeKeyId + ":");
  }

  /** A keyed hash (HMAC-SHA256, hex) to find a row by an encrypted value without decrypting all. */
  public String hash(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashKey);
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot hash", e);
    }
  }
}
