package org.lifeline.orchestrator.platform.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.stereotype.Component;

/** Put {@code @Convert(converter = EncryptedText.class)} on a sensitive text column. */
@Component
@Converter
public class EncryptedText implements AttributeConverter<String, String> {

  private final FieldEncryptor encryptor;

  public EncryptedText(FieldEncryptor encryptor) {
    this.encryptor = encryptor;
  }

  @Override
  public String convertToDatabaseColumn(String plaintext) {
    return encryptor.encrypt(plaintext);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    return encryptor.decrypt(stored);
  }
}
