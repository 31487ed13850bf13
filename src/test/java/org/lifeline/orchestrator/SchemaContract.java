package org.lifeline.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every Flyway migration applies on the database under test (and Hibernate validated the entities
 * against the result when the context started). Run by {@link SchemaOnH2Test} and
 * {@link SchemaOnPostgresTest}.
 */
abstract class SchemaContract {

  @Autowired Flyway flyway;

  @Test
  void everyMigrationIsApplied() {
    assertThat(flyway.info().pending()).isEmpty();
    assertThat(flyway.info().applied())
        .isNotEmpty()
        .allSatisfy(migration -> assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS))
        .extracting(MigrationInfo::getScript)
        .contains("V1__foundation.sql");
  }
}
