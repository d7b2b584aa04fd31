package org.crowdhex.vectortile;

/**
 * One H3 cell of one window, as drawn in a tile: the polygon comes from the cell, the properties
 * from the counts.
 *
 * @param cell the H3 cell index; becomes the feature id and, as hex text, the {@code cell} property
 * @param posts posts in the cell and window, at least 0
 * @param authors distinct authors in the cell and window, at least 0
 * @param density distinct authors per km²
 */
public record HexFeature(long cell, long posts, int authors, double density) {

  public HexFeature {
    // A negative count would need the sint encoding and always means a bug upstream.
    if (posts < 0 || authors < 0) {
      throw new IllegalArgumentException(
          "posts and authors must not be negative, got " + posts + " and " + authors);
    }
  }
}
