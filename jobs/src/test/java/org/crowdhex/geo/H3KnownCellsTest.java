package org.crowdhex.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.uber.h3core.AreaUnit;
import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Pins the H3 library's behaviour that the venue covers rely on, against documented values. */
class H3KnownCellsTest {
  private static H3Core h3;

  @BeforeAll
  static void loadH3() throws IOException {
    h3 = H3Core.newInstance();
  }

  @Test
  void mapsTheDocumentedExamplePointToItsCell() {
    long cell = h3.latLngToCell(37.775938728915946, -122.41795063018799, 9);

    assertThat(cell).isEqualTo(0x8928308280fffffL);
    assertThat(h3.h3ToString(cell)).isEqualTo("8928308280fffff");
    assertThat(h3.stringToH3("8928308280fffff")).isEqualTo(cell);
  }

  @Test
  void cellCentreLiesInItsOwnCell() {
    long cell = 0x8928308280fffffL;
    LatLng centre = h3.cellToLatLng(cell);

    assertThat(h3.latLngToCell(centre.lat, centre.lng, 9)).isEqualTo(cell);
    assertThat(centre.lat).isCloseTo(37.7766, within(0.001));
    assertThat(centre.lng).isCloseTo(-122.4181, within(0.001));
  }

  @Test
  void resolution9CellsAreAboutATenthOfASquareKilometre() {
    double km2 = h3.cellArea(0x8928308280fffffL, AreaUnit.km2);

    assertThat(km2).isCloseTo(0.105, within(0.105 * 0.2));
  }

  @Test
  void h3CellAreaAgreesWithTheGeodesicAreaOfItsBoundary() {
    long cell = h3.latLngToCell(51.9244, 4.4777, 9);
    var boundary = h3.cellToBoundary(cell);
    var coordinates = new Coordinate[boundary.size() + 1];
    for (int i = 0; i < boundary.size(); i++) {
      coordinates[i] = new Coordinate(boundary.get(i).lng, boundary.get(i).lat);
    }
    coordinates[boundary.size()] = coordinates[0];
    var hexagon = new GeometryFactory().createPolygon(coordinates);

    double h3Km2 = h3.cellArea(cell, AreaUnit.km2);
    double geodesicKm2 = Geodesic.WGS84.area(hexagon) / 1e6;

    // H3 measures on a sphere of radius 6371.007 km, the authalic sphere, so they agree closely.
    assertThat(geodesicKm2).isCloseTo(h3Km2, within(h3Km2 * 0.005));
  }
}
