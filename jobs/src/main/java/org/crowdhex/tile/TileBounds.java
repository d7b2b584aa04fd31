package org.crowdhex.tile;

import java.io.Serializable;

/**
 * A longitude/latitude box in WGS 84 degrees, in the order TileJSON and GeoJSON use for bounds.
 *
 * @param west western edge, degrees in [-180, 180]
 * @param south southern edge, degrees in [-90, 90]
 * @param east eastern edge, degrees in [west, 180]
 * @param north northern edge, degrees in [south, 90]
 */
public record TileBounds(double west, double south, double east, double north)
    implements Serializable {

  public TileBounds {
    if (!(west >= -180 && west <= east && east <= 180)) {
      throw new IllegalArgumentException(
          "bounds west " + west + " and east " + east + "; expected -180 <= west <= east <= 180");
    }
    if (!(south >= -90 && south <= north && north <= 90)) {
      throw new IllegalArgumentException(
          "bounds south "
              + south
              + " and north "
              + north
              + "; expected -90 <= south <= north <= 90");
    }
  }

  /** Whether the point (degrees) lies in the box, its edges included. */
  public boolean contains(double lon, double lat) {
    return lon >= west && lon <= east && lat >= south && lat <= north;
  }
}
