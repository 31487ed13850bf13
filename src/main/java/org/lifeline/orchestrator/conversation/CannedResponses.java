package org.lifeline.orchestrator.conversation;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/** The canned responses: listed per language for specialists, kept by curators and supervisors. */
@Service
public class CannedResponses {

  private final CannedResponseRepository responses;
  private final Clock clock;

  CannedResponses(CannedResponseRepository responses, Clock clock) {
    this.responses = responses;
    this.clock = clock;
  }

  /** In one language (null: all), by category and title. */
  @Transactional(readOnly = true)
  public List<CannedResponseView> list(String language) {
    List<CannedResponse> found =
        language == null
            ? responses.findAllByOrderByLanguageAscCategoryAscTitleAsc()
            : responses.findByLanguageOrderByCategoryAscTitleAsc(language);
    return found.stream().map(CannedResponseView::of).toList();
  }

  @Transactional(readOnly = true)
  public CannedResponseView get(UUID id) {
    return CannedResponseView.of(find(id));
  }

  @Transactional
  CannedResponseView create(CannedResponseInput input, String by) {
    return CannedResponseView.of(responses.save(new CannedResponse(input, by, clock.instant().truncatedTo(ChronoUnit.MICROS))));
  }

  @Transactional
  CannedResponseView update(UUID id, CannedResponseInput input, String by) {
    CannedResponse response = find(id);
    response.apply(input, by, clock.instant().truncatedTo(ChronoUnit.MICROS));
    return CannedResponseView.of(responses.saveAndFlush(response));
  }

  @Transactional
  void delete(UUID id) {
    responses.delete(find(id));
  }

  private CannedResponse find(UUID id) {
    return responses
        .findById(id)
        .orElseThrow(
            () ->
                new ErrorResponseException(
                    HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No canned response " + id),
                    null));
  }
}
