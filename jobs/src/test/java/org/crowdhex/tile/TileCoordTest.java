package org.crowdhex.tile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TileCoordTest {

  @Test
  void writesAndReadsTheZxyPathOfATileUrl() {
    TileCoord tile = TileCoord.ofXYZ(1049, 673, 11);

    assertThat(tile).isEqualTo(new TileCoord(11, 1049, 673));
    assertThat(tile).hasToString("11/1049/673");
    assertThat(TileCoord.parse("11/1049/673")).isEqualTo(tile);
  }

  @Test
  void rejectsTilesThatDoNotExistWithASentence() {
    assertThatThrownBy(() -> new TileCoord(25, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tile zoom is 25; expected a whole number from 0 to 24");
    assertThatThrownBy(() -> new TileCoord(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TileCoord(2, 4, 0))
        .hasMessage("tile 2/4/0 does not exist; at zoom 2 x and y run from 0 to 3");
    assertThatThrownBy(() -> new TileCoord(2, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TileCoord(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TileCoord.parse("11/1049"))
        .hasMessage("tile is \"11/1049\"; expected z/x/y, like 11/1049/673");
    assertThatThrownBy(() -> TileCoord.parse("11/a/673"))
        .hasMessageStartingWith("tile is \"11/a/673\"; expected three whole numbers");
  }

  @Test
  void acceptsTheCornersOfTheDeepestZoom() {
    int last = (1 << 24) - 1;
    TileCoord corner = new TileCoord(24, last, last);

    assertThat(TileCoord.decode(corner.encode())).isEqualTo(corner);
    assertThat(TileCoord.decode(new TileCoord(0, 0, 0).encode())).isEqualTo(new TileCoord(0, 0, 0));
  }

  @Test
  void parentHalvesTheColumnAndRow() {
    assertThat(new TileCoord(11, 1049, 673).parent()).isEqualTo(new TileCoord(10, 524, 336));
    assertThat(new TileCoord(1, 1, 0).parent()).isEqualTo(new TileCoord(0, 0, 0));
    assertThatThrownBy(() -> new TileCoord(0, 0, 0).parent())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void packedTilesRoundTripAndSortLikeTheRecords() {
    Random random = new Random(7);
    List<TileCoord> tiles = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      int z = random.nextInt(25);
      int n = 1 << z;
      tiles.add(new TileCoord(z, random.nextInt(n), random.nextInt(n)));
    }
    long[] codes = new long[tiles.size()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = tiles.get(i).encode();
      assertThat(TileCoord.decode(codes[i])).isEqualTo(tiles.get(i));
      assertThat(TileCoord.encode(tiles.get(i).z(), tiles.get(i).x(), tiles.get(i).y()))
          .isEqualTo(codes[i]);
    }

    Collections.sort(tiles);
    Arrays.sort(codes);
    for (int i = 0; i < codes.length; i++) {
      assertThat(TileCoord.decode(codes[i])).isEqualTo(tiles.get(i));
    }
  }

  @Test
  void ordersByZoomThenColumnThenRow() {
    List<TileCoord> tiles =
        new ArrayList<>(
            List.of(
                new TileCoord(2, 1, 0),
                new TileCoord(1, 1, 1),
                new TileCoord(2, 0, 3),
                new TileCoord(2, 1, 2)));
    Collections.sort(tiles);

    assertThat(tiles)
        .containsExactly(
            new TileCoord(1, 1, 1),
            new TileCoord(2, 0, 3),
            new TileCoord(2, 1, 0),
            new TileCoord(2, 1, 2));
  }

  @Test
  void decodeRejectsLongsThatAreNotTiles() {
    assertThatThrownBy(() -> TileCoord.decode(-1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a packed tile");
    assertThatThrownBy(() -> TileCoord.decode(TileCoord.encode(3, 9, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
