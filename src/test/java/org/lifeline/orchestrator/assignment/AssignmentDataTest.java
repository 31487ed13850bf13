package org.lifeline.orchestrator.assignment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import org.lifeline.orchestrator.platform.crypto.CryptoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.lifeline.orchestrator.staff.StaffAccounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The assignment services on the real Flyway schema in an in-memory H2 (PostgreSQL mode), without
 * the engine or the web layer: one shared slice context for every test class that uses this
 * annotation unchanged. Each test runs in a transaction that is rolled back.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@Import({AssignmentDataTest.Services.class, CryptoConfiguration.class})
public @interface AssignmentDataTest {

  @TestConfiguration(proxyBeanMethods = false)
  @ImportAutoConfiguration({JdbcClientAutoConfiguration.class, ValidationAutoConfiguration.class})
  @EnableConfigurationProperties(AssignmentProperties.class)
  @Import({SpecialistRegistry.class, SpecialistMatcher.class, SpecialistCapacity.class, WaitingQueue.class,
      SpecialistCsvImport.class, AssignmentExclusions.class, TestData.class})
  class Services {

    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }

    /** Logins are not part of this slice: the import with logins is tested on the whole platform (OnboardingImportTest). */
    @Bean
    StaffAccounts staffAccounts() {
      return org.mockito.Mockito.mock(StaffAccounts.class);
    }
  }
}
