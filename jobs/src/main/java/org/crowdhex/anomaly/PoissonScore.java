package org.crowdhex.anomaly;

/**
 * The expectation-based Poisson scan statistic of a region: how much more likely its observed crowd
 * is under a raised rate than under the baseline.
 *
 * <p>For a region with observed count {@code C} (distinct authors, summed over its cells and
 * windows) and expected count {@code B} (the baseline's authors for the same cells and windows),
 * the score is the log-likelihood ratio of the alternative "the counts are Poisson with mean {@code
 * qB}, {@code q > 1}" against the null "mean {@code B}", maximised over {@code q} (the maximum is
 * at {@code q = C/B}):
 *
 * <pre>F(C, B) = C ln(C/B) + B − C   when C &gt; B,   else 0.</pre>
 *
 * <p>This is the score of Neill's expectation-based Poisson scan (Neill, Moore, Sabhnani and
 * Daniel, "Detection of emerging space-time clusters", KDD 2005; Neill, "Fast subset scan for
 * spatial pattern detection", JRSS-B 74(2), 2012), which differs from Kulldorff's population-based
 * scan statistic (Kulldorff 1997) in that the expectation comes from history, not from the rest of
 * the map — a match day raises every cell, and Kulldorff's ratio inside/outside would hide that.
 * The score is in nats; {@code 2F} is the usual likelihood-ratio statistic.
 *
 * <p>An expected count below {@link #MIN_EXPECTED} is raised to it rather than rejected: a cell
 * nobody posted from in the baseline's history has {@code B = 0}, which is routine at the fringe of
 * a zone, and would make one passer-by an infinitely surprising crowd. Half an author per cell and
 * window keeps single authors unremarkable while a real crowd still scores high. Negative, infinite
 * or NaN inputs are bugs upstream and are rejected.
 */
public final class PoissonScore {
  /** The smallest expected count used, in distinct authors; smaller baselines are raised to it. */
  public static final double MIN_EXPECTED = 0.5;

  private PoissonScore() {}

  /**
   * The score of a region.
   *
   * @param observed distinct authors observed in the region, C ≥ 0
   * @param expected distinct authors the baseline expects there, B ≥ 0; raised to {@link
   *     #MIN_EXPECTED}
   * @return F ≥ 0, in nats; 0 when the region holds no more authors than expected
   */
  public static double score(double observed, double expected) {
    if (!(observed >= 0) || observed == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "the observed count is "
              + observed
              + "; accepted: a finite number of authors, 0 or more");
    }
    if (!(expected >= 0) || expected == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "the expected count is "
              + expected
              + "; accepted: a finite number of authors, 0 or more (below "
              + MIN_EXPECTED
              + " it is raised to "
              + MIN_EXPECTED
              + ")");
    }
    return unchecked(observed, Math.max(expected, MIN_EXPECTED));
  }

  /** The score for inputs already known to be valid, with {@code expected > 0}: the scan's loop. */
  static double unchecked(double observed, double expected) {
    if (observed <= expected) {
      return 0;
    }
    // log1p keeps the ratio's logarithm exact when C is close to B in large regions.
    return observed * Math.log1p((observed - expected) / expected) + expected - observed;
  }
}
