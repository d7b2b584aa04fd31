package org.crowdhex.baseline;

/**
 * Resolution and parent of an H3 cell index by bit arithmetic on the documented index layout
 * (h3geo.org, "H3 Index": mode in bits 59-62, resolution in bits 52-55, then fifteen 3-bit digits
 * from resolution 1 down to 15, unused digits set to 7). Equal to {@code H3Core.getResolution} and
 * {@code H3Core.cellToParent}, which the tests check; done here so that a {@link Baseline} looks up
 * an unknown cell's parent without allocating and without the native library, which is not
 * serializable and would have to be loaded on every Flink task.
 */
final class H3Cells {
  private static final int RESOLUTION_SHIFT = 52;
  private static final long RESOLUTION_MASK = 0xFL << RESOLUTION_SHIFT;
  private static final int MODE_SHIFT = 59;
  private static final long CELL_MODE = 1;
  private static final int MAX_RESOLUTION = 15;

  private H3Cells() {}

  static int resolution(long cell) {
    return (int) ((cell & RESOLUTION_MASK) >>> RESOLUTION_SHIFT);
  }

  /** Whether the index is in cell mode, the only mode a density record carries. */
  static boolean isCellIndex(long cell) {
    return ((cell >>> MODE_SHIFT) & 0xF) == CELL_MODE && cell > 0;
  }

  /**
   * The ancestor at a coarser resolution.
   *
   * @param cell a cell index
   * @param parentResolution from 0 to the cell's own resolution
   */
  static long parent(long cell, int parentResolution) {
    long index = (cell & ~RESOLUTION_MASK) | ((long) parentResolution << RESOLUTION_SHIFT);
    // The digits finer than the parent's resolution become "unused" (all ones).
    int unusedDigits = MAX_RESOLUTION - parentResolution;
    long unusedMask = unusedDigits == 0 ? 0 : (1L << (3 * unusedDigits)) - 1;
    return index | unusedMask;
  }

  static String toText(long cell) {
    return Long.toHexString(cell);
  }
}
