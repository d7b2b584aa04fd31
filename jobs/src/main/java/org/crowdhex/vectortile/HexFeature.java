package org.crowdhex.vectortile;

/**
 * One H3 cell of one window, as drawn in a tile: the polygon comes from the cell, the properties
 * from the counts and the anomaly marks.
 *
 * @param cell the H3 cell index; becomes the feature id and, as hex text, the {@code cell} property
 * @param posts posts in the cell and window, at least 0
 * @param authors distinct authors in the cell and window, at least 0
 * @param density distinct authors per km²
 * @param score the best anomaly scan score of a region containing the cell; 0 when none
 * @param alert the id of the open alert the cell is in, or null
 */
public record HexFeature(
    long cell, long posts, int authors, double density, double score, String alert) {

  public HexFeature {
    // A negative count would need the sint encoding and always means a bug upstream.
    if (posts < 0 || authors < 0) {
      throw new IllegalArgumentException(
          "posts and authors must not be negative, got " + posts + " and " + authors);
    }
    if (!Double.isFinite(score) || score < 0) {
      throw new IllegalArgumentException(
          "score of cell " + Long.toHexString(cell) + " is " + score + "; accepted: 0 or more");
    }
    if (alert != null && alert.isEmpty()) {
      throw new IllegalArgumentException(
          "alert of cell " + Long.toHexString(cell) + " is empty; accepted: an alert id or null");
    }
  }

  /** A cell with no anomaly marks: score 0, in no alert. */
  public HexFeature(long cell, long posts, int authors, double density) {
    this(cell, posts, authors, density, 0, null);
  }
}
