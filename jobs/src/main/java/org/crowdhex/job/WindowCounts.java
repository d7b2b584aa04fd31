package org.crowdhex.job;

/**
 * The counts of one venue's cells in the recent windows, kept as Flink state: a ring of {@code
 * windows} rows over the venue's cover, oldest first. A public POJO with flat arrays so Flink's
 * POJO serializer keeps it.
 */
public class WindowCounts {
  /** Start of each stored window, oldest first, epoch ms. */
  public long[] starts = new long[0];

  /** Authors per window and cover cell, row-major: {@code authors[w * cells + i]}. */
  public int[] authors = new int[0];

  public int cells;

  public WindowCounts() {}

  WindowCounts(int cells) {
    this.cells = cells;
  }

  int windows() {
    return starts.length;
  }

  /** Appends a window, dropping the oldest beyond {@code keep}. */
  void append(long start, int[] row, int keep) {
    int w = Math.min(windows() + 1, keep);
    long[] s = new long[w];
    int[] a = new int[w * cells];
    int drop = windows() + 1 - w;
    for (int k = drop; k < windows(); k++) {
      s[k - drop] = starts[k];
      System.arraycopy(authors, k * cells, a, (k - drop) * cells, cells);
    }
    s[w - 1] = start;
    System.arraycopy(row, 0, a, (w - 1) * cells, cells);
    starts = s;
    authors = a;
  }
}
