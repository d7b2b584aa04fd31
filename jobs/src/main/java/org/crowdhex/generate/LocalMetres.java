package org.crowdhex.generate;

/**
 * Metres east/north of one reference point, converted to and from degrees with the equirectangular
 * approximation: {@code dLat = m / 111 132}, {@code dLon = m / (111 320 · cos(lat))}.
 *
 * <p>This is an approximation for jitter and sampling only (its error stays well under 1 % within
 * ten kilometres of the reference point, far below GPS noise); anything that measures real
 * distances belongs in the geometry code of the detector, not here.
 */
final class LocalMetres {
  static final double METRES_PER_DEGREE_LAT = 111_132.0;
  static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320.0;

  private final double lat0;
  private final double lon0;
  private final double metresPerDegreeLon;

  LocalMetres(double lat0, double lon0) {
    this.lat0 = lat0;
    this.lon0 = lon0;
    this.metresPerDegreeLon =
        METRES_PER_DEGREE_LON_AT_EQUATOR * StrictMath.cos(Math.toRadians(lat0));
  }

  double x(double lon) {
    return (lon - lon0) * metresPerDegreeLon;
  }

  double y(double lat) {
    return (lat - lat0) * METRES_PER_DEGREE_LAT;
  }

  double lon(double x) {
    return lon0 + x / metresPerDegreeLon;
  }

  double lat(double y) {
    return lat0 + y / METRES_PER_DEGREE_LAT;
  }

  double degreesLatPerMetre() {
    return 1.0 / METRES_PER_DEGREE_LAT;
  }

  double degreesLonPerMetre() {
    return 1.0 / metresPerDegreeLon;
  }

  /** Distance in metres between two points near the reference point. */
  double distance(double latA, double lonA, double latB, double lonB) {
    double dx = x(lonA) - x(lonB);
    double dy = y(latA) - y(latB);
    return Math.sqrt(dx * dx + dy * dy);
  }
}
