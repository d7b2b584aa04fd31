package org.crowdhex.job;

import com.uber.h3core.H3Core;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.crowdhex.alert.OpenAlert;
import org.crowdhex.tile.HeatKernel;
import org.crowdhex.tile.TileFanOut;
import org.crowdhex.tileset.TileCount;
import org.crowdhex.tileset.TileGroups;
import org.crowdhex.tileset.TileTask;
import org.crowdhex.tileset.WindowCells;

/**
 * Sends each cell of a window to every tile its heat kernel reaches, at every zoom, so a tile is
 * drawn with all the cells around it and neighbouring tiles agree at their edges. Also tells the
 * publisher how many tile tasks the window has, and hands it the window's alerts and flows
 * documents.
 */
final class FanOutTiles extends ProcessFunction<WindowCells, TileTask> {
  static final OutputTag<TileCount> COUNTS = new OutputTag<>("tile-counts") {};

  private final HeatKernel kernel;
  private final int minZoom;
  private final int maxZoom;
  private transient H3Core h3;
  private transient TileFanOut fanOut;

  FanOutTiles(HeatKernel kernel, int minZoom, int maxZoom) {
    this.kernel = kernel;
    this.minZoom = minZoom;
    this.maxZoom = maxZoom;
  }

  @Override
  public void open(OpenContext context) throws Exception {
    h3 = H3Core.newInstance();
    fanOut = new TileFanOut(kernel, minZoom, maxZoom);
  }

  @Override
  public void processElement(WindowCells w, Context ctx, Collector<TileTask> out) {
    Map<Long, List<Integer>> byTile = TileGroups.of(w.cells(), fanOut, h3);
    String id = w.id();
    for (Map.Entry<Long, List<Integer>> e : byTile.entrySet()) {
      List<Integer> idx = e.getValue();
      int n = idx.size();
      long[] cells = new long[n];
      long[] posts = new long[n];
      int[] authors = new int[n];
      double[] density = new double[n];
      double[] scores = new double[n];
      String[] alerts = new String[n];
      for (int k = 0; k < n; k++) {
        int i = idx.get(k);
        cells[k] = w.cells()[i];
        posts[k] = w.posts()[i];
        authors[k] = w.authors()[i];
        density[k] = w.density()[i];
        scores[k] = w.scores()[i];
        alerts[k] = w.alerts()[i];
      }
      out.collect(new TileTask(id, e.getKey(), cells, posts, authors, density, scores, alerts));
    }
    List<OpenAlert> open = w.openAlertList();
    ctx.output(
        COUNTS,
        new TileCount(
            id,
            w.windowStart(),
            w.windowEnd(),
            w.revision(),
            byTile.size(),
            w.size(),
            w.maxDensity(),
            open.size(),
            w.hasAlerts() ? OpenAlert.featureCollection(open, h3) : null,
            w.flows()));
  }
}
