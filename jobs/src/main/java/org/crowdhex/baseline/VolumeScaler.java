package org.crowdhex.baseline;

/**
 * The optional rescale of expectations by the stream's current total volume, so that an outage of
 * the platform (or a sudden rise of the whole platform) does not look like an evacuation (or a
 * gathering) everywhere at once.
 *
 * <p>Each window gives a raw factor {@code observed total / expected total}, where the expected
 * total is {@link Baseline#expectedVolume} for the window's hour of the week and the observed total
 * the same quantity now (the whole stream's posts when the baseline's volume source is {@code
 * "stream"}). The raw factor is clamped to [{@value #MIN_FACTOR}, {@value #MAX_FACTOR}]: beyond a
 * fivefold change the cause is no longer "the platform is busier" and rescaling would hide the very
 * crowd the monitor is for; and an empty window (raw 0) must not scale every expectation to 0.
 *
 * <p>The factors are smoothed exponentially in log space: {@code log f = a * log raw + (1 - a) *
 * log f}. Log space makes a halving and a doubling weigh alike; the smoothing (default {@code a} =
 * 1/3, i.e. about the last 5 windows, 25 minutes at a 5-minute slide) keeps one noisy window from
 * moving every expectation. The factor starts at 1: until the stream shows otherwise, volume is
 * normal (and a stream's first windows are partial anyway). Not thread-safe. A Flink POJO (public
 * fields, a no-argument constructor), so it lives in keyed state field by field.
 */
public final class VolumeScaler {

  /** The least factor: a drop to a fifth of the usual volume. */
  public static final double MIN_FACTOR = 0.2;

  /** The greatest factor: a rise to five times the usual volume. */
  public static final double MAX_FACTOR = 5.0;

  /** Weight of the newest window, about the last 5 windows. */
  public static final double DEFAULT_SMOOTHING = 1.0 / 3.0;

  /** The weight of the newest window. */
  public double smoothing;

  /** The smoothed factor's logarithm. */
  public double logFactor;

  /** Windows taken so far. */
  public long windows;

  /** A scaler with the {@link #DEFAULT_SMOOTHING default smoothing}. */
  public VolumeScaler() {
    this(DEFAULT_SMOOTHING);
  }

  /**
   * @param smoothing the weight of the newest window, greater than 0 and at most 1 (1: no
   *     smoothing)
   */
  public VolumeScaler(double smoothing) {
    if (!(smoothing > 0 && smoothing <= 1)) {
      throw new IllegalArgumentException(
          "smoothing is "
              + smoothing
              + "; accepted: a weight greater than 0 and at most 1 (1 turns smoothing off)");
    }
    this.smoothing = smoothing;
  }

  /**
   * The clamped factor of one window, before smoothing.
   *
   * @param expectedTotal the baseline's expected volume; 0 or less means unknown, giving 1
   * @param observedTotal the window's observed volume, 0 or more
   */
  public static double rawFactor(double expectedTotal, double observedTotal) {
    if (Double.isNaN(expectedTotal) || !(observedTotal >= 0)) {
      throw new IllegalArgumentException(
          "volumes are expected "
              + expectedTotal
              + " and observed "
              + observedTotal
              + "; accepted: numbers, the observed 0 or more");
    }
    if (expectedTotal <= 0) {
      return 1.0;
    }
    return Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, observedTotal / expectedTotal));
  }

  /**
   * Takes the next window's volumes and returns the smoothed factor to multiply that window's
   * expectations by.
   */
  public double update(double expectedTotal, double observedTotal) {
    double raw = rawFactor(expectedTotal, observedTotal);
    logFactor = smoothing * Math.log(raw) + (1 - smoothing) * logFactor;
    windows++;
    return factor();
  }

  /** The current factor, 1 before the first window; always within the clamp. */
  public double factor() {
    return Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, Math.exp(logFactor)));
  }

  /** An expectation rescaled by the current factor. */
  public double scale(double expected) {
    return expected * factor();
  }

  /** Windows taken so far. */
  public long windows() {
    return windows;
  }
}
