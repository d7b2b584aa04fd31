package org.crowdhex.tile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeatTileRendererTest {
  private static final HeatKernel KERNEL = new HeatKernel(113.8);
  private static final HeatScale SCALE = HeatScale.of(5_000);

  /** De Kuip's tile at zoom 16, where the kernel is about 77 pixels. */
  private static final TileCoord LEFT = WebMercator.tileAt(4.5232, 51.8939, 16);

  private static final TileCoord RIGHT = new TileCoord(16, LEFT.x() + 1, LEFT.y());

  /**
   * Two neighbouring tiles, each drawn from the cells the fan-out sends it, agree along their
   * shared edge: the last column of the left tile is what the right tile's cells say about that
   * column, and the right tile's first column is what the left tile's cells say about it, each
   * channel within 1 of 255; on the edge line itself both tiles have the same density.
   */
  @Test
  void neighbouringTilesAgreeAlongTheirSharedEdge() {
    List<HeatPoint> cells = cellsAcrossTheEdge();
    HeatTileRenderer renderer = new HeatTileRenderer(KERNEL, SCALE);
    List<HeatPoint> leftCells = fannedOutTo(LEFT, cells);
    List<HeatPoint> rightCells = fannedOutTo(RIGHT, cells);
    HeatTile left = renderer.render(LEFT, leftCells).orElseThrow();
    HeatTile right = renderer.render(RIGHT, rightCells).orElseThrow();

    int paintedRows = 0;
    for (int y = 0; y < 256; y++) {
      double row = y + 0.5;
      assertThat(renderer.densityAt(RIGHT, rightCells, 0, row))
          .as("density on the edge, row %d", y)
          .isEqualTo(renderer.densityAt(LEFT, leftCells, 256, row));
      int leftSeenFromRight = SCALE.argb(renderer.densityAt(RIGHT, rightCells, -0.5, row));
      int rightSeenFromLeft = SCALE.argb(renderer.densityAt(LEFT, leftCells, 256.5, row));
      assertThat(channelDifference(left.argb(255, y), leftSeenFromRight))
          .as("row %d", y)
          .isLessThanOrEqualTo(1);
      assertThat(channelDifference(right.argb(0, y), rightSeenFromLeft))
          .as("row %d", y)
          .isLessThanOrEqualTo(1);
      if (left.level(255, y) > 0 && right.level(0, y) > 0) {
        paintedRows++;
      }
    }
    assertThat(paintedRows).as("rows painted on both sides of the edge").isGreaterThan(100);
  }

  /** The seam test has teeth: a right tile drawn only from the cells inside it disagrees. */
  @Test
  void aTileDrawnWithoutItsNeighboursCellsDisagreesAtTheEdge() {
    List<HeatPoint> cells = cellsAcrossTheEdge();
    HeatTileRenderer renderer = new HeatTileRenderer(KERNEL, SCALE);
    List<HeatPoint> leftCells = fannedOutTo(LEFT, cells);
    TileBounds rightBounds = WebMercator.bounds(RIGHT);
    List<HeatPoint> insideOnly = new ArrayList<>(cells);
    insideOnly.removeIf(c -> !rightBounds.contains(c.lon(), c.lat()));
    HeatTile left = renderer.render(LEFT, leftCells).orElseThrow();
    HeatTile right = renderer.render(RIGHT, insideOnly).orElseThrow();

    int worst = 0;
    for (int y = 0; y < 256; y++) {
      double row = y + 0.5;
      int leftSeenFromRight = SCALE.argb(renderer.densityAt(RIGHT, insideOnly, -0.5, row));
      int rightSeenFromLeft = SCALE.argb(renderer.densityAt(LEFT, leftCells, 256.5, row));
      worst = Math.max(worst, channelDifference(left.argb(255, y), leftSeenFromRight));
      worst = Math.max(worst, channelDifference(right.argb(0, y), rightSeenFromLeft));
    }
    assertThat(worst).isGreaterThan(20);
  }

  /**
   * The colour of a density depends on the run's scale, never on the window: a cell looks the same
   * in a window where it is the busiest and in one with a far busier cell nearby.
   */
  @Test
  void theSameDensityHasTheSameColourInWindowsWithDifferentMaxima() {
    TileCoord tile = new TileCoord(15, 16795, 10839);
    HeatPoint common = pointAtPixel(tile, 60, 60, 40);
    HeatPoint crowd = pointAtPixel(tile, 200, 200, 4_000);
    List<HeatPoint> quiet = List.of(common);
    List<HeatPoint> busy = List.of(common, crowd);
    HeatTileRenderer renderer = new HeatTileRenderer(KERNEL, SCALE);

    HeatTile quietTile = renderer.render(tile, quiet).orElseThrow();
    HeatTile busyTile = renderer.render(tile, busy).orElseThrow();

    assertThat(busyTile.argb(60, 60)).isEqualTo(quietTile.argb(60, 60)).isNotZero();
    assertThat(busyTile.argb(200, 200)).isNotEqualTo(quietTile.argb(200, 200));

    // Had each window been coloured by its own maximum, the common cell would not match.
    float quietMax = max(renderer.surface(tile, quiet));
    float busyMax = max(renderer.surface(tile, busy));
    float commonDensity = renderer.surface(tile, quiet)[60 * 256 + 60];
    assertThat(HeatScale.of(quietMax).argb(commonDensity))
        .isNotEqualTo(HeatScale.of(busyMax).argb(commonDensity));
  }

  @Test
  void theDrawnPixelIsTheDensityAtItsCentre() {
    List<HeatPoint> cells = cellsAcrossTheEdge();
    HeatTileRenderer renderer = new HeatTileRenderer(KERNEL, SCALE);
    List<HeatPoint> leftCells = fannedOutTo(LEFT, cells);
    float[] surface = renderer.surface(LEFT, leftCells);
    HeatTile tile = renderer.render(LEFT, leftCells).orElseThrow();

    for (int y = 0; y < 256; y += 5) {
      for (int x = 0; x < 256; x += 3) {
        double density = renderer.densityAt(LEFT, leftCells, x + 0.5, y + 0.5);
        assertThat(surface[y * 256 + x]).isEqualTo((float) density);
        assertThat(tile.argb(x, y)).isEqualTo(SCALE.argb(density));
      }
    }
  }

  @Test
  void theOrderOfTheCellsDoesNotChangeAPixel() {
    List<HeatPoint> cells = new ArrayList<>(cellsAcrossTheEdge());
    HeatTileRenderer renderer = new HeatTileRenderer(KERNEL, SCALE);
    byte[] first = renderer.render(LEFT, cells).orElseThrow().levels();
    float[] firstSurface = renderer.surface(LEFT, cells);

    Collections.shuffle(cells, new Random(3));

    assertThat(renderer.render(LEFT, cells).orElseThrow().levels()).isEqualTo(first);
    assertThat(renderer.surface(LEFT, cells)).isEqualTo(firstSurface);
  }

  @Test
  void aTileWithNothingVisibleIsEmpty() {
    HeatTileRenderer renderer = new HeatTileRenderer(KERNEL, SCALE);
    TileCoord tile = new TileCoord(15, 16795, 10839);

    assertThat(renderer.render(tile, List.of())).isEmpty();
    assertThat(renderer.render(tile, List.of(pointAtPixel(tile, 128, 128, 0)))).isEmpty();
    // A cell two tiles away reaches nothing here.
    assertThat(renderer.render(tile, List.of(pointAtPixel(tile, 128, -400, 500)))).isEmpty();
    // A cell whose peak stays below one step of the scale paints nothing visible.
    HeatScale coarse = new HeatScale(1e6, HeatScale.Mapping.LINEAR, ColourRamp.VIRIDIS);
    assertThat(
            new HeatTileRenderer(KERNEL, coarse)
                .render(tile, List.of(pointAtPixel(tile, 128, 128, 1))))
        .isEmpty();

    Optional<HeatTile> one = renderer.render(tile, List.of(pointAtPixel(tile, 128, 128, 1)));
    assertThat(one).isPresent();
    assertThat(one.orElseThrow().maxLevel()).isPositive();
  }

  @Test
  void aCellOnTheAntimeridianPaintsBothSides() {
    int z = 16;
    int last = (1 << z) - 1;
    TileCoord west = new TileCoord(z, last, 1 << (z - 1));
    TileCoord east = new TileCoord(z, 0, 1 << (z - 1));
    double lat = WebMercator.lat(west.y() * 256.0 + 128, z);
    List<HeatPoint> cells =
        List.of(new HeatPoint(lat, 179.9999, 200), new HeatPoint(lat, -179.9995, 80));
    HeatTileRenderer renderer = new HeatTileRenderer(KERNEL, SCALE);
    HeatTile westTile = renderer.render(west, cells).orElseThrow();
    HeatTile eastTile = renderer.render(east, cells).orElseThrow();

    for (int y = 0; y < 256; y++) {
      double row = y + 0.5;
      assertThat(renderer.densityAt(west, cells, 256, row))
          .isEqualTo(renderer.densityAt(east, cells, 0, row));
      assertThat(westTile.argb(255, y))
          .isEqualTo(SCALE.argb(renderer.densityAt(east, cells, -0.5, row)));
    }
    assertThat(eastTile.level(0, 128)).isPositive();
    assertThat(westTile.level(255, 128)).isPositive();
  }

  /** Cells on both sides of the edge between LEFT and RIGHT, within the kernel of it. */
  private static List<HeatPoint> cellsAcrossTheEdge() {
    Random random = new Random(42);
    List<HeatPoint> cells = new ArrayList<>();
    double edge = RIGHT.x() * 256.0;
    for (int i = 0; i < 24; i++) {
      double px = edge + (random.nextDouble() * 2 - 1) * 90;
      double py = LEFT.y() * 256.0 + random.nextDouble() * 256;
      cells.add(
          new HeatPoint(WebMercator.lat(py, 16), WebMercator.lon(px, 16), 2 + random.nextInt(120)));
    }
    // A cell far enough from the edge that only its own tile sees it.
    cells.add(pointAtPixel(LEFT, 60, 128, 90));
    return cells;
  }

  private static List<HeatPoint> fannedOutTo(TileCoord tile, List<HeatPoint> cells) {
    TileFanOut fanOut = new TileFanOut(KERNEL, tile.z(), tile.z());
    List<HeatPoint> reaching = new ArrayList<>();
    for (HeatPoint cell : cells) {
      if (fanOut.tileCoords(cell.lat(), cell.lon()).contains(tile)) {
        reaching.add(cell);
      }
    }
    return reaching;
  }

  private static HeatPoint pointAtPixel(TileCoord tile, double x, double y, int authors) {
    int z = tile.z();
    return new HeatPoint(
        WebMercator.lat(tile.y() * 256.0 + y + 0.5, z),
        WebMercator.lon(tile.x() * 256.0 + x + 0.5, z),
        authors);
  }

  private static int channelDifference(int a, int b) {
    int worst = 0;
    for (int shift = 0; shift < 32; shift += 8) {
      worst = Math.max(worst, Math.abs(((a >>> shift) & 0xFF) - ((b >>> shift) & 0xFF)));
    }
    return worst;
  }

  private static float max(float[] values) {
    float max = 0;
    for (float v : values) {
      max = Math.max(max, v);
    }
    return max;
  }
}
