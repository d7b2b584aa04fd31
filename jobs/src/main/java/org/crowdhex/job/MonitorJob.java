package org.crowdhex.job;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.ParameterTool;
import org.crowdhex.alert.AlertRecord;
import org.crowdhex.baseline.Baseline;
import org.crowdhex.density.CellWindow;
import org.crowdhex.density.LatePost;
import org.crowdhex.density.VenueCellCount;
import org.crowdhex.density.VenueWindow;
import org.crowdhex.job.files.PostFiles;
import org.crowdhex.job.files.RecordFileSink;
import org.crowdhex.job.files.TileStore;
import org.crowdhex.job.kafka.KafkaOutputs;
import org.crowdhex.job.kafka.KafkaPosts;
import org.crowdhex.job.kafka.KafkaPreflight;
import org.crowdhex.job.kafka.KafkaSettings;
import org.crowdhex.locate.LocatedPost;
import org.crowdhex.output.AlertFormats;
import org.crowdhex.output.AuditFormats;
import org.crowdhex.output.DensityFormats;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.plan.PlanReader;
import org.crowdhex.plan.SchedulePhase;
import org.crowdhex.plan.WindowSpec;
import org.crowdhex.post.Post;
import org.crowdhex.post.Reject;
import org.crowdhex.post.SourceLine;
import org.crowdhex.tileset.TileSetInfo;
import org.crowdhex.venue.Venue;
import org.crowdhex.venue.VenueCatalog;
import org.crowdhex.venue.VenueIndex;
import org.crowdhex.venue.VenueZone;

/**
 * The monitor job: posts in, crowd density per H3 cell and per venue out, per event-time window.
 * Sources and sinks are passed in ({@link #build}), so the same wiring runs on a cluster, on the
 * embedded engine and on a test MiniCluster.
 *
 * <pre>
 * lines -> decode + validate          -> rejects
 *       -> event time + watermarks     (bounded out-of-orderness from the plan)
 *       -> locate on H3                outside every zone: counted and dropped
 *       |-> keyBy(cell)  -> windows    -> cell density      (late beyond lateness -> late)
 *       |-> keyBy(venue) -> windows    -> venue totals
 * </pre>
 */
public final class MonitorJob {
  static final OutputTag<LocatedPost> LATE = new OutputTag<>("late") {};

  private MonitorJob() {}

  /** The streams of one monitor run, for the caller to send where it wants. */
  public record Streams(
      DataStream<CellWindow> cells,
      DataStream<VenueWindow> venues,
      DataStream<Reject> rejects,
      DataStream<LatePost> late) {}

  /** Wires the monitor stages onto a stream of input lines. */
  public static Streams build(EventPlan plan, VenueIndex index, DataStream<SourceLine> lines) {
    return build(plan, index, lines, false);
  }

  /**
   * Wires the monitor stages onto a stream of input lines.
   *
   * @param timedAtSource whether the source already gives each line its event time and emits the
   *     watermarks (per Kafka partition: see {@code job.kafka.KafkaPosts}); decoding then keeps
   *     them. Otherwise event time and watermarks are derived from the decoded posts, one generator
   *     per reader, as for files.
   */
  public static Streams build(
      EventPlan plan, VenueIndex index, DataStream<SourceLine> lines, boolean timedAtSource) {
    WindowSpec w = plan.window();

    SingleOutputStreamOperator<Post> posts =
        lines
            .process(new DecodePosts(plan.input()))
            .name("decode + validate")
            .uid("decode")
            // Each reader's lines keep their order up to the watermarks: same parallelism, chained.
            .setParallelism(lines.getParallelism());
    DataStream<Reject> rejects = posts.getSideOutput(DecodePosts.REJECTS);

    // Posts arrive roughly in time order; out_of_orderness bounds how far behind one may be.
    WatermarkStrategy<Post> eventTime =
        WatermarkStrategy.<Post>forGenerator(ctx -> new EventTimeWatermarks<>(w.outOfOrderness()))
            .withTimestampAssigner((p, ts) -> p.timeMillis());
    DataStream<Post> timed =
        timedAtSource
            ? posts
            : posts
                .assignTimestampsAndWatermarks(eventTime)
                .name("event time")
                .uid("event-time")
                .setParallelism(lines.getParallelism());
    DataStream<LocatedPost> located =
        timed
            .flatMap(new LocatePosts(plan.h3Resolution(), index))
            .name("locate on H3")
            .uid("locate")
            .setParallelism(lines.getParallelism());

    SingleOutputStreamOperator<CellWindow> cells =
        located
            .keyBy(LocatedPost::cell, TypeInformation.of(Long.class))
            .window(SlidingEventTimeWindows.of(w.size(), w.slide()))
            .allowedLateness(w.allowedLateness())
            .sideOutputLateData(LATE)
            .aggregate(
                new CountWindows.CellTallies(),
                new CountWindows.PublishCells(index),
                TypeInformation.of(org.crowdhex.density.Tally.class),
                TypeInformation.of(org.crowdhex.density.Tally.class),
                TypeInformation.of(CellWindow.class))
            .name("cell density")
            .uid("cell-density");

    DataStream<LatePost> late =
        cells.getSideOutput(LATE).process(new LateArrivals()).name("late posts").uid("late");

    DataStream<VenueWindow> venues =
        located
            .flatMap(new VenueFanOut(index))
            .name("venue fan-out")
            .uid("venue-fan-out")
            .setParallelism(lines.getParallelism())
            .keyBy(org.crowdhex.density.VenuePost::venue)
            .window(SlidingEventTimeWindows.of(w.size(), w.slide()))
            .allowedLateness(w.allowedLateness())
            .aggregate(new CountWindows.VenueTallies(), new CountWindows.PublishVenues(index))
            .name("venue totals")
            .uid("venue-totals");

    return new Streams(cells, venues, rejects, late);
  }

