package org.lifeline.orchestrator.escalation.risk;

import java.util.Locale;
import org.lifeline.orchestrator.request.RiskLevel;

/** Confusion counts of the risk detector for one scope of a phrase table (all rows, a language, a category). */
final class RiskScore {
  private int truePositives;
  private int falsePositives;
  private int falseNegatives;
  private int trueNegatives;

  void add(boolean risk, boolean flagged) {
    if (risk && flagged) {
      truePositives++;
    } else if (flagged) {
      falsePositives++;
    } else if (risk) {
      falseNegatives++;
    } else {
      trueNegatives++;
    }
  }

  int rows() {
    return truePositives + falsePositives + falseNegatives + trueNegatives;
  }

  int truePositives() {
    return truePositives;
  }

  int falsePositives() {
    return falsePositives;
  }

  double precision() {
    int flagged = truePositives + falsePositives;
    return flagged == 0 ? 1.0 : (double) truePositives / flagged;
  }

  double recall() {
    int risky = truePositives + falseNegatives;
    return risky == 0 ? 1.0 : (double) truePositives / risky;
  }

  String describe(String scope) {
    return String.format(
        Locale.ROOT,
        "[%s] precision=%.3f recall=%.3f (risk rows %d, no-risk rows %d; TP=%d FP=%d FN=%d TN=%d)",
        scope,
        precision(),
        recall(),
        truePositives + falseNegatives,
        falsePositives + trueNegatives,
        truePositives,
        falsePositives,
        falseNegatives,
        trueNegatives);
  }

  /** Of the risk rows that need HIGH (an emergency), how many the detector puts at HIGH. */
  static final class HighAgreement {
    private int rows;
    private int atHigh;

    void add(RiskLevel detected) {
      rows++;
      if (detected == RiskLevel.HIGH) {
        atHigh++;
      }
    }

    int rows() {
      return rows;
    }

    int atHigh() {
      return atHigh;
    }

    double share() {
      return rows == 0 ? 1.0 : (double) atHigh / rows;
    }

    String describe() {
      return String.format(
          Locale.ROOT, "[rows that need HIGH] detected at HIGH=%.3f (%d of %d)", share(), atHigh, rows);
    }
  }
}
