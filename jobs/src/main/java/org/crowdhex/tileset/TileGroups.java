package org.crowdhex.tileset;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crowdhex.tile.TileFanOut;

/**
 * Which cells of a window each tile is drawn from: every cell whose heat kernel reaches the tile,
 * at every zoom of the fan-out. Tiles come out in their packed order and cells in their input
 * order, so the same window always gives the same groups.
 */
public final class TileGroups {
  private TileGroups() {}

  /**
   * @param cells H3 cells of one window
   * @return packed tile (see {@code TileCoord.encode}) to the indexes of the cells it is drawn from
   */
  public static Map<Long, List<Integer>> of(long[] cells, TileFanOut fanOut, H3Core h3) {
    Map<Long, List<Integer>> byTile = new TreeMap<>();
    long[] buffer = new long[fanOut.maxTilesPerPoint()];
    for (int i = 0; i < cells.length; i++) {
      LatLng c = h3.cellToLatLng(cells[i]);
      int n = fanOut.tiles(c.lat, c.lng, buffer);
      for (int t = 0; t < n; t++) {
        byTile.computeIfAbsent(buffer[t], k -> new ArrayList<>()).add(i);
      }
    }
    return byTile;
  }
}
