package org.crowdhex.pmtiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TileIdsTest {

  @Test
  void matchesTheSpecTable() {
    // PMTiles v3 spec, section 4.1, and the reference reader's tests.
    assertThat(TileIds.zxyToTileId(0, 0, 0)).isZero();
    assertThat(TileIds.zxyToTileId(1, 0, 0)).isEqualTo(1);
    assertThat(TileIds.zxyToTileId(1, 0, 1)).isEqualTo(2);
    assertThat(TileIds.zxyToTileId(1, 1, 1)).isEqualTo(3);
    assertThat(TileIds.zxyToTileId(1, 1, 0)).isEqualTo(4);
    assertThat(TileIds.zxyToTileId(2, 0, 0)).isEqualTo(5);
    assertThat(TileIds.zxyToTileId(12, 3423, 1763)).isEqualTo(19_078_479);
  }

  @Test
  void invertsTheSpecTable() {
    assertThat(TileIds.tileIdToZxy(0)).isEqualTo(new TileIds.Zxy(0, 0, 0));
    assertThat(TileIds.tileIdToZxy(1)).isEqualTo(new TileIds.Zxy(1, 0, 0));
    assertThat(TileIds.tileIdToZxy(2)).isEqualTo(new TileIds.Zxy(1, 0, 1));
    assertThat(TileIds.tileIdToZxy(3)).isEqualTo(new TileIds.Zxy(1, 1, 1));
    assertThat(TileIds.tileIdToZxy(4)).isEqualTo(new TileIds.Zxy(1, 1, 0));
    assertThat(TileIds.tileIdToZxy(5)).isEqualTo(new TileIds.Zxy(2, 0, 0));
    assertThat(TileIds.tileIdToZxy(19_078_479)).isEqualTo(new TileIds.Zxy(12, 3423, 1763));
  }

  @Test
  void eachZoomIsOneContinuousHilbertCurve() {
    for (int z = 0; z <= 8; z++) {
      int n = 1 << z;
      boolean[] seen = new boolean[n * n];
      long start = TileIds.zoomStart(z);
      for (int x = 0; x < n; x++) {
        for (int y = 0; y < n; y++) {
          long id = TileIds.zxyToTileId(z, x, y);
          assertThat(id - start).isBetween(0L, (long) n * n - 1);
          seen[(int) (id - start)] = true;
          assertThat(TileIds.tileIdToZxy(id)).isEqualTo(new TileIds.Zxy(z, x, y));
        }
      }
      assertThat(seen).containsOnly(true);
      // Consecutive ids are neighbouring tiles: the curve never jumps.
      for (long id = start + 1; id < start + (long) n * n; id++) {
        TileIds.Zxy a = TileIds.tileIdToZxy(id - 1);
        TileIds.Zxy b = TileIds.tileIdToZxy(id);
        assertThat(Math.abs(a.x() - b.x()) + Math.abs(a.y() - b.y())).isEqualTo(1);
      }
    }
  }

  @Test
  void roundTripsDeepZooms() {
    Random random = new Random(1);
    for (int i = 0; i < 10_000; i++) {
      int z = 9 + random.nextInt(TileIds.MAX_ZOOM - 8);
      int x = (int) (random.nextLong() >>> 1 & ((1L << z) - 1));
      int y = (int) (random.nextLong() >>> 1 & ((1L << z) - 1));
      long id = TileIds.zxyToTileId(z, x, y);
      assertThat(id).isGreaterThanOrEqualTo(TileIds.zoomStart(z));
      assertThat(TileIds.tileIdToZxy(id)).isEqualTo(new TileIds.Zxy(z, x, y));
    }
    int last = (1 << 31) - 1;
    assertThat(TileIds.tileIdToZxy(TileIds.zxyToTileId(31, last, last)))
        .isEqualTo(new TileIds.Zxy(31, last, last));
  }

  @Test
  void rejectsTilesOutsideTheirZoom() {
    assertThatThrownBy(() -> TileIds.zxyToTileId(1, 2, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TileIds.zxyToTileId(-1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TileIds.zxyToTileId(32, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TileIds.tileIdToZxy(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
