package org.lifeline.orchestrator.assignment;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compact weekly availability of a CSV row: shifts separated by {@code ;}, each a day or a day
 * range and local times, e.g. {@code mon-fri 09:00-17:00; sat 10:00-14:00; sun 22:00-02:00}.
 * Days are {@code mon tue wed thu fri sat sun}; a range may wrap ({@code fri-mon}).
 */
final class AvailabilityNotation {

  private static final Pattern SHIFT =
      Pattern.compile("([a-z]{3})(?:\\s*-\\s*([a-z]{3}))?\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
  private static final Map<String, DayOfWeek> DAYS =
      Map.of(
          "mon", DayOfWeek.MONDAY,
          "tue", DayOfWeek.TUESDAY,
          "wed", DayOfWeek.WEDNESDAY,
          "thu", DayOfWeek.THURSDAY,
          "fri", DayOfWeek.FRIDAY,
          "sat", DayOfWeek.SATURDAY,
          "sun", DayOfWeek.SUNDAY);

  private AvailabilityNotation() {}

  /**
   * The shifts of the notation; times are checked later with the other fields.
   *
   * @throws IllegalArgumentException naming the part that cannot be read
   */
  static List<ShiftInput> parse(String notation) {
    List<ShiftInput> shifts = new ArrayList<>();
    for (String part : notation.split(";")) {
      String shift = part.strip().toLowerCase(Locale.ROOT);
      if (shift.isEmpty()) {
        continue;
      }
      Matcher matcher = SHIFT.matcher(shift);
      if (!matcher.matches()) {
        throw new IllegalArgumentException(
            "'" + part.strip() + "' is not a shift like 'mon-fri 09:00-17:00' (days mon..sun, times HH:mm)");
      }
      DayOfWeek first = day(matcher.group(1));
      DayOfWeek last = matcher.group(2) == null ? first : day(matcher.group(2));
      String start = zeroPadded(matcher.group(3));
      String end = zeroPadded(matcher.group(4));
      for (DayOfWeek day = first; ; day = day.plus(1)) {
        shifts.add(new ShiftInput(day, start, end));
        if (day == last) {
          break;
        }
      }
    }
    return shifts;
  }

  private static DayOfWeek day(String token) {
    DayOfWeek day = DAYS.get(token);
    if (day == null) {
      throw new IllegalArgumentException("'" + token + "' is not a day (mon, tue, wed, thu, fri, sat, sun)");
    }
    return day;
  }

  private static String zeroPadded(String time) {
    return time.length() == 4 ? "0" + time : time;
  }
}
