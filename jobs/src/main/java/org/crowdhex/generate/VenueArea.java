package org.crowdhex.generate;

import org.crowdhex.venue.Venue;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A venue prepared for sampling: its outline moved into local metres around its centroid, so that
 * buffers are round in metres rather than stretched in degrees.
 *
 * <ul>
 *   <li>{@link #inside()} – the outline itself for a polygon venue; a route or point venue has no
 *       inside, so it is the band within {@code bufferMeters} (at least {@value
 *       #MIN_LINEAR_BUFFER_M} m) of it.
 *   <li>{@link #hubArea()} – where arriving or leaving travellers stand: the outline buffered a
 *       little ({@code min(bufferMeters, }{@value #HUB_MARGIN_M}{@code m)}), so every sampled point
 *       lies inside the venue's zone before GPS jitter.
 *   <li>{@link #surroundings()} – where a leaving crowd spreads: the outline buffered by {@code
 *       bufferMeters}, at least {@value #MIN_SURROUNDINGS_M} m.
 * </ul>
 */
final class VenueArea {
  static final double MIN_LINEAR_BUFFER_M = 20;
  static final double HUB_MARGIN_M = 50;
  static final double MIN_SURROUNDINGS_M = 100;

  private final Venue venue;
  private final double centroidLat;
  private final double centroidLon;
  private final LocalMetres frame;
  private final AreaSampler inside;
  private final AreaSampler hubArea;
  private final AreaSampler surroundings;
  private final Geometry zone;

  VenueArea(Venue venue) {
    this.venue = venue;
    Geometry geometry = venue.geometry();
    if (geometry.isEmpty()) {
      throw new IllegalArgumentException(
          "venue " + venue.id() + " has an empty geometry; expected a point, line or polygon");
    }
    Point centroid = geometry.getCentroid();
    this.centroidLat = centroid.getY();
    this.centroidLon = centroid.getX();
    this.frame = new LocalMetres(centroidLat, centroidLon);
    Geometry metric = toMetres(geometry, frame);
    boolean areal = metric.getDimension() == 2 && metric.getArea() > 0;
    Geometry insideArea =
        areal ? metric : metric.buffer(Math.max(venue.bufferMeters(), MIN_LINEAR_BUFFER_M));
    this.inside = new AreaSampler(frame, insideArea);
    double hubMargin = Math.min(venue.bufferMeters(), HUB_MARGIN_M);
    this.hubArea =
        new AreaSampler(frame, hubMargin > 0 ? insideArea.buffer(hubMargin) : insideArea);
    this.surroundings =
        new AreaSampler(frame, metric.buffer(Math.max(venue.bufferMeters(), MIN_SURROUNDINGS_M)));
    this.zone = venue.bufferMeters() > 0 ? metric.buffer(venue.bufferMeters()) : metric;
  }

  /**
   * Whether a straight path between two points passes within {@code margin} metres of the venue's
   * zone (its outline buffered by its buffer): posts strewn along the path land in the zone.
   */
  boolean nearPath(double lat1, double lon1, double lat2, double lon2, double margin) {
    Geometry path =
        zone.getFactory()
            .createLineString(
                new Coordinate[] {
                  new Coordinate(frame.x(lon1), frame.y(lat1)),
                  new Coordinate(frame.x(lon2), frame.y(lat2))
                });
    return zone.isWithinDistance(path, margin);
  }

  private static Geometry toMetres(Geometry lonLat, LocalMetres frame) {
    Geometry copy = lonLat.copy();
    copy.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            double lon = seq.getX(i);
            double lat = seq.getY(i);
            seq.setOrdinate(i, CoordinateSequence.X, frame.x(lon));
            seq.setOrdinate(i, CoordinateSequence.Y, frame.y(lat));
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    return copy;
  }

  Venue venue() {
    return venue;
  }

  String id() {
    return venue.id();
  }

  double centroidLat() {
    return centroidLat;
  }

  double centroidLon() {
    return centroidLon;
  }

  LocalMetres frame() {
    return frame;
  }

  AreaSampler inside() {
    return inside;
  }

  AreaSampler hubArea() {
    return hubArea;
  }

  AreaSampler surroundings() {
    return surroundings;
  }
}
