package org.crowdhex.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

class GeodesicTest {
  private static final Geodesic WGS84 = Geodesic.WGS84;
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  @Test
  void reproducesVincentysFlindersPeakToBuninyongLine() {
    // The worked example of Geoscience Australia's geodetic calculations, on GRS80.
    double flindersLat = -dms(37, 57, 3.72030);
    double flindersLon = dms(144, 25, 29.52440);
    double buninyongLat = -dms(37, 39, 10.15610);
    double buninyongLon = dms(143, 55, 35.38390);

    double metres =
        new Geodesic(Ellipsoid.GRS80)
            .distance(flindersLon, flindersLat, buninyongLon, buninyongLat);

    assertThat(metres).isCloseTo(54_972.271, within(0.001));
  }

  @Test
  void oneDegreeOfLatitudeAtTheEquatorIsTheMeridianArc() {
    double metres = WGS84.distance(0, 0, 0, 1);

    assertThat(metres).isCloseTo(110_574.4, within(0.1));
    assertThat(metres).isCloseTo(meridianArc(0, 1), within(1e-4));
  }

  @Test
  void oneDegreeOfLatitudeEndingAt52NorthIsAbout111258Metres() {
    double metres = WGS84.distance(4.5, 51, 4.5, 52);

    assertThat(metres).isCloseTo(111_258, within(1.0));
    assertThat(metres).isCloseTo(meridianArc(51, 52), within(1e-4));
    // The degree centred on 52° is longer, as meridians flatten towards the pole.
    assertThat(WGS84.distance(4.5, 51.5, 4.5, 52.5))
        .isCloseTo(meridianArc(51.5, 52.5), within(1e-4));
  }

  @Test
  void oneDegreeOfLongitudeAtTheEquatorIsAnArcOfTheEquator() {
    double metres = WGS84.distance(10, 0, 11, 0);

    assertThat(metres).isCloseTo(111_319.4908, within(0.001));
  }

  @Test
  void quarterMeridianIsTheKnownValue() {
    assertThat(WGS84.distance(5, 0, 5, 90)).isCloseTo(10_001_965.729, within(0.001));
  }

  @Test
  void isSymmetricAndZeroForTheSamePoint() {
    assertThat(WGS84.distance(4.48, 51.92, 4.48, 51.92)).isZero();
    assertThat(WGS84.distance(17, 90, -120, 90)).isCloseTo(0, within(1e-6));
    assertThat(WGS84.distance(4.48, 51.92, 4.52, 51.89))
        .isCloseTo(WGS84.distance(4.52, 51.89, 4.48, 51.92), within(1e-9));
  }

  @Test
  void crossesTheAntimeridian() {
    assertThat(WGS84.distance(179.99, 0, -179.99, 0)).isCloseTo(0.02 * 111_319.4908, within(0.001));
  }

  @Test
  void antipodalPointsFallBackToAGreatCircleWithinHalfAPercent() {
    // Over the pole: twice the quarter meridian.
    double metres = WGS84.distance(0, 0, 180, 0);

    assertThat(metres).isCloseTo(2 * 10_001_965.729, within(0.005 * 20_003_931.46));
  }

  @Test
  void authalicRadiusIsTheKnownValue() {
    assertThat(WGS84.authalicRadius()).isCloseTo(6_371_007.181, within(0.001));
  }

  @Test
  void areaOfASmallBoxMatchesTheEllipsoidalZoneFormula() {
    Polygon box = box(4.47, 51.91, 4.48, 51.92, 200);

    double expected = Math.toRadians(0.01) * zoneIntegral(51.91, 51.92);
    double area = WGS84.area(box);

    assertThat(expected).isCloseTo(765_600, within(1_000.0));
    assertThat(area).isCloseTo(expected, within(expected * 1e-9));
  }

  @Test
  void areaOfAOneDegreeBoxAtTheEquator() {
    Polygon box = box(0, 0, 1, 1, 2_000);

    double expected = Math.toRadians(1) * zoneIntegral(0, 1);
    double area = WGS84.area(box);

    assertThat(expected / 1e6).isCloseTo(12_308.8, within(1.0));
    assertThat(area).isCloseTo(expected, within(expected * 1e-9));
  }

  @Test
  void areaOfAOneKilometreSquareLaidOutInMetres() {
    LocalProjection projection = new LocalProjection(4.4777, 51.9244);
    Coordinate[] ring = new Coordinate[5];
    double[][] corners = {{-500, -500}, {500, -500}, {500, 500}, {-500, 500}, {-500, -500}};
    for (int i = 0; i < corners.length; i++) {
      ring[i] = projection.unproject(corners[i][0], corners[i][1]);
    }

    double area = WGS84.area(GEOMETRY.createPolygon(ring));

    assertThat(area).isCloseTo(1_000_000, within(0.5));
  }

  @Test
  void areaSubtractsHolesAndIgnoresOrientationAndLines() {
    Polygon outer = box(4.47, 51.91, 4.48, 51.92, 50);
    Polygon inner = box(4.473, 51.913, 4.477, 51.917, 50);
    Polygon withHole =
        GEOMETRY.createPolygon(
            outer.getExteriorRing(), new LinearRing[] {inner.getExteriorRing().reverse()});

    assertThat(WGS84.area(withHole)).isCloseTo(WGS84.area(outer) - WGS84.area(inner), within(1e-6));
    assertThat(WGS84.area(outer.reverse())).isCloseTo(WGS84.area(outer), within(1e-6));
    assertThat(WGS84.area(outer.getExteriorRing())).isZero();
  }

  /**
   * A lon/lat box whose east and west sides are meridians and whose other sides follow the
   * parallels.
   */
  private static Polygon box(double west, double south, double east, double north, int perSide) {
    List<Coordinate> ring = new ArrayList<>();
    for (int i = 0; i < perSide; i++) {
      ring.add(new Coordinate(west + (east - west) * i / perSide, south));
    }
    ring.add(new Coordinate(east, south));
    for (int i = perSide; i > 0; i--) {
      ring.add(new Coordinate(west + (east - west) * i / perSide, north));
    }
    ring.add(new Coordinate(west, north));
    ring.add(new Coordinate(west, south));
    return GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new));
  }

  /** Length of the meridian between two latitudes, by Simpson's rule over M(φ). */
  private static double meridianArc(double fromLat, double toLat) {
    return simpson(lat -> Ellipsoid.WGS84.meridionalRadius(lat), fromLat, toLat);
  }

  /** Area per radian of longitude between two latitudes: ∫ M·N·cos φ dφ, by Simpson's rule. */
  private static double zoneIntegral(double fromLat, double toLat) {
    return simpson(
        lat ->
            Ellipsoid.WGS84.meridionalRadius(lat)
                * Ellipsoid.WGS84.primeVerticalRadius(lat)
                * Math.cos(Math.toRadians(lat)),
        fromLat,
        toLat);
  }

  private static double simpson(
      java.util.function.DoubleUnaryOperator f, double fromDeg, double toDeg) {
    int n = 2_000;
    double h = (toDeg - fromDeg) / n;
    double sum = f.applyAsDouble(fromDeg) + f.applyAsDouble(toDeg);
    for (int i = 1; i < n; i++) {
      sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(fromDeg + i * h);
    }
    return Math.toRadians(h) / 3 * sum;
  }

  private static double dms(double degrees, double minutes, double seconds) {
    return degrees + minutes / 60 + seconds / 3600;
  }
}
