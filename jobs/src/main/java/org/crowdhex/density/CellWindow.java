package org.crowdhex.density;

import java.util.List;

/**
 * The crowd on one H3 cell in one window: the record of the density output.
 *
 * @param cell the H3 cell: at the plan's resolution, or one coarser for a rolled-up record
 * @param windowStart inclusive, epoch ms
 * @param windowEnd exclusive, epoch ms
 * @param posts posts in the cell and window
 * @param authors distinct authors
 * @param density distinct authors per km², from the cell's true area
 * @param venues ids of the venues whose zone holds the cell (for a rolled-up record, any of its
 *     member cells)
 * @param revision 0 when the window is first published; 1, 2... each time late posts change it
 * @param rolledUp whether the record is a parent cell standing for those of its children that had
 *     fewer authors than the minimum crowd on their own (see {@code disclosure.MinimumCrowd})
 */
public record CellWindow(
    long cell,
    long windowStart,
    long windowEnd,
    long posts,
    int authors,
    double density,
    List<String> venues,
    int revision,
    boolean rolledUp) {

  /** A cell's own record (not rolled up). */
  public CellWindow(
      long cell,
      long windowStart,
      long windowEnd,
      long posts,
      int authors,
      double density,
      List<String> venues,
      int revision) {
    this(cell, windowStart, windowEnd, posts, authors, density, venues, revision, false);
  }
}
