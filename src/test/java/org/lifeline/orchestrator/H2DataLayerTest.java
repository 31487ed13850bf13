package org.lifeline.orchestrator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.lifeline.orchestrator.platform.crypto.CryptoConfiguration;

/**
 * The data layer alone (Flyway migrations, JPA entities and repositories; no engine, no workers)
 * on the default database, H2 in PostgreSQL mode. Each test runs in a transaction that is rolled
 * back. The same tests run on a real PostgreSQL with {@link PostgresDataLayerTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@Import(CryptoConfiguration.class)
public @interface H2DataLayerTest {}
