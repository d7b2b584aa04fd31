package org.crowdhex.tile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebMercatorTest {
  /** The centre spot of De Kuip, Rotterdam. */
  private static final double KUIP_LON = 4.5232;

  private static final double KUIP_LAT = 51.8939;

  @Test
  void theOriginIsTheCentreOfTheOnlyTileAtZoom0() {
    assertThat(WebMercator.tileAt(0, 0, 0)).isEqualTo(new TileCoord(0, 0, 0));
    assertThat(WebMercator.pixelX(0, 0)).isEqualTo(128);
    assertThat(WebMercator.pixelY(0, 0)).isCloseTo(128, within(1e-12));
    // A point on an edge belongs to the tile east and south of it.
    assertThat(WebMercator.tileAt(0, 0, 1)).isEqualTo(new TileCoord(1, 1, 1));
  }

  /** The expected tiles were worked out with the formulas below in another language. */
  @ParameterizedTest
  @CsvSource({"11, 1049, 677", "14, 8397, 5419", "17, 67182, 43357"})
  void deKuipFallsInTheTilesTheSlippyMapFormulasGive(int z, int x, int y) {
    assertThat(WebMercator.tileAt(KUIP_LON, KUIP_LAT, z)).isEqualTo(new TileCoord(z, x, y));

    // The formulas of the OpenStreetMap wiki's "Slippy map tilenames", written out by hand.
    double n = Math.pow(2, z);
    double phi = Math.toRadians(KUIP_LAT);
    double xTile = n * (KUIP_LON + 180) / 360;
    double yTile = n * (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
    assertThat((int) Math.floor(xTile)).isEqualTo(x);
    assertThat((int) Math.floor(yTile)).isEqualTo(y);
    assertThat(WebMercator.pixelX(KUIP_LON, z)).isCloseTo(256 * xTile, within(1e-6));
    assertThat(WebMercator.pixelY(KUIP_LAT, z)).isCloseTo(256 * yTile, within(1e-6));
  }

  @Test
  void pixelsOfDeKuipAtZoom11() {
    assertThat(WebMercator.pixelX(KUIP_LON, 11) / 256).isCloseTo(1049.7319822222, within(1e-9));
    assertThat(WebMercator.pixelY(KUIP_LAT, 11) / 256).isCloseTo(677.4645467474, within(1e-9));
  }

  @Test
  void boundsOfTile11_1049_673() {
    TileBounds bounds = WebMercator.bounds(new TileCoord(11, 1049, 673));

    assertThat(bounds.west()).isCloseTo(4.39453125, within(1e-12));
    assertThat(bounds.east()).isCloseTo(4.5703125, within(1e-12));
    assertThat(bounds.south()).isCloseTo(52.26815737376817, within(1e-9));
    assertThat(bounds.north()).isCloseTo(52.3755991766591, within(1e-9));

    // By hand: lon = x / n · 360 − 180 and lat = atan(sinh(π (1 − 2 y / n))).
    double n = 2048;
    assertThat(bounds.west()).isCloseTo(1049 / n * 360 - 180, within(1e-12));
    assertThat(bounds.north())
        .isCloseTo(
            Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * 673 / n)))), within(1e-12));
    double midLon = (bounds.west() + bounds.east()) / 2;
    double midLat = (bounds.south() + bounds.north()) / 2;
    assertThat(WebMercator.tileAt(midLon, midLat, 11)).isEqualTo(new TileCoord(11, 1049, 673));
  }

  @Test
  void neighbouringTilesShareTheirEdges() {
    TileBounds tile = WebMercator.bounds(new TileCoord(15, 16795, 10839));
    TileBounds east = WebMercator.bounds(new TileCoord(15, 16796, 10839));
    TileBounds south = WebMercator.bounds(new TileCoord(15, 16795, 10840));

    assertThat(east.west()).isEqualTo(tile.east());
    assertThat(south.north()).isEqualTo(tile.south());
    assertThat(tile.contains(KUIP_LON, KUIP_LAT)).isTrue();
  }

  @Test
  void pixelsAndDegreesRoundTrip() {
    for (int z : new int[] {0, 11, 17, 24}) {
      for (double lat : new double[] {-80, -33.9, 0, 51.8939, 85}) {
        for (double lon : new double[] {-179.99, -70.5, 0, 4.5232, 179.99}) {
          assertThat(WebMercator.lon(WebMercator.pixelX(lon, z), z)).isCloseTo(lon, within(1e-9));
          assertThat(WebMercator.lat(WebMercator.pixelY(lat, z), z)).isCloseTo(lat, within(1e-9));
        }
      }
    }
  }

  @Test
  void theAntimeridianBelongsToColumn0AndLongitudesWrap() {
    assertThat(WebMercator.tileAt(180, 0, 3)).isEqualTo(new TileCoord(3, 0, 4));
    assertThat(WebMercator.tileAt(-180, 0, 3)).isEqualTo(new TileCoord(3, 0, 4));
    assertThat(WebMercator.tileAt(179.9999, 0, 3)).isEqualTo(new TileCoord(3, 7, 4));
    assertThat(WebMercator.tileAt(-180.5, 0, 3)).isEqualTo(new TileCoord(3, 7, 4));
    assertThat(WebMercator.tileAt(KUIP_LON + 720, KUIP_LAT, 11))
        .isEqualTo(new TileCoord(11, 1049, 677));
    assertThat(WebMercator.pixelX(180, 5)).isEqualTo(0);
    assertThat(WebMercator.wrapLongitude(540)).isEqualTo(-180);
    assertThat(WebMercator.wrapLongitude(-190)).isEqualTo(170);
  }

  @Test
  void thePolesAreClampedToTheEdgesOfTheSquareWorld() {
    assertThat(WebMercator.MAX_LATITUDE).isCloseTo(85.05112878, within(1e-8));
    assertThat(WebMercator.tileAt(0, 90, 5)).isEqualTo(new TileCoord(5, 16, 0));
    assertThat(WebMercator.tileAt(0, 86, 5)).isEqualTo(new TileCoord(5, 16, 0));
    assertThat(WebMercator.tileAt(0, -90, 5)).isEqualTo(new TileCoord(5, 16, 31));
    assertThat(WebMercator.pixelY(90, 5)).isCloseTo(0, within(1e-6));
    assertThat(WebMercator.pixelY(-90, 5)).isCloseTo(WebMercator.worldPixels(5), within(1e-6));
    assertThat(WebMercator.pixelY(WebMercator.MAX_LATITUDE, 5)).isCloseTo(0, within(1e-6));
    assertThat(WebMercator.lat(0, 5)).isCloseTo(WebMercator.MAX_LATITUDE, within(1e-12));
    TileBounds top = WebMercator.bounds(new TileCoord(0, 0, 0));
    assertThat(top.north()).isCloseTo(WebMercator.MAX_LATITUDE, within(1e-12));
    assertThat(top.south()).isCloseTo(-WebMercator.MAX_LATITUDE, within(1e-12));
  }

  @Test
  void groundResolutionIsTheEquatorOver256TimesTwoToTheZoomTimesCosLatitude() {
    assertThat(WebMercator.metresPerPixel(0, 0)).isCloseTo(156_543.03392804097, within(1e-8));
    assertThat(WebMercator.metresPerPixel(KUIP_LAT, 15)).isCloseTo(2.948174522, within(1e-9));
    assertThat(WebMercator.metresPerPixel(KUIP_LAT, 15))
        .isCloseTo(
            Math.cos(Math.toRadians(KUIP_LAT)) * 2 * Math.PI * 6_378_137 / (256 * 32_768.0),
            within(1e-12));
    assertThat(WebMercator.metresPerPixel(60, 10))
        .isCloseTo(WebMercator.metresPerPixel(0, 10) / 2, within(1e-9));
  }

  @Test
  void rejectsZoomsOutsideTheScheme() {
    assertThatThrownBy(() -> WebMercator.pixelX(0, 25))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zoom is 25; expected a whole number from 0 to 24");
  }
}
