package org.lifeline.orchestrator.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * The on-duty rota as administrators set it: who is on duty by default, and a weekly schedule of shifts that name
 * their own primary (and backup) at set times.
 *
 * @param primary the default primary on-duty supervisor
 * @param backup the default backup (optional)
 * @param all everyone alerted when a review is later still (empty: the primary and the backup on duty)
 * @param timeZone the time zone of the schedule's times (default UTC)
 * @param schedule weekly shifts, the first that covers a moment applies
 */
public record Rota(
    @NotBlank String primary,
    String backup,
    @Size(max = 100) List<@NotBlank String> all,
    @Pattern(regexp = "[A-Za-z0-9_+/-]{1,64}", message = "must be a time zone such as Europe/Kyiv or UTC") String timeZone,
    @Size(max = 100) List<@NotNull @Valid Shift> schedule) {

  public Rota {
    all = all == null ? List.of() : List.copyOf(all);
    schedule = schedule == null ? List.of() : List.copyOf(schedule);
    timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip();
    backup = backup == null || backup.isBlank() ? null : backup.strip();
    primary = primary == null ? null : primary.strip();
  }

  /**
   * A weekly shift; one that ends at or before it starts runs over midnight into the next day.
   *
   * @param days the days it starts on
   * @param from when it starts, local time of the rota's zone
   * @param to when it ends
   * @param backup its backup (optional: the rota's default backup)
   */
  public record Shift(
      @NotEmpty Set<@NotNull DayOfWeek> days, @NotNull LocalTime from, @NotNull LocalTime to, @NotBlank String primary, String backup) {

    public Shift {
      days = days == null ? null : Set.copyOf(days);
      backup = backup == null || backup.isBlank() ? null : backup.strip();
      primary = primary == null ? null : primary.strip();
    }

    boolean covers(ZonedDateTime at) {
      LocalTime time = at.toLocalTime();
      DayOfWeek day = at.getDayOfWeek();
      if (from.isBefore(to)) {
        return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
      }
      return (days.contains(day) && !time.isBefore(from)) || (days.contains(day.minus(1)) && time.isBefore(to));
    }
  }

  /** Who is on duty at that moment. */
  OnDuty onDutyAt(java.time.Instant instant) {
    ZonedDateTime at = instant.atZone(ZoneId.of(timeZone));
    String onDutyPrimary = primary;
    String onDutyBackup = backup;
    for (Shift shift : schedule) {
      if (shift.covers(at)) {
        onDutyPrimary = shift.primary();
        onDutyBackup = shift.backup() != null ? shift.backup() : backup;
        break;
      }
    }
    List<String> everyone = all;
    if (everyone.isEmpty()) {
      everyone = onDutyBackup == null || onDutyBackup.equals(onDutyPrimary) ? List.of(onDutyPrimary) : List.of(onDutyPrimary, onDutyBackup);
    }
    return new OnDuty(onDutyPrimary, onDutyBackup, everyone);
  }
}
