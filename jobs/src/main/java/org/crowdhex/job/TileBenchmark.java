package org.crowdhex.job;

import com.uber.h3core.H3Core;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crowdhex.tile.HeatKernel;
import org.crowdhex.tile.HeatPoint;
import org.crowdhex.tile.HeatScale;
import org.crowdhex.tile.HeatTile;
import org.crowdhex.tile.HeatTileRenderer;
import org.crowdhex.tile.PngEncoder;
import org.crowdhex.tile.TileCoord;
import org.crowdhex.tile.TileFanOut;
import org.crowdhex.tileset.TileGroups;
import org.crowdhex.vectortile.HexFeature;
import org.crowdhex.vectortile.HexTileEncoder;

/**
 * Times the tile work of the job in one thread, without the engine: PNG heat tiles (render +
 * encode) and MVT hex tiles (encode), over the tiles real windows fan out to. Like {@link
 * DecodeLocateBenchmark}, whole passes are timed and the result is published so the work stays.
 */
public final class TileBenchmark {
  private static volatile long sink;

  /** One window's cells: H3 cells with their posts, distinct authors and density. */
  public record Window(long[] cells, long[] posts, int[] authors, double[] density) {}

  /** Median figures of the timed passes. */
  public record Result(
      int windows,
      int tasks,
      int pngTiles,
      int mvtTiles,
      double pngTilesPerCpuSecond,
      double mvtTilesPerCpuSecond,
      double pngMicrosPerTile,
      double mvtMicrosPerTile) {}

  private record Task(TileCoord tile, List<HeatPoint> points, List<HexFeature> features) {}

  private final List<Task> tasks = new ArrayList<>();
  private final HeatKernel kernel;
  private final HeatScale scale;
  private final H3Core h3;
  private final int windows;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  public TileBenchmark(
      List<Window> windows,
      HeatKernel kernel,
      HeatScale scale,
      int minZoom,
      int maxZoom,
      H3Core h3) {
    this.kernel = kernel;
    this.scale = scale;
    this.h3 = h3;
    this.windows = windows.size();
    TileFanOut fanOut = new TileFanOut(kernel, minZoom, maxZoom);
    for (Window w : windows) {
      for (Map.Entry<Long, List<Integer>> e : TileGroups.of(w.cells(), fanOut, h3).entrySet()) {
        List<HeatPoint> points = new ArrayList<>();
        List<HexFeature> features = new ArrayList<>();
        for (int i : e.getValue()) {
          points.add(HeatPoint.ofCell(h3, w.cells()[i], w.authors()[i]));
          features.add(new HexFeature(w.cells()[i], w.posts()[i], w.authors()[i], w.density()[i]));
        }
        tasks.add(new Task(TileCoord.decode(e.getKey()), points, features));
      }
    }
  }

  public int tasks() {
    return tasks.size();
  }

  /** Runs warm-up and timed passes of each kind, interleaved. */
  public Result run(int warmups, int passes) {
    double[] pngCpu = new double[passes];
    double[] mvtCpu = new double[passes];
    int pngTiles = 0, mvtTiles = 0;
    for (int pass = -warmups; pass < passes; pass++) {
      long t0 = cpu();
      pngTiles = pngPass();
      long t1 = cpu();
      mvtTiles = mvtPass();
      long t2 = cpu();
      if (pass >= 0) {
        pngCpu[pass] = (t1 - t0) / 1e9;
        mvtCpu[pass] = (t2 - t1) / 1e9;
      }
    }
    double png = median(pngCpu);
    double mvt = median(mvtCpu);
    return new Result(
        windows,
        tasks.size(),
        pngTiles,
        mvtTiles,
        tasks.size() / png,
        tasks.size() / mvt,
        png * 1e6 / tasks.size(),
        mvt * 1e6 / tasks.size());
  }

  private int pngPass() {
    int written = 0;
    long bytes = 0;
    HeatTileRenderer renderer = new HeatTileRenderer(kernel, scale);
    try (PngEncoder png = new PngEncoder()) {
      for (Task t : tasks) {
        Optional<HeatTile> tile = renderer.render(t.tile(), t.points());
        if (tile.isPresent()) {
          bytes += png.encode(tile.get()).length;
          written++;
        }
      }
    }
    sink = bytes;
    return written;
  }

  private int mvtPass() {
    int written = 0;
    long bytes = 0;
    HexTileEncoder encoder = new HexTileEncoder(h3); // a fresh outline cache, as a new task has
    for (Task t : tasks) {
      byte[] mvt = encoder.encode(t.tile(), t.features());
      if (mvt.length > 0) {
        bytes += mvt.length;
        written++;
      }
    }
    sink = bytes;
    return written;
  }

  private long cpu() {
    return threads.isCurrentThreadCpuTimeSupported()
        ? threads.getCurrentThreadCpuTime()
        : System.nanoTime();
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
