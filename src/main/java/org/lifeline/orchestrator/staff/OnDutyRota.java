package org.lifeline.orchestrator.staff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * The on-duty rota as data: administrators set it ({@code PUT /api/v1/admin/on-duty}, the console's On duty page),
 * the escalation asks who is on duty each time it alerts. Until a rota is set, {@code lifeline.escalation.on-duty}
 * from the configuration applies. Every name must be an enabled supervisor when the rota is set; one disabled later
 * is skipped by the alerts (and the escalation logs that nobody could be alerted if nobody is left).
 */
@Service
@Transactional
public class OnDutyRota {

  static final String CONFIGURATION = "configuration";
  static final String DATABASE = "database";
  private static final Logger log = LoggerFactory.getLogger(OnDutyRota.class);

  private final OnDutyRotaRepository rows;
  private final OnDutyDefaults defaults;
  private final StaffDirectory directory;
  private final AlertReach reach;
  private final ObjectMapper json;
  private final Clock clock;

  OnDutyRota(
      OnDutyRotaRepository rows,
      OnDutyDefaults defaults,
      StaffDirectory directory,
      AlertReach reach,
      ObjectMapper json,
      Clock clock) {
    this.rows = rows;
    this.defaults = defaults;
    this.directory = directory;
    this.reach = reach;
    this.json = json;
    this.clock = clock;
  }

  /** Who is on duty now. */
  @Transactional(readOnly = true)
  public OnDuty current() {
    return stored().map(row -> parse(row.getRota()).onDutyAt(clock.instant())).orElseGet(this::configured);
  }

  @Transactional(readOnly = true)
  public RotaView view() {
    Optional<OnDutyRotaRow> row = stored();
    Rota rota =
        row.map(found -> parse(found.getRota()))
            .orElseGet(() -> new Rota(defaults.primary(), defaults.backup(), defaults.all(), null, List.of()));
    return new RotaView(
        rota.primary(),
        rota.backup(),
        rota.all(),
        rota.timeZone(),
        rota.schedule(),
        current(),
        row.isPresent() ? DATABASE : CONFIGURATION,
        row.map(OnDutyRotaRow::getUpdatedBy).orElse(null),
        row.map(OnDutyRotaRow::getUpdatedAt).orElse(null),
        warnings(rota));
  }

  /**
   * Who on the rota an emergency would not reach: with e-mail or Telegram set up, each supervisor named whom neither
   * reaches (their alerts go only to the log); without either, that every alert goes only to the log.
   */
  private List<String> warnings(Rota rota) {
    if (!reach.realChannelConfigured()) {
      return List.of("No alert channel (e-mail, Telegram) is set up: escalation alerts reach only the platform's log");
    }
    Set<String> named = new LinkedHashSet<>();
    named.add(rota.primary());
    named.add(rota.backup());
    named.addAll(rota.all());
    rota.schedule().forEach(shift -> {
      named.add(shift.primary());
      named.add(shift.backup());
    });
    named.remove(null);
    return named.stream()
        .filter(username -> !reach.reaches(username))
        .map(
            username ->
                "'" + username + "' has no e-mail address or linked Telegram (or is not active):"
                    + " escalation alerts to them reach only the log")
        .toList();
  }

  /** Replaces the rota; every name must be an enabled supervisor, the times a valid zone. */
  public RotaView replace(Rota rota, String actor) {
    check(rota);
    String stored;
    try {
      stored = json.writeValueAsString(rota);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    OnDutyRotaRow row = stored().orElse(null);
    if (row == null) {
      rows.saveAndFlush(new OnDutyRotaRow(stored, actor, now));
    } else {
      row.replace(stored, actor, now);
      rows.saveAndFlush(row);
    }
    log.info("On-duty rota set by '{}': primary {}, backup {}, {} shift(s)", actor, rota.primary(), rota.backup(), rota.schedule().size());
    return view();
  }

  private void check(Rota rota) {
    List<Map<String, String>> errors = new ArrayList<>();
    supervisor("primary", rota.primary(), errors);
    if (rota.backup() != null) {
      supervisor("backup", rota.backup(), errors);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rota.all().size(); i++) {
      supervisor("all[" + i + "]", rota.all().get(i), errors);
      if (!seen.add(rota.all().get(i))) {
        errors.add(error("all[" + i + "]", "'" + rota.all().get(i) + "' is listed twice"));
      }
    }
    for (int i = 0; i < rota.schedule().size(); i++) {
      Rota.Shift shift = rota.schedule().get(i);
      supervisor("schedule[" + i + "].primary", shift.primary(), errors);
      if (shift.backup() != null) {
        supervisor("schedule[" + i + "].backup", shift.backup(), errors);
      }
    }
    try {
      ZoneId.of(rota.timeZone());
    } catch (DateTimeException unknown) {
      errors.add(error("timeZone", "'" + rota.timeZone() + "' is not a time zone (e.g. Europe/Kyiv, UTC)"));
    }
    if (!errors.isEmpty()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The rota names someone who cannot be on duty");
      problem.setProperty("errors", errors);
      throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
  }

  private void supervisor(String field, String username, List<Map<String, String>> errors) {
    if (!directory.hasRole(username, StaffRole.SUPERVISOR)) {
      errors.add(error(field, "'" + username + "' is not an active supervisor (enabled, password set)"));
    }
  }

  private static Map<String, String> error(String field, String message) {
    return Map.of("field", field, "message", message);
  }

  private OnDuty configured() {
    List<String> all = defaults.all().isEmpty() && defaults.primary() != null
        ? (defaults.backup() == null ? List.of(defaults.primary()) : List.of(defaults.primary(), defaults.backup()))
        : defaults.all();
    return new OnDuty(defaults.primary(), defaults.backup(), all);
  }

  private Optional<OnDutyRotaRow> stored() {
    return rows.findById(OnDutyRotaRow.ID);
  }

  private Rota parse(String stored) {
    try {
      return json.readValue(stored, Rota.class);
    } catch (JsonProcessingException unreadable) {
      throw new IllegalStateException("The stored on-duty rota cannot be read", unreadable);
    }
  }

  /**
   * The rota and who is on duty now.
   *
   * @param source {@code database} once an administrator set it, {@code configuration} before
   * @param warnings supervisors on the rota whom no alert channel reaches (empty when every one is reached)
   */
  public record RotaView(
      String primary,
      String backup,
      List<String> all,
      String timeZone,
      List<Rota.Shift> schedule,
      OnDuty current,
      String source,
      String updatedBy,
      Instant updatedAt,
      List<String> warnings) {}
}
