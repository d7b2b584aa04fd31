package org.crowdhex.anomaly;

import java.util.Arrays;

/**
 * The most anomalous region around one centre cell: the best subset of its neighbourhood over the
 * best number of recent windows, as found by {@link SubsetScan}.
 *
 * @param centre the H3 cell whose neighbourhood was scanned
 * @param score the expectation-based Poisson score of the region, in nats ({@link PoissonScore}); 0
 *     when no region holds more authors than expected
 * @param cells the region's H3 cells, ascending; empty when the score is 0
 * @param duration how many of the newest windows the region spans, 1 or more; 0 when empty
 * @param observed distinct authors observed in the region, summed over its cells and windows
 * @param expected distinct authors expected there, with each cell and window's expectation raised
 *     to at least {@link PoissonScore#MIN_EXPECTED}; 0 when empty
 */
public record ScanResult(
    long centre, double score, long[] cells, int duration, long observed, double expected) {

  public ScanResult {
    if (!(score >= 0) || Double.isInfinite(score)) {
      throw new IllegalArgumentException(
          "the score is " + score + "; accepted: a finite number, 0 or more");
    }
    if (cells == null) {
      throw new IllegalArgumentException("the cells are null; accepted: an array, maybe empty");
    }
    cells = cells.clone();
    for (int i = 1; i < cells.length; i++) {
      if (cells[i - 1] >= cells[i]) {
        throw new IllegalArgumentException(
            "the cells are "
                + Arrays.toString(cells)
                + "; accepted: distinct cells in ascending order");
      }
    }
    boolean empty = cells.length == 0;
    if (empty != (score == 0)) {
      throw new IllegalArgumentException(
          "the score is "
              + score
              + " with "
              + cells.length
              + " cells; accepted: a score of 0 with no cells, or a positive score with cells");
    }
    if (empty ? duration != 0 : duration < 1) {
      throw new IllegalArgumentException(
          "the duration is "
              + duration
              + " windows; accepted: "
              + (empty ? "0 for an empty region" : "1 or more"));
    }
    if (observed < 0) {
      throw new IllegalArgumentException(
          "the observed count is " + observed + "; accepted: 0 or more authors");
    }
    if (empty ? expected != 0 : !(expected > 0) || Double.isInfinite(expected)) {
      throw new IllegalArgumentException(
          "the expected count is "
              + expected
              + "; accepted: "
              + (empty ? "0 for an empty region" : "a finite number of authors above 0"));
    }
  }

  /** The result when nothing around {@code centre} holds more authors than expected. */
  public static ScanResult nothing(long centre) {
    return new ScanResult(centre, 0, new long[0], 0, 0, 0);
  }

  /** The region's cells, ascending; a copy, so the result stays immutable. */
  @Override
  public long[] cells() {
    return cells.clone();
  }

  public boolean isEmpty() {
    return cells.length == 0;
  }

  /** Observed over expected authors, C/B, the relative risk of the region; 0 when empty. */
  public double ratio() {
    return isEmpty() ? 0 : observed / expected;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ScanResult that
        && centre == that.centre
        && Double.compare(score, that.score) == 0
        && Arrays.equals(cells, that.cells)
        && duration == that.duration
        && observed == that.observed
        && Double.compare(expected, that.expected) == 0;
  }

  @Override
  public int hashCode() {
    int hash = Long.hashCode(centre);
    hash = 31 * hash + Double.hashCode(score);
    hash = 31 * hash + Arrays.hashCode(cells);
    hash = 31 * hash + duration;
    hash = 31 * hash + Long.hashCode(observed);
    return 31 * hash + Double.hashCode(expected);
  }

  @Override
  public String toString() {
    return "ScanResult[centre="
        + Long.toHexString(centre)
        + ", score="
        + score
        + ", cells="
        + Arrays.stream(cells).mapToObj(Long::toHexString).toList()
        + ", duration="
        + duration
        + ", observed="
        + observed
        + ", expected="
        + expected
        + "]";
  }
}
