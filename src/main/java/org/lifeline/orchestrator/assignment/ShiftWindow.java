package org.lifeline.orchestrator.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/**
 * One stored shift: a weekday and minutes of the day [start, end) in the specialist's time zone,
 * never crossing midnight (a night shift is stored as two windows).
 */
@Embeddable
public record ShiftWindow(
    @Column(name = "weekday", nullable = false) int weekday,
    @Column(name = "start_minute", nullable = false) int startMinute,
    @Column(name = "end_minute", nullable = false) int endMinute) {

  static final int MINUTES_PER_DAY = 24 * 60;

  public ShiftWindow {
    if (weekday < 1 || weekday > 7 || startMinute < 0 || endMinute > MINUTES_PER_DAY || startMinute >= endMinute) {
      throw new IllegalArgumentException("Invalid shift window " + weekday + " " + startMinute + "-" + endMinute);
    }
  }

  /**
   * The stored windows of a shift as entered: from {@code start} on {@code day} to {@code end}
   * (minutes of the day, 0-1440). An end at or before the start runs into the next day; equal start
   * and end mean 24 hours.
   */
  static List<ShiftWindow> of(DayOfWeek day, int start, int end) {
    List<ShiftWindow> windows = new ArrayList<>(2);
    int endOfFirstDay = end > start ? end : MINUTES_PER_DAY;
    windows.add(new ShiftWindow(day.getValue(), start, endOfFirstDay));
    if (end <= start && end > 0) {
      windows.add(new ShiftWindow(day.plus(1).getValue(), 0, end));
    }
    return windows;
  }

  public DayOfWeek day() {
    return DayOfWeek.of(weekday);
  }

  public String start() {
    return ShiftInput.format(startMinute);
  }

  public String end() {
    return ShiftInput.format(endMinute);
  }
}
