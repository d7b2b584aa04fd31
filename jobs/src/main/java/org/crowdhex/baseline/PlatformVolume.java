package org.crowdhex.baseline;

import java.util.Arrays;

/**
 * How busy the platform is in one window compared with the baseline, read from the venues
 * themselves: the median over the venues of observed / expected distinct authors (each venue's sum
 * over its cells). It feeds {@link VolumeScaler}, which rescales every expectation by it.
 *
 * <p>The median is what keeps a crowd from rescaling itself away: a gathering at one venue, or at a
 * minority of them, does not move it, while a platform that is busier (or quieter) everywhere at
 * once does. That needs several venues: with fewer than {@value #MIN_VENUES} whose expectation is
 * at least {@value #MIN_EXPECTED} author per window, the window says nothing (ratio 1). A
 * baseline's own {@code volume} (the sum of its cells' expectations, or the stream's posts) would
 * count the very crowds the monitor is for.
 */
public final class PlatformVolume {
  /** Venues needed for a median that no single crowd decides. */
  public static final int MIN_VENUES = 3;

  /** A venue expected to have fewer authors per window is too noisy to say anything. */
  public static final double MIN_EXPECTED = 1.0;

  private PlatformVolume() {}

  /**
   * The median of observed / expected over the venues expected to have at least {@value
   * #MIN_EXPECTED} author; 1 when fewer than {@value #MIN_VENUES} are.
   *
   * @param observed each venue's distinct authors in the window (summed over its cells), 0 or more
   * @param expected each venue's expected authors in the window, in the same order
   */
  public static double ratio(double[] observed, double[] expected) {
    if (observed.length != expected.length) {
      throw new IllegalArgumentException(
          observed.length
              + " observed and "
              + expected.length
              + " expected volumes; accepted: one of each per venue");
    }
    double[] ratios = new double[observed.length];
    int n = 0;
    for (int i = 0; i < observed.length; i++) {
      if (!(observed[i] >= 0) || Double.isNaN(expected[i])) {
        throw new IllegalArgumentException(
            "venue "
                + i
                + " has observed "
                + observed[i]
                + " and expected "
                + expected[i]
                + "; accepted: numbers, the observed 0 or more");
      }
      if (expected[i] >= MIN_EXPECTED) ratios[n++] = observed[i] / expected[i];
    }
    if (n < MIN_VENUES) return 1.0;
    Arrays.sort(ratios, 0, n);
    return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
  }
}
