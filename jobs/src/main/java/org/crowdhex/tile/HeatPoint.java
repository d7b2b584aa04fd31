package org.crowdhex.tile;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.Serializable;
import java.util.Comparator;

/**
 * One cell's crowd as a heat tile sees it: the distinct authors of the cell in a window, placed at
 * the cell's centre.
 *
 * @param lat latitude of the cell's centre, WGS 84 degrees in [-90, 90]
 * @param lon longitude of the cell's centre, WGS 84 degrees in [-180, 180]
 * @param authors distinct authors of the cell in the window, &ge; 0
 */
public record HeatPoint(double lat, double lon, int authors) implements Serializable {

  /**
   * The order the renderer sums points in. Float sums depend on their order, and a tile's points
   * arrive in whatever order the stream delivers them; a fixed order makes the same points give the
   * same bytes.
   */
  static final Comparator<HeatPoint> CANONICAL_ORDER =
      Comparator.comparingDouble(HeatPoint::lat)
          .thenComparingDouble(HeatPoint::lon)
          .thenComparingInt(HeatPoint::authors);

  public HeatPoint {
    if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException(
          "heat point at lat "
              + lat
              + ", lon "
              + lon
              + "; expected a lat in [-90, 90] and a lon in [-180, 180]");
    }
    if (authors < 0) {
      throw new IllegalArgumentException(
          "heat point has " + authors + " authors; expected a count >= 0");
    }
  }

  /** The point of an H3 cell: its centre, with the cell's distinct authors. */
  public static HeatPoint ofCell(H3Core h3, long cell, int authors) {
    LatLng centre = h3.cellToLatLng(cell);
    return new HeatPoint(centre.lat, centre.lng, authors);
  }
}
