package org.crowdhex.anomaly;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The Poisson CUSUMs of every cell of one venue, for crowds that gather too slowly for the scan to
 * see in its few windows (a camp that grows over hours). Each cell's statistic adds the
 * log-likelihood ratio of a rate {@code k} times the expectation against the expectation, {@code C
 * ln k − (k − 1) B}, floored at 0 ({@link PoissonCusum}); a cell whose statistic reaches {@code h}
 * raises an alarm and starts again from 0.
 *
 * <p>Feed it windows that do not overlap (with sliding windows, every {@code size / slide}-th one):
 * the CUSUM assumes independent counts. By Wald's inequality a CUSUM's mean run to a false alarm is
 * at least {@code e^h} windows when the expectations hold; so {@link #thresholdFor} takes {@code h
 * = ln(N · windows per day · cells)}, which bounds a venue's false alarms to one per N days.
 *
 * <p>A plain POJO (public fields, no-argument constructor) for Flink's keyed state.
 */
public final class CellCusums implements Serializable {
  /** k, the rate ratio the CUSUMs are tuned to, above 1. */
  public double rateRatio;

  /** h, the decision threshold in nats, above 0. */
  public double threshold;

  /** Each cell's statistic S. */
  public double[] statistic;

  /** Windows since each cell's S last stood at 0. */
  public int[] windows;

  /** Authors observed in each cell since its S last stood at 0. */
  public long[] observed;

  /** Authors expected in each cell over the same windows. */
  public double[] expected;

  /** For Flink's POJO serializer. */
  public CellCusums() {}

  /**
   * @param cells the venue's cells
   * @param rateRatio k, above 1
   * @param threshold h in nats, above 0
   */
  public CellCusums(int cells, double rateRatio, double threshold) {
    if (!(rateRatio > 1) || Double.isInfinite(rateRatio)) {
      throw new IllegalArgumentException(
          "the build-up rate ratio is " + rateRatio + "; accepted: a finite number above 1");
    }
    if (!(threshold > 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException(
          "the build-up threshold is " + threshold + " nats; accepted: a finite number above 0");
    }
    this.rateRatio = rateRatio;
    this.threshold = threshold;
    this.statistic = new double[cells];
    this.windows = new int[cells];
    this.observed = new long[cells];
    this.expected = new double[cells];
  }

  /**
   * The threshold that bounds a venue's false alarms to one per {@code daysPerFalseAlarm} days:
   * {@code ln(days · windowsPerDay · cells)}.
   */
  public static double thresholdFor(double daysPerFalseAlarm, double windowsPerDay, int cells) {
    if (!(daysPerFalseAlarm > 0) || !(windowsPerDay > 0) || cells < 1) {
      throw new IllegalArgumentException(
          "days "
              + daysPerFalseAlarm
              + ", windows per day "
              + windowsPerDay
              + ", cells "
              + cells
              + "; accepted: positive numbers");
    }
    return Math.log(daysPerFalseAlarm * windowsPerDay * Math.max(cells, 1));
  }

  /**
   * Adds one window.
   *
   * @param counts distinct authors per cell, in the cells' order
   * @param expectations expected authors per cell (raised to {@link PoissonScore#MIN_EXPECTED})
   * @return the cells that reached the threshold in this window, each then started again from 0
   */
  public List<CusumAlarm> update(int[] counts, double[] expectations) {
    if (counts.length != statistic.length || expectations.length != statistic.length) {
      throw new IllegalArgumentException(
          counts.length
              + " counts and "
              + expectations.length
              + " expectations; accepted: one of each for the "
              + statistic.length
              + " cells");
    }
    List<CusumAlarm> alarms = new ArrayList<>(0);
    double lnK = Math.log(rateRatio);
    for (int i = 0; i < statistic.length; i++) {
      double b = Math.max(expectations[i], PoissonScore.MIN_EXPECTED);
      double s = statistic[i] + counts[i] * lnK - (rateRatio - 1) * b;
      if (s <= 0) {
        statistic[i] = 0;
        windows[i] = 0;
        observed[i] = 0;
        expected[i] = 0;
        continue;
      }
      statistic[i] = s;
      windows[i]++;
      observed[i] += counts[i];
      expected[i] += b;
      if (s >= threshold) {
        alarms.add(new CusumAlarm(i, s, windows[i], observed[i], expected[i]));
        statistic[i] = 0;
        windows[i] = 0;
        observed[i] = 0;
        expected[i] = 0;
      }
    }
    return alarms;
  }

  /** Whether every statistic stands at 0: nothing is building up. */
  public boolean isQuiet() {
    for (double s : statistic) {
      if (s > 0) return false;
    }
    return true;
  }

  /**
   * One cell's alarm.
   *
   * @param index the cell's index in the venue's cells
   * @param statistic S when it reached the threshold, in nats
   * @param windows windows since S last stood at 0: how long the build-up has been going on
   * @param observed authors observed in the cell over those windows
   * @param expected authors expected over them
   */
  public record CusumAlarm(
      int index, double statistic, int windows, long observed, double expected) {}
}
