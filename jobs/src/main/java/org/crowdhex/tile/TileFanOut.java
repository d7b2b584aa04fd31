package org.crowdhex.tile;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Which tiles a cell's kernel reaches: the tiles at each zoom of a range whose square the kernel's
 * disc (radius R around the cell's centre, in Web Mercator pixels at the cell's latitude) overlaps.
 * A tile rendered from every cell that fans out to it thus has every cell within R beyond its
 * edges, which is what makes neighbouring tiles agree along their shared edge.
 *
 * <p>The disc is tested against the tile's square, not its bounding box, so a cell near a tile
 * corner reaches the diagonal neighbour only when the disc really crosses the corner. Discs that
 * cross the antimeridian reach the tiles on its other side. Latitudes beyond Web Mercator's limit
 * are clamped to it, as the renderer does.
 *
 * <p>The calls that fill a caller's {@code long[]} allocate nothing; instances are immutable and
 * thread-safe.
 */
public final class TileFanOut implements Serializable {
  private static final long serialVersionUID = 1L;

  /** More than this many tiles per cell would swamp any job; it takes a radius of many tiles. */
  static final int MAX_TILES_PER_POINT = 1 << 20;

  private final HeatKernel kernel;
  private final int minZoom;
  private final int maxZoom;
  private final int maxTilesPerPoint;

  /** A fan-out for a kernel over the zooms {@code minZoom} to {@code maxZoom}, both included. */
  public TileFanOut(HeatKernel kernel, int minZoom, int maxZoom) {
    this.kernel = Objects.requireNonNull(kernel, "kernel");
    if (minZoom < 0 || minZoom > maxZoom || maxZoom > TileCoord.MAX_ZOOM) {
      throw new IllegalArgumentException(
          "tile zooms "
              + minZoom
              + " to "
              + maxZoom
              + "; expected 0 <= min <= max <= "
              + TileCoord.MAX_ZOOM);
    }
    this.minZoom = minZoom;
    this.maxZoom = maxZoom;
    long bound = 0;
    for (int z = minZoom; z <= maxZoom; z++) {
      bound += maxTilesAt(z);
    }
    if (bound > MAX_TILES_PER_POINT) {
      throw new IllegalArgumentException(
          "a kernel of "
              + kernel.radiusMetres()
              + " m can reach "
              + bound
              + " tiles from one cell at zooms "
              + minZoom
              + " to "
              + maxZoom
              + "; use a smaller radius or a lower top zoom");
    }
    this.maxTilesPerPoint = (int) bound;
  }

  public HeatKernel kernel() {
    return kernel;
  }

  public int minZoom() {
    return minZoom;
  }

  public int maxZoom() {
    return maxZoom;
  }

  /**
   * The most tiles one point can fan out to over the zoom range (at the Web Mercator limit, where
   * the pixels are smallest on the ground): the size of a buffer for {@link #tiles}.
   */
  public int maxTilesPerPoint() {
    return maxTilesPerPoint;
  }

  /**
   * Writes the packed tiles ({@link TileCoord#encode()}) the point's kernel reaches at every zoom
   * of the range into {@code out} from index 0, zoom by zoom, each tile once, and returns how many.
   *
   * @param out at least {@link #maxTilesPerPoint()} long
   */
  public int tiles(double lat, double lon, long[] out) {
    int count = 0;
    for (int z = minZoom; z <= maxZoom; z++) {
      count = tilesAt(lat, lon, z, out, count);
    }
    return count;
  }

  /** The tiles the point's kernel reaches at every zoom of the range, sorted. */
  public List<TileCoord> tileCoords(double lat, double lon) {
    long[] out = new long[maxTilesPerPoint];
    int count = tiles(lat, lon, out);
    Arrays.sort(out, 0, count);
    List<TileCoord> tiles = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      tiles.add(TileCoord.decode(out[i]));
    }
    return tiles;
  }

  /**
   * Writes the packed tiles the point's kernel reaches at zoom z into {@code out} from {@code
   * offset}, and returns the offset after the last one written.
   */
  public int tilesAt(double lat, double lon, int z, long[] out, int offset) {
    if (!(lat >= -90 && lat <= 90) || !Double.isFinite(lon)) {
      throw new IllegalArgumentException(
          "point at lat "
              + lat
              + ", lon "
              + lon
              + "; expected a lat in [-90, 90] and a finite lon");
    }
    int n = WebMercator.tilesPerSide(z);
    double world = WebMercator.worldPixels(z);
    double px = WebMercator.pixelX(lon, z);
    double py = WebMercator.pixelY(lat, z);
    double r = kernel.radiusPixels(lat, z);
    double r2 = r * r;
    int size = WebMercator.TILE_SIZE;

    int yFirst = Math.max(0, (int) Math.floor((py - r) / size));
    int yLast = Math.min(n - 1, (int) Math.floor((py + r) / size));
    // Columns before 0 or past n - 1 are the tiles across the antimeridian.
    int xFirst = (int) Math.floor((px - r) / size);
    int xLast = (int) Math.floor((px + r) / size);
    if (xLast - xFirst + 1 >= n) {
      xFirst = 0;
      xLast = n - 1;
    }
    int count = offset;
    for (int xu = xFirst; xu <= xLast; xu++) {
      int x = Math.floorMod(xu, n);
      double dx = wrappedSpanDistance(px, (double) x * size, size, world);
      for (int y = yFirst; y <= yLast; y++) {
        double dy = spanDistance(py, (double) y * size, size);
        // The renderer adds a point only to pixels whose centres are strictly within r, and every
        // pixel centre lies inside the tile's square, so a square farther than r needs nothing.
        if (dx * dx + dy * dy < r2) {
          out[count++] = TileCoord.encode(z, x, y);
        }
      }
    }
    return count;
  }

  /** The most tiles the disc's bounding box can span at zoom z: its tiles per side, squared. */
  private long maxTilesAt(int z) {
    int n = WebMercator.tilesPerSide(z);
    double r = kernel.radiusPixels(WebMercator.MAX_LATITUDE, z);
    double perSide = Math.min(n, Math.floor(2 * r / WebMercator.TILE_SIZE) + 2);
    return (long) Math.min(perSide * perSide, (double) Long.MAX_VALUE / 64);
  }

  /** Distance from p to the interval [lo, lo + size] along one axis, 0 inside it. */
  static double spanDistance(double p, double lo, double size) {
    if (p < lo) {
      return lo - p;
    }
    double hi = lo + size;
    return p > hi ? p - hi : 0;
  }

  /** {@link #spanDistance} to the nearest copy of the interval around the world's x axis. */
  private static double wrappedSpanDistance(double p, double lo, double size, double world) {
    return Math.min(
        spanDistance(p, lo, size),
        Math.min(spanDistance(p - world, lo, size), spanDistance(p + world, lo, size)));
  }
}
