package org.crowdhex.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

class VenueCatalogTest {
  private static final String KUIP =
      feature(
          "{\"id\": \"kuip\", \"name\": \"De Kuip\", \"kind\": \"stadium\", \"buffer_m\": 300}",
          "{\"type\": \"Point\", \"coordinates\": [4.5231, 51.8939]}");
  private static final String COOLSINGEL =
      feature(
          "{\"id\": \"coolsingel\", \"name\": \"Coolsingel\", \"kind\": \"route\"}",
          "{\"type\": \"LineString\", \"coordinates\": [[4.4770, 51.9250], [4.4800, 51.9180]]}");
  private static final String SCHOUWBURGPLEIN =
      feature(
          "{\"id\": \"schouwburgplein\", \"name\": \"Schouwburgplein\", \"kind\": \"square\","
              + " \"buffer_m\": 0}",
          square(4.4726, 51.9205, 0.001));

  @TempDir Path dir;

  @Test
  void readsAValidFileInOrderWithTheDefaultBufferWhereNoneIsGiven() throws IOException {
    Path file = write("venues.geojson", collection(KUIP, COOLSINGEL, SCHOUWBURGPLEIN));

    List<Venue> venues = VenueCatalog.read(file, 150);

    assertThat(venues)
        .extracting(Venue::id)
        .containsExactly("kuip", "coolsingel", "schouwburgplein");
    Venue kuip = venues.get(0);
    assertThat(kuip.name()).isEqualTo("De Kuip");
    assertThat(kuip.kind()).isEqualTo(VenueKind.STADIUM);
    assertThat(kuip.bufferMeters()).isEqualTo(300);
    assertThat(kuip.geometry()).isInstanceOf(Point.class);
    assertThat(kuip.geometry().getCoordinate().x).isEqualTo(4.5231);
    assertThat(kuip.geometry().getCoordinate().y).isEqualTo(51.8939);
    assertThat(venues.get(1).bufferMeters()).isEqualTo(150);
    assertThat(venues.get(1).kind()).isEqualTo(VenueKind.ROUTE);
    assertThat(venues.get(1).geometry()).isInstanceOf(LineString.class);
    assertThat(venues.get(2).bufferMeters()).isZero();
    assertThat(venues.get(2).geometry()).isInstanceOf(Polygon.class);
    assertThatThrownBy(() -> venues.add(kuip)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void readsEveryAcceptedGeometryType() throws IOException {
    String[] geometries = {
      "{\"type\": \"Point\", \"coordinates\": [4.47, 51.92]}",
      "{\"type\": \"MultiPoint\", \"coordinates\": [[4.47, 51.92], [4.48, 51.93]]}",
      "{\"type\": \"LineString\", \"coordinates\": [[4.47, 51.92], [4.48, 51.93]]}",
      "{\"type\": \"MultiLineString\", \"coordinates\": [[[4.47, 51.92], [4.48, 51.93]]]}",
      square(4.47, 51.92, 0.001),
      "{\"type\": \"MultiPolygon\", \"coordinates\": [[[[4.47, 51.92], [4.471, 51.92],"
          + " [4.471, 51.921], [4.47, 51.92]]]]}"
    };
    StringBuilder features = new StringBuilder();
    for (int i = 0; i < geometries.length; i++) {
      features
          .append(i == 0 ? "" : ",")
          .append(
              feature(
                  "{\"id\": \"v" + i + "\", \"name\": \"V\", \"kind\": \"camp\"}", geometries[i]));
    }

    List<Venue> venues = VenueCatalog.read(write("all.geojson", collection(features)), 100);

    assertThat(venues)
        .extracting(v -> v.geometry().getGeometryType())
        .containsExactly(
            "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon");
  }

  @Test
  void namesFileFeatureFieldValueAndAcceptedValuesForABadKind() throws IOException {
    String bad =
        feature(
            "{\"id\": \"kuip\", \"name\": \"De Kuip\", \"kind\": \"stadum\"}",
            "{\"type\": \"Point\", \"coordinates\": [4.5231, 51.8939]}");
    Path file =
        write("venues.geojson", collection(COOLSINGEL, SCHOUWBURGPLEIN, other("ahoy"), bad));

    assertThat(problems(file))
        .containsExactly(
            "venues.geojson feature 3 (id \"kuip\"): kind is \"stadum\"; accepted: stadium,"
                + " arena, square, route, station, camp");
  }

  @Test
  void reportsAMissingId() throws IOException {
    String noId =
        feature(
            "{\"name\": \"De Kuip\", \"kind\": \"stadium\"}",
            "{\"type\": \"Point\", \"coordinates\": [4.5231, 51.8939]}");

    assertThat(problems(write("venues.geojson", collection(noId))))
        .containsExactly("venues.geojson feature 0: id is missing; accepted: a non-empty string");
  }

  @Test
  void reportsADuplicateIdWithTheFeatureThatHasItFirst() throws IOException {
    assertThat(problems(write("venues.geojson", collection(KUIP, COOLSINGEL, KUIP))))
        .containsExactly(
            "venues.geojson feature 2 (id \"kuip\"): id \"kuip\" is already used by feature 0;"
                + " accepted: ids unique in the file");
  }

  @Test
  void reportsANegativeBuffer() throws IOException {
    String negative = KUIP.replace("\"buffer_m\": 300", "\"buffer_m\": -5");

    assertThat(problems(write("venues.geojson", collection(negative))))
        .containsExactly(
            "venues.geojson feature 0 (id \"kuip\"): buffer_m is -5; accepted: a number of metres"
                + " from 0 to 5000, or no buffer_m for the default of 150");
  }

  @Test
  void reportsATooLargeOrNonNumericBuffer() throws IOException {
    String large = KUIP.replace("\"buffer_m\": 300", "\"buffer_m\": 5000.5");
    String text =
        COOLSINGEL.replace("\"kind\": \"route\"", "\"kind\": \"route\", \"buffer_m\": \"40\"");

    assertThat(problems(write("venues.geojson", collection(large, text))))
        .containsExactly(
            "venues.geojson feature 0 (id \"kuip\"): buffer_m is 5000.5; accepted: a number of"
                + " metres from 0 to 5000, or no buffer_m for the default of 150",
            "venues.geojson feature 1 (id \"coolsingel\"): buffer_m is \"40\"; accepted: a number"
                + " of metres from 0 to 5000, or no buffer_m for the default of 150");
  }

  @Test
  void reportsAnUnsupportedGeometryType() throws IOException {
    String collectionGeometry =
        feature(
            "{\"id\": \"ahoy\", \"name\": \"Ahoy\", \"kind\": \"arena\"}",
            "{\"type\": \"GeometryCollection\", \"geometries\": []}");

    assertThat(problems(write("venues.geojson", collection(collectionGeometry))))
        .containsExactly(
            "venues.geojson feature 0 (id \"ahoy\"): geometry type is \"GeometryCollection\";"
                + " accepted: Point, MultiPoint, LineString, MultiLineString, Polygon,"
                + " MultiPolygon");
  }

  @Test
  void reportsACoordinateOutOfRangeAndHintsAtSwappedAxes() throws IOException {
    String outOfRange =
        feature(
            "{\"id\": \"ahoy\", \"name\": \"Ahoy\", \"kind\": \"arena\"}",
            "{\"type\": \"LineString\", \"coordinates\": [[4.49, 51.88], [200.0, 51.9]]}");
    String swapped =
        feature(
            "{\"id\": \"tokyodome\", \"name\": \"Tokyo Dome\", \"kind\": \"stadium\"}",
            "{\"type\": \"MultiPoint\", \"coordinates\": [[35.7056, 139.7519], [35.7061, 139.7525]]}");

    assertThat(problems(write("venues.geojson", collection(outOfRange, swapped))))
        .containsExactly(
            "venues.geojson feature 0 (id \"ahoy\"): geometry coordinate [200.0, 51.9] is out of"
                + " range; accepted: [lon, lat] with lon from -180 to 180 and lat from -90 to 90",
            "venues.geojson feature 1 (id \"tokyodome\"): geometry coordinate [35.7056, 139.7519]"
                + " is out of range (and 1 more), perhaps [lat, lon] instead of [lon, lat];"
                + " accepted: [lon, lat] with lon from -180 to 180 and lat from -90 to 90");
  }

  @Test
  void reportsAnInvalidPolygon() throws IOException {
    String bowTie =
        feature(
            "{\"id\": \"plein\", \"name\": \"Plein\", \"kind\": \"square\"}",
            "{\"type\": \"Polygon\", \"coordinates\": [[[4.47, 51.92], [4.48, 51.93],"
                + " [4.48, 51.92], [4.47, 51.93], [4.47, 51.92]]]}");

    assertThat(problems(write("venues.geojson", collection(bowTie))))
        .singleElement()
        .asString()
        .startsWith("venues.geojson feature 0 (id \"plein\"): Polygon geometry is not valid:")
        .contains("Self-intersection at [4.475, 51.925]")
        .endsWith(
            "; accepted: polygons whose rings are closed, do not cross themselves or each other,"
                + " and whose holes lie inside their shell");
  }

  @Test
  void reportsMalformedCoordinates() throws IOException {
    String open =
        feature(
            "{\"id\": \"plein\", \"name\": \"Plein\", \"kind\": \"square\"}",
            "{\"type\": \"Polygon\", \"coordinates\": [[[4.47, 51.92], [4.48, 51.93],"
                + " [4.48, 51.92], [4.47, 51.93]]]}");

    assertThat(problems(write("venues.geojson", collection(open))))
        .singleElement()
        .asString()
        .startsWith(
            "venues.geojson feature 0 (id \"plein\"): Polygon geometry has malformed coordinates"
                + " [[[4.47,51.92]")
        .endsWith("; accepted: coordinates as in RFC 7946 section 3.1");
  }

  @Test
  void reportsEveryProblemOfEveryFeatureAtOnce() throws IOException {
    String noNameBadKind =
        feature(
            "{\"id\": \"ahoy\", \"kind\": \"hall\"}",
            "{\"type\": \"Point\", \"coordinates\": [4.49, 51.88]}");
    String noGeometry =
        "{\"type\": \"Feature\", \"properties\": {\"id\": \"erasmusbrug\", \"name\":"
            + " \"Erasmusbrug\", \"kind\": \"route\", \"buffer_m\": -1}, \"geometry\": null}";

    VenueFileException e =
        catchThrowableOfType(
            VenueFileException.class,
            () ->
                VenueCatalog.read(
                    write("venues.geojson", collection(KUIP, noNameBadKind, noGeometry, KUIP)),
                    150));

    assertThat(e.problems())
        .containsExactly(
            "venues.geojson feature 1 (id \"ahoy\"): name is missing; accepted: a non-empty"
                + " string",
            "venues.geojson feature 1 (id \"ahoy\"): kind is \"hall\"; accepted: stadium, arena,"
                + " square, route, station, camp",
            "venues.geojson feature 2 (id \"erasmusbrug\"): buffer_m is -1; accepted: a number of"
                + " metres from 0 to 5000, or no buffer_m for the default of 150",
            "venues.geojson feature 2 (id \"erasmusbrug\"): geometry is null; accepted: Point,"
                + " MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon",
            "venues.geojson feature 3 (id \"kuip\"): id \"kuip\" is already used by feature 0;"
                + " accepted: ids unique in the file");
    assertThat(e.getMessage())
        .startsWith("venues.geojson has 5 problems:\n  venues.geojson feature 1 (id \"ahoy\")");
  }

  @Test
  void reportsAFileThatIsNotAFeatureCollection() throws IOException {
    Path file = write("venues.geojson", KUIP);

    assertThat(problems(file))
        .containsExactly(
            "venues.geojson is not a GeoJSON FeatureCollection: its \"type\" is \"Feature\";"
                + " accepted: an object with \"type\": \"FeatureCollection\" and a \"features\""
                + " array (RFC 7946 section 3.3)");
  }

  @Test
  void reportsATopLevelArray() throws IOException {
    assertThat(problems(write("venues.geojson", "[" + KUIP + "]")))
        .singleElement()
        .asString()
        .startsWith("venues.geojson is not a GeoJSON FeatureCollection: its top level is an array");
  }

  @Test
  void reportsInvalidJsonWithItsPosition() throws IOException {
    Path file = write("venues.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [}");

    assertThat(problems(file))
        .singleElement()
        .asString()
        .startsWith("venues.geojson is not valid JSON at line 2, column ")
        .contains("Unexpected close marker '}'");
  }

  @Test
  void reportsARepeatedKeyAsInvalidJson() throws IOException {
    String twice =
        KUIP.replace("\"kind\": \"stadium\"", "\"kind\": \"stadium\", \"kind\": \"arena\"");

    assertThat(problems(write("venues.geojson", collection(twice))))
        .singleElement()
        .asString()
        .startsWith("venues.geojson is not valid JSON at line 1, column ")
        .contains("Duplicate field 'kind'");
  }

  @Test
  void reportsAMissingFile() {
    Path missing = dir.resolve("nowhere.geojson");

    assertThat(problems(missing)).containsExactly("venues file " + missing + " does not exist");
  }

  @Test
  void reportsAnEmptyCollection() throws IOException {
    assertThat(problems(write("venues.geojson", collection())))
        .containsExactly(
            "venues.geojson has no features; accepted: a FeatureCollection with at least one"
                + " venue feature");
  }

  @Test
  void filterKeepsCatalogOrderAndAnEmptySelectionKeepsAll() throws IOException {
    List<Venue> venues =
        VenueCatalog.read(
            write("venues.geojson", collection(KUIP, COOLSINGEL, SCHOUWBURGPLEIN)), 150);

    assertThat(VenueCatalog.filter(venues, List.of("schouwburgplein", "kuip")))
        .extracting(Venue::id)
        .containsExactly("kuip", "schouwburgplein");
    assertThat(VenueCatalog.filter(venues, List.of())).isEqualTo(venues);
  }

  @Test
  void filterNamesUnknownIdsAndTheKnownOnes() throws IOException {
    List<Venue> venues =
        VenueCatalog.read(write("venues.geojson", collection(KUIP, COOLSINGEL)), 150);

    assertThatThrownBy(() -> VenueCatalog.filter(venues, List.of("kuip", "kiup", "ahoy")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown venue ids \"kiup\", \"ahoy\"; known: kuip, coolsingel");
  }

  private static List<String> problems(Path file) {
    return catchThrowableOfType(VenueFileException.class, () -> VenueCatalog.read(file, 150))
        .problems();
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String collection(CharSequence... features) {
    return "{\"type\": \"FeatureCollection\", \"features\": ["
        + String.join(",\n", features)
        + "]}";
  }

  private static String feature(String properties, String geometry) {
    return "{\"type\": \"Feature\", \"properties\": "
        + properties
        + ", \"geometry\": "
        + geometry
        + "}";
  }

  private static String other(String id) {
    return feature(
        "{\"id\": \"" + id + "\", \"name\": \"" + id + "\", \"kind\": \"arena\"}",
        "{\"type\": \"Point\", \"coordinates\": [4.49, 51.88]}");
  }

  private static String square(double lon, double lat, double side) {
    return "{\"type\": \"Polygon\", \"coordinates\": [[["
        + lon
        + ", "
        + lat
        + "], ["
        + (lon + side)
        + ", "
        + lat
        + "], ["
        + (lon + side)
        + ", "
        + (lat + side)
        + "], ["
        + lon
        + ", "
        + (lat + side)
        + "], ["
        + lon
        + ", "
        + lat
        + "]]]}";
  }
}
