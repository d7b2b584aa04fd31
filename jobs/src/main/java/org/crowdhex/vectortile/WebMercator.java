package org.crowdhex.vectortile;

/**
 * Spherical Web Mercator (EPSG:3857) as the XYZ tile scheme uses it, straight to the integer-grid
 * coordinates of one tile: x right, y down, the tile spanning [0, extent] on both axes.
 *
 * <p>A square world of 2<sup>z</sup> tiles per side is the usual 256-pixel pyramid scaled by extent
 * / 256, so the tile grid is the pixel grid at extent / 256 sub-pixels.
 */
final class WebMercator {
  /** The latitude at which the square world ends (atan(sinh(π))). */
  static final double MAX_LATITUDE = 85.05112877980659;

  private WebMercator() {}

  /** Units of the whole world at zoom z on a grid whose tiles are {@code extent} wide. */
  static double worldSize(int z, int extent) {
    return (double) extent * (1L << z);
  }

  /** World x in [0, worldSize) for a longitude in degrees. */
  static double worldX(double lon, double worldSize) {
    return (lon + 180.0) / 360.0 * worldSize;
  }

  /** World y, 0 at the top (north), worldSize at the bottom, for a latitude in degrees. */
  static double worldY(double lat, double worldSize) {
    double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
    double sin = Math.sin(Math.toRadians(clamped));
    // 0.5 - ln(tan(π/4 + φ/2)) / 2π, written with one sine and one log.
    return (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * worldSize;
  }
}
