package org.crowdhex.tile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TileFanOutTest {
  /** The default kernel at H3 resolution 10: 1.5 × 75.86 m. */
  private static final HeatKernel KERNEL = new HeatKernel(113.8);

  /** The tile of De Kuip at zoom 15; the kernel is about 38.6 pixels there. */
  private static final TileCoord KUIP_15 = new TileCoord(15, 16795, 10839);

  @Test
  void aCellNearATileCornerReachesTheFourTilesAroundIt() {
    // 20 pixels in from the south-east corner: the 38.6-pixel disc crosses both edges and, at
    // 28 pixels from the corner, the corner too.
    double px = (KUIP_15.x() + 1) * 256.0 - 20;
    double py = (KUIP_15.y() + 1) * 256.0 - 20;
    double lon = WebMercator.lon(px, 15);
    double lat = WebMercator.lat(py, 15);
    assertThat(KERNEL.radiusPixels(lat, 15)).isBetween(38.0, 39.0);

    assertThat(new TileFanOut(KERNEL, 15, 15).tileCoords(lat, lon))
        .containsExactly(
            KUIP_15,
            new TileCoord(15, KUIP_15.x(), KUIP_15.y() + 1),
            new TileCoord(15, KUIP_15.x() + 1, KUIP_15.y()),
            new TileCoord(15, KUIP_15.x() + 1, KUIP_15.y() + 1));
  }

  @Test
  void aDiscThatCrossesBothEdgesButNotTheCornerSkipsTheDiagonalTile() {
    // 30 pixels in from both edges: within 38.6 of each edge, but 42.4 from the corner.
    double px = (KUIP_15.x() + 1) * 256.0 - 30;
    double py = (KUIP_15.y() + 1) * 256.0 - 30;

    assertThat(
            new TileFanOut(KERNEL, 15, 15)
                .tileCoords(WebMercator.lat(py, 15), WebMercator.lon(px, 15)))
        .containsExactly(
            KUIP_15,
            new TileCoord(15, KUIP_15.x(), KUIP_15.y() + 1),
            new TileCoord(15, KUIP_15.x() + 1, KUIP_15.y()));
  }

  @Test
  void aCellInTheMiddleOfATileAtLowZoomStaysInIt() {
    TileCoord tile = new TileCoord(11, 1049, 677);
    TileBounds bounds = WebMercator.bounds(tile);
    double lon = (bounds.west() + bounds.east()) / 2;
    double lat = (bounds.south() + bounds.north()) / 2;

    assertThat(new TileFanOut(KERNEL, 11, 11).tileCoords(lat, lon)).containsExactly(tile);
    long[] out = new long[1];
    assertThat(new TileFanOut(KERNEL, 11, 11).tiles(lat, lon, out)).isEqualTo(1);
    assertThat(out[0]).isEqualTo(tile.encode());
  }

  @Test
  void everyZoomOfTheRangeHasTheCellsOwnTileAndNoTileTwice() {
    TileFanOut fanOut = new TileFanOut(KERNEL, 11, 17);
    long[] out = new long[fanOut.maxTilesPerPoint()];
    int count = fanOut.tiles(51.8939, 4.5232, out);

    Set<Long> distinct = new HashSet<>();
    for (int i = 0; i < count; i++) {
      distinct.add(out[i]);
    }
    assertThat(distinct).hasSize(count);
    for (int z = 11; z <= 17; z++) {
      assertThat(distinct).contains(WebMercator.tileAt(4.5232, 51.8939, z).encode());
    }
    assertThat(count).isLessThanOrEqualTo(fanOut.maxTilesPerPoint());
  }

  /**
   * The property the seams rest on: a tile where a cell's kernel paints anything is among the
   * cell's tiles. Checked by drawing the neighbourhood of random cells at several zooms.
   */
  @Test
  void everyTileTheKernelPaintsIsInTheFanOut() {
    HeatTileRenderer renderer = new HeatTileRenderer(KERNEL, HeatScale.of(5_000));
    Random random = new Random(11);
    for (int trial = 0; trial < 40; trial++) {
      int z = 14 + random.nextInt(4);
      double lat = 51.85 + random.nextDouble() * 0.1;
      double lon = 4.45 + random.nextDouble() * 0.15;
      List<HeatPoint> point = List.of(new HeatPoint(lat, lon, 50));
      Set<TileCoord> fanned = new HashSet<>(new TileFanOut(KERNEL, z, z).tileCoords(lat, lon));

      TileCoord home = WebMercator.tileAt(lon, lat, z);
      for (int dx = -2; dx <= 2; dx++) {
        for (int dy = -2; dy <= 2; dy++) {
          TileCoord tile = new TileCoord(z, home.x() + dx, home.y() + dy);
          float[] surface = renderer.surface(tile, point);
          boolean painted = false;
          for (float density : surface) {
            painted |= density > 0;
          }
          if (painted) {
            assertThat(fanned).as("tiles of %s at zoom %d", point, z).contains(tile);
          }
        }
      }
    }
  }

  @Test
  void aDiscAcrossTheAntimeridianReachesTheTilesOnTheOtherSide() {
    int z = 12;
    int last = (1 << z) - 1;
    List<TileCoord> tiles = new TileFanOut(KERNEL, z, z).tileCoords(0.001, 179.9995);

    assertThat(tiles).extracting(TileCoord::x).contains(0, last);
  }

  @Test
  void eachTileOnceWhenTheDiscCoversTheWholeWorldsWidth() {
    // At zoom 0 the single tile is every neighbour of itself.
    List<TileCoord> tiles = new TileFanOut(new HeatKernel(50_000), 0, 1).tileCoords(0.1, 179.9);

    assertThat(tiles).doesNotHaveDuplicates().contains(new TileCoord(0, 0, 0));
    List<TileCoord> zoom1 = new ArrayList<>(tiles);
    zoom1.removeIf(t -> t.z() != 1);
    assertThat(zoom1).extracting(TileCoord::x).contains(0, 1);
  }

  @Test
  void rejectsAnUpsideDownZoomRange() {
    assertThatThrownBy(() -> new TileFanOut(KERNEL, 17, 11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tile zooms 17 to 11; expected 0 <= min <= max <= 24");
  }
}
