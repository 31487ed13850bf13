package org.lifeline.orchestrator.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lifeline.orchestrator.platform.crypto.FieldEncryptor;
import org.lifeline.orchestrator.request.RequestStatus;
import org.lifeline.orchestrator.request.RiskLevel;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Requests with their histories, answers, cases, feedback and escalations, written with batch SQL into the tables the
 * platform's features keep. {@code personal} goes into every field that holds something about a person or a member
 * of staff (names, handles, texts, notes, comments, usernames), so a test can look for it in what reports show.
 */
final class ReportData {

  private final JdbcTemplate jdbc;
  private final FieldEncryptor encryptor;
  private final String personal;
  private final UUID specialist = UUID.randomUUID();
  private final List<Object[]> contacts = new ArrayList<>();
  private final List<Object[]> requests = new ArrayList<>();
  private final List<Object[]> events = new ArrayList<>();
  private final List<Object[]> answers = new ArrayList<>();
  private final List<Object[]> sessions = new ArrayList<>();
  private final List<Object[]> closures = new ArrayList<>();
  private final List<Object[]> feedback = new ArrayList<>();
  private final List<Object[]> escalations = new ArrayList<>();
  private final List<Object[]> signals = new ArrayList<>();
  private final List<Object[]> notes = new ArrayList<>();
  private final List<Object[]> messages = new ArrayList<>();

  ReportData(JdbcTemplate jdbc, FieldEncryptor encryptor, String personal) {
    this.jdbc = jdbc;
    this.encryptor = encryptor;
    this.personal = personal;
    Instant created = Instant.parse("2020-01-01T00:00:00Z");
    jdbc.update(
        """
        insert into specialist (id, name, username, time_zone, max_cases, active_cases, active, created_at, updated_at,
                                version)
        values (?, ?, ?, 'UTC', 5, 0, true, ?, ?, 0)
        """,
        specialist, personal + " specialist", personal + "-specialist", utc(created), utc(created));
  }

  /** A request received at {@code at}: stored with its first history entry and first message. */
  Request request(String channel, Integer statedAge, String language, Instant at) {
    return new Request(channel, statedAge, language, at);
  }

