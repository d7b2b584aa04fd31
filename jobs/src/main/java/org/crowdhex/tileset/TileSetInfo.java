package org.crowdhex.tileset;

import java.io.Serializable;
import java.util.Objects;
import org.crowdhex.tile.HeatScale;

/**
 * What is the same for every window of a run's tiles: written at the top of the manifest and into
 * each TileJSON.
 *
 * @param name the event's name
 * @param timeZone the event's IANA zone, for local times in the viewer
 * @param minZoom lowest zoom rendered
 * @param maxZoom highest zoom rendered
 * @param bounds west, south, east, north of the venue zones, degrees
 * @param center lon, lat, zoom the viewer opens at
 * @param scale the fixed colour scale of the heat tiles
 * @param kernelMeters the radius of the density kernel, metres
 * @param pmtiles whether each window also has PMTiles archives
 */
public record TileSetInfo(
    String name,
    String timeZone,
    int minZoom,
    int maxZoom,
    double[] bounds,
    double[] center,
    HeatScale scale,
    double kernelMeters,
    boolean pmtiles)
    implements Serializable {
  public TileSetInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scale, "scale");
    if (bounds.length != 4 || center.length != 3) {
      throw new IllegalArgumentException("bounds need 4 numbers and center 3");
    }
  }
}
