package org.crowdhex.alert;

import java.util.Arrays;

/**
 * Touching hotspots of one venue and window merged into one crowd: the union of their cells, the
 * observed count C and expected count B summed over that union (each cell once), and the scan score
 * of its strongest hotspot.
 *
 * @param cells the union of the hotspots' cells, ascending
 * @param observed C, distinct authors over the union
 * @param expected B, expected authors over the union
 * @param score the highest scan score among the merged hotspots
 */
public record Incident(long[] cells, long observed, double expected, double score) {

  public Incident {
    if (cells == null || cells.length == 0) {
      throw new IllegalArgumentException("incident cells is empty; accepted: at least one H3 cell");
    }
    cells = cells.clone();
    if (observed < 0) {
      throw new IllegalArgumentException(
          "incident observed is " + observed + "; accepted: a count of 0 or more");
    }
    if (!(expected > 0) || !Double.isFinite(expected)) {
      throw new IllegalArgumentException(
          "incident expected is " + expected + "; accepted: a finite count above 0");
    }
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException(
          "incident score is " + score + "; accepted: a finite score");
    }
  }

  /** A copy: the record stays immutable. */
  @Override
  public long[] cells() {
    return cells.clone();
  }

  /** C / B. */
  public double ratio() {
    return observed / expected;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Incident i
        && observed == i.observed
        && Double.compare(expected, i.expected) == 0
        && Double.compare(score, i.score) == 0
        && Arrays.equals(cells, i.cells);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(cells);
  }

  @Override
  public String toString() {
    return "Incident[cells="
        + cells.length
        + ", observed="
        + observed
        + ", expected="
        + expected
        + ", score="
        + score
        + "]";
  }
}
