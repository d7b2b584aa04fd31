package org.crowdhex.tile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeatKernelTest {

  @Test
  void theKernelIntegratesToOnePerKm2() {
    HeatKernel kernel = new HeatKernel(113.8);
    double step = 0.5;
    double sum = 0;
    for (double x = -120 + step / 2; x < 120; x += step) {
      for (double y = -120 + step / 2; y < 120; y += step) {
        sum += kernel.weightPerKm2(Math.hypot(x, y));
      }
    }
    double integral = sum * (step / 1000) * (step / 1000);

    assertThat(integral).isCloseTo(1, within(1e-4));
  }

  @Test
  void isQuarticWithCompactSupport() {
    HeatKernel kernel = new HeatKernel(100);

    assertThat(kernel.peakPerKm2()).isCloseTo(3 / (Math.PI * 0.01), within(1e-9));
    assertThat(kernel.weightPerKm2(0)).isEqualTo(kernel.peakPerKm2());
    assertThat(kernel.weightPerKm2(50)).isCloseTo(kernel.peakPerKm2() * 0.5625, within(1e-9));
    assertThat(kernel.weightPerKm2(100)).isZero();
    assertThat(kernel.weightPerKm2(150)).isZero();
  }

  /**
   * The surface the tiles draw holds the authors: one cell of 100 authors, summed over the pixels
   * of every tile it reaches at zoom 17 times each pixel's ground area, gives 100.
   */
  @Test
  void theDrawnSurfaceOfACellOf100AuthorsIntegratesTo100() {
    HeatKernel kernel = new HeatKernel(113.8);
    HeatTileRenderer renderer = new HeatTileRenderer(kernel, HeatScale.of(5_000));
    double lat = 51.8939;
    double lon = 4.5232;
    List<HeatPoint> cell = List.of(new HeatPoint(lat, lon, 100));
    List<TileCoord> tiles = new TileFanOut(kernel, 17, 17).tileCoords(lat, lon);
    assertThat(tiles).hasSizeGreaterThan(1);

    double km2PerPixel = Math.pow(WebMercator.metresPerPixel(lat, 17) / 1000, 2);
    double authors = 0;
    for (TileCoord tile : tiles) {
      for (float density : renderer.surface(tile, cell)) {
        authors += density * km2PerPixel;
      }
    }

    assertThat(authors).isCloseTo(100, within(0.1));
  }

  @Test
  void theDefaultRadiusIsOneAndAHalfAverageEdgesOfTheResolution() throws IOException {
    H3Core h3 = H3Core.newInstance();

    HeatKernel kernel = HeatKernel.forResolution(h3, 10);

    assertThat(kernel.radiusMetres()).isCloseTo(113.8, within(0.1));
  }

  @Test
  void radiusInPixelsFollowsTheGroundResolution() {
    HeatKernel kernel = new HeatKernel(113.8);

    assertThat(kernel.radiusPixels(51.8939, 15))
        .isCloseTo(113.8 / WebMercator.metresPerPixel(51.8939, 15), within(1e-12));
    assertThat(kernel.radiusPixels(51.8939, 16))
        .isCloseTo(2 * kernel.radiusPixels(51.8939, 15), within(1e-9));
  }

  @Test
  void rejectsARadiusThatIsNotAPositiveDistance() {
    assertThatThrownBy(() -> new HeatKernel(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the heat kernel's radius is 0.0 m; expected a number above 0 and at most 50000.0");
    assertThatThrownBy(() -> new HeatKernel(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
