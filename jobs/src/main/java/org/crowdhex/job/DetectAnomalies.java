package org.crowdhex.job;

import com.uber.h3core.H3Core;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.crowdhex.alert.AlertPolicy;
import org.crowdhex.alert.AlertRecord;
import org.crowdhex.alert.BuildUp;
import org.crowdhex.alert.Detection;
import org.crowdhex.alert.ExpectationSource;
import org.crowdhex.alert.Hotspot;
import org.crowdhex.alert.IncidentMerger;
import org.crowdhex.alert.VenueAlertState;
import org.crowdhex.alert.VenueAlerts;
import org.crowdhex.anomaly.CellCusums;
import org.crowdhex.anomaly.PoissonScore;
import org.crowdhex.anomaly.ScanResult;
import org.crowdhex.anomaly.SubsetScan;
import org.crowdhex.baseline.Baseline;
import org.crowdhex.baseline.OnlineBaseline;
import org.crowdhex.baseline.VolumeScaler;
import org.crowdhex.density.VenueCellCount;
import org.crowdhex.density.VenueScore;
import org.crowdhex.density.VolumeRatio;
import org.crowdhex.plan.DetectionSpec;
import org.crowdhex.plan.Schedule;
import org.crowdhex.plan.SchedulePhase;
import org.crowdhex.tileset.VenueMarks;
import org.crowdhex.venue.VenueIndex;

/**
 * The detector of one venue (keyed by venue id). When the event time passes a window's end it has
 * every cell count of that window; it keeps the last few windows, runs the expectation-based
 * Poisson subset scan around every cell of the venue's cover against the baseline, and feeds the
 * hotspots to the venue's alert lifecycle. Windows in which the venue had no post at all still
 * count as quiet through a timer, so alerts close. A scan region spans the last few slides in time;
 * a slide in which the venue had no post counts as zeros. Late revisions of a window do not reach
 * the detector ({@link VenueCounts} passes each window's first publication only): an alert, once
 * sent, stands.
 *
 * <p>Without a baseline file the venue learns its expectations from its own first windows (the
 * plan's {@code detection.warm_up}, see {@link OnlineBaseline}): nothing is scanned before a window
 * size of the stream is learned (three windows at 15 minutes sliding by 5), alerts until the
 * warm-up is over are marked "no baseline yet", and the build-up CUSUMs wait for the warm-up.
 *
 * <p>Its second input is the platform's volume per window ({@link MeasureVolume}), sent only when
 * the plan asks for {@code detection.volume_rescale}: the venue smooths it ({@link VolumeScaler})
 * and multiplies every expectation by it, so a platform busier everywhere at once raises nothing.
 *
 * <p>For the map it also sends each window's {@link #MARKS}: the venue's hot cells with their
 * scores and its open alert. They go out in the timer at the window's end, before the operator
 * passes that watermark on, so the tile stage has them when it draws the window.
 */
