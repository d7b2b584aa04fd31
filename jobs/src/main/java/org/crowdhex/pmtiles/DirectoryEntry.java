package org.crowdhex.pmtiles;

/**
 * One entry of a PMTiles directory.
 *
 * @param tileId Hilbert tile id of the (first) tile, see {@link TileIds}
 * @param offset for a tile, bytes from the start of the tile data section; for a leaf directory,
 *     bytes from the start of the leaf directories section
 * @param length bytes of the tile or leaf directory, as stored (compressed), always &gt; 0
 * @param runLength how many consecutive tile ids share this content; 0 marks a leaf directory
 */
public record DirectoryEntry(long tileId, long offset, int length, long runLength) {

  /** Whether the entry points at a leaf directory rather than at tile data. */
  public boolean isLeaf() {
    return runLength == 0;
  }
}
