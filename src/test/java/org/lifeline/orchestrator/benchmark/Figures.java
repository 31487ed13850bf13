package org.lifeline.orchestrator.benchmark;

import java.util.Collection;

/** Percentiles of measured durations (nearest rank on the sorted values). */
record Figures(int count, double p50, double p95, double p99, double max) {

  static Figures ofMillis(Collection<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return new Figures(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Figures(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1]);
  }

  private static double rank(double[] sorted, double percentile) {
    int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  @Override
  public String toString() {
    return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", p50, p95, p99, max, count);
  }
}
