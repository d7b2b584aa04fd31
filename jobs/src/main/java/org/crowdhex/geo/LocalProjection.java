package org.crowdhex.geo;

import java.io.Serializable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A map projection centred on one lon/lat point that turns WGS 84 degrees into metres (x east, y
 * north) and back, so that city-scale geometry can be buffered and measured with planar JTS
 * operations.
 *
 * <p>It is a double projection: Gauss's conformal mapping of the ellipsoid onto a sphere of radius
 * √(M·N) at the centre latitude (the construction behind the oblique stereographic projection, EPSG
 * method 9809), followed by an azimuthal equidistant projection of that sphere. The conformal step
 * has scale 1 at the centre and its scale error grows only with the cube of the latitude
 * difference, so unlike a plain sphere with geodetic latitudes (which stretches north-south
 * distances against east-west ones by 0.1% to 0.3%) it stays true in every direction and at any
 * latitude, the poles included.
 *
 * <p>Measured against {@link Geodesic} (see the tests, at latitudes 0° to 70°): distances from the
 * centre to points 10 km away are exact to 0.1 µm; distances between two points both about 10 km
 * from the centre are stretched by the azimuthal projection's transverse scale 1 + (d/R)²/6,
 * measured at 4.1·10⁻⁷, i.e. 0.41 mm on a 1 km segment 10 km out; a round trip projects and
 * unprojects to within 5 nm; the area of a 4 km square around the centre is off by 3·10⁻⁸. Not
 * meant for geometry more than ~100 km from the centre, nor for geometry crossing the antimeridian.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LocalProjection implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final int MAX_LATITUDE_ITERATIONS = 30;

  private final double centreLon;
  private final double centreLat;
  private final double e;
  private final double centreLonRad;

  /** Radius of the conformal sphere, metres. */
  private final double radius;

  /** Longitude scaling of the conformal mapping (Λ = n·Δλ). */
  private final double n;

  /** Offset of the conformal mapping in isometric latitude. */
  private final double k;

  /** Latitude of the centre on the conformal sphere, radians. */
  private final double chi0;

  private final double sinChi0;
  private final double cosChi0;

  /**
   * A projection centred on a point on the WGS 84 ellipsoid.
   *
   * @param centreLon longitude of the centre, degrees
   * @param centreLat latitude of the centre, degrees in [-90, 90]
   */
  public LocalProjection(double centreLon, double centreLat) {
    this(Ellipsoid.WGS84, centreLon, centreLat);
  }

  /** A projection centred on a point (lon/lat degrees) on the given ellipsoid. */
  public LocalProjection(Ellipsoid ellipsoid, double centreLon, double centreLat) {
    if (!(centreLat >= -90 && centreLat <= 90) || !Double.isFinite(centreLon)) {
      throw new IllegalArgumentException(
          "projection centre must be a finite lon and a lat in [-90, 90], got ("
              + centreLon
              + ", "
              + centreLat
              + ")");
    }
    this.centreLon = centreLon;
    this.centreLat = centreLat;
    double e2 = ellipsoid.eccentricitySquared();
    this.e = Math.sqrt(e2);
    this.centreLonRad = Math.toRadians(centreLon);
    double phi0 = Math.toRadians(centreLat);
    double sinPhi0 = Math.sin(phi0);
    double cosPhi0 = Math.cos(phi0);
    double cos2 = cosPhi0 * cosPhi0;
    this.radius = ellipsoid.semiMajorAxis() * Math.sqrt(1 - e2) / (1 - e2 * sinPhi0 * sinPhi0);
    double secondEccentricitySquared = e2 / (1 - e2);
    this.n = Math.sqrt(1 + secondEccentricitySquared * cos2 * cos2);
    // Gauss's condition sin φ0 = n·sin χ0, written via tan so it stays accurate near the poles.
    this.chi0 = Math.atan2(sinPhi0, cosPhi0 * Math.sqrt(1 + secondEccentricitySquared * cos2));
    this.sinChi0 = Math.sin(chi0);
    this.cosChi0 = Math.cos(chi0);
    this.k = Geodesic.asinh(Math.tan(chi0)) - n * isometricLatitude(phi0);
  }

  /** A projection centred on the centroid of a lon/lat geometry (WGS 84). */
  public static LocalProjection centredOn(Geometry lonLat) {
    if (lonLat.isEmpty()) {
      throw new IllegalArgumentException("cannot centre a projection on an empty geometry");
    }
    Point centroid = lonLat.getCentroid();
    if (centroid.isEmpty()) {
      Coordinate first = lonLat.getCoordinate();
      return new LocalProjection(first.x, first.y);
    }
    return new LocalProjection(centroid.getX(), centroid.getY());
  }

  /** Longitude of the centre, degrees. */
  public double centreLon() {
    return centreLon;
  }

  /** Latitude of the centre, degrees. */
  public double centreLat() {
    return centreLat;
  }

  /** Projects a lon/lat point (degrees) to (x east, y north) in metres from the centre. */
  public Coordinate project(double lon, double lat) {
    double[] xy = new double[2];
    project(lon, lat, xy);
    return new Coordinate(xy[0], xy[1]);
  }

  /** Unprojects (x east, y north) in metres from the centre to a lon/lat point in degrees. */
  public Coordinate unproject(double x, double y) {
    double[] lonLat = new double[2];
    unproject(x, y, lonLat);
    return new Coordinate(lonLat[0], lonLat[1]);
  }

  /**
   * Projects a lon/lat geometry (degrees) to metres; the input is not changed. Z values are kept.
   */
  public Geometry project(Geometry lonLat) {
    Geometry copy = lonLat.copy();
    copy.apply(new Transform(true));
    return copy;
  }

  /** Unprojects a geometry in metres to lon/lat degrees; the input is not changed. */
  public Geometry unproject(Geometry metres) {
    Geometry copy = metres.copy();
    copy.apply(new Transform(false));
    return copy;
  }

  private void project(double lon, double lat, double[] out) {
    double phi = Math.toRadians(lat);
    double bigLambda = n * Geodesic.normalizeRadians(Math.toRadians(lon) - centreLonRad);
    double chi = Math.atan(Math.sinh(n * isometricLatitude(phi) + k));
    double sinChi = Math.sin(chi);
    double cosChi = Math.cos(chi);
    double halfLambda = Math.sin(bigLambda / 2);
    double versine = 2 * halfLambda * halfLambda;
    // Components of the point's unit vector along the centre's east, north and up directions,
    // written with sin(χ-χ0) and the versine so nearby points lose no digits to cancellation.
    double east = cosChi * Math.sin(bigLambda);
    double north = Math.sin(chi - chi0) + cosChi * sinChi0 * versine;
    double up = Math.cos(chi - chi0) - cosChi * cosChi0 * versine;
    double sinC = Math.hypot(east, north);
    if (sinC == 0) {
      out[0] = 0;
      out[1] = 0;
      return;
    }
    double distance = radius * Math.atan2(sinC, up);
    out[0] = distance * east / sinC;
    out[1] = distance * north / sinC;
  }

  private void unproject(double x, double y, double[] out) {
    double rho = Math.hypot(x, y);
    double chi;
    double bigLambda;
    if (rho == 0) {
      chi = chi0;
      bigLambda = 0;
    } else {
      double c = rho / radius;
      double sinC = Math.sin(c);
      double cosC = Math.cos(c);
      double sinTheta = x / rho;
      double cosTheta = y / rho;
      double vx = cosC * cosChi0 - sinC * cosTheta * sinChi0;
      double vy = sinC * sinTheta;
      double vz = cosC * sinChi0 + sinC * cosTheta * cosChi0;
      chi = Math.atan2(vz, Math.hypot(vx, vy));
      bigLambda = Math.atan2(vy, vx);
    }
    double psi = (Geodesic.asinh(Math.tan(chi)) - k) / n;
    out[0] = Math.toDegrees(Geodesic.normalizeRadians(centreLonRad + bigLambda / n));
    out[1] = Math.toDegrees(geodeticLatitude(psi));
  }

  /** ψ(φ) = asinh(tan φ) − e·atanh(e·sin φ), the isometric latitude on the ellipsoid. */
  private double isometricLatitude(double phi) {
    return Geodesic.asinh(Math.tan(phi)) - e * Geodesic.atanh(e * Math.sin(phi));
  }

  /** Inverts {@link #isometricLatitude} by fixed-point iteration; it contracts by e² per step. */
  private double geodeticLatitude(double psi) {
    double phi = Math.atan(Math.sinh(psi));
    for (int i = 0; i < MAX_LATITUDE_ITERATIONS; i++) {
      double next = Math.atan(Math.sinh(psi + e * Geodesic.atanh(e * Math.sin(phi))));
      if (Math.abs(next - phi) < 1e-15) {
        return next;
      }
      phi = next;
    }
    return phi;
  }

  @Override
  public String toString() {
    return "LocalProjection[centre=(" + centreLon + ", " + centreLat + ")]";
  }

  private final class Transform implements CoordinateSequenceFilter {
    private final boolean forward;
    private final double[] xy = new double[2];

    Transform(boolean forward) {
      this.forward = forward;
    }

    @Override
    public void filter(CoordinateSequence seq, int i) {
      if (forward) {
        project(seq.getX(i), seq.getY(i), xy);
      } else {
        unproject(seq.getX(i), seq.getY(i), xy);
      }
      seq.setOrdinate(i, CoordinateSequence.X, xy[0]);
      seq.setOrdinate(i, CoordinateSequence.Y, xy[1]);
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return true;
    }
  }
}
