package org.crowdhex.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.uber.h3core.AreaUnit;
import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.crowdhex.geo.Geodesic;
import org.crowdhex.geo.LocalProjection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

class VenueZoneTest {
  private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);
  private static final Geodesic WGS84 = Geodesic.WGS84;

  private static H3Core h3;

  @BeforeAll
  static void loadH3() throws IOException {
    h3 = H3Core.newInstance();
  }

  @ParameterizedTest
  @ValueSource(doubles = {51.8939, 0.0, -33.9})
  void bufferOfAPointIs500MetresInEveryDirection(double lat) {
    Venue venue = new Venue("kuip", "De Kuip", VenueKind.STADIUM, 500, point(4.5231, lat));

    VenueZone zone = VenueZone.of(venue, 9, h3);

    assertThat(zone.zone()).isInstanceOf(Polygon.class);
    Coordinate[] vertices = ((Polygon) zone.zone()).getExteriorRing().getCoordinates();
    assertThat(vertices).hasSizeGreaterThanOrEqualTo(64);
    for (Coordinate vertex : vertices) {
      assertThat(WGS84.distance(4.5231, lat, vertex.x, vertex.y)).isCloseTo(500, within(1.0));
    }
    // A 64-gon inscribed in a 500 m circle: (64/2)·r²·sin(2π/64).
    double polygonKm2 = 32 * 0.25 * Math.sin(2 * Math.PI / 64);
    assertThat(zone.zoneAreaKm2()).isCloseTo(polygonKm2, within(polygonKm2 * 1e-3));
  }

  @Test
  void bufferOfALineIs40MetresFromTheLineAt52North() {
    LineString coolsingel =
        GEOMETRY.createLineString(
            new Coordinate[] {
              new Coordinate(4.4770, 51.9250),
              new Coordinate(4.4790, 51.9215),
              new Coordinate(4.4800, 51.9180)
            });
    Venue venue = new Venue("coolsingel", "Coolsingel", VenueKind.ROUTE, 40, coolsingel);

    VenueZone zone = VenueZone.of(venue, 11, h3);

    LocalProjection projection = LocalProjection.centredOn(coolsingel);
    Geometry lineMetres = projection.project(coolsingel);
    Coordinate[] boundary = zone.zone().getBoundary().getCoordinates();
    assertThat(boundary).hasSizeGreaterThan(30);
    for (Coordinate vertex : boundary) {
      Geometry vertexMetres = projection.project(GEOMETRY.createPoint(vertex));
      assertThat(vertexMetres.distance(lineMetres)).isCloseTo(40, within(0.5));
    }
    assertThat(zone.zone().covers(coolsingel)).isTrue();
  }

  @Test
  void coverOfARingShapedVenueHasNoHolesAndIncludesTheCellsInTheHole() {
    // A stadium bowl: stands 100 m deep around a 200 m radius pitch, far bigger than res-11 cells.
    LocalProjection projection = new LocalProjection(4.5231, 51.8939);
    Polygon bowl =
        GEOMETRY.createPolygon(ring(projection, 300), new LinearRing[] {ring(projection, 200)});
    Venue venue = new Venue("kuip", "De Kuip", VenueKind.STADIUM, 0, bowl);

    VenueZone zone = VenueZone.of(venue, 11, h3);

    long centreCell = h3.latLngToCell(51.8939, 4.5231, 11);
    List<Long> withoutFill =
        h3.polygonToCells(
            loop(bowl.getExteriorRing()), List.of(loop(bowl.getInteriorRingN(0))), 11);
    assertThat(withoutFill).doesNotContain(centreCell);
    assertThat(zone.covers(centreCell)).isTrue();
    assertThat(holesOf(zone.cells())).isZero();
    // The filled cover spans the whole 300 m disc, not just the stands.
    double discKm2 = Math.PI * 0.3 * 0.3;
    assertThat(zone.coverAreaKm2()).isCloseTo(discKm2, within(discKm2 * 0.05));
    assertThat(zone.zoneAreaKm2()).isCloseTo(Math.PI * (0.09 - 0.04), within(0.003));
  }

  @Test
  void zoneAndCoverAreasAgreeWithin5PercentAtAFineResolution() {
    Venue venue = new Venue("ahoy", "Ahoy", VenueKind.ARENA, 400, point(4.4903, 51.8825));

    VenueZone zone = VenueZone.of(venue, 11, h3);

    assertThat(zone.zoneAreaKm2()).isCloseTo(0.5, within(0.01));
    assertThat(zone.coverAreaKm2())
        .isCloseTo(zone.zoneAreaKm2(), within(zone.zoneAreaKm2() * 0.05));
    double summed =
        Arrays.stream(zone.cells()).mapToDouble(c -> h3.cellArea(c, AreaUnit.km2)).sum();
    assertThat(zone.coverAreaKm2()).isCloseTo(summed, within(1e-12));
  }

  @Test
  void aZoneSmallerThanACellIsCoveredByTheCellUnderIt() {
    Venue small = new Venue("kiosk", "Kiosk", VenueKind.STATION, 10, point(4.4690, 51.9244));

    VenueZone zone = VenueZone.of(small, 7, h3);

    assertThat(zone.cells()).containsExactly(h3.latLngToCell(51.9244, 4.4690, 7));
    assertThat(zone.zoneAreaKm2()).isCloseTo(Math.PI * 1e-4, within(1e-6));
  }

  @Test
  void aPointWithoutBufferIsItsOwnCell() {
    Venue venue = new Venue("centraal", "Centraal", VenueKind.STATION, 0, point(4.4690, 51.9244));

    VenueZone zone = VenueZone.of(venue, 9, h3);

    assertThat(zone.cells()).containsExactly(h3.latLngToCell(51.9244, 4.4690, 9));
    assertThat(zone.zoneAreaKm2()).isZero();
    assertThat(zone.coverAreaKm2())
        .isCloseTo(h3.cellArea(zone.cells()[0], AreaUnit.km2), within(1e-12));
  }

  @Test
  void aLineWithoutBufferIsCoveredByTheCellsItPassesThrough() {
    LineString bridge =
        GEOMETRY.createLineString(
            new Coordinate[] {new Coordinate(4.4826, 51.9125), new Coordinate(4.4868, 51.9064)});
    Venue venue = new Venue("erasmusbrug", "Erasmusbrug", VenueKind.ROUTE, 0, bridge);

    VenueZone zone = VenueZone.of(venue, 10, h3);

    assertThat(zone.covers(h3.latLngToCell(51.9125, 4.4826, 10))).isTrue();
    assertThat(zone.covers(h3.latLngToCell(51.9064, 4.4868, 10))).isTrue();
    assertThat(zone.covers(h3.latLngToCell(51.90945, 4.4847, 10))).isTrue();
    // The cells form one connected chain along the bridge.
    List<List<List<LatLng>>> outline = h3.cellsToMultiPolygon(toList(zone.cells()), false);
    assertThat(outline).hasSize(1);
  }

  @Test
  void aTinyPolygonStillGetsACell() {
    LocalProjection projection = new LocalProjection(4.4726, 51.9205);
    Polygon booth =
        GEOMETRY.createPolygon(
            new Coordinate[] {
              projection.unproject(-10, -10), projection.unproject(10, -10),
              projection.unproject(10, 10), projection.unproject(-10, 10),
              projection.unproject(-10, -10)
            });
    Venue venue = new Venue("booth", "Booth", VenueKind.SQUARE, 0, booth);

    VenueZone zone = VenueZone.of(venue, 8, h3);

    assertThat(zone.cells()).containsExactly(h3.latLngToCell(51.9205, 4.4726, 8));
    assertThat(zone.zoneAreaKm2()).isCloseTo(0.0004, within(1e-8));
  }

  @Test
  void cellsAreSortedAndComparedByContent() {
    Venue venue = new Venue("ahoy", "Ahoy", VenueKind.ARENA, 300, point(4.4903, 51.8825));

    VenueZone first = VenueZone.of(venue, 10, h3);
    VenueZone second = VenueZone.of(venue, 10, h3);
    long[] cells = first.cells();
    cells[0] = 0;

    assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    assertThat(first.cells()).isSorted().doesNotContain(0L).isEqualTo(second.cells());
    assertThat(first).isNotEqualTo(VenueZone.of(venue, 9, h3));
  }

  private int holesOf(long[] cells) {
    int holes = 0;
    for (List<List<LatLng>> polygon : h3.cellsToMultiPolygon(toList(cells), false)) {
      holes += polygon.size() - 1;
    }
    return holes;
  }

  private static List<Long> toList(long[] cells) {
    return Arrays.stream(cells).boxed().toList();
  }

  private static Geometry point(double lon, double lat) {
    return GEOMETRY.createPoint(new Coordinate(lon, lat));
  }

  /** A circle of the given radius in metres around the projection's centre, as a lon/lat ring. */
  private static LinearRing ring(LocalProjection projection, double radius) {
    int n = 128;
    Coordinate[] ring = new Coordinate[n + 1];
    for (int i = 0; i < n; i++) {
      double angle = 2 * Math.PI * i / n;
      ring[i] = projection.unproject(radius * Math.sin(angle), radius * Math.cos(angle));
    }
    ring[n] = ring[0];
    return GEOMETRY.createLinearRing(ring);
  }

  private static List<LatLng> loop(LineString ring) {
    List<LatLng> loop = new ArrayList<>();
    Coordinate[] coordinates = ring.getCoordinates();
    for (int i = 0; i < coordinates.length - 1; i++) {
      loop.add(new LatLng(coordinates[i].y, coordinates[i].x));
    }
    return loop;
  }
}
