package org.lifeline.orchestrator.platform.crypto;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings every encrypted column to the active key: after a key rotation, and for rows written
 * before encryption was switched on. Runs at startup in batches; values never leave the process.
 */
@Component
public class Reencryption {

  private static final Logger log = LoggerFactory.getLogger(Reencryption.class);
  private static final int BATCH = 500;

  private final List<EncryptedColumn> columns;
  private final FieldEncryptor encryptor;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final String currentPrefix;

  Reencryption(
      List<EncryptedColumn> columns,
      FieldEncryptor encryptor,
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      CryptoProperties properties) {
    this.columns = columns;
    this.encryptor = encryptor;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.currentPrefix = FieldEncryptor.PREFIX + properties.activeKey() + ":";
  }

  @EventListener(ApplicationReadyEvent.class)
  public void reencryptAll() {
    for (EncryptedColumn column : columns) {
      int done = reencrypt(column);
      if (done > 0) {
        log.info("Re-encrypted {} value(s) of {}.{} with the active key", done, column.table(), column.column());
      }
    }
  }

  /** @return how many values were re-encrypted */
  public int reencrypt(EncryptedColumn column) {
    String select =
        "select %s, %s from %s where %s is not null and %s not like ?"
            .formatted(column.idColumn(), column.column(), column.table(), column.column(), column.column());
    String update = "update %s set %s = ? where %s = ?".formatted(column.table(), column.column(), column.idColumn());
    int total = 0;
    while (true) {
      Integer done =
          transaction.execute(
              status -> {
                List<Map<String, Object>> stale = jdbc.queryForList(select + " fetch first " + BATCH + " rows only", currentPrefix + "%");
                for (Map<String, Object> row : stale) {
                  String value = (String) row.get(column.column());
                  jdbc.update(update, encryptor.encrypt(encryptor.decrypt(value)), row.get(column.idColumn()));
                }
                return stale.size();
              });
      total += done;
      if (done < BATCH) {
        return total;
      }
    }
  }
}
