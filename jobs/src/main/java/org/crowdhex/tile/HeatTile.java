package org.crowdhex.tile;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One drawn heat tile: 256 × 256 pixels, each a level of the run's {@link HeatScale} (0 is
 * transparent), row by row from the tile's north-west corner. Storing levels rather than colours
 * keeps a tile at a quarter of the memory and lets {@link PngEncoder} write it as a palette PNG.
 *
 * <p>A tile is never empty: the renderer returns none instead. Instances are immutable.
 */
public final class HeatTile {
  /** Width and height in pixels. */
  public static final int SIZE = WebMercator.TILE_SIZE;

  private final TileCoord tile;
  private final HeatScale scale;
  private final byte[] levels;
  private final int maxLevel;

  /** Takes the levels without copying them: only the renderer makes tiles. */
  HeatTile(TileCoord tile, HeatScale scale, byte[] levels, int maxLevel) {
    this.tile = Objects.requireNonNull(tile, "tile");
    this.scale = Objects.requireNonNull(scale, "scale");
    if (levels.length != SIZE * SIZE) {
      throw new IllegalArgumentException(
          "a heat tile has " + SIZE * SIZE + " pixels, not " + levels.length);
    }
    this.levels = levels;
    this.maxLevel = maxLevel;
  }

  public TileCoord tile() {
    return tile;
  }

  public HeatScale scale() {
    return scale;
  }

  /** The highest level any pixel has, 1 to 255. */
  public int maxLevel() {
    return maxLevel;
  }

  /** The level of the pixel in column x and row y (0 to 255, from the north-west corner). */
  public int level(int x, int y) {
    return levels[index(x, y)] & 0xFF;
  }

  /** The colour of the pixel in column x and row y, as non-premultiplied 0xAARRGGBB. */
  public int argb(int x, int y) {
    return scale.argbOfLevel(level(x, y));
  }

  /** The pixels' levels, row by row. */
  public byte[] levels() {
    return levels.clone();
  }

  /** The pixels' colours as non-premultiplied 0xAARRGGBB, row by row. */
  public int[] toArgb() {
    int[] argb = new int[levels.length];
    for (int p = 0; p < levels.length; p++) {
      argb[p] = scale.argbOfLevel(levels[p] & 0xFF);
    }
    return argb;
  }

  /** The tile as an ARGB image. */
  public BufferedImage toImage() {
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, SIZE, SIZE, toArgb(), 0, SIZE);
    return image;
  }

  /** The levels themselves, for the encoder, which only reads them. */
  byte[] sharedLevels() {
    return levels;
  }

  private static int index(int x, int y) {
    if (x < 0 || x >= SIZE || y < 0 || y >= SIZE) {
      throw new IndexOutOfBoundsException(
          "pixel (" + x + ", " + y + ") is outside the tile; x and y run from 0 to " + (SIZE - 1));
    }
    return y * SIZE + x;
  }

  @Override
  public String toString() {
    return "HeatTile[" + tile + ", levels up to " + maxLevel + "]";
  }
}
