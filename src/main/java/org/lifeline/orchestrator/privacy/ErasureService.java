package org.lifeline.orchestrator.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * The right to erasure and the retention period. The engine side holds nothing to erase: process
 * variables never carried personal data.
 */
@Service
public class ErasureService {

  private static final Logger log = LoggerFactory.getLogger(ErasureService.class);

  private final ContactRepository contacts;
  private final HelpRequestRepository requests;
  private final List<PersonalDataHolder> holders;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Duration retention;

  ErasureService(
      ContactRepository contacts,
      HelpRequestRepository requests,
      List<PersonalDataHolder> holders,
      TransactionTemplate transaction,
      Clock clock,
      @Value("${lifeline.privacy.retention:365d}") Duration retention) {
    this.contacts = contacts;
    this.requests = requests;
    this.holders = holders;
    this.transaction = transaction;
    this.clock = clock;
    this.retention = retention;
  }

  /**
   * Erases one person's data now.
   *
   * @return the ids of the requests whose personal data was erased
   */
  @Transactional
  public List<UUID> erase(UUID contactId) {
    if (!contacts.existsById(contactId)) {
      throw new ErrorResponseException(
          HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No contact " + contactId), null);
    }
    List<UUID> requestIds = requests.findByContactIdOrderByCreatedAt(contactId).stream().map(HelpRequest::getId).toList();
    for (PersonalDataHolder holder : holders) {
      holder.erase(contactId, requestIds);
    }
    return requestIds;
  }

  /** Erases the people whose requests all ended longer ago than the retention period. */
  @Scheduled(cron = "${lifeline.privacy.retention-cron:0 30 3 * * *}")
  public int applyRetention() {
    Instant cutoff = clock.instant().minus(retention);
    List<UUID> expired = requests.findContactsWithOnlyFinalRequestsUpdatedBefore(cutoff);
    for (UUID contactId : expired) {
      transaction.executeWithoutResult(status -> erase(contactId));
    }
    if (!expired.isEmpty()) {
      log.info("Retention: erased the personal data of {} contact(s) inactive since before {}", expired.size(), cutoff);
    }
    return expired.size();
  }
}