  /** Writes everything added so far. */
  void flush() {
    batch("insert into contact (id, channel, channel_user_id, display_name, created_at) values (?, ?, ?, ?, ?)", contacts);
    batch(
        """
        insert into help_request (id, contact_id, channel, status, risk_level, stated_age, language, created_at,
                                  updated_at, version)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
        """,
        requests);
    batch(
        """
        insert into request_event (request_id, at, type, status, template, actor, reason, step, level, detail)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        events);
    batch("insert into conversation_message (request_id, at, direction, kind, author, text) values (?, ?, ?, ?, ?, ?)", messages);
    batch(
        """
        insert into questionnaire_answer (request_id, question_id, answer, questionnaire_id, questionnaire_version,
                                          actor, answered_at)
        values (?, ?, ?, 'help-questionnaire', 1, ?, ?)
        """,
        answers);
    batch(
        "insert into care_session (request_id, specialist_id, held_at, duration_min, note, recorded_at) values (?, ?, ?, 50, ?, ?)",
        sessions);
    batch("insert into care_closure (request_id, specialist_id, outcome, closed_at) values (?, ?, ?, ?)", closures);
    batch(
        """
        insert into feedback_request (id, request_id, specialist_id, case_closed_at, attempts, asked_at, rating, comment,
                                      answered_at, answered_by, version)
        values (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 0)
        """,
        feedback);
    batch(
        """
        insert into escalation (id, request_id, engine_run, process_instance_key, level, source, opened_at, step,
                                step_at, on_duty_notified_at, backup_notified_at, outcome, decision, closed_at, version)
        values (?, ?, 'run', ?, 'HIGH', 'message', ?, ?, ?, ?, ?, ?, ?, ?, 0)
        """,
        escalations);
    batch(
        """
        insert into escalation_signal (id, request_id, source, level, codes, actor, created_at, attempts, published_at)
        values (?, ?, 'flag', 'HIGH', ?, ?, ?, 1, ?)
        """,
        signals);
    batch(
        "insert into user_task_note (at, author, task_id, request_id, field, content) values (?, ?, '1', ?, 'comment', ?)",
        notes);
    for (List<Object[]> rows : List.of(contacts, requests, events, messages, answers, sessions, closures, feedback, escalations, signals, notes)) {
      rows.clear();
    }
  }

  /** A status change written at once, as the request's lifecycle writes it: a history entry and the request's row. */
  void changeStatus(UUID requestId, RequestStatus status, Instant at) {
    jdbc.update(
        "insert into request_event (request_id, at, type, status, actor) values (?, ?, 'STATUS_CHANGED', ?, 'system')",
        requestId, utc(at), status.name());
    jdbc.update("update help_request set status = ?, updated_at = ? where id = ?", status.name(), utc(at), requestId);
  }

  private void batch(String sql, List<Object[]> rows) {
    for (int from = 0; from < rows.size(); from += 5_000) {
      jdbc.batchUpdate(sql, rows.subList(from, Math.min(from + 5_000, rows.size())));
    }
  }

  static OffsetDateTime utc(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }

  /** One request being written: each call adds what happened to it. */
  final class Request {

    final UUID id = UUID.randomUUID();
    private final Object[] row;

    private Request(String channel, Integer statedAge, String language, Instant at) {
      UUID contact = UUID.randomUUID();
      contacts.add(new Object[] {contact, channel, personal + "-handle-" + contact, personal + " name", utc(at)});
      row = new Object[] {id, contact, channel, RequestStatus.RECEIVED.name(), RiskLevel.NONE.name(), statedAge, language, utc(at), utc(at)};
      requests.add(row);
      event(at, "STATUS_CHANGED", RequestStatus.RECEIVED.name(), null);
      event(at, "MESSAGE_IN", null, null);
      messages.add(new Object[] {id, utc(at), "IN", "MESSAGE", "contact", encryptor.encrypt(personal + " wrote this first message")});
      event(at.plusSeconds(1), "MESSAGE_OUT", null, "greeting");
    }

    /** The request moves to a status at this time (a history entry; the request's status and update time follow). */
    Request status(RequestStatus status, Instant at) {
      event(at, "STATUS_CHANGED", status.name(), null);
      row[3] = status.name();
      row[8] = utc(at);
      return this;
    }

    Request risk(RiskLevel level) {
      row[4] = level.name();
      return this;
    }

    /** A stored questionnaire answer (encrypted at rest, as the questionnaire stores it). */
    Request answer(String questionId, String value, Instant at) {
      answers.add(new Object[] {id, questionId, encryptor.encrypt(value), personal + "-bot", utc(at)});
      return this;
    }

    /** The person's own words in the questionnaire's free-text question. */
    Request ownWords(Instant at) {
      return answer("topicDetails", personal + " described what happened", at);
    }

    /** A staff member's reply to the person, in the case conversation. */
    Request reply(Instant at) {
      messages.add(new Object[] {id, utc(at), "OUT", "REPLY", personal + "-specialist", encryptor.encrypt(personal + " replied to the person")});
      return this;
    }

    /** A session with a note, and the case closed with this outcome. */
    Request caseClosed(String outcome, Instant at) {
      sessions.add(new Object[] {id, specialist, utc(at.minusSeconds(3600)), personal + " session note", utc(at.minusSeconds(600))});
      closures.add(new Object[] {id, specialist, outcome, utc(at)});
      return this;
    }

    /** Feedback asked for, and answered with a rating and a comment when {@code rating} is not null. */
    Request feedback(Instant caseClosedAt, Instant askedAt, Integer rating, Instant answeredAt) {
      feedback.add(new Object[] {UUID.randomUUID(), id, specialist, utc(caseClosedAt), utc(askedAt), rating,
          rating == null ? null : encryptor.encrypt(personal + " feedback comment"), utc(answeredAt),
          rating == null ? null : personal + "-person"});
      return this;
    }

    /**
     * An escalation opened at {@code openedAt}; the backup supervisor alerted at {@code backupAt} (null: never);
     * reviewed with {@code outcome} at {@code closedAt} (null: still open).
     */
    Request escalation(Instant openedAt, Instant backupAt, Instant closedAt, String outcome) {
      Instant stepAt = closedAt != null ? closedAt : backupAt != null ? backupAt : openedAt.plusSeconds(1);
      escalations.add(new Object[] {UUID.randomUUID(), id, Math.abs(id.getLeastSignificantBits()) + escalations.size(),
          utc(openedAt), closedAt != null ? "continued" : backupAt != null ? "backup-notified" : "on-duty-notified",
          utc(stepAt), utc(openedAt.plusSeconds(1)), utc(backupAt), outcome, closedAt == null ? null : "continue",
          utc(closedAt)});
      signals.add(new Object[] {UUID.randomUUID(), id, personal + "-flag-reason", personal + "-supervisor", utc(openedAt), utc(openedAt)});
      events.add(new Object[] {id, utc(openedAt), "ESCALATION", null, null, "escalation", null, "on-duty-notified", "HIGH", personal + "-supervisor"});
      return this;
    }

    /** What a curator typed into a task form about the request. */
    Request curatorNote(Instant at) {
      notes.add(new Object[] {utc(at), personal + "-curator", id, encryptor.encrypt(personal + " curator note")});
      return this;
    }

    private void event(Instant at, String type, String status, String template) {
      events.add(new Object[] {id, utc(at), type, status, template, personal + "-actor", null, null, null, null});
    }
  }
}
