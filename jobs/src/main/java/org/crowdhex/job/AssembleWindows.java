package org.crowdhex.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.crowdhex.density.CellWindow;
import org.crowdhex.tileset.CellFigures;
import org.crowdhex.tileset.WindowCells;

/**
 * Gathers the cells of one window (keyed by its start) into the records its tiles are drawn from.
 *
 * <p>Revision 0 goes out when the event time passes the window's end, drawn from the cells' first
 * publications — by then all of them have arrived, since they are published at that same watermark.
 * Late posts within the allowed lateness re-publish cells; if any did, revision 1 goes out once the
 * window can no longer change (end + allowed lateness) with every cell as it finally stands. So a
 * published revision never changes, and a replay gives the same revisions every time. (One race
 * remains: a late post in a cell that had no post of its own in the window makes that cell's first
 * publication late; if it reaches this stage before the watermark does, it is drawn in revision 0
 * rather than 1.)
 */
final class AssembleWindows extends KeyedProcessFunction<Long, CellWindow, WindowCells> {
  private final long sizeMillis;
  private final long latenessMillis;
  private transient MapState<Long, CellFigures> onTime;
  private transient MapState<Long, CellFigures> latest;
  private transient ValueState<Boolean> published;
  private transient ValueState<Boolean> changed;

  AssembleWindows(long sizeMillis, long latenessMillis) {
    this.sizeMillis = sizeMillis;
    this.latenessMillis = latenessMillis;
  }

  @Override
  public void open(OpenContext context) {
    var rc = getRuntimeContext();
    onTime = rc.getMapState(new MapStateDescriptor<>("on-time", Long.class, CellFigures.class));
    latest = rc.getMapState(new MapStateDescriptor<>("latest", Long.class, CellFigures.class));
    published = rc.getState(new ValueStateDescriptor<>("published", Boolean.class));
    changed = rc.getState(new ValueStateDescriptor<>("changed", Boolean.class));
  }

  @Override
  public void processElement(CellWindow c, Context ctx, Collector<WindowCells> out)
      throws Exception {
    CellFigures figures = new CellFigures(c.posts(), c.authors(), c.density());
    latest.put(c.cell(), figures);
    if (!Boolean.TRUE.equals(published.value()) && c.revision() == 0) {
      onTime.put(c.cell(), figures);
    } else {
      changed.update(true);
    }
    ctx.timerService().registerEventTimeTimer(c.windowEnd() - 1);
    ctx.timerService().registerEventTimeTimer(cleanupTime(c.windowStart()));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindowCells> out)
      throws Exception {
    long start = ctx.getCurrentKey();
    if (!Boolean.TRUE.equals(published.value())) {
      out.collect(snapshot(onTime, start, 0));
      published.update(true);
    }
    if (timestamp >= cleanupTime(start)) {
      if (Boolean.TRUE.equals(changed.value())) out.collect(snapshot(latest, start, 1));
      onTime.clear();
      latest.clear();
      published.clear();
      changed.clear();
    }
  }

  private long cleanupTime(long windowStart) {
    return windowStart + sizeMillis - 1 + latenessMillis + 1;
  }

  private WindowCells snapshot(MapState<Long, CellFigures> cells, long start, int revision)
      throws Exception {
    List<Map.Entry<Long, CellFigures>> all = new ArrayList<>();
    for (Map.Entry<Long, CellFigures> e : cells.entries()) all.add(e);
    all.sort(Map.Entry.comparingByKey()); // a fixed order: the same window gives the same tiles
    int n = all.size();
    long[] ids = new long[n];
    long[] posts = new long[n];
    int[] authors = new int[n];
    double[] density = new double[n];
    for (int i = 0; i < n; i++) {
      ids[i] = all.get(i).getKey();
      CellFigures f = all.get(i).getValue();
      posts[i] = f.posts();
      authors[i] = f.authors();
      density[i] = f.density();
    }
    return new WindowCells(start, start + sizeMillis, revision, ids, posts, authors, density);
  }
}
