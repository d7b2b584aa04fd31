package org.crowdhex.generate;

import java.util.List;
import org.crowdhex.venue.Venue;
import org.crowdhex.venue.VenueKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A small Rotterdam-like set of venues built directly with JTS: a stadium, the central station, a
 * square and a second station given only as a point (to exercise buffered point venues).
 */
final class RotterdamVenues {
  static final GeometryFactory GEOMETRY = new GeometryFactory();

  static final String STADIUM = "kuip";
  static final String CENTRAAL = "rotterdam-centraal";
  static final String ZUID = "rotterdam-zuid";
  static final String SQUARE = "schouwburgplein";

  static final double STADIUM_LAT = 51.8939;
  static final double STADIUM_LON = 4.5232;
  static final double CENTRAAL_LAT = 51.9249;
  static final double CENTRAAL_LON = 4.4690;
  static final double ZUID_LAT = 51.9040;
  static final double ZUID_LON = 4.5100;

  private RotterdamVenues() {}

  static List<Venue> all() {
    return List.of(stadium(), centraal(), square(), zuid());
  }

  static final String ROUTE = "coolsingel-march";
  static final String CAMP = "museumpark-camp";

  /** {@link #all()} with a march route and a camp, for the scenarios beyond the match. */
  static List<Venue> withRouteAndCamp() {
    return List.of(stadium(), centraal(), square(), zuid(), route(), camp());
  }

  /** A route of two legs, about 1.1 km south then 0.9 km east, from near Centraal. */
  static Venue route() {
    LineString line =
        GEOMETRY.createLineString(
            new Coordinate[] {
              new Coordinate(4.4770, 51.9230),
              new Coordinate(4.4770, 51.9130),
              new Coordinate(4.4900, 51.9130)
            });
    return new Venue(ROUTE, "Coolsingel", VenueKind.ROUTE, 30, line);
  }

  static Venue camp() {
    return new Venue(CAMP, "Museumpark", VenueKind.CAMP, 50, rectangle(51.9140, 4.4730, 200, 150));
  }

  /** An oval of about 230 m east-west by 190 m north-south. */
  static Venue stadium() {
    return new Venue(
        STADIUM, "De Kuip", VenueKind.STADIUM, 150, ellipse(STADIUM_LAT, STADIUM_LON, 230, 190));
  }

  static Venue centraal() {
    return new Venue(
        CENTRAAL,
        "Rotterdam Centraal",
        VenueKind.STATION,
        100,
        rectangle(CENTRAAL_LAT, CENTRAAL_LON, 300, 120));
  }

  static Venue square() {
    return new Venue(
        SQUARE, "Schouwburgplein", VenueKind.SQUARE, 50, rectangle(51.9225, 4.4792, 120, 100));
  }

  static Venue zuid() {
    Point point = GEOMETRY.createPoint(new Coordinate(ZUID_LON, ZUID_LAT));
    return new Venue(ZUID, "Station Zuid", VenueKind.STATION, 80, point);
  }

  static Geometry stadiumOutline() {
    return stadium().geometry();
  }

  static Polygon rectangle(double lat, double lon, double widthM, double heightM) {
    double dLat = heightM / 2 / 111_132.0;
    double dLon = widthM / 2 / (111_320.0 * Math.cos(Math.toRadians(lat)));
    return GEOMETRY.createPolygon(
        new Coordinate[] {
          new Coordinate(lon - dLon, lat - dLat),
          new Coordinate(lon + dLon, lat - dLat),
          new Coordinate(lon + dLon, lat + dLat),
          new Coordinate(lon - dLon, lat + dLat),
          new Coordinate(lon - dLon, lat - dLat)
        });
  }

  static Polygon ellipse(double lat, double lon, double widthM, double heightM) {
    double dLat = heightM / 2 / 111_132.0;
    double dLon = widthM / 2 / (111_320.0 * Math.cos(Math.toRadians(lat)));
    int n = 24;
    Coordinate[] ring = new Coordinate[n + 1];
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / n;
      ring[i] = new Coordinate(lon + dLon * Math.cos(a), lat + dLat * Math.sin(a));
    }
    ring[n] = ring[0];
    return GEOMETRY.createPolygon(ring);
  }

  /** Approximate distance in metres, good enough for test thresholds. */
  static double metres(double latA, double lonA, double latB, double lonB) {
    double dy = (latA - latB) * 111_132.0;
    double dx = (lonA - lonB) * 111_320.0 * Math.cos(Math.toRadians((latA + latB) / 2));
    return Math.sqrt(dx * dx + dy * dy);
  }
}
