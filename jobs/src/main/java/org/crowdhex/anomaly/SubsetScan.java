package org.crowdhex.anomaly;

import java.util.Arrays;

/**
 * Finds, around one centre cell, the subset of its H3 neighbourhood and the number of recent
 * windows whose crowd is most anomalous under the expectation-based Poisson score ({@link
 * PoissonScore}).
 *
 * <p>The method is Neill's linear-time subset scan (LTSS; D. B. Neill, "Fast subset scan for
 * spatial pattern detection", JRSS-B 74(2), 2012) applied as his fast localized scan: the
 * neighbourhood is {@code gridDisk(centre, r)} for r = 1 or 2 (7 or 19 cells). For each duration d
 * = 1..D the observed counts c<sub>i</sub> and expected counts b<sub>i</sub> of each cell are
 * summed over the newest d windows, the cells are sorted by c<sub>i</sub>/b<sub>i</sub> descending,
 * and only the n prefixes of that order are scored: LTSS proves that the highest-scoring subset of
 * any score with the LTSS property, the expectation-based Poisson score among them, is one of them.
 * The result is the exact optimum over all 2<sup>n</sup> − 1 subsets and all durations, in O(D·n
 * log n) instead of O(D·2<sup>n</sup>).
 *
 * <p>Subsets are unconstrained by default ({@link CentreRule#ANY_SUBSET}): the region may leave out
 * the centre and need not be connected. That is the case for which LTSS is exact without further
 * search; compactness comes from the small disk itself, and since every cell is the centre of its
 * own scan, a hot spot off-centre in one disk is found whole in the disk of its own centre.
 * Overlapping regions of neighbouring centres are the caller's to merge. {@link
 * CentreRule#CONTAINS_CENTRE} keeps the region anchored on the centre, as in Kulldorff's circular
 * scan; it stays exact because with the centre forced in, the best completion is still a prefix of
 * the remaining cells in c/b order. Connectivity is not enforced under either rule: exact connected
 * scans need a search that this per-window, per-centre loop cannot afford.
 *
 * <p>Each cell and window's expected count is raised to at least {@link PoissonScore#MIN_EXPECTED}
 * before summing, per cell rather than per region, because a floor on the region's sum would break
 * the ordering argument that makes the scan exact.
 *
 * <p>Ties are broken deterministically: cells of equal ratio are ordered by ascending cell id, the
 * shortest prefix and the shortest duration of equal score win. An instance reuses its working
 * arrays between scans and is therefore not thread-safe: keep one per operator instance.
 */
public final class SubsetScan {

  /** Which subsets of the neighbourhood count as regions. */
  public enum CentreRule {
    /** Any non-empty subset, with or without the centre. */
    ANY_SUBSET,
    /** Only subsets that contain the centre cell. */
    CONTAINS_CENTRE
  }

  private final CentreRule rule;
  private double[] sumObserved = new double[0];
  private double[] sumExpected = new double[0];
  private double[] ratio = new double[0];
  private int[] order = new int[0];
  private int[] best = new int[0];

  /** A scan over unconstrained subsets ({@link CentreRule#ANY_SUBSET}). */
  public SubsetScan() {
    this(CentreRule.ANY_SUBSET);
  }

  public SubsetScan(CentreRule rule) {
    if (rule == null) {
      throw new IllegalArgumentException(
          "the centre rule is null; accepted: " + Arrays.toString(CentreRule.values()));
    }
    this.rule = rule;
    ensureCapacity(19);
  }

  public CentreRule rule() {
    return rule;
  }

