package org.crowdhex.geo;

/**
 * An ellipsoid of revolution that models the Earth's shape; {@link #WGS84} is the one GPS and
 * GeoJSON (<a href="https://www.rfc-editor.org/rfc/rfc7946#section-4">RFC 7946 section 4</a>)
 * coordinates refer to.
 *
 * @param semiMajorAxis equatorial radius a, in metres
 * @param flattening f = (a - b) / a, dimensionless
 */
public record Ellipsoid(double semiMajorAxis, double flattening) {

  /** World Geodetic System 1984: a = 6 378 137 m, 1/f = 298.257 223 563. */
  public static final Ellipsoid WGS84 = new Ellipsoid(6_378_137.0, 1 / 298.257223563);

  /**
   * Geodetic Reference System 1980, which differs from WGS 84 only in the 9th significant digit of
   * the flattening; many published geodesic test lines are given on it.
   */
  public static final Ellipsoid GRS80 = new Ellipsoid(6_378_137.0, 1 / 298.257222101);

  public Ellipsoid {
    if (!(semiMajorAxis > 0) || Double.isInfinite(semiMajorAxis)) {
      throw new IllegalArgumentException("semi-major axis must be > 0 m, got " + semiMajorAxis);
    }
    if (!(flattening >= 0 && flattening < 1)) {
      throw new IllegalArgumentException("flattening must be in [0, 1), got " + flattening);
    }
  }

  /** The polar radius b, in metres. */
  public double semiMinorAxis() {
    return semiMajorAxis * (1 - flattening);
  }

  /** The first eccentricity squared, e² = f (2 - f). */
  public double eccentricitySquared() {
    return flattening * (2 - flattening);
  }

  /** The radius of curvature of the meridian at a geodetic latitude (degrees), in metres. */
  public double meridionalRadius(double latDegrees) {
    double e2 = eccentricitySquared();
    double s = Math.sin(Math.toRadians(latDegrees));
    double w = 1 - e2 * s * s;
    return semiMajorAxis * (1 - e2) / (w * Math.sqrt(w));
  }

  /**
   * The radius of curvature in the prime vertical at a geodetic latitude (degrees), in metres; a
   * parallel at that latitude has radius N·cos(lat).
   */
  public double primeVerticalRadius(double latDegrees) {
    double s = Math.sin(Math.toRadians(latDegrees));
    return semiMajorAxis / Math.sqrt(1 - eccentricitySquared() * s * s);
  }
}
