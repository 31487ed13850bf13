package org.lifeline.orchestrator.report;

/** How the reports page writes times: the largest two units, e.g. {@code 3 h 05 min}; a dash for none. */
public final class ReportFormat {

  private static final long MINUTE = 60;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  /** A time in seconds as people read it; a dash when there is none. */
  public String duration(Double seconds) {
    if (seconds == null) {
      return "—";
    }
    long whole = Math.round(seconds);
    if (whole < MINUTE) {
      return whole + " s";
    }
    if (whole < HOUR) {
      return whole / MINUTE + " min";
    }
    if (whole < DAY) {
      return "%d h %02d min".formatted(whole / HOUR, whole % HOUR / MINUTE);
    }
    return "%d d %d h".formatted(whole / DAY, whole % DAY / HOUR);
  }

  /** A share from 0 to 1 as a percentage; a dash when there is none. */
  public String share(Double share) {
    return share == null ? "—" : Math.round(share * 100) + "%";
  }
}
