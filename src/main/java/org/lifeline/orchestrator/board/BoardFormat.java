package org.lifeline.orchestrator.board;

import java.time.Duration;
import java.time.Instant;

/** How the console's board writes a wait (board.js writes it the same way when it refreshes). */
public final class BoardFormat {

  /** "under a minute", "12 min", "2 h 05 min", "3 d 4 h". */
  public String waited(Instant since, Instant now) {
    Duration waited = Duration.between(since, now);
    if (waited.toMinutes() < 1) {
      return "under a minute";
    }
    if (waited.toHours() < 1) {
      return waited.toMinutes() + " min";
    }
    if (waited.toDays() < 1) {
      return waited.toHours() + " h " + String.format("%02d", waited.toMinutesPart()) + " min";
    }
    return waited.toDays() + " d " + waited.toHoursPart() + " h";
  }

  /** The first 8 characters of an id, as the console shows request ids. */
  public String shortId(Object id) {
    return id.toString().substring(0, 8);
  }
}
