package org.crowdhex.tile;

import java.io.Serializable;

/**
 * The address of one 256-pixel map tile in the XYZ scheme of web maps (the "slippy map" tile names
 * of OpenStreetMap, Google and every Web Mercator client): zoom {@code z}, column {@code x} counted
 * east from the antimeridian and row {@code y} counted south from the northern edge of the Web
 * Mercator square (EPSG:3857), so that at zoom z there are 2^z × 2^z tiles. This is not TMS, whose
 * rows count north.
 *
 * <p>Tiles are ordered by zoom, then column, then row; {@link #encode()} packs a tile into a {@code
 * long} with the same order, for use as a key.
 *
 * @param z zoom, 0 to {@value #MAX_ZOOM}
 * @param x column, 0 to 2^z - 1
 * @param y row, 0 to 2^z - 1
 */
public record TileCoord(int z, int x, int y) implements Comparable<TileCoord>, Serializable {

  /** The deepest zoom supported; its tiles are about 2.4 m across at the equator. */
  public static final int MAX_ZOOM = 24;

  // z needs 5 bits and x and y 24 each, so 53 bits hold a tile and z in the top bits makes the
  // packed order the record order.
  private static final int ROW_BITS = 24;
  private static final int ZOOM_SHIFT = 2 * ROW_BITS;
  private static final long ROW_MASK = (1L << ROW_BITS) - 1;

  public TileCoord {
    if (z < 0 || z > MAX_ZOOM) {
      throw new IllegalArgumentException(
          "tile zoom is " + z + "; expected a whole number from 0 to " + MAX_ZOOM);
    }
    int last = (1 << z) - 1;
    if (x < 0 || x > last || y < 0 || y > last) {
      throw new IllegalArgumentException(
          "tile "
              + z
              + "/"
              + x
              + "/"
              + y
              + " does not exist; at zoom "
              + z
              + " x and y run from 0 to "
              + last);
    }
  }

  /** The tile with column x and row y at zoom z, arguments in the order of the scheme's name. */
  public static TileCoord ofXYZ(int x, int y, int z) {
    return new TileCoord(z, x, y);
  }

  /** Reads a tile written as {@code z/x/y}, as in tile URLs and {@link #toString()}. */
  public static TileCoord parse(String zxy) {
    String[] parts = zxy.split("/", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "tile is \"" + zxy + "\"; expected z/x/y, like 11/1049/673");
    }
    try {
      return new TileCoord(
          Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "tile is \"" + zxy + "\"; expected three whole numbers z/x/y, like 11/1049/673", e);
    }
  }

  /** Packs a tile into a long without making a {@link TileCoord}; the arguments are not checked. */
  public static long encode(int z, int x, int y) {
    return ((long) z << ZOOM_SHIFT) | ((long) x << ROW_BITS) | y;
  }

  /** This tile packed into a long; packed tiles sort like {@link #compareTo}. */
  public long encode() {
    return encode(z, x, y);
  }

  /** The tile that {@link #encode()} packed. */
  public static TileCoord decode(long code) {
    long z = code >>> ZOOM_SHIFT;
    if (z > MAX_ZOOM) {
      throw new IllegalArgumentException(
          "0x" + Long.toHexString(code) + " is not a packed tile: its zoom would be " + z);
    }
    return new TileCoord((int) z, (int) ((code >>> ROW_BITS) & ROW_MASK), (int) (code & ROW_MASK));
  }

  /** The tile one zoom out that covers this one. */
  public TileCoord parent() {
    if (z == 0) {
      throw new IllegalStateException("tile 0/0/0 covers the whole world and has no parent");
    }
    return new TileCoord(z - 1, x >> 1, y >> 1);
  }

  @Override
  public int compareTo(TileCoord other) {
    int byZoom = Integer.compare(z, other.z);
    if (byZoom != 0) {
      return byZoom;
    }
    int byColumn = Integer.compare(x, other.x);
    return byColumn != 0 ? byColumn : Integer.compare(y, other.y);
  }

  /** The tile as {@code z/x/y}, the path of an XYZ tile URL. */
  @Override
  public String toString() {
    return z + "/" + x + "/" + y;
  }
}