  /**
   * Sends the streams to files under the run's output folder: density, rejects and late posts as
   * JSON lines (and GeoJSON), and, when the plan asks, tiles under {@code tiles/}.
   */
  public static void writeFiles(Streams s, EventPlan plan, List<VenueZone> zones, String outDir)
      throws IOException {
    String density = outDir + "/density";
    s.cells()
        .sinkTo(new RecordFileSink<>(density, "cells.jsonl", DensityFormats.cellLines()))
        .name("cells.jsonl")
        .setParallelism(1);
    if (plan.output().geojson()) {
      s.cells()
          .sinkTo(new RecordFileSink<>(density, "cells.geojson", DensityFormats.cellFeatures()))
          .name("cells.geojson")
          .setParallelism(1);
    }
    s.venues()
        .sinkTo(new RecordFileSink<>(density, "venues.jsonl", DensityFormats.venueLines()))
        .name("venues.jsonl")
        .setParallelism(1);
    s.rejects()
        .sinkTo(
            new RecordFileSink<>(outDir + "/rejects", "rejects.jsonl", AuditFormats.rejectLines()))
        .name("rejects.jsonl")
        .setParallelism(1);
    s.late()
        .sinkTo(new RecordFileSink<>(outDir + "/late", "late.jsonl", AuditFormats.lateLines()))
        .name("late.jsonl")
        .setParallelism(1);
    if (plan.detection().enabled()) {
      SingleOutputStreamOperator<AlertRecord> alerts =
          detect(s.cells(), plan, VenueIndex.of(zones));
      alerts
          .getSideOutput(DetectAnomalies.SCORES)
          .sinkTo(
              new RecordFileSink<>(outDir + "/alerts", "scores.jsonl", AlertFormats.scoreLines()))
          .name("scores.jsonl")
          .setParallelism(1);
      alerts
          .sinkTo(new RecordFileSink<>(outDir + "/alerts", "alerts.jsonl", AlertFormats.lines()))
          .name("alerts.jsonl")
          .setParallelism(1);
      alerts
          .sinkTo(
              new RecordFileSink<>(outDir + "/alerts", "alerts.geojson", AlertFormats.features()))
          .name("alerts.geojson")
          .setParallelism(1);
    }
    if (plan.tiles().enabled()) {
      String tiles = outDir + "/tiles";
      TileSetInfo info = TileStage.info(plan, zones);
      // The outlines go first: the viewer draws them before any window is published.
      new TileStore(tiles).write("venues.geojson", TileStage.venuesGeoJson(zones));
      TileStage.attach(s.cells(), plan, info, tiles)
          .sinkTo(new DiscardingSink<>())
          .name("published windows")
          .setParallelism(1);
    }
  }

