package org.crowdhex.alert;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * One region found by the scan statistic in one window: the best region around a centre cell, with
 * the observed and expected counts of each of its cells, so that overlapping regions can be merged
 * without counting a cell twice.
 *
 * <p>Counts are distinct authors in the window; expected counts are the baseline for the same cell
 * and window, in the same unit.
 *
 * @param centre the H3 cell the scan centred the region on; one of {@code cells}
 * @param cells the region's H3 cells, each once
 * @param observed observed count C of each cell, parallel to {@code cells}
 * @param expected expected count B of each cell, parallel to {@code cells}
 * @param score the scan's score of the whole region
 */
public record Hotspot(long centre, long[] cells, int[] observed, double[] expected, double score) {

  public Hotspot {
    if (cells == null || cells.length == 0) {
      throw new IllegalArgumentException(
          "hotspot cells is empty; accepted: at least one H3 cell (the region)");
    }
    if (observed == null || observed.length != cells.length) {
      throw new IllegalArgumentException(
          "hotspot observed has "
              + (observed == null ? "no" : observed.length)
              + " values for "
              + cells.length
              + " cells; accepted: one observed count per cell");
    }
    if (expected == null || expected.length != cells.length) {
      throw new IllegalArgumentException(
          "hotspot expected has "
              + (expected == null ? "no" : expected.length)
              + " values for "
              + cells.length
              + " cells; accepted: one expected count per cell");
    }
    cells = cells.clone();
    observed = observed.clone();
    expected = expected.clone();
    Set<Long> seen = new HashSet<>();
    boolean hasCentre = false;
    for (int i = 0; i < cells.length; i++) {
      if (!seen.add(cells[i])) {
        throw new IllegalArgumentException(
            "hotspot cells lists "
                + Long.toHexString(cells[i])
                + " twice; accepted: each cell of the region once");
      }
      if (observed[i] < 0) {
        throw new IllegalArgumentException(
            "hotspot observed of cell "
                + Long.toHexString(cells[i])
                + " is "
                + observed[i]
                + "; accepted: a count of 0 or more");
      }
      if (!(expected[i] > 0) || !Double.isFinite(expected[i])) {
        throw new IllegalArgumentException(
            "hotspot expected of cell "
                + Long.toHexString(cells[i])
                + " is "
                + expected[i]
                + "; accepted: a finite count above 0");
      }
      hasCentre |= cells[i] == centre;
    }
    if (!hasCentre) {
      throw new IllegalArgumentException(
          "hotspot centre "
              + Long.toHexString(centre)
              + " is not among its cells; accepted: one of the region's cells");
    }
    if (!Double.isFinite(score) || score < 0) {
      throw new IllegalArgumentException(
          "hotspot score is " + score + "; accepted: a finite score of 0 or more");
    }
  }

  /** A region of one cell, the scan's smallest result. */
  public static Hotspot ofCell(long cell, int observed, double expected, double score) {
    return new Hotspot(
        cell, new long[] {cell}, new int[] {observed}, new double[] {expected}, score);
  }

  /** Number of cells in the region. */
  public int size() {
    return cells.length;
  }

  /** The i-th cell, without copying the array. */
  public long cell(int i) {
    return cells[i];
  }

  /** Observed count of the i-th cell. */
  public int observedAt(int i) {
    return observed[i];
  }

  /** Expected count of the i-th cell. */
  public double expectedAt(int i) {
    return expected[i];
  }

  /** A copy: the record stays immutable. */
  @Override
  public long[] cells() {
    return cells.clone();
  }

  /** A copy: the record stays immutable. */
  @Override
  public int[] observed() {
    return observed.clone();
  }

  /** A copy: the record stays immutable. */
  @Override
  public double[] expected() {
    return expected.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hotspot h
        && centre == h.centre
        && Double.compare(score, h.score) == 0
        && Arrays.equals(cells, h.cells)
        && Arrays.equals(observed, h.observed)
        && Arrays.equals(expected, h.expected);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(centre) + Arrays.hashCode(cells);
  }

  @Override
  public String toString() {
    return "Hotspot[centre="
        + Long.toHexString(centre)
        + ", cells="
        + cells.length
        + ", score="
        + score
        + "]";
  }
}
