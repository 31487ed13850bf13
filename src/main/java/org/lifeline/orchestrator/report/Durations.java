package org.lifeline.orchestrator.report;

import java.util.Arrays;

/**
 * Waits in seconds, collected one by one; percentiles as SQL's {@code percentile_cont} computes them (linear
 * interpolation between the two nearest values of the sorted list).
 */
final class Durations {

  private long[] values = new long[64];
  private int size;
  private boolean sorted = true;

  void add(long seconds) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = seconds;
    sorted = false;
  }

  int count() {
    return size;
  }

  /**
   * @param fraction 0.5 for the median, 0.9 for the 90th percentile
   * @return null when there is no value
   */
  Double percentile(double fraction) {
    if (size == 0) {
      return null;
    }
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
    double position = fraction * (size - 1);
    int below = (int) Math.floor(position);
    int above = (int) Math.ceil(position);
    return values[below] + (position - below) * (values[above] - values[below]);
  }
}
