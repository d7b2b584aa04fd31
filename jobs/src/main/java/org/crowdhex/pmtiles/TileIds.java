package org.crowdhex.pmtiles;

/**
 * PMTiles tile ids: the position of a tile on the series of Hilbert curves that fill zoom 0, 1, 2…
 * one after the other, so (0,0,0) is 0, the four tiles of zoom 1 are 1 to 4 and zoom z starts at
 * (4<sup>z</sup> - 1) / 3.
 *
 * <p>Ordering tile data by these ids keeps tiles that are close on the map close in the file, which
 * is what "clustered" promises readers. See section 4.1 of the <a
 * href="https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md">PMTiles v3 spec</a>.
 */
public final class TileIds {
  /** Deepest zoom whose ids still fit a signed long. */
  public static final int MAX_ZOOM = 31;

  private TileIds() {}

  /** A tile as zoom, column and row (XYZ scheme, y down). */
  public record Zxy(int z, int x, int y) {}

  /** The id of tile z/x/y. */
  public static long zxyToTileId(int z, int x, int y) {
    if (z < 0 || z > MAX_ZOOM) {
      throw new IllegalArgumentException("zoom must be in [0, " + MAX_ZOOM + "], got " + z);
    }
    long n = 1L << z;
    if (x < 0 || x >= n || y < 0 || y >= n) {
      throw new IllegalArgumentException(
          "tile " + z + "/" + x + "/" + y + " is outside the zoom's 0.." + (n - 1) + " range");
    }
    long tx = x;
    long ty = y;
    long d = 0;
    for (long s = n >>> 1; s > 0; s >>>= 1) {
      long rx = (tx & s) != 0 ? 1 : 0;
      long ry = (ty & s) != 0 ? 1 : 0;
      d += s * s * ((3 * rx) ^ ry);
      // Rotate the quadrant so the curve inside it starts and ends where its neighbours need.
      if (ry == 0) {
        if (rx == 1) {
          tx = s - 1 - (tx & (s - 1));
          ty = s - 1 - (ty & (s - 1));
        }
        long t = tx;
        tx = ty;
        ty = t;
      }
    }
    return zoomStart(z) + d;
  }

  /** The tile with this id. */
  public static Zxy tileIdToZxy(long tileId) {
    if (tileId < 0) {
      throw new IllegalArgumentException("tile id must not be negative, got " + tileId);
    }
    int z = 0;
    while (z < MAX_ZOOM && zoomStart(z + 1) <= tileId) {
      z++;
    }
    long t = tileId - zoomStart(z);
    if (t >= (1L << z) * (1L << z)) {
      throw new IllegalArgumentException("tile id " + tileId + " is beyond zoom " + MAX_ZOOM);
    }
    long x = 0;
    long y = 0;
    long n = 1L << z;
    for (long s = 1; s < n; s <<= 1) {
      long rx = 1 & (t >>> 1);
      long ry = 1 & (t ^ rx);
      if (ry == 0) {
        if (rx == 1) {
          x = s - 1 - x;
          y = s - 1 - y;
        }
        long tmp = x;
        x = y;
        y = tmp;
      }
      x += s * rx;
      y += s * ry;
      t >>>= 2;
    }
    return new Zxy(z, (int) x, (int) y);
  }

  /** The id of tile z/0/0: the number of tiles in all coarser zooms. */
  static long zoomStart(int z) {
    return ((1L << (2 * z)) - 1) / 3;
  }
}
