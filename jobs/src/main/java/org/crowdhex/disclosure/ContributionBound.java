package org.crowdhex.disclosure;

import java.util.Arrays;

/**
 * Contribution bounding for the noisy release: one author counts in at most {@code maxCells}
 * distinct cells per window, so adding or removing the author changes one window's counts by at
 * most {@code maxCells} in total, the sensitivity {@link DiscreteLaplace} needs. The first cells an
 * author is seen in within a window are kept; later posts in other cells of that window are left
 * out of the release (they still count everywhere else).
 *
 * <p>The state a keyed operator holds per author: the (window, cell) pairs admitted so far. A
 * public mutable POJO so Flink keeps it with its POJO serializer; call {@link #forgetBefore(long)}
 * as windows close, which keeps it to a few pairs per open window.
 */
public class ContributionBound {
  /** Window starts of the admitted pairs, epoch ms. Null until the first pair. */
  public long[] windows;

  /** Cells of the admitted pairs, parallel to {@link #windows}. */
  public long[] cells;

  /** How many pairs are held. */
  public int size;

  public ContributionBound() {}

  /**
   * Whether the author's post in {@code cell} counts in the window starting at {@code windowStart}:
   * yes if the cell is already admitted there or fewer than {@code maxCells} are.
   */
  public boolean admit(long windowStart, long cell, int maxCells) {
    int inWindow = 0;
    for (int i = 0; i < size; i++) {
      if (windows[i] == windowStart) {
        if (cells[i] == cell) return true;
        inWindow++;
      }
    }
    if (inWindow >= maxCells) return false;
    if (windows == null) {
      windows = new long[4];
      cells = new long[4];
    } else if (size == windows.length) {
      windows = Arrays.copyOf(windows, size * 2);
      cells = Arrays.copyOf(cells, size * 2);
    }
    windows[size] = windowStart;
    cells[size] = cell;
    size++;
    return true;
  }

  /** Forgets the windows that start before the given instant (epoch ms): they are closed. */
  public void forgetBefore(long windowStart) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (windows[i] >= windowStart) {
        windows[kept] = windows[i];
        cells[kept] = cells[i];
        kept++;
      }
    }
    size = kept;
  }

  public boolean isEmpty() {
    return size == 0;
  }
}
