package org.lifeline.orchestrator.request;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lifeline.orchestrator.contact.ContactRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class RequestQueries {

  private final HelpRequestRepository requests;
  private final RequestEventRepository events;
  private final ContactRepository contacts;

  RequestQueries(HelpRequestRepository requests, RequestEventRepository events, ContactRepository contacts) {
    this.requests = requests;
    this.events = events;
    this.contacts = contacts;
  }

  public RequestView view(UUID requestId) {
    HelpRequest request = requests.findById(requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
    return RequestView.of(request, events.findByRequestIdOrderByAtAscIdAsc(requestId));
  }

  /** Every request of one person, oldest first, with their histories (to spot repeat contacts). */
  public List<RequestView> viewsOfContact(UUID contactId) {
    if (!contacts.existsById(contactId)) {
      throw noContact(contactId);
    }
    return views(requests.findByContactIdOrderByCreatedAt(contactId));
  }

  /** The requests of one person that this integrator brought, oldest first; none: as if there were no such person. */
  public List<RequestView> viewsOfContact(UUID contactId, String integrator) {
    List<HelpRequest> found = requests.findByContactIdAndIntegratorOrderByCreatedAt(contactId, integrator);
    if (found.isEmpty()) {
      throw noContact(contactId);
    }
    return views(found);
  }

  private static ErrorResponseException noContact(UUID contactId) {
    return new ErrorResponseException(
        HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No contact " + contactId), null);
  }

  private List<RequestView> views(List<HelpRequest> found) {
    Map<UUID, List<RequestEvent>> historyByRequest =
        events.findByRequestIdInOrderByAtAscIdAsc(found.stream().map(HelpRequest::getId).toList()).stream()
            .collect(Collectors.groupingBy(RequestEvent::getRequestId));
    return found.stream()
        .map(request -> RequestView.of(request, historyByRequest.getOrDefault(request.getId(), List.of())))
        .toList();
  }
}