  /**
   * Scans one centre's neighbourhood.
   *
   * @param centre the centre cell; must be one of {@code cells}
   * @param cells the neighbourhood, e.g. {@code gridDisk(centre, r)}; distinct cells in any order
   * @param observed distinct authors, {@code observed[w][i]} for window w and cell {@code
   *     cells[i]}; the windows oldest first, newest last, D = {@code observed.length} ≥ 1
   * @param expected the baseline's expected authors, the same shape; values below {@link
   *     PoissonScore#MIN_EXPECTED} are raised to it
   * @return the best region over durations 1..D, or {@link ScanResult#nothing} when no region holds
   *     more authors than expected
   */
  public ScanResult scan(long centre, long[] cells, int[][] observed, double[][] expected) {
    int centreIndex = validate(centre, cells, observed, expected);
    int n = cells.length;
    int windows = observed.length;
    ensureCapacity(n);
    Arrays.fill(sumObserved, 0, n, 0);
    Arrays.fill(sumExpected, 0, n, 0);

    double bestScore = 0;
    int bestLength = 0;
    int bestDuration = 0;
    long bestObserved = 0;
    double bestExpected = 0;
    for (int duration = 1; duration <= windows; duration++) {
      // Durations grow by one window into the past, so the sums extend rather than restart.
      int[] observedNow = observed[windows - duration];
      double[] expectedNow = expected[windows - duration];
      for (int i = 0; i < n; i++) {
        sumObserved[i] += observedNow[i];
        sumExpected[i] += Math.max(expectedNow[i], PoissonScore.MIN_EXPECTED);
        ratio[i] = sumObserved[i] / sumExpected[i];
      }
      // A forced centre heads the order, and the rest sort behind it.
      int first = 0;
      if (rule == CentreRule.CONTAINS_CENTRE) {
        order[first++] = centreIndex;
      }
      int sorted = first;
      for (int i = 0; i < n; i++) {
        if (rule == CentreRule.ANY_SUBSET || i != centreIndex) {
          insert(i, first, sorted++, cells);
        }
      }
      double c = 0;
      double b = 0;
      int improvedLength = 0;
      for (int length = 1; length <= n; length++) {
        int i = order[length - 1];
        c += sumObserved[i];
        b += sumExpected[i];
        double score = PoissonScore.unchecked(c, b);
        if (score > bestScore) {
          bestScore = score;
          improvedLength = length;
          bestObserved = (long) c;
          bestExpected = b;
        }
      }
      if (improvedLength > 0) {
        System.arraycopy(order, 0, best, 0, improvedLength);
        bestLength = improvedLength;
        bestDuration = duration;
      }
    }
    if (bestLength == 0) {
      return ScanResult.nothing(centre);
    }
    long[] region = new long[bestLength];
    for (int k = 0; k < bestLength; k++) {
      region[k] = cells[best[k]];
    }
    Arrays.sort(region);
    return new ScanResult(centre, bestScore, region, bestDuration, bestObserved, bestExpected);
  }

  /**
   * Insertion sort step: at most 19 cells, already nearly in order from the previous duration in
   * practice, and no boxing or comparator allocation as a library sort of indices would need.
   */
  private void insert(int index, int first, int filled, long[] cells) {
    int at = filled;
    while (at > first && before(index, order[at - 1], cells)) {
      order[at] = order[at - 1];
      at--;
    }
    order[at] = index;
  }

  private boolean before(int a, int b, long[] cells) {
    if (ratio[a] != ratio[b]) {
      return ratio[a] > ratio[b];
    }
    return cells[a] < cells[b];
  }

  private void ensureCapacity(int n) {
    if (sumObserved.length < n) {
      sumObserved = new double[n];
      sumExpected = new double[n];
      ratio = new double[n];
      order = new int[n];
      best = new int[n];
    }
  }

  private static int validate(long centre, long[] cells, int[][] observed, double[][] expected) {
    if (cells == null || cells.length == 0) {
      throw new IllegalArgumentException(
          "the neighbourhood has no cells; accepted: the centre and its neighbours, e.g."
              + " gridDisk(centre, 1) or gridDisk(centre, 2)");
    }
    int centreIndex = -1;
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] == centre) {
        centreIndex = i;
      }
      for (int j = 0; j < i; j++) {
        if (cells[j] == cells[i]) {
          throw new IllegalArgumentException(
              "the neighbourhood lists cell "
                  + Long.toHexString(cells[i])
                  + " twice; accepted: distinct cells");
        }
      }
    }
    if (centreIndex < 0) {
      throw new IllegalArgumentException(
          "the neighbourhood lacks the centre "
              + Long.toHexString(centre)
              + "; accepted: cells that include the centre, as gridDisk(centre, r) does");
    }
    if (observed == null || expected == null || observed.length == 0) {
      throw new IllegalArgumentException(
          "the scan has no windows; accepted: observed and expected counts for 1 or more windows");
    }
    if (expected.length != observed.length) {
      throw new IllegalArgumentException(
          "the expected counts cover "
              + expected.length
              + " windows; accepted: as many as the observed counts ("
              + observed.length
              + ")");
    }
    for (int w = 0; w < observed.length; w++) {
      if (observed[w] == null || observed[w].length != cells.length) {
        throw new IllegalArgumentException(
            "the observed counts of window "
                + w
                + " have "
                + (observed[w] == null ? "none" : observed[w].length)
                + " values; accepted: one per cell ("
                + cells.length
                + ")");
      }
      if (expected[w] == null || expected[w].length != cells.length) {
        throw new IllegalArgumentException(
            "the expected counts of window "
                + w
                + " have "
                + (expected[w] == null ? "none" : expected[w].length)
                + " values; accepted: one per cell ("
                + cells.length
                + ")");
      }
      for (int i = 0; i < cells.length; i++) {
        if (observed[w][i] < 0) {
          throw new IllegalArgumentException(
              "the observed count of cell "
                  + Long.toHexString(cells[i])
                  + " in window "
                  + w
                  + " is "
                  + observed[w][i]
                  + "; accepted: 0 or more authors");
        }
        double b = expected[w][i];
        if (!(b >= 0) || b == Double.POSITIVE_INFINITY) {
          throw new IllegalArgumentException(
              "the expected count of cell "
                  + Long.toHexString(cells[i])
                  + " in window "
                  + w
                  + " is "
                  + b
                  + "; accepted: a finite number of authors, 0 or more");
        }
      }
    }
    return centreIndex;
  }
}
