package org.crowdhex.plan;

import java.io.Serializable;

/**
 * The heatmap tiles a run writes per window.
 *
 * @param enabled whether tiles are written at all
 * @param minZoom the lowest zoom level rendered (XYZ, Web Mercator)
 * @param maxZoom the highest zoom level rendered
 * @param kernelMeters the radius of the density kernel in metres, or 0 for the default (1.5 times
 *     the average H3 edge length at the plan's resolution)
 * @param scaleMax the density (distinct authors per km²) at the top of the colour scale; fixed for
 *     the whole run, so one colour means one density in every window
 * @param scale {@code log} or {@code linear}
 * @param ramp the colour ramp, {@code inferno} or {@code viridis}
 * @param pmtiles whether each window is also written as one PMTiles archive
 */
public record TileSpec(
    boolean enabled,
    int minZoom,
    int maxZoom,
    double kernelMeters,
    double scaleMax,
    String scale,
    String ramp,
    boolean pmtiles)
    implements Serializable {

  public static final TileSpec DEFAULT =
      new TileSpec(true, 11, 17, 0, 5000, "log", "inferno", false);

  /** The same settings with tiles switched on or off. */
  public TileSpec withEnabled(boolean on) {
    return new TileSpec(on, minZoom, maxZoom, kernelMeters, scaleMax, scale, ramp, pmtiles);
  }

  /** The same settings with or without PMTiles archives. */
  public TileSpec withPmtiles(boolean on) {
    return new TileSpec(enabled, minZoom, maxZoom, kernelMeters, scaleMax, scale, ramp, on);
  }

  /** The same settings over another zoom range. */
  public TileSpec withZooms(int min, int max) {
    return new TileSpec(enabled, min, max, kernelMeters, scaleMax, scale, ramp, pmtiles);
  }
}