final class DetectAnomalies
    extends KeyedCoProcessFunction<String, VenueCellCount, VolumeRatio, AlertRecord> {
  /** Every scanned window's strongest score, for calibration and for analysts. */
  static final OutputTag<VenueScore> SCORES = new OutputTag<>("venue-scores") {};

  /**
   * Per venue and window (scanned, or quiet while an alert is open): the hot cells and the open
   * alert, for the tiles. Nothing when there is neither.
   */
  static final OutputTag<VenueMarks> MARKS = new OutputTag<>("venue-marks") {};

  private final DetectionSpec spec;
  private final Schedule schedule;
  private final Baseline baseline;
  private final int warmUpWindows;
  private final VenueIndex index;
  private final long size;
  private final long slide;
  private transient H3Core h3;
  private transient SubsetScan scan;
  private transient VenueAlerts alerts;
  private transient MapState<Long, WindowCounts> pending;
  private transient ValueState<WindowCounts> recent;
  private transient ValueState<VenueAlertState> alertState;
  private transient ValueState<CellCusums> cusums;
  private transient ValueState<OnlineBaseline> learned;
  private transient MapState<Long, Double> volumes;
  private transient ValueState<VolumeScaler> volumeScaler;
  private transient Map<String, long[]> covers;
  private transient Map<String, Neighbourhoods> neighbourhoods;

  /**
   * @param baseline the expectations learned from history, or null to learn them from the stream
   *     (over {@code warmUp}, rounded up to whole slides)
   */
  DetectAnomalies(
      DetectionSpec spec,
      Schedule schedule,
      Baseline baseline,
      VenueIndex index,
      long size,
      long slide) {
    this.spec = spec;
    this.schedule = schedule;
    this.baseline = baseline;
    this.warmUpWindows = (int) Math.max(1, (spec.warmUp().toMillis() + slide - 1) / slide);
    this.index = index;
    this.size = size;
    this.slide = slide;
  }

  @Override
  public void open(OpenContext context) throws Exception {
    h3 = H3Core.newInstance();
    scan = new SubsetScan();
    alerts =
        new VenueAlerts(
            new AlertPolicy(
                spec.threshold(),
                spec.critical(),
                AlertPolicy.DEFAULT_OPEN_HITS,
                AlertPolicy.DEFAULT_OPEN_WINDOWS,
                spec.closeAfter(),
                2,
                4),
            size,
            slide,
            new IncidentMerger(h3));
    var rc = getRuntimeContext();
    pending = rc.getMapState(new MapStateDescriptor<>("pending", Long.class, WindowCounts.class));
    recent = rc.getState(new ValueStateDescriptor<>("recent", WindowCounts.class));
    alertState = rc.getState(new ValueStateDescriptor<>("alerts", VenueAlertState.class));
    cusums = rc.getState(new ValueStateDescriptor<>("build-ups", CellCusums.class));
    learned = rc.getState(new ValueStateDescriptor<>("online-baseline", OnlineBaseline.class));
    volumes = rc.getMapState(new MapStateDescriptor<>("volumes", Long.class, Double.class));
    volumeScaler = rc.getState(new ValueStateDescriptor<>("volume-scaler", VolumeScaler.class));
    covers = new HashMap<>();
    neighbourhoods = new HashMap<>();
  }

  @Override
  public void processElement1(VenueCellCount c, Context ctx, Collector<AlertRecord> out)
      throws Exception {
    long[] cover = cover(c.venue());
    int i = Arrays.binarySearch(cover, c.cell());
    if (i < 0) return;
    WindowCounts w = pending.get(c.windowStart());
    if (w == null) {
      w = new WindowCounts(cover.length);
      w.starts = new long[] {c.windowStart()};
      w.authors = new int[cover.length];
    }
    w.authors[i] = c.authors();
    pending.put(c.windowStart(), w);
    ctx.timerService().registerEventTimeTimer(c.windowEnd() - 1);
  }

  /** The platform's volume of a window: kept until the window's timer, which every window gets. */
  @Override
  public void processElement2(VolumeRatio v, Context ctx, Collector<AlertRecord> out)
      throws Exception {
    volumes.put(v.windowStart(), v.ratio());
    ctx.timerService().registerEventTimeTimer(v.windowStart() + size - 1);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertRecord> out)
      throws Exception {
    String venue = ctx.getCurrentKey();
    long windowEnd = timestamp + 1;
    long windowStart = windowEnd - size;
    double volume = volumeFactor(windowStart);
    VenueAlertState state = alertState.value();
    if (state == null) state = new VenueAlertState();
    WindowCounts now = pending.get(windowStart);
    List<AlertRecord> records;
    List<Hotspot> hotspots = new ArrayList<>();
    if (now != null) {
      pending.remove(windowStart);
      WindowCounts history = recent.value();
      long[] cover = cover(venue);
      if (history == null) history = new WindowCounts(cover.length);
      if (history.revise(windowStart, now.authors)) {
        // A late revision of a window already scanned: later scans see its new counts, but it is
        // not scanned again, and an alert once sent stands.
        recent.update(history);
        return;
      }
      history.append(windowStart, now.authors, spec.windows(), slide);
      recent.update(history);
      OnlineBaseline online = null; // the stream's own expectations, without a baseline file
      ExpectationSource source = ExpectationSource.HISTORY;
      if (baseline == null) {
        online = learned.value();
        if (online == null) {
          online = new OnlineBaseline(cover.length, size, slide, warmUpWindows);
        }
        source = online.isWarm() ? ExpectationSource.ONLINE : ExpectationSource.NO_BASELINE_YET;
      }
      if (online != null && online.windowsLearned() < Math.min(size / slide, warmUpWindows)) {
        records = alerts.onQuietWindow(state, windowEnd); // too little to compare with yet
      } else {
        double best = scanAll(venue, cover, history, online, volume, hotspots);
        ctx.output(SCORES, new VenueScore(venue, windowStart, windowEnd, best));
        SchedulePhase phase = schedule.phaseOfWindow(windowEnd);
        List<BuildUp> buildUps =
            online == null || online.isWarm()
                ? buildUps(venue, cover, now, online, volume, windowStart, windowEnd)
                : List.of();
        records =
            alerts.onWindow(
                state,
                new Detection(
                    venue,
                    phase == null ? null : phase.name(),
                    windowStart,
                    windowEnd,
                    hotspots,
                    buildUps,
                    source,
                    authorsByCell(cover, now.authors)));
      }
      if (online != null) {
        // Learned after the scan: a window is compared with the ones before it, never itself.
        online.observeWindow(windowStart, now.authors);
        learned.update(online);
      }
    } else {
      records = alerts.onQuietWindow(state, windowEnd);
    }
    for (AlertRecord r : records) out.collect(r);
    VenueMarks marks =
        VenueMarks.of(venue, windowStart, windowEnd, hotspots, alerts.openAlert(state));
    if (!marks.isEmpty()) ctx.output(MARKS, marks);
    if (state.isIdle()) {
      alertState.clear();
    } else {
      alertState.update(state);
      OptionalLong next = alerts.nextTimerAt(state);
      if (next.isPresent()) ctx.timerService().registerEventTimeTimer(next.getAsLong() - 1);
    }
    if (state.isIdle() && pending.isEmpty()) {
      // Nothing open, nothing waiting: the recent windows are the only state left; they age out
      // by themselves when the next window comes, and are cleared when the venue falls silent.
      WindowCounts history = recent.value();
      if (history != null
          && history.windows() > 0
          && windowEnd - history.starts[history.windows() - 1] > size * 4) {
        recent.clear();
      }
    }
  }

  /** The window's distinct authors per cover cell, for the cells that had any. */
  private static Map<Long, Integer> authorsByCell(long[] cover, int[] authors) {
    Map<Long, Integer> byCell = new HashMap<>();
    for (int i = 0; i < cover.length; i++) {
      if (authors[i] > 0) byCell.put(cover[i], authors[i]);
    }
    return byCell;
  }

  /**
   * Feeds the venue's build-up CUSUMs every window that does not overlap the one before (those
   * starting at a whole multiple of the window size) and returns the cells that reached the
   * threshold. The threshold bounds false alarms to one per {@code days_per_false_alert} days per
   * venue ({@link CellCusums#thresholdFor}). The state is dropped while nothing builds up.
   */
  private List<BuildUp> buildUps(
      String venue,
      long[] cover,
      WindowCounts now,
      OnlineBaseline online,
      double volume,
      long windowStart,
      long windowEnd)
      throws Exception {
    if (!spec.buildUps() || windowStart % size != 0) return List.of();
    CellCusums c = cusums.value();
    if (c == null) {
      double windowsPerDay = 86_400_000.0 / size;
      c =
          new CellCusums(
              cover.length,
              spec.buildUpRatio(),
              CellCusums.thresholdFor(spec.daysPerFalseAlert(), windowsPerDay, cover.length));
    }
    double multiplier = schedule.multiplier(venue, windowEnd) * volume;
    double[] expected = new double[cover.length];
    for (int i = 0; i < cover.length; i++) {
      expected[i] = expected(cover, i, windowStart, online) * multiplier;
    }
    List<BuildUp> out = new ArrayList<>(0);
    for (CellCusums.CusumAlarm a : c.update(now.authors, expected)) {
      out.add(
          new BuildUp(
              cover[a.index()],
              a.windows(),
              a.observed(),
              a.expected(),
              PoissonScore.score(a.observed(), a.expected())));
    }
    if (c.isQuiet()) cusums.clear();
    else cusums.update(c);
    return out;
  }

  /**
   * The scan around every cover cell: adds the regions scoring at least half the threshold to
   * {@code out} and returns the best score of all.
   */
  private double scanAll(
      String venue,
      long[] cover,
      WindowCounts history,
      OnlineBaseline online,
      double volume,
      List<Hotspot> out) {
    int windows = history.windows();
    // Each cell's expectation in each window, once: every cell lies in up to 7 (or 19)
    // neighbourhoods. The schedule may expect a multiple of the usual crowd in some windows.
    double[][] expectedAll = new double[windows][cover.length];
    for (int w = 0; w < windows; w++) {
      double multiplier = schedule.multiplier(venue, history.starts[w] + size) * volume;
      for (int i = 0; i < cover.length; i++) {
        expectedAll[w][i] = expected(cover, i, history.starts[w], online) * multiplier;
      }
    }
    Neighbourhoods hoods = neighbourhoods(venue, cover);
    double best = 0;
    for (int centreIndex = 0; centreIndex < cover.length; centreIndex++) {
      long centre = cover[centreIndex];
      int[] hood = hoods.indexes()[centreIndex];
      long[] cells = hoods.cells()[centreIndex];
      int[][] observed = new int[windows][cells.length];
      double[][] expected = new double[windows][cells.length];
      for (int w = 0; w < windows; w++) {
        for (int k = 0; k < cells.length; k++) {
          observed[w][k] = history.authors[w * cover.length + hood[k]];
          expected[w][k] = expectedAll[w][hood[k]];
        }
      }
      ScanResult r = scan.scan(centre, cells, observed, expected);
      if (!r.isEmpty()) best = Math.max(best, r.score());
      if (r.isEmpty() || r.score() < spec.threshold() / 2) continue;
      long[] region = r.cells();
      int[] c = new int[region.length];
      double[] b = new double[region.length];
      for (int k = 0; k < region.length; k++) {
        int i = Arrays.binarySearch(cover, region[k]);
        for (int w = windows - r.duration(); w < windows; w++) {
          c[k] += history.authors[w * cover.length + i];
          b[k] += expectedAll[w][i];
        }
      }
      long centreInRegion = Arrays.binarySearch(region, centre) >= 0 ? centre : region[0];
      out.add(new Hotspot(centreInRegion, region, c, b, r.score()));
    }
    return best;
  }

  /**
   * The factor of the platform's volume for the window, 1 without the rescale: the window's ratio
   * taken into the venue's smoothed factor, or the factor so far when the ratio did not come.
   */
  private double volumeFactor(long windowStart) throws Exception {
    if (!spec.volumeRescale()) return 1;
    VolumeScaler scaler = volumeScaler.value();
    if (scaler == null) scaler = new VolumeScaler();
    Double ratio = volumes.get(windowStart);
    if (ratio == null) return scaler.factor();
    volumes.remove(windowStart);
    double factor = scaler.update(1, ratio);
    volumeScaler.update(scaler);
    return factor;
  }

  /**
   * A cover cell's expected authors in the window starting at {@code windowStart}: the baseline
   * file's for the hour of the week, or without one the stream's own, the same at every hour.
   */
  private double expected(long[] cover, int i, long windowStart, OnlineBaseline online) {
    return online == null ? baseline.expectedAt(cover[i], windowStart) : online.expected(i);
  }

  /**
   * The scan neighbourhood of every cover cell: the cells of its grid disk that are in the cover,
   * in the disk's order, as indexes into the cover and as cells. Fixed for a venue, so worked out
   * once per task rather than every window.
   */
  private Neighbourhoods neighbourhoods(String venue, long[] cover) {
    return neighbourhoods.computeIfAbsent(
        venue,
        v -> {
          int[][] indexes = new int[cover.length][];
          long[][] cells = new long[cover.length][];
          for (int centre = 0; centre < cover.length; centre++) {
            List<Long> disk = h3.gridDisk(cover[centre], spec.radius());
            int[] idx = new int[disk.size()];
            int n = 0;
            for (long c : disk) {
              int i = Arrays.binarySearch(cover, c);
              if (i >= 0) idx[n++] = i;
            }
            indexes[centre] = Arrays.copyOf(idx, n);
            cells[centre] = new long[n];
            for (int k = 0; k < n; k++) cells[centre][k] = cover[indexes[centre][k]];
          }
          return new Neighbourhoods(indexes, cells);
        });
  }

  /** A venue's scan neighbourhoods, per cover cell (see {@link #neighbourhoods}). */
  private record Neighbourhoods(int[][] indexes, long[][] cells) {}

  private long[] cover(String venue) {
    return covers.computeIfAbsent(
        venue,
        v -> {
          long[] cells = index.cellsOf(v).clone();
          Arrays.sort(cells);
          return cells;
        });
  }
}