  /**
   * The anomaly detector: each venue's cell counts per window, scanned against the plan's baseline,
   * through the venue's alert lifecycle.
   */
  public static SingleOutputStreamOperator<AlertRecord> detect(
      DataStream<CellWindow> cells, EventPlan plan, VenueIndex index) throws IOException {
    for (SchedulePhase phase : plan.schedule().phases()) {
      for (String venue : phase.expect().keySet()) {
        if (!index.venueIds().contains(venue)) {
          throw new IllegalArgumentException(
              "schedule phase "
                  + phase.name()
                  + " expects a crowd at venue "
                  + venue
                  + "; accepted: one of the plan's venues ("
                  + String.join(", ", index.venueIds())
                  + ")");
        }
      }
    }
    Baseline baseline = Baseline.read(plan.detection().baseline());
    baseline.requireFits(
        plan.detection().baseline().toString(),
        plan.h3Resolution(),
        plan.window().size().toMillis(),
        plan.timeZone());
    return cells
        .flatMap(new VenueCounts())
        .name("venue counts")
        .uid("venue-counts")
        .keyBy(VenueCellCount::venue)
        .process(
            new DetectAnomalies(
                plan.detection().withoutFile(), // a Path does not travel to the tasks
                plan.schedule(),
                baseline,
                index,
                plan.window().size().toMillis(),
                plan.window().slide().toMillis()))
        .name("detect anomalies")
        .uid("detect-anomalies");
  }

  /** Wires a replay of files into file outputs. */
  public static void replayFiles(
      StreamExecutionEnvironment env,
      EventPlan plan,
      List<VenueZone> zones,
      List<String> inputs,
      String outDir)
      throws IOException {
    // One reader per input file at most: a reader with nothing to read would hold the watermark
    // back until it finished, and when that happens depends on the machine. With one file, one
    // reader drives event time and a replay gives the same windows and revisions every time.
    int readers = Math.max(1, Math.min(plan.parallelism(), PostFiles.count(inputs)));
    DataStream<SourceLine> lines =
        env.fromSource(
                PostFiles.source(inputs, plan.input().format()),
                WatermarkStrategy.noWatermarks(),
                "post files")
            .uid("post-files")
            .setParallelism(readers);
    writeFiles(build(plan, VenueIndex.of(zones), lines), plan, zones, outDir);
  }

  /**
   * Wires a live run: posts from Kafka with event time per partition, density, venue totals, alerts
   * (when the plan detects) and rejects to Kafka, exactly once by default. Checks the topics and
   * settings with the cluster first, so a mistake is a sentence, not a failing job.
   */
  public static void runLive(
      StreamExecutionEnvironment env, EventPlan plan, List<VenueZone> zones, KafkaSettings kafka)
      throws IOException {
    KafkaPreflight cluster = KafkaPreflight.check(kafka, KafkaOutputs.topics(plan, kafka));
    DataStream<SourceLine> lines = KafkaPosts.lines(env, plan, kafka, cluster);
    KafkaOutputs.write(build(plan, VenueIndex.of(zones), lines, true), plan, zones, kafka);
  }

  /**
   * The venue index of a plan: its venues (all or the included ones) with their zones covered by H3
   * cells at the plan's resolution.
   */
  public static List<VenueZone> venueZones(EventPlan plan) {
    List<Venue> venues =
        VenueCatalog.read(plan.venues().file(), plan.venues().defaultBufferMeters());
    if (!plan.venues().include().isEmpty()) {
      venues = VenueCatalog.filter(venues, plan.venues().include());
    }
    H3Core h3;
    try {
      h3 = H3Core.newInstance();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the H3 native library", e);
    }
    List<VenueZone> zones = new ArrayList<>();
    for (Venue v : venues) zones.add(VenueZone.of(v, plan.h3Resolution(), h3));
    return zones;
  }

  /** The cell-to-venue index of a plan's zones. */
  public static VenueIndex venueIndex(EventPlan plan) {
    return VenueIndex.of(venueZones(plan));
  }

  /**
   * Entry point on a Flink cluster: {@code --plan PLAN --input FILE[,FILE...] [--out DIR]} replays
   * files; {@code --plan PLAN --kafka.bootstrap_servers HOST:PORT [--kafka.NAME VALUE]...} runs
   * live on Kafka (names as in {@link KafkaSettings#fromMap}). The plan and venue files are read
   * where the job is submitted.
   */
  public static void main(String[] args) throws Exception {
    ParameterTool params = ParameterTool.fromArgs(args);
    EventPlan plan = PlanReader.read(java.nio.file.Path.of(params.getRequired("plan")));
    java.util.Map<String, String> kafka = new java.util.TreeMap<>();
    for (var e : params.toMap().entrySet()) {
      if (e.getKey().startsWith("kafka.")) kafka.put(e.getKey().substring(6), e.getValue());
    }
    if (!kafka.isEmpty()) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      runLive(env, plan, venueZones(plan), KafkaSettings.fromMap(kafka, plan.name()));
      env.execute("crowdhex live: " + plan.name());
      return;
    }
    List<String> inputs = Arrays.asList(params.getRequired("input").split(","));
    String out = params.get("out", plan.output().dir().toString());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    replayFiles(env, plan, venueZones(plan), inputs, out);
    env.execute("crowdhex monitor: " + plan.name());
  }
}
