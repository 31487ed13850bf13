package org.lifeline.orchestrator.assignment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;
import java.util.List;

/**
 * A weekly shift as people enter it: a weekday and local times {@code HH:mm}; {@code end} may be
 * {@code 24:00}, and an end at or before the start runs past midnight into the next day
 * ({@code 22:00-02:00}); equal times mean 24 hours.
 */
public record ShiftInput(
    @NotNull DayOfWeek day,
    @NotNull @Pattern(regexp = START_TIME, message = "must be a time HH:mm from 00:00 to 23:59") String start,
    @NotNull @Pattern(regexp = END_TIME, message = "must be a time HH:mm from 00:00 to 24:00") String end) {

  static final String START_TIME = "([01]\\d|2[0-3]):[0-5]\\d";
  static final String END_TIME = "(([01]\\d|2[0-3]):[0-5]\\d|24:00)";

  /** The windows to store; call only on a valid input. */
  List<ShiftWindow> windows() {
    return ShiftWindow.of(day, minutes(start), minutes(end));
  }

  static int minutes(String time) {
    return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3, 5));
  }

  static String format(int minutes) {
    return "%02d:%02d".formatted(minutes / 60, minutes % 60);
  }
}
