package org.crowdhex.anomaly;

import java.util.Arrays;

/**
 * When a venue's scan score becomes an alert, and when a critical one, calibrated from its own
 * event-free history to a target recurrence of false alerts.
 *
 * <p>Scores of the expectation-based Poisson scan ({@link PoissonScore}, in nats) have no
 * closed-form null distribution once maximised over subsets, durations, centres and the windows of
 * a day, so the thresholds are empirical, as Kulldorff's and Neill's scans do by randomisation, but
 * from real history rather than replicas: take the venue's highest score of each event-free day.
 * For "one false alert per N days", the threshold is the (1 − 1/N)-quantile of those daily maxima:
 * on a day like the history, the day's maximum exceeds it with probability 1/N.
 *
 * <p>The critical level is the (1 − 1/(10N))-quantile: one false critical alert per 10N days. An
 * empirical quantile that far out needs at least 10N days; with fewer, it is extrapolated along the
 * Gumbel tail that daily maxima follow (Fisher–Tippett): in that tail, dividing the exceedance
 * probability by 10 adds β·ln 10 to the quantile, with the scale β estimated from the maxima by
 * moments (β = s·√6/π, s their standard deviation).
 *
 * <p>Quantiles interpolate linearly between order statistics (Hyndman and Fan's definition 7, the
 * default of R and NumPy): the p-quantile of n sorted values x<sub>0</sub>..x<sub>n−1</sub> lies at
 * the fractional position p·(n−1).
 *
 * @param threshold scores above it are alerts, in nats, 0 or more
 * @param critical scores above it are critical alerts, in nats, at least the threshold
 */
public record ScanThresholds(double threshold, double critical) {
  public ScanThresholds {
    if (!(threshold >= 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException(
          "the alert threshold is " + threshold + "; accepted: a finite score, 0 or more");
    }
    if (!(critical >= threshold) || Double.isInfinite(critical)) {
      throw new IllegalArgumentException(
          "the critical level is "
              + critical
              + "; accepted: a finite score at least the alert threshold ("
              + threshold
              + ")");
    }
  }

  public boolean isAlert(double score) {
    return score > threshold;
  }

  public boolean isCritical(double score) {
    return score > critical;
  }

  /**
   * Thresholds for one false alert per {@code daysPerFalseAlert} days and one false critical alert
   * per ten times as many.
   *
   * @param dailyMaxima the venue's highest scan score on each event-free day, in any order; at
   *     least {@code daysPerFalseAlert} of them, since a rarer recurrence than the history is long
   *     cannot be read from it
   * @param daysPerFalseAlert N, above 1
   */
  public static ScanThresholds fromEventFreeDailyMaxima(
      double[] dailyMaxima, double daysPerFalseAlert) {
    if (!(daysPerFalseAlert > 1) || Double.isInfinite(daysPerFalseAlert)) {
      throw new IllegalArgumentException(
          "the days per false alert are "
              + daysPerFalseAlert
              + "; accepted: a finite number above 1");
    }
    if (dailyMaxima == null || dailyMaxima.length < Math.max(2, daysPerFalseAlert)) {
      throw new IllegalArgumentException(
          "the event-free history has "
              + (dailyMaxima == null ? 0 : dailyMaxima.length)
              + " days; accepted: at least "
              + (int) Math.ceil(Math.max(2, daysPerFalseAlert))
              + " days for one false alert per "
              + daysPerFalseAlert
              + " days");
    }
    double[] sorted = dailyMaxima.clone();
    for (int i = 0; i < sorted.length; i++) {
      if (!(sorted[i] >= 0) || Double.isInfinite(sorted[i])) {
        throw new IllegalArgumentException(
            "the maximum score of event-free day "
                + i
                + " is "
                + sorted[i]
                + "; accepted: a finite score, 0 or more");
      }
    }
    Arrays.sort(sorted);
    double threshold = quantile(sorted, 1 - 1 / daysPerFalseAlert);
    double rarer = 10 * daysPerFalseAlert;
    double critical;
    if (sorted.length >= rarer) {
      critical = quantile(sorted, 1 - 1 / rarer);
    } else {
      critical = threshold + gumbelScale(sorted) * Math.log(10);
    }
    return new ScanThresholds(threshold, Math.max(critical, threshold));
  }

  /**
   * The p-quantile of ascending values, interpolated linearly at position (n − 1)p (Hyndman and
   * Fan's definition 7).
   */
  public static double quantile(double[] ascending, double p) {
    if (ascending == null || ascending.length == 0) {
      throw new IllegalArgumentException("the sample is empty; accepted: 1 or more values");
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(
          "the quantile level is " + p + "; accepted: a probability from 0 to 1");
    }
    double position = (ascending.length - 1) * p;
    int below = (int) Math.floor(position);
    if (below >= ascending.length - 1) {
      return ascending[ascending.length - 1];
    }
    double fraction = position - below;
    return ascending[below] + fraction * (ascending[below + 1] - ascending[below]);
  }

  /** The Gumbel scale by the method of moments: the standard deviation times √6/π. */
  private static double gumbelScale(double[] sample) {
    double mean = 0;
    for (double x : sample) {
      mean += x;
    }
    mean /= sample.length;
    double squares = 0;
    for (double x : sample) {
      squares += (x - mean) * (x - mean);
    }
    double deviation = Math.sqrt(squares / (sample.length - 1));
    return deviation * Math.sqrt(6) / Math.PI;
  }
}
