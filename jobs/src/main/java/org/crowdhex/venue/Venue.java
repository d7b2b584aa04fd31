package org.crowdhex.venue;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A place where crowds gather, as read from a venues GeoJSON file.
 *
 * @param id short stable identifier, used in every output record
 * @param name human-readable name
 * @param kind what the place is
 * @param bufferMeters how far around the geometry the venue's zone reaches, in metres (&ge; 0)
 * @param geometry the outline (Polygon/MultiPolygon), route (LineString/MultiLineString) or
 *     location (Point) in WGS 84 longitude/latitude degrees (x = lon, y = lat)
 */
public record Venue(
    String id, String name, VenueKind kind, double bufferMeters, Geometry geometry) {
  public Venue {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(geometry, "geometry");
    if (!(bufferMeters >= 0)) {
      throw new IllegalArgumentException(
          "venue " + id + ": buffer_m is " + bufferMeters + "; expected a number >= 0");
    }
  }
}
