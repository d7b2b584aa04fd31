package org.crowdhex.job;

import com.uber.h3core.H3Core;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.crowdhex.alert.OpenAlert;
import org.crowdhex.density.CellWindow;
import org.crowdhex.flow.FlowWindow;
import org.crowdhex.flow.FlowZones;
import org.crowdhex.flow.ZoneFlowWindow;
import org.crowdhex.output.FlowFormats;
import org.crowdhex.tileset.CellFigures;
import org.crowdhex.tileset.VenueMarks;
import org.crowdhex.tileset.WindowCells;
import org.crowdhex.tileset.WindowMarks;

/**
 * Gathers the cells of one window (keyed by its start) and the detector's marks of that window
 * (each venue's hot cells and open alert) into the records its tiles are drawn from.
 *
 * <p>Revision 0 goes out when the event time passes the window's end, drawn from the cells' first
 * publications — by then all of them have arrived, since they are published at that same watermark.
 * The marks have arrived too: the detector sends a window's marks when its own timer at the
 * window's end fires, before it passes that watermark on. Late posts within the allowed lateness
 * re-publish cells; if any did, revision 1 goes out once the window can no longer change (end +
 * allowed lateness) with every cell as it finally stands and the same marks (the detector does not
 * scan a window again). So a published revision never changes, and a replay gives the same
 * revisions every time. (One race remains: a late post in a cell that had no post of its own in the
 * window makes that cell's first publication late; if it reaches this stage before the watermark
 * does, it is drawn in revision 0 rather than 1.)
 *
 * <p>The published flows between zones and each zone's inflow and outflow come the same way: a
 * window's are sent when the event time reaches its end, before that watermark, and they become the
 * window's flows document. A late change to a flow, as a late change to a cell, makes revision 1.
 *
 * <p>A window with no cell but an open alert is published too, so an alert never drops off the map
 * while it is open.
 */
final class AssembleWindows
    extends KeyedCoProcessFunction<Long, CellWindow, WindowExtra, WindowCells> {
  private final long sizeMillis;
  private final long latenessMillis;
  private final boolean detects;
  private final FlowZones flowZones;
  private transient H3Core h3;
  private transient MapState<Long, CellFigures> onTime;
  private transient MapState<Long, CellFigures> latest;
  private transient MapState<String, VenueMarks> marks;
  private transient MapState<String, FlowWindow> flows;
  private transient MapState<String, ZoneFlowWindow> zoneFlows;
  private transient ValueState<Boolean> published;
  private transient ValueState<Boolean> changed;

  /**
   * @param detects whether the run detects anomalies: its windows then carry their open alerts
   *     (possibly none) and get an alerts document
   * @param flowZones the zones flows are counted between, when the stage is given the flows (every
   *     window then gets a flows document, possibly empty); else null
   */
  AssembleWindows(long sizeMillis, long latenessMillis, boolean detects, FlowZones flowZones) {
    this.sizeMillis = sizeMillis;
    this.latenessMillis = latenessMillis;
    this.detects = detects;
    this.flowZones = flowZones;
  }

  @Override
  public void open(OpenContext context) throws Exception {
    h3 = H3Core.newInstance();
    var rc = getRuntimeContext();
    onTime = rc.getMapState(new MapStateDescriptor<>("on-time", Long.class, CellFigures.class));
    latest = rc.getMapState(new MapStateDescriptor<>("latest", Long.class, CellFigures.class));
    marks = rc.getMapState(new MapStateDescriptor<>("marks", String.class, VenueMarks.class));
    flows = rc.getMapState(new MapStateDescriptor<>("flows", String.class, FlowWindow.class));
    zoneFlows =
        rc.getMapState(new MapStateDescriptor<>("zone-flows", String.class, ZoneFlowWindow.class));
    published = rc.getState(new ValueStateDescriptor<>("published", Boolean.class));
    changed = rc.getState(new ValueStateDescriptor<>("changed", Boolean.class));
  }

  @Override
  public void processElement1(CellWindow c, Context ctx, Collector<WindowCells> out)
      throws Exception {
    CellFigures figures = new CellFigures(c.posts(), c.authors(), c.density());
    latest.put(c.cell(), figures);
    if (!Boolean.TRUE.equals(published.value()) && c.revision() == 0) {
      onTime.put(c.cell(), figures);
    } else {
      changed.update(true);
    }
    registerTimers(ctx, c.windowStart());
  }

  @Override
  public void processElement2(WindowExtra extra, Context ctx, Collector<WindowCells> out)
      throws Exception {
    if (extra.flow() != null) {
      FlowWindow f = extra.flow();
      flows.put(f.origin() + "\u0000" + f.destination(), f);
    } else if (extra.zone() != null) {
      zoneFlows.put(extra.zone().zone(), extra.zone());
    } else {
      VenueMarks m = extra.marks();
      if (m.isEmpty()) return;
      marks.put(m.venue(), m);
    }
    // Marks come before the watermark that publishes revision 0; should one ever come after it,
    // the next revision shows it.
    if (Boolean.TRUE.equals(published.value())) changed.update(true);
    registerTimers(ctx, extra.windowStart());
  }

  private void registerTimers(Context ctx, long windowStart) {
    ctx.timerService().registerEventTimeTimer(windowStart + sizeMillis - 1);
    ctx.timerService().registerEventTimeTimer(cleanupTime(windowStart));
  }

  /** Whether the window has anything to draw: a cell, or an open alert. */
  private boolean hasContent() throws Exception {
    if (!latest.isEmpty()) return true;
    for (VenueMarks m : marks.values()) if (m.openAlert() != null) return true;
    return false;
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindowCells> out)
      throws Exception {
    long start = ctx.getCurrentKey();
    if (!Boolean.TRUE.equals(published.value())) {
      if (hasContent()) out.collect(snapshot(onTime, start, 0));
      published.update(true);
    }
    if (timestamp >= cleanupTime(start)) {
      if (Boolean.TRUE.equals(changed.value())) out.collect(snapshot(latest, start, 1));
      onTime.clear();
      latest.clear();
      marks.clear();
      flows.clear();
      zoneFlows.clear();
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
    List<VenueMarks> venues = new ArrayList<>();
    for (VenueMarks m : marks.values()) venues.add(m);
    WindowMarks merged = WindowMarks.of(venues); // the same whatever order the venues came in
    return new WindowCells(
        start,
        start + sizeMillis,
        revision,
        ids,
        posts,
        authors,
        density,
        merged.scores(ids, h3),
        merged.alerts(ids, h3),
        detects ? merged.openAlerts().toArray(new OpenAlert[0]) : null,
        flowsDocument());
  }

  private String flowsDocument() throws Exception {
    if (flowZones == null) return null;
    List<FlowWindow> edges = new ArrayList<>();
    for (FlowWindow f : flows.values()) edges.add(f);
    List<ZoneFlowWindow> zones = new ArrayList<>();
    for (ZoneFlowWindow z : zoneFlows.values()) zones.add(z);
    return FlowFormats.windowDocument(edges, zones, flowZones); // sorted: the same bytes each run
  }
}
