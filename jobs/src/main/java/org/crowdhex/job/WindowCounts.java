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

  /**
   * Appends a window and keeps the windows of the last {@code keep} slides in time, the new one
   * included: windows older than that are dropped, and a slide between two kept windows in which
   * the venue had no post at all becomes a row of zeros. A scan region over the last d windows then
   * spans d slides of time, not the last d windows that happened to have posts.
   */
  void append(long start, int[] row, int keep, long slide) {
    long oldest = start - (keep - 1) * slide;
    long from = windows() == 0 ? start : Math.max(oldest, Math.min(starts[0], start));
    int w = (int) ((start - from) / slide) + 1;
    long[] s = new long[w];
    int[] a = new int[w * cells];
    for (int k = 0; k < w; k++) s[k] = from + k * slide;
    for (int k = 0; k < windows(); k++) {
      long at = starts[k];
      if (at < from || at >= start || (at - from) % slide != 0) continue;
      System.arraycopy(authors, k * cells, a, (int) ((at - from) / slide) * cells, cells);
    }
    System.arraycopy(row, 0, a, (w - 1) * cells, cells);
    starts = s;
    authors = a;
  }

  /**
   * Takes a late revision of a window no newer than the newest kept: replaces that window's row
   * when it is still kept.
   *
   * @return false when {@code start} is newer than every kept window (then it is no revision)
   */
  boolean revise(long start, int[] row) {
    if (windows() == 0 || start > starts[windows() - 1]) return false;
    for (int k = 0; k < windows(); k++) {
      if (starts[k] == start) System.arraycopy(row, 0, authors, k * cells, cells);
    }
    return true;
  }
}
