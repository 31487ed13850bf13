package org.lifeline.orchestrator.conversation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lifeline.orchestrator.assignment.AssignmentService;
import org.lifeline.orchestrator.assignment.HeldCase;
import org.lifeline.orchestrator.request.HelpRequest;
import org.lifeline.orchestrator.request.HelpRequestRepository;
import org.lifeline.orchestrator.request.MessageKind;
import org.lifeline.orchestrator.request.RequestEvent;
import org.lifeline.orchestrator.request.RequestEventRepository;
import org.lifeline.orchestrator.request.RequestEventType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The specialist's cases with what needs their attention: unread messages, who waits since when, newest first. */
@Service
public class MyCases {

  private final AssignmentService assignment;
  private final HelpRequestRepository requests;
  private final ConversationMessageRepository messages;
  private final RequestEventRepository history;
  private final ReadMarks readMarks;

  MyCases(
      AssignmentService assignment,
      HelpRequestRepository requests,
      ConversationMessageRepository messages,
      RequestEventRepository history,
      ReadMarks readMarks) {
    this.assignment = assignment;
    this.requests = requests;
    this.messages = messages;
    this.history = history;
    this.readMarks = readMarks;
  }

  /** The cases the specialist with this username holds now, the latest activity first. */
  @Transactional(readOnly = true)
  public List<CaseSummary> of(String username) {
    List<HeldCase> held = assignment.casesHeldBy(username);
    if (held.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = held.stream().map(HeldCase::requestId).toList();
    Map<UUID, HelpRequest> found =
        requests.findAllById(ids).stream().collect(Collectors.toMap(HelpRequest::getId, request -> request));
    Map<UUID, List<ConversationEntry>> entries =
        messages.findEntries(ids).stream().collect(Collectors.groupingBy(ConversationEntry::requestId));
    Map<UUID, Long> lastRead = readMarks.lastRead(ids, username);
    return held.stream()
        .filter(heldCase -> found.containsKey(heldCase.requestId()))
        .map(
            heldCase ->
                summary(
                    heldCase,
                    found.get(heldCase.requestId()),
                    entries.getOrDefault(heldCase.requestId(), List.of()),
                    lastRead.getOrDefault(heldCase.requestId(), 0L),
                    username))
        .sorted(Comparator.comparing(CaseSummary::lastActivityAt).reversed())
        .toList();
  }

  private CaseSummary summary(
      HeldCase held, HelpRequest request, List<ConversationEntry> conversation, long lastRead, String username) {
    ConversationEntry last = conversation.isEmpty() ? null : conversation.get(conversation.size() - 1);
    int unread =
        (int) conversation.stream().filter(entry -> entry.direction() == Direction.IN && entry.id() > lastRead).count();
    Instant waitingSince = null;
    Instant firstReplyAt = null;
    for (ConversationEntry entry : conversation) {
      if (entry.kind() == MessageKind.REPLY) {
        waitingSince = null;
        if (firstReplyAt == null && username.equals(entry.author())) {
          firstReplyAt = entry.at();
        }
      } else if (entry.direction() == Direction.IN && waitingSince == null) {
        waitingSince = entry.at();
      }
    }
    Instant remindedAt =
        history.findByRequestIdAndTypeOrderByAtDescIdDesc(request.getId(), RequestEventType.STAFF_REMINDED).stream()
            .filter(event -> username.equals(event.getDetail()))
            .map(RequestEvent::getAt)
            .findFirst()
            .orElse(null);
    CaseSummary.LastMessage lastMessage =
        last == null ? null : new CaseSummary.LastMessage(last.id(), last.at(), last.direction(), last.author(), last.kind());
    Instant lastActivity = last == null || last.at().isBefore(held.since()) ? held.since() : last.at();
    return new CaseSummary(
        request.getId(),
        request.getStatus(),
        request.getRiskLevel(),
        request.isPriority(),
        held.since(),
        waitingSince,
        lastMessage,
        unread,
        firstReplyAt,
        remindedAt,
        lastActivity);
  }
}
