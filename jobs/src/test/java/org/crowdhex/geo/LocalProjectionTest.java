package org.crowdhex.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

class LocalProjectionTest {
  private static final Geodesic WGS84 = Geodesic.WGS84;
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  @ParameterizedTest
  @ValueSource(doubles = {0, 23.5, 51.9244, -33.9, 70, 89.99, 90, -90})
  void roundTripsWithinAMicrometre(double centreLat) {
    LocalProjection projection = new LocalProjection(4.4777, centreLat);
    double worst = 0;
    for (int bearing = 0; bearing < 360; bearing += 15) {
      for (double metres : new double[] {1, 100, 2_500, 10_000, 30_000}) {
        double x = metres * Math.sin(Math.toRadians(bearing));
        double y = metres * Math.cos(Math.toRadians(bearing));
        Coordinate lonLat = projection.unproject(x, y);
        Coordinate back = projection.project(lonLat.x, lonLat.y);
        worst = Math.max(worst, Math.hypot(back.x - x, back.y - y));

        Coordinate again = projection.unproject(back.x, back.y);
        worst = Math.max(worst, WGS84.distance(lonLat, again));
      }
    }
    report("round trip error at lat %.4f: %.2e m", centreLat, worst);
    assertThat(worst).isLessThan(1e-6);
  }

  @Test
  void centreIsTheOriginAndAxesPointEastAndNorth() {
    LocalProjection projection = new LocalProjection(4.4777, 51.9244);

    Coordinate origin = projection.project(4.4777, 51.9244);
    Coordinate north = projection.unproject(0, 1_000);
    Coordinate east = projection.unproject(1_000, 0);

    assertThat(origin.x).isCloseTo(0, within(1e-9));
    assertThat(origin.y).isCloseTo(0, within(1e-9));
    assertThat(north.x).isCloseTo(4.4777, within(1e-12));
    assertThat(north.y).isGreaterThan(51.9244);
    assertThat(east.x).isGreaterThan(4.4777);
    assertThat(WGS84.distance(4.4777, 51.9244, north.x, north.y)).isCloseTo(1_000, within(1e-6));
    assertThat(WGS84.distance(4.4777, 51.9244, east.x, east.y)).isCloseTo(1_000, within(1e-6));
  }

  /**
   * Distances from the centre are what the projection preserves (it is azimuthal equidistant on the
   * conformal sphere); this measures how well at 10 km in every direction.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0, 51.9244, 70, -45})
  void distanceFromTheCentreAt10KmIsExactToAMicrometre(double centreLat) {
    LocalProjection projection = new LocalProjection(4.4777, centreLat);
    double worst = 0;
    for (int bearing = 0; bearing < 360; bearing += 10) {
      Coordinate p =
          projection.unproject(
              10_000 * Math.sin(Math.toRadians(bearing)),
              10_000 * Math.cos(Math.toRadians(bearing)));
      worst = Math.max(worst, Math.abs(WGS84.distance(4.4777, centreLat, p.x, p.y) - 10_000));
    }
    report("radial distance error at 10 km, lat %.4f: %.2e m", centreLat, worst);
    assertThat(worst).isLessThan(1e-6);
  }

  /**
   * Distances between two points both about 10 km out are stretched across the radius by the
   * azimuthal projection's scale 1 + (d/R)²/6; this measures it on 1 km segments.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0, 51.9244, 70, -45})
  void distanceBetweenPointsAt10KmIsWithinAMillimetrePerKilometre(double centreLat) {
    LocalProjection projection = new LocalProjection(4.4777, centreLat);
    double worstRelative = 0;
    for (int bearing = 0; bearing < 360; bearing += 10) {
      double sin = Math.sin(Math.toRadians(bearing));
      double cos = Math.cos(Math.toRadians(bearing));
      // One segment across the radius and one along it, each 1 km long in the projection.
      double[][] segments = {
        {
          10_000 * sin - 500 * cos,
          10_000 * cos + 500 * sin,
          10_000 * sin + 500 * cos,
          10_000 * cos - 500 * sin
        },
        {9_500 * sin, 9_500 * cos, 10_500 * sin, 10_500 * cos}
      };
      for (double[] s : segments) {
        Coordinate a = projection.unproject(s[0], s[1]);
        Coordinate b = projection.unproject(s[2], s[3]);
        double planar = Math.hypot(s[2] - s[0], s[3] - s[1]);
        double relative = Math.abs(WGS84.distance(a, b) - planar) / planar;
        worstRelative = Math.max(worstRelative, relative);
      }
    }
    report(
        "distance error for 1 km segments at 10 km, lat %.4f: %.2e relative (%.3f mm per km)",
        centreLat, worstRelative, worstRelative * 1e6);
    assertThat(worstRelative).isLessThan(5e-7);
  }

  @Test
  void areaInTheProjectionMatchesTheGeodesicArea() {
    LocalProjection projection = new LocalProjection(4.4777, 51.9244);
    Polygon square =
        GEOMETRY.createPolygon(
            new Coordinate[] {
              new Coordinate(-2_000, -2_000),
              new Coordinate(2_000, -2_000),
              new Coordinate(2_000, 2_000),
              new Coordinate(-2_000, 2_000),
              new Coordinate(-2_000, -2_000)
            });

    double relative =
        Math.abs(WGS84.area(projection.unproject(square)) - square.getArea()) / square.getArea();

    report("area error of a 4 km square around the centre: %.2e relative", relative);
    assertThat(relative).isLessThan(1e-6);
  }

  @Test
  void projectsWholeGeometriesAndLeavesTheInputAlone() {
    LocalProjection projection = new LocalProjection(4.4777, 51.9244);
    LineString line =
        GEOMETRY.createLineString(
            new Coordinate[] {new Coordinate(4.47, 51.92), new Coordinate(4.49, 51.93)});

    Geometry metres = projection.project(line);
    Geometry back = projection.unproject(metres);

    assertThat(line.getCoordinateN(0)).isEqualTo(new Coordinate(4.47, 51.92));
    assertThat(metres.getLength())
        .isCloseTo(WGS84.distance(4.47, 51.92, 4.49, 51.93), within(1e-3));
    assertThat(back.equalsExact(line, 1e-12)).isTrue();
  }

  @Test
  void centresOnTheCentroidOfAGeometry() {
    Geometry line =
        GEOMETRY.createLineString(
            new Coordinate[] {new Coordinate(4.46, 51.92), new Coordinate(4.48, 51.92)});

    LocalProjection projection = LocalProjection.centredOn(line);

    assertThat(projection.centreLon()).isCloseTo(4.47, within(1e-12));
    assertThat(projection.centreLat()).isCloseTo(51.92, within(1e-12));
  }

  private static void report(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
