package org.lifeline.orchestrator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.lifeline.orchestrator.platform.crypto.CryptoConfiguration;
import org.springframework.test.context.ContextConfiguration;

/**
 * The data layer alone (see {@link H2DataLayerTest}) on a real PostgreSQL server, in a schema of
 * its own that is dropped afterwards. Which server: see {@link PostgresTestDatabase}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@Import(CryptoConfiguration.class)
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@ExtendWith(PostgresTestDatabase.class)
public @interface PostgresDataLayerTest {}
