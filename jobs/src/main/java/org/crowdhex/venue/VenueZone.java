package org.crowdhex.venue;

import com.uber.h3core.AreaUnit;
import com.uber.h3core.H3Core;
import com.uber.h3core.LengthUnit;
import com.uber.h3core.util.LatLng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.crowdhex.geo.Geodesic;
import org.crowdhex.geo.LocalProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.LineStringExtracter;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;

/**
 * The area around a venue where posts count for it, and the <a href="https://h3geo.org/">H3</a>
 * cells that stand for that area in the job. Build it with {@link #of(Venue, int, H3Core)}.
 *
 * @param venue the venue
 * @param zone the venue geometry buffered by {@link Venue#bufferMeters()}, in lon/lat degrees: a
 *     Polygon or MultiPolygon; for a Point or line venue with buffer 0 the geometry itself
 * @param cells the covering H3 cells at {@code resolution}, sorted ascending, distinct, never empty
 * @param resolution the H3 resolution of the cells, 0 to 15
 * @param zoneAreaKm2 the geodesic area of the zone on WGS 84, in km² (0 for a point or line)
 * @param coverAreaKm2 the summed area of the cells, in km²
 */
public record VenueZone(
    Venue venue,
    Geometry zone,
    long[] cells,
    int resolution,
    double zoneAreaKm2,
    double coverAreaKm2) {

  /**
   * Segments per quarter circle in buffers: a 500 m buffer then departs from the true circle by at
   * most 0.6 m between vertices (r·(1 − cos(π/64))), well under the size of a cell.
   */
  public static final int BUFFER_QUADRANT_SEGMENTS = 16;

  /**
   * How finely a line with buffer 0 is sampled, as a fraction of the cell edge length: finer
   * sampling only matters for lines clipping a cell corner by less than this.
   */
  private static final double LINE_SAMPLES_PER_EDGE = 8;

  public VenueZone {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(cells, "cells");
    if (resolution < 0 || resolution > 15) {
      throw new IllegalArgumentException("H3 resolution must be 0 to 15, got " + resolution);
    }
    cells = Arrays.stream(cells).sorted().distinct().toArray();
    if (cells.length == 0) {
      throw new IllegalArgumentException(
          "venue " + venue.id() + ": a zone needs at least one cell");
    }
  }

  /**
   * Buffers the venue's geometry in metres and covers the result with H3 cells.
   *
   * <p>The buffer is computed in a {@link LocalProjection} centred on the geometry's centroid,
   * never in degrees, so it is the same number of metres in every direction at any latitude. The
   * cover holds every cell whose centre lies in the zone (H3's polygonToCells containment rule);
   * any hole in the union of those cells is then filled, so a stadium bowl or a square around a
   * building is counted as a whole; and a zone part too small to contain a cell centre gets the
   * cell under its centroid, so no venue has an empty cover. A Point or line venue with buffer 0 is
   * covered by the cells its positions and segments pass through.
   *
   * @param venue the venue
   * @param resolution the H3 resolution of the cover, 0 to 15
   * @param h3 the H3 library
   */
  public static VenueZone of(Venue venue, int resolution, H3Core h3) {
    if (resolution < 0 || resolution > 15) {
      throw new IllegalArgumentException("H3 resolution must be 0 to 15, got " + resolution);
    }
    if (venue.geometry().isEmpty()) {
      throw new IllegalArgumentException("venue " + venue.id() + " has an empty geometry");
    }
    Geometry zone = buffer(venue);
    long[] cells = cover(zone, resolution, h3);
    double coverAreaKm2 = 0;
    for (long cell : cells) {
      coverAreaKm2 += h3.cellArea(cell, AreaUnit.km2);
    }
    double zoneAreaKm2 = Geodesic.WGS84.area(zone) / 1e6;
    return new VenueZone(venue, zone, cells, resolution, zoneAreaKm2, coverAreaKm2);
  }

  /** The covering cells, sorted ascending; a copy, so the zone stays immutable. */
  @Override
  public long[] cells() {
    return cells.clone();
  }

  /** How many cells cover the zone. */
  public int cellCount() {
    return cells.length;
  }

  /** Whether the cover holds the given cell. */
  public boolean covers(long cell) {
    return Arrays.binarySearch(cells, cell) >= 0;
  }

  private static Geometry buffer(Venue venue) {
    Geometry geometry = venue.geometry();
    if (venue.bufferMeters() == 0) {
      return geometry.copy();
    }
    LocalProjection projection = LocalProjection.centredOn(geometry);
    Geometry metres =
        BufferOp.bufferOp(
            projection.project(geometry),
            venue.bufferMeters(),
            new BufferParameters(BUFFER_QUADRANT_SEGMENTS));
    return projection.unproject(metres);
  }

  private static long[] cover(Geometry zone, int resolution, H3Core h3) {
    Set<Long> cells = new HashSet<>();
    @SuppressWarnings("unchecked")
    List<Polygon> parts = PolygonExtracter.getPolygons(zone);
    if (parts.isEmpty()) {
      coverLinework(zone, resolution, h3, cells);
    } else {
      for (Polygon part : parts) {
        List<List<LatLng>> holes = new ArrayList<>();
        for (int i = 0; i < part.getNumInteriorRing(); i++) {
          holes.add(loop(part.getInteriorRingN(i)));
        }
        List<Long> inside = h3.polygonToCells(loop(part.getExteriorRing()), holes, resolution);
        if (inside.isEmpty()) {
          Coordinate c = representativePoint(part);
          cells.add(h3.latLngToCell(c.y, c.x, resolution));
        } else {
          cells.addAll(inside);
        }
      }
      fillHoles(cells, resolution, h3);
    }
    return cells.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /**
   * Adds the cells inside every interior ring of the cover's outline. The rings run along cell
   * edges, so the cells whose centres they enclose are exactly the missing ones; a second round
   * only matters if a hole held an island of cells that itself had a hole.
   */
  private static void fillHoles(Set<Long> cells, int resolution, H3Core h3) {
    for (int round = 0; round < 8; round++) {
      boolean added = false;
      for (List<List<LatLng>> polygon : h3.cellsToMultiPolygon(cells, false)) {
        for (List<LatLng> hole : polygon.subList(1, polygon.size())) {
          for (long cell : h3.polygonToCells(hole, List.of(), resolution)) {
            added |= cells.add(cell);
          }
        }
      }
      if (!added) {
        return;
      }
    }
  }

  private static void coverLinework(Geometry zone, int resolution, H3Core h3, Set<Long> cells) {
    for (Coordinate c : zone.getCoordinates()) {
      cells.add(h3.latLngToCell(c.y, c.x, resolution));
    }
    @SuppressWarnings("unchecked")
    List<LineString> lines = LineStringExtracter.getLines(zone);
    if (lines.isEmpty()) {
      return;
    }
    LocalProjection projection = LocalProjection.centredOn(zone);
    double step = h3.getHexagonEdgeLengthAvg(resolution, LengthUnit.m) / LINE_SAMPLES_PER_EDGE;
    for (LineString line : lines) {
      Coordinate previous = null;
      for (Coordinate lonLat : line.getCoordinates()) {
        Coordinate xy = projection.project(lonLat.x, lonLat.y);
        if (previous != null) {
          double length = previous.distance(xy);
          int samples = (int) Math.ceil(length / step);
          for (int s = 1; s < samples; s++) {
            double t = (double) s / samples;
            Coordinate p =
                projection.unproject(
                    previous.x + t * (xy.x - previous.x), previous.y + t * (xy.y - previous.y));
            cells.add(h3.latLngToCell(p.y, p.x, resolution));
          }
        }
        previous = xy;
      }
    }
  }

  /** The centroid if it lies in the polygon (it may not, for a ring or a crescent). */
  private static Coordinate representativePoint(Polygon polygon) {
    Point centroid = polygon.getCentroid();
    if (!centroid.isEmpty() && polygon.contains(centroid)) {
      return centroid.getCoordinate();
    }
    return polygon.getInteriorPoint().getCoordinate();
  }

  /** An H3 loop: the ring's positions without the closing repeat, as (lat, lng). */
  private static List<LatLng> loop(LineString ring) {
    Coordinate[] coordinates = ring.getCoordinates();
    int n = coordinates.length;
    if (ring instanceof LinearRing && n > 1 && coordinates[0].equals2D(coordinates[n - 1])) {
      n--;
    }
    List<LatLng> loop = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      loop.add(new LatLng(coordinates[i].y, coordinates[i].x));
    }
    return loop;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VenueZone that
        && venue.equals(that.venue)
        && zone.equalsExact(that.zone)
        && Arrays.equals(cells, that.cells)
        && resolution == that.resolution
        && Double.compare(zoneAreaKm2, that.zoneAreaKm2) == 0
        && Double.compare(coverAreaKm2, that.coverAreaKm2) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(venue, resolution, Arrays.hashCode(cells));
  }

  @Override
  public String toString() {
    return "VenueZone[venue="
        + venue.id()
        + ", resolution="
        + resolution
        + ", cells="
        + cells.length
        + ", zoneAreaKm2="
        + zoneAreaKm2
        + ", coverAreaKm2="
        + coverAreaKm2
        + "]";
  }
}
