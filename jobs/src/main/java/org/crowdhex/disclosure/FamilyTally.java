package org.crowdhex.disclosure;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.crowdhex.density.Tally;
import org.crowdhex.locate.LocatedPost;

/**
 * The running counts of the children of one H3 parent cell in one window: each child's posts and
 * distinct authors, kept apart so that {@link MinimumCrowd#rollUpFamily} can publish the large ones
 * as they are and merge the small ones. A public POJO (arrays, no map) for Flink window state.
 */
public class FamilyTally {
  /** The children seen, in the order first seen; null until the first post. */
  public long[] cells;

  /** Each child's tally, parallel to {@link #cells}. */
  public Tally[] tallies;

  /** How many children are held. */
  public int size;

  public FamilyTally() {}

  public FamilyTally add(LocatedPost p) {
    tallyOf(p.cell()).add(p);
    return this;
  }

  public FamilyTally merge(FamilyTally other) {
    for (int i = 0; i < other.size; i++) tallyOf(other.cells[i]).merge(other.tallies[i]);
    return this;
  }

  /** Each child's tally, by cell (the tallies themselves, not copies). */
  public Map<Long, Tally> children() {
    Map<Long, Tally> out = new TreeMap<>();
    for (int i = 0; i < size; i++) out.put(cells[i], tallies[i]);
    return out;
  }

  private Tally tallyOf(long cell) {
    for (int i = 0; i < size; i++) {
      if (cells[i] == cell) return tallies[i];
    }
    if (cells == null) {
      cells = new long[7]; // an H3 parent has seven children (a pentagon six)
      tallies = new Tally[7];
    } else if (size == cells.length) {
      cells = Arrays.copyOf(cells, size * 2);
      tallies = Arrays.copyOf(tallies, size * 2);
    }
    cells[size] = cell;
    tallies[size] = new Tally();
    return tallies[size++];
  }
}
