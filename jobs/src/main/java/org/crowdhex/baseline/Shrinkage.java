package org.crowdhex.baseline;

import java.io.Serializable;

/**
 * How a sparse cell's estimate borrows strength from its H3 parent, and the least any cell is
 * expected to have.
 *
 * <p>For one cell and one hour-of-week slot the estimate is the credibility (empirical-Bayes)
 * weighted mean
 *
 * <pre>
 *   b = (n * mean + m * prior) / (n + m),   then   b = max(b, floorAuthors)
 * </pre>
 *
 * where {@code mean} is the cell's mean distinct authors per window in that slot (windows without a
 * post count as 0), {@code n} the number of those windows in which the cell had at least one
 * author, {@code m} = {@link #pseudoWindows}, and {@code prior} the parent's mean per watched child
 * cell in the same slot, the parent taken {@link #parentLevels} resolutions coarser. A cell seen in
 * many windows keeps close to its own mean; a cell seen in one or two is pulled toward its
 * neighbourhood; a cell never seen gets the prior.
 *
 * @param parentLevels how many resolutions coarser the parent is; 1 to 4 (1: about 7 children)
 * @param pseudoWindows {@code m}, the weight of the prior in windows with authors; 0 turns
 *     shrinkage off
 * @param floorAuthors the least expected distinct authors per window, so that a score dividing by
 *     the expectation never divides by zero; greater than 0
 */
public record Shrinkage(int parentLevels, double pseudoWindows, double floorAuthors)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One level up, a prior worth 5 windows with authors, a floor of 0.05 authors per window. */
  public static final Shrinkage DEFAULT = new Shrinkage(1, 5, 0.05);

  public Shrinkage {
    if (parentLevels < 1 || parentLevels > 4) {
      throw new IllegalArgumentException(
          "shrinkage.parent_levels is "
              + parentLevels
              + "; accepted: a whole number from 1 to 4 (1 takes the parent of about 7 cells)");
    }
    if (!(pseudoWindows >= 0) || Double.isInfinite(pseudoWindows)) {
      throw new IllegalArgumentException(
          "shrinkage.pseudo_windows is "
              + pseudoWindows
              + "; accepted: a finite number of windows, 0 or more (0 turns shrinkage off)");
    }
    if (!(floorAuthors > 0) || Double.isInfinite(floorAuthors)) {
      throw new IllegalArgumentException(
          "shrinkage.floor_authors is "
              + floorAuthors
              + "; accepted: a finite number of authors greater than 0, e.g. 0.05");
    }
  }

  /** The credibility-weighted estimate with the floor applied, as described above. */
  double estimate(double mean, long windowsWithAuthors, double prior) {
    double n = windowsWithAuthors;
    double b =
        n + pseudoWindows == 0 ? mean : (n * mean + pseudoWindows * prior) / (n + pseudoWindows);
    return Math.max(b, floorAuthors);
  }
}
