package org.crowdhex.job;

import com.uber.h3core.H3Core;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.crowdhex.job.files.TileStore;
import org.crowdhex.tile.HeatKernel;
import org.crowdhex.tile.HeatPoint;
import org.crowdhex.tile.HeatScale;
import org.crowdhex.tile.HeatTile;
import org.crowdhex.tile.HeatTileRenderer;
import org.crowdhex.tile.PngEncoder;
import org.crowdhex.tile.TileCoord;
import org.crowdhex.tileset.TileReceipt;
import org.crowdhex.tileset.TileTask;
import org.crowdhex.vectortile.HexFeature;
import org.crowdhex.vectortile.HexTileEncoder;

/**
 * Draws one tile of one window — the PNG heat tile and the MVT hex tile — and stores them. Empty
 * tiles are not written. Keyed by (window, tile) so tiles render in parallel across the job.
 */
final class RenderTiles extends KeyedProcessFunction<String, TileTask, TileReceipt> {
  private final HeatKernel kernel;
  private final HeatScale scale;
  private final TileStore store;
  private transient H3Core h3;
  private transient HeatTileRenderer heat;
  private transient PngEncoder png;
  private transient HexTileEncoder hex;
  private transient LongCounter written;

  RenderTiles(HeatKernel kernel, HeatScale scale, TileStore store) {
    this.kernel = kernel;
    this.scale = scale;
    this.store = store;
  }

  @Override
  public void open(OpenContext context) throws Exception {
    h3 = H3Core.newInstance();
    heat = new HeatTileRenderer(kernel, scale);
    png = new PngEncoder();
    hex = new HexTileEncoder(h3);
    written = getRuntimeContext().getLongCounter(RunCounters.TILES);
  }

  @Override
  public void processElement(TileTask task, Context ctx, Collector<TileReceipt> out)
      throws Exception {
    TileCoord tile = TileCoord.decode(task.tile());
    String base = task.window() + "/" + tile.z() + "/" + tile.x() + "/" + tile.y();
    List<HeatPoint> points = new ArrayList<>(task.cells().length);
    List<HexFeature> features = new ArrayList<>(task.cells().length);
    for (int i = 0; i < task.cells().length; i++) {
      points.add(HeatPoint.ofCell(h3, task.cells()[i], task.authors()[i]));
      features.add(
          new HexFeature(
              task.cells()[i],
              task.posts()[i],
              task.authors()[i],
              task.density()[i],
              task.scores()[i],
              task.alerts()[i]));
    }
    int stored = 0;
    Optional<HeatTile> drawn = heat.render(tile, points);
    if (drawn.isPresent()) {
      store.write(base + ".png", png.encode(drawn.get()));
      stored++;
    }
    byte[] mvt = hex.encode(tile, features);
    if (mvt.length > 0) {
      store.write(base + ".mvt", mvt);
      stored++;
    }
    written.add((long) stored);
    out.collect(new TileReceipt(task.window(), task.tile(), stored));
  }

  @Override
  public void close() {
    if (png != null) png.close();
  }
}
