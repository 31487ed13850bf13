package org.lifeline.orchestrator.platform.crypto;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys protecting sensitive columns at rest.
 *
 * @param keys AES-256 keys (base64, 32 bytes) by id; old keys stay listed so old rows can be read
 * @param activeKey the id of the key new values are encrypted with
 * @param hashKey HMAC key (base64, 32+ bytes) for the keyed hashes that make encrypted handles findable
 */
@ConfigurationProperties("lifeline.crypto")
public record CryptoProperties(List<Key> keys, String activeKey, String hashKey) {

  public CryptoProperties {
    keys = keys == null ? List.of() : List.copyOf(keys);
  }

  public record Key(String id, String secret) {}
}
