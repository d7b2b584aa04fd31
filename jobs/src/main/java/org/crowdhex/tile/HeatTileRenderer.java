package org.crowdhex.tile;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Draws one heat tile: the kernel density surface of a window's cells (distinct authors per km²,
 * see {@link HeatKernel}) over one 256 × 256 XYZ tile, coloured with the run's {@link HeatScale}.
 *
 * <p>The surface is evaluated at pixel centres. Each point adds its kernel, a disc of {@link
 * HeatKernel#radiusPixels} pixels (the kernel radius over Web Mercator's ground resolution at the
 * point's latitude), only to the pixels inside that disc. The value at a pixel depends only on the
 * pixel's place in the world and on the points, never on the tile being drawn, so two tiles drawn
 * from the points that {@link TileFanOut} sends them agree along their shared edge: each has every
 * point whose disc reaches it. Points whose disc crosses the antimeridian are drawn on both sides.
 *
 * <p>Points are summed in a fixed order whatever order they come in, so the same points always give
 * the same pixels and so the same PNG bytes.
 *
 * <p>A renderer keeps a scratch buffer between tiles and is not thread-safe: use one per thread.
 */
public final class HeatTileRenderer {
  private static final int SIZE = WebMercator.TILE_SIZE;

  private final HeatKernel kernel;
  private final HeatScale scale;
  private final float[] surface = new float[SIZE * SIZE];

  public HeatTileRenderer(HeatKernel kernel, HeatScale scale) {
    this.kernel = Objects.requireNonNull(kernel, "kernel");
    this.scale = Objects.requireNonNull(scale, "scale");
  }

  public HeatKernel kernel() {
    return kernel;
  }

  public HeatScale scale() {
    return scale;
  }

  /**
   * Draws a tile from the points whose kernels reach it (more do no harm, only work), or returns
   * empty when no pixel reaches the first visible level of the scale: such a tile is not written.
   */
  public Optional<HeatTile> render(TileCoord tile, List<HeatPoint> points) {
    if (!accumulate(tile, points)) {
      return Optional.empty();
    }
    double minVisible = scale.minVisibleDensity();
    byte[] levels = new byte[SIZE * SIZE];
    int maxLevel = 0;
    for (int p = 0; p < levels.length; p++) {
      float density = surface[p];
      if (density >= minVisible) {
        int level = scale.level(density);
        levels[p] = (byte) level;
        maxLevel = Math.max(maxLevel, level);
      }
    }
    return maxLevel == 0
        ? Optional.empty()
        : Optional.of(new HeatTile(tile, scale, levels, maxLevel));
  }

  /**
   * The surface over a tile before colouring: 256 × 256 densities in distinct authors per km² at
   * the pixel centres, row by row from the north-west corner.
   */
  public float[] surface(TileCoord tile, List<HeatPoint> points) {
    accumulate(tile, points);
    return surface.clone();
  }

  /**
   * The surface at a point given in the tile's pixel coordinates (0 to 256 across the tile, and
   * beyond it), from the given points, in distinct authors per km². At a pixel centre (x + 0.5, y +
   * 0.5) it is exactly the value {@link #render} colours; elsewhere it tells what the tile's points
   * say about its surroundings, such as its neighbour's pixels.
   */
  public double densityAt(TileCoord tile, List<HeatPoint> points, double x, double y) {
    int z = tile.z();
    double world = WebMercator.worldPixels(z);
    double peak = kernel.peakPerKm2();
    float density = 0;
    for (HeatPoint point : inCanonicalOrder(points)) {
      if (point.authors() == 0) {
        continue;
      }
      double r = kernel.radiusPixels(point.lat(), z);
      double invR2 = 1 / (r * r);
      double c = point.authors() * peak;
      double cx = WebMercator.pixelX(point.lon(), z) - (double) tile.x() * SIZE;
      double cy = WebMercator.pixelY(point.lat(), z) - (double) tile.y() * SIZE;
      for (int turn = -1; turn <= 1; turn++) {
        // The same arithmetic as splat, so a pixel centre gets the bits the tile has.
        double dx = x - (cx + turn * world);
        double dy = y - cy;
        double dy2 = dy * dy;
        double u = 1 - (dx * dx + dy2) * invR2;
        if (u > 0) {
          density += (float) (c * u * u);
        }
      }
    }
    return density;
  }

  /** Fills the scratch surface for a tile; false when no point reached any of its pixels. */
  private boolean accumulate(TileCoord tile, List<HeatPoint> points) {
    Arrays.fill(surface, 0f);
    int z = tile.z();
    double world = WebMercator.worldPixels(z);
    double peak = kernel.peakPerKm2();
    boolean touched = false;
    for (HeatPoint point : inCanonicalOrder(points)) {
      if (point.authors() == 0) {
        continue;
      }
      double r = kernel.radiusPixels(point.lat(), z);
      double c = point.authors() * peak;
      double cx = WebMercator.pixelX(point.lon(), z) - (double) tile.x() * SIZE;
      double cy = WebMercator.pixelY(point.lat(), z) - (double) tile.y() * SIZE;
      for (int turn = -1; turn <= 1; turn++) {
        double shifted = cx + turn * world;
        if (shifted + r > 0 && shifted - r < SIZE && cy + r > 0 && cy - r < SIZE) {
          touched |= splat(shifted, cy, r, c);
        }
      }
    }
    return touched;
  }

  /** Adds one kernel, centred at (cx, cy) in tile pixels with radius r, to the pixels it covers. */
  private boolean splat(double cx, double cy, double r, double c) {
    double r2 = r * r;
    double invR2 = 1 / r2;
    // One pixel of slack on every side: which pixels count is decided by u > 0 alone, exactly as
    // in densityAt, never by the rounding of these bounds.
    int rowFirst = Math.max(0, (int) Math.floor(cy - r - 0.5));
    int rowLast = Math.min(SIZE - 1, (int) Math.ceil(cy + r - 0.5));
    boolean touched = false;
    for (int j = rowFirst; j <= rowLast; j++) {
      double dy = (j + 0.5) - cy;
      double dy2 = dy * dy;
      double half = Math.sqrt(Math.max(0, r2 - dy2));
      int first = Math.max(0, (int) Math.floor(cx - half - 0.5));
      int last = Math.min(SIZE - 1, (int) Math.ceil(cx + half - 0.5));
      int row = j * SIZE;
      for (int i = first; i <= last; i++) {
        double dx = (i + 0.5) - cx;
        double u = 1 - (dx * dx + dy2) * invR2;
        if (u > 0) {
          surface[row + i] += (float) (c * u * u);
          touched = true;
        }
      }
    }
    return touched;
  }

  private static List<HeatPoint> inCanonicalOrder(List<HeatPoint> points) {
    for (int i = 1; i < points.size(); i++) {
      if (HeatPoint.CANONICAL_ORDER.compare(points.get(i - 1), points.get(i)) > 0) {
        HeatPoint[] sorted = points.toArray(new HeatPoint[0]);
        Arrays.sort(sorted, HeatPoint.CANONICAL_ORDER);
        return Arrays.asList(sorted);
      }
    }
    return points;
  }
}
