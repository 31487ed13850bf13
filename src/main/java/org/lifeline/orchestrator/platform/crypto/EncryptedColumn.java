package org.lifeline.orchestrator.platform.crypto;

/**
 * A column holding {@link EncryptedText}; features declare theirs as beans so that rows written
 * in plaintext or with a retired key are re-encrypted with the active key.
 */
public record EncryptedColumn(String table, String idColumn, String column) {

  public EncryptedColumn {
    for (String name : new String[] {table, idColumn, column}) {
      if (!name.matches("[a-z_]+")) {
        throw new IllegalArgumentException("Not a plain SQL name: " + name);
      }
    }
  }
}
