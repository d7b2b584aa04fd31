package org.crowdhex.anomaly;

import java.util.SplittableRandom;

/**
 * A per-cell Poisson CUSUM for slow build-ups: a crowd that gathers over hours, each window only a
 * little above the baseline, which no single window's scan finds remarkable.
 *
 * <p>After each window with observed count C<sub>t</sub> (distinct authors) and baseline
 * expectation B<sub>t</sub>,
 *
 * <pre>S_t = max(0, S_{t−1} + C_t·ln k − (k − 1)·B_t),   alarm when S_t ≥ h.</pre>
 *
 * <p>The increment is the log-likelihood ratio of one window under "the rate is k times the
 * baseline" against "the rate is the baseline", so S is Page's CUSUM of log-likelihood ratios, in
 * nats, tuned to detect a rise by the factor k. With a constant B it is the Poisson CUSUM of Lucas
 * ("Counted data CUSUMs", Technometrics 27(2), 1985) scaled by ln k: Lucas' reference value is K =
 * (k − 1)B / ln k and his decision interval h / ln k. Writing it with B<sub>t</sub> inside the sum
 * lets the baseline change from window to window (the hour of day, the day of week) without
 * re-tuning. Expectations below {@link PoissonScore#MIN_EXPECTED} are raised to it.
 *
 * <p><b>Choosing h.</b> The in-control average run length ARL<sub>0</sub>, the mean number of
 * windows between false alarms when the counts follow the baseline, grows roughly exponentially in
 * h: for a CUSUM of log-likelihood ratios, ARL<sub>0</sub> ≥ e<sup>h</sup> (Lorden 1971, from
 * Wald's inequality), and the discrete Poisson overshoot makes the true value larger, by an amount
 * that depends on k and B. So h = ln(ARL<sub>0</sub>) is a conservative start — h = ln(2016) ≈ 7.6
 * for one false alarm per week of 5-minute windows at most — and {@link #falseAlarmRate} measures
 * the actual rate by simulation for calibration. Larger k reacts faster to big rises and slower to
 * small ones.
 *
 * <p>A mutable value with public fields and a no-argument constructor, so that Flink keeps it as
 * keyed POJO state per cell. The caller decides what to do after an alarm; {@link #reset()}
 * restarts the statistic.
 */
public final class PoissonCusum {
  /** The default rate ratio to detect: a doubling of the crowd. */
  public static final double DEFAULT_RATE_RATIO = 2;

  /** The default decision threshold, in nats: ln(2016), at least a week of 5-minute windows. */
  public static final double DEFAULT_THRESHOLD = Math.log(2016);

  /** k, the rise in rate the CUSUM is tuned to detect, above 1. */
  public double rateRatio;

  /** h, the decision threshold, in nats, above 0. */
  public double threshold;

  /** S, the statistic, in nats. */
  public double statistic;

  /** Windows since S last stood at 0. */
  public int windowsSinceZero;

  /** The defaults: k = 2, h = ln(2016); also what Flink's POJO serializer needs. */
  public PoissonCusum() {
    this(DEFAULT_RATE_RATIO, DEFAULT_THRESHOLD);
  }

  public PoissonCusum(double rateRatio, double threshold) {
    checkParameters(rateRatio, threshold);
    this.rateRatio = rateRatio;
    this.threshold = threshold;
  }

  /**
   * Adds one window.
   *
   * @param observed distinct authors in the cell and window, 0 or more
   * @param expected the baseline's expectation for them, 0 or more; raised to {@link
   *     PoissonScore#MIN_EXPECTED}
   * @return the new statistic and whether it reached, or just crossed, the threshold
   */
  public CusumStep update(int observed, double expected) {
    // Checked on every window too: Flink may have restored fields that no constructor saw.
    checkParameters(rateRatio, threshold);
    if (observed < 0) {
      throw new IllegalArgumentException(
          "the observed count is " + observed + "; accepted: 0 or more authors");
    }
    if (!(expected >= 0) || expected == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "the expected count is "
              + expected
              + "; accepted: a finite number of authors, 0 or more");
    }
    double before = statistic;
    double b = Math.max(expected, PoissonScore.MIN_EXPECTED);
    statistic = Math.max(0, before + observed * Math.log(rateRatio) - (rateRatio - 1) * b);
    windowsSinceZero = statistic == 0 ? 0 : windowsSinceZero + 1;
    boolean alarm = statistic >= threshold;
    return new CusumStep(statistic, alarm, alarm && before < threshold, windowsSinceZero);
  }

  /** Restarts from S = 0, e.g. after an alarm was raised or the event ended. */
  public void reset() {
    statistic = 0;
    windowsSinceZero = 0;
  }

  /**
   * The in-control false-alarm rate, in alarms per window, estimated by simulation: counts drawn
   * from a Poisson distribution with mean {@code expected} (the baseline holds exactly), the CUSUM
   * restarted after each alarm. Its inverse estimates ARL<sub>0</sub>. Deterministic for a seed.
   *
   * @param rateRatio k, above 1
   * @param threshold h, in nats, above 0
   * @param expected the baseline's expected authors per window, above 0
   * @param windows how many windows to simulate, 1 or more; about 100·ARL<sub>0</sub> gives a
   *     relative error near 10%
   * @param seed the random seed
   */
  public static double falseAlarmRate(
      double rateRatio, double threshold, double expected, long windows, long seed) {
    checkParameters(rateRatio, threshold);
    if (!(expected > 0) || Double.isInfinite(expected)) {
      throw new IllegalArgumentException(
          "the expected count is " + expected + "; accepted: a finite number of authors above 0");
    }
    if (windows < 1) {
      throw new IllegalArgumentException(
          "the simulation length is " + windows + " windows; accepted: 1 or more");
    }
    SplittableRandom random = new SplittableRandom(seed);
    PoissonCusum cusum = new PoissonCusum(rateRatio, threshold);
    long alarms = 0;
    for (long w = 0; w < windows; w++) {
      if (cusum.update(poisson(random, expected), expected).alarm()) {
        alarms++;
        cusum.reset();
      }
    }
    return (double) alarms / windows;
  }

  /**
   * An exact Poisson draw: Knuth's product of uniforms, on pieces of the mean small enough that
   * e<sup>−mean</sup> does not underflow, summed (a sum of Poissons is Poisson).
   */
  static int poisson(SplittableRandom random, double mean) {
    int total = 0;
    double left = mean;
    while (left > 0) {
      double piece = Math.min(left, 30);
      left -= piece;
      double limit = Math.exp(-piece);
      double product = random.nextDouble();
      while (product > limit) {
        total++;
        product *= random.nextDouble();
      }
    }
    return total;
  }

  private static void checkParameters(double rateRatio, double threshold) {
    if (!(rateRatio > 1) || Double.isInfinite(rateRatio)) {
      throw new IllegalArgumentException(
          "the CUSUM rate ratio k is "
              + rateRatio
              + "; accepted: a finite number above 1, the rise to detect (2 for a doubling)");
    }
    if (!(threshold > 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException(
          "the CUSUM threshold h is "
              + threshold
              + "; accepted: a finite number of nats above 0 (about ln of the windows between"
              + " false alarms)");
    }
  }

  @Override
  public String toString() {
    return "PoissonCusum[k="
        + rateRatio
        + ", h="
        + threshold
        + ", S="
        + statistic
        + ", windowsSinceZero="
        + windowsSinceZero
        + "]";
  }
}
