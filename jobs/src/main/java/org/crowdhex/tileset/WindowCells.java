package org.crowdhex.tileset;

/**
 * Every cell of one window as it stands at one revision: what the tiles of that revision are drawn
 * from. Parallel arrays keep it compact on the wire (one record per window, fanned out to tiles).
 *
 * @param windowStart epoch ms
 * @param windowEnd epoch ms
 * @param revision 0 when first published, then 1, 2... as late posts change the window
 * @param cells H3 cells
 * @param posts posts per cell
 * @param authors distinct authors per cell
 * @param density distinct authors per km² per cell
 */
public record WindowCells(
    long windowStart,
    long windowEnd,
    int revision,
    long[] cells,
    long[] posts,
    int[] authors,
    double[] density) {

  public String id() {
    return WindowId.of(windowStart, revision);
  }

  public int size() {
    return cells.length;
  }

  /** The highest density of the window, for the manifest. */
  public double maxDensity() {
    double max = 0;
    for (double d : density) max = Math.max(max, d);
    return max;
  }
}
