package org.crowdhex.job;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.ParameterTool;
import org.crowdhex.alert.AlertRecord;
import org.crowdhex.baseline.Baseline;
import org.crowdhex.baseline.PlatformVolume;
import org.crowdhex.density.CellWindow;
import org.crowdhex.density.LatePost;
import org.crowdhex.density.Tally;
import org.crowdhex.density.VenueCellCount;
import org.crowdhex.density.VenueWindow;
import org.crowdhex.density.VolumeRatio;
import org.crowdhex.disclosure.FamilyTally;
import org.crowdhex.disclosure.MinimumCrowd;
import org.crowdhex.flow.EdgeMove;
import org.crowdhex.flow.FlowEdge;
import org.crowdhex.flow.FlowTally;
import org.crowdhex.flow.FlowWindow;
import org.crowdhex.flow.FlowZones;
import org.crowdhex.flow.Move;
import org.crowdhex.flow.ZoneFlowWindow;
import org.crowdhex.flow.ZoneMove;
import org.crowdhex.flow.ZoneTally;
import org.crowdhex.hygiene.HygieneRules;
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
import org.crowdhex.output.FlowFormats;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.plan.PlanReader;
import org.crowdhex.plan.SchedulePhase;
import org.crowdhex.plan.WindowSpec;
import org.crowdhex.post.Reject;
import org.crowdhex.post.SourceLine;
import org.crowdhex.privacy.PrivacySettings;
import org.crowdhex.privacy.PseudonymKey;
import org.crowdhex.privacy.PseudonymousPost;
import org.crowdhex.privacy.TaskKey;
import org.crowdhex.tileset.TileSetInfo;
import org.crowdhex.tileset.VenueMarks;
import org.crowdhex.venue.Venue;
import org.crowdhex.venue.VenueCatalog;
import org.crowdhex.venue.VenueIndex;
import org.crowdhex.venue.VenueZone;

/**
 * The monitor job: posts in, crowd density per H3 cell and per venue, and flows between zones out,
 * per event-time window. Sources and sinks are passed in ({@link #build}), so the same wiring runs
 * on a cluster, on the embedded engine and on a test MiniCluster.
 *
 * <pre>
 * lines -> decode + validate + pseudonymise -> rejects   (no raw author id or text past here)
 *       -> event time + watermarks     (bounded out-of-orderness from the plan)
 *       -> locate on H3                outside every zone: counted and dropped
 *       -> keyBy(author) hygiene       duplicates and posts over the cap: counted and dropped
 *       |                 + moves      consecutive posts of one pseudonym -> moves
 *       |-> keyBy(cell)   -> windows   -> every count, for detection (late beyond lateness -> late)
 *       |-> keyBy(parent) -> windows   -> published cells (minimum crowd, small cells rolled up)
 *       |-> keyBy(venue)  -> windows   -> venue totals of at least the minimum crowd
 *       |-> moves -> keyBy(edge) / keyBy(zone) -> windows -> flows, inflow and outflow
 * </pre>
 */
public final class MonitorJob {
  static final OutputTag<LocatedPost> LATE = new OutputTag<>("late") {};

  private MonitorJob() {}

  /**
   * The streams of one monitor run, for the caller to send where it wants. Every published stream
   * holds only figures of at least the plan's minimum crowd of distinct authors; {@code counts}
   * holds every count and is for detection inside the job, never for an output.
   *
   * @param cells the published cells: each cell with at least the minimum crowd, and parent cells
   *     standing for smaller children ({@link CellWindow#rolledUp()})
   * @param venues the published venue totals
   * @param rejects lines that were not posts (without the lines themselves)
   * @param late posts that came too late for all their windows
   * @param counts every cell's count, however small: the detector's input only
   * @param flows the published flows between zones
   * @param zoneFlows the published inflow and outflow per zone
   * @param flowZones the zones flows are counted between
   */
  public record Streams(
      DataStream<CellWindow> cells,
      DataStream<VenueWindow> venues,
      DataStream<Reject> rejects,
      DataStream<LatePost> late,
      DataStream<CellWindow> counts,
      DataStream<FlowWindow> flows,
      DataStream<ZoneFlowWindow> zoneFlows,
      FlowZones flowZones) {}

  /**
   * Wires the monitor stages onto a stream of input lines; each task loads the pseudonym key from
   * the plan's key source.
   */
  public static Streams build(EventPlan plan, List<VenueZone> zones, DataStream<SourceLine> lines) {
    return build(plan, zones, lines, false);
  }

  /**
   * Wires the monitor stages onto a stream of input lines; each task loads the pseudonym key from
   * the plan's key source (see {@link #build(EventPlan, List, DataStream, boolean, TaskKey)}).
   */
  public static Streams build(
      EventPlan plan, List<VenueZone> zones, DataStream<SourceLine> lines, boolean timedAtSource) {
    return build(plan, zones, lines, timedAtSource, TaskKey.loadedFrom(plan.privacy().key()));
  }

  /**
   * Wires the monitor stages onto a stream of input lines.
   *
   * @param timedAtSource whether the source already gives each line its event time and emits the
   *     watermarks (per Kafka partition: see {@code job.kafka.KafkaPosts}); decoding then keeps
   *     them. Otherwise event time and watermarks are derived from the decoded posts, one generator
   *     per reader, as for files.
   * @param key how the decoding tasks get the pseudonym key
   */
  public static Streams build(
      EventPlan plan,
      List<VenueZone> zones,
      DataStream<SourceLine> lines,
      boolean timedAtSource,
      TaskKey key) {
    // No run starts without its key: loaded here once to check it (a missing variable or file is
    // a sentence now, not a job failing in every task), and again by each decoding task.
    key.key();
    WindowSpec w = plan.window();
    PrivacySettings privacy = plan.privacy();
    MinimumCrowd crowd = new MinimumCrowd(privacy.minCrowd());
    VenueIndex index = VenueIndex.of(zones);
    Duration lateness = w.outOfOrderness().plus(w.allowedLateness());

    SingleOutputStreamOperator<PseudonymousPost> posts =
        lines
            .process(
                new DecodePosts(
                    plan.input(),
                    key,
                    privacy.keyRotation(plan.name(), plan.timeZone()),
                    privacy.keepText()))
            .name("decode + validate + pseudonymise")
            .uid("decode")
            // Each reader's lines keep their order up to the watermarks: same parallelism, chained.
            .setParallelism(lines.getParallelism());
    DataStream<Reject> rejects = posts.getSideOutput(DecodePosts.REJECTS);

    // Posts arrive roughly in time order; out_of_orderness bounds how far behind one may be.
    WatermarkStrategy<PseudonymousPost> eventTime =
        WatermarkStrategy.<PseudonymousPost>forGenerator(
                ctx -> new EventTimeWatermarks<>(w.outOfOrderness()))
            .withTimestampAssigner((p, ts) -> p.timeMillis());
    DataStream<PseudonymousPost> timed =
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

    // Per author: hygiene, then moves. At the readers' parallelism, so that with one reader every
    // window below still sees one ordered channel and a replay gives the same windows every time.
    SingleOutputStreamOperator<LocatedPost> counted =
        located
            .keyBy(LocatedPost::authorKey, TypeInformation.of(Long.class))
            .process(
                new AuthorPosts(
                    new HygieneRules(
                        privacy.postCap(), w.size(), privacy.duplicateWindow(), lateness),
                    plan.flows(),
                    lateness))
            .name("hygiene + moves per author")
            .uid("author-posts")
            .setParallelism(lines.getParallelism());

    // Every count, however small: what detection sees. Published only when k is 1.
    SingleOutputStreamOperator<CellWindow> counts =
        counted
            .keyBy(LocatedPost::cell, TypeInformation.of(Long.class))
            .window(SlidingEventTimeWindows.of(w.size(), w.slide()))
            .allowedLateness(w.allowedLateness())
            .sideOutputLateData(LATE)
            .aggregate(
                new CountWindows.CellTallies(),
                new CountWindows.PublishCells(index, crowd.k() == 1),
                TypeInformation.of(Tally.class),
                TypeInformation.of(Tally.class),
                TypeInformation.of(CellWindow.class))
            .name("cell density")
            .uid("cell-density");

    DataStream<LatePost> late =
        counts.getSideOutput(LATE).process(new LateArrivals()).name("late posts").uid("late");

    // What may be published: per parent cell, the children through the minimum crowd.
    DataStream<CellWindow> cells =
        crowd.k() == 1
            ? counts
            : counted
                .keyBy(
                    new RollUpCells.ParentCell(plan.h3Resolution()), TypeInformation.of(Long.class))
                .window(SlidingEventTimeWindows.of(w.size(), w.slide()))
                .allowedLateness(w.allowedLateness())
                .aggregate(
                    new RollUpCells.FamilyTallies(),
                    new RollUpCells.PublishFamilies(crowd, index),
                    TypeInformation.of(FamilyTally.class),
                    TypeInformation.of(FamilyTally.class),
                    TypeInformation.of(CellWindow.class))
                .name("published cells (minimum crowd)")
                .uid("published-cells");

    DataStream<VenueWindow> venues =
        counted
            .flatMap(new VenueFanOut(index))
            .name("venue fan-out")
            .uid("venue-fan-out")
            .setParallelism(lines.getParallelism())
            .keyBy(org.crowdhex.density.VenuePost::venue)
            .window(SlidingEventTimeWindows.of(w.size(), w.slide()))
            .allowedLateness(w.allowedLateness())
            .aggregate(
                new CountWindows.VenueTallies(), new CountWindows.PublishVenues(index, crowd))
            .name("venue totals")
            .uid("venue-totals");

    // Moves, counted in the windows of their destination time, between zones.
    FlowZones flowZones = FlowZones.of(plan.flows(), zones);
    DataStream<Move> moves = counted.getSideOutput(AuthorPosts.MOVES);
    DataStream<FlowWindow> flows =
        moves
            .flatMap(new CountFlows.ToEdges(flowZones))
            .name("flow edges")
            .uid("flow-edges")
            .setParallelism(lines.getParallelism())
            .keyBy(EdgeMove::edge, TypeInformation.of(FlowEdge.class))
            .window(SlidingEventTimeWindows.of(w.size(), w.slide()))
            .allowedLateness(w.allowedLateness())
            .aggregate(
                new CountFlows.EdgeTallies(),
                new CountFlows.PublishEdges(crowd),
                TypeInformation.of(FlowTally.class),
                TypeInformation.of(FlowTally.class),
                TypeInformation.of(FlowWindow.class))
            .name("flows")
            .uid("flows");
    DataStream<ZoneFlowWindow> zoneFlows =
        moves
            .flatMap(new CountFlows.ToZones(flowZones))
            .name("zone crossings")
            .uid("zone-crossings")
            .setParallelism(lines.getParallelism())
            .keyBy(ZoneMove::zone)
            .window(SlidingEventTimeWindows.of(w.size(), w.slide()))
            .allowedLateness(w.allowedLateness())
            .aggregate(
                new CountFlows.ZoneTallies(),
                new CountFlows.PublishZones(crowd),
                TypeInformation.of(ZoneTally.class),
                TypeInformation.of(ZoneTally.class),
                TypeInformation.of(ZoneFlowWindow.class))
            .name("zone flows")
            .uid("zone-flows");

    return new Streams(cells, venues, rejects, late, counts, flows, zoneFlows, flowZones);
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
    String flows = outDir + "/flows";
    s.flows()
        .sinkTo(new RecordFileSink<>(flows, "flows.jsonl", FlowFormats.edgeLines()))
        .name("flows.jsonl")
        .setParallelism(1);
    if (plan.output().geojson()) {
      s.flows()
          .sinkTo(
              new RecordFileSink<>(flows, "flows.geojson", FlowFormats.edgeFeatures(s.flowZones())))
          .name("flows.geojson")
          .setParallelism(1);
    }
    s.flows()
        .sinkTo(new RecordFileSink<>(flows, "flows.csv", FlowFormats.flowmapFlows()))
        .name("flows.csv")
        .setParallelism(1);
    s.zoneFlows()
        .sinkTo(new RecordFileSink<>(flows, "zones.jsonl", FlowFormats.zoneLines()))
        .name("zones.jsonl")
        .setParallelism(1);
    // Where the zones are, for flow maps: written once, before any flow.
    new TileStore(flows)
        .write("locations.csv", FlowFormats.flowmapLocations(s.flowZones().locations()));
    DataStream<VenueMarks> marks = null; // the detector's hot cells and open alerts, for tiles
    if (plan.detection().enabled()) {
      // The detector sees every count; only the public form of its alerts is written.
      SingleOutputStreamOperator<AlertRecord> detector =
          detect(s.counts(), plan, VenueIndex.of(zones));
      marks =
          detector
              .getSideOutput(DetectAnomalies.MARKS)
              .map(new PublicMarks(new MinimumCrowd(plan.privacy().minCrowd())))
              .name("public marks")
              .uid("public-marks");
      detector
          .getSideOutput(DetectAnomalies.SCORES)
          .sinkTo(
              new RecordFileSink<>(outDir + "/alerts", "scores.jsonl", AlertFormats.scoreLines()))
          .name("scores.jsonl")
          .setParallelism(1);
      DataStream<AlertRecord> alerts =
          detector
              .flatMap(new PublicAlerts(new MinimumCrowd(plan.privacy().minCrowd())))
              .name("public alerts")
              .uid("public-alerts");
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
    if (plan.tiles().enabled()) writeTiles(s, plan, zones, outDir, marks);
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
    if (plan.detection().volumeRescale() && index.venueIds().size() < PlatformVolume.MIN_VENUES) {
      throw new IllegalArgumentException(
          "detection.volume_rescale is true with "
              + index.venueIds().size()
              + " venue(s); accepted: false, or a plan watching at least "
              + PlatformVolume.MIN_VENUES
              + " venues (the median over the venues is what keeps a crowd from rescaling"
              + " itself away)");
    }
    // Without a baseline file each venue learns its expectations from the stream's first windows.
    Baseline baseline = null;
    if (plan.detection().baseline() != null) {
      baseline = Baseline.read(plan.detection().baseline());
      baseline.requireFits(
          plan.detection().baseline().toString(),
          plan.h3Resolution(),
          plan.window().size().toMillis(),
          plan.timeZone());
    }
    SingleOutputStreamOperator<VenueCellCount> counts =
        cells.flatMap(new VenueCounts()).name("venue counts").uid("venue-counts");
    DataStream<VolumeRatio> volumes;
    if (plan.detection().volumeRescale()) {
      volumes =
          counts
              .keyBy(VenueCellCount::windowStart)
              .process(
                  new MeasureVolume(
                      baseline, plan.schedule(), index, plan.window().size().toMillis()))
              .name("platform volume")
              .uid("platform-volume");
    } else {
      // No rescale: an input that never has a record, but keeps the counts' watermarks.
      volumes = counts.flatMap(new NoVolume()).name("no volume rescale").uid("no-volume");
    }
    return counts
        .keyBy(VenueCellCount::venue)
        .connect(volumes.keyBy(VolumeRatio::venue))
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

  /** The volume input of a detector without the rescale: nothing. */
  private static final class NoVolume implements FlatMapFunction<VenueCellCount, VolumeRatio> {
    @Override
    public void flatMap(VenueCellCount c, Collector<VolumeRatio> out) {}
  }

  /**
   * Wires a replay of files into file outputs; each task loads the pseudonym key from the plan's
   * key source.
   */
  public static void replayFiles(
      StreamExecutionEnvironment env,
      EventPlan plan,
      List<VenueZone> zones,
      List<String> inputs,
      String outDir)
      throws IOException {
    replayFiles(env, plan, zones, inputs, outDir, TaskKey.loadedFrom(plan.privacy().key()));
  }

  /**
   * Wires a replay of files into file outputs.
   *
   * @param key how the decoding tasks get the pseudonym key
   */
  public static void replayFiles(
      StreamExecutionEnvironment env,
      EventPlan plan,
      List<VenueZone> zones,
      List<String> inputs,
      String outDir,
      TaskKey key)
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
    writeFiles(build(plan, zones, lines, false, key), plan, zones, outDir);
  }

  /**
   * Wires a live run: posts from Kafka with event time per partition, density, venue totals, alerts
   * (when the plan detects) and rejects to Kafka, exactly once by default. Checks the topics and
   * settings with the cluster first, so a mistake is a sentence, not a failing job.
   */
  public static void runLive(
      StreamExecutionEnvironment env, EventPlan plan, List<VenueZone> zones, KafkaSettings kafka)
      throws IOException {
    runLive(env, plan, zones, kafka, null);
  }

  /**
   * Wires a live run (see {@link #runLive(StreamExecutionEnvironment, EventPlan, List,
   * KafkaSettings)}), and with an output folder also the plan's tiles under {@code tiles/}, as a
   * file replay writes them.
   *
   * @param outDir the run's output folder (a path or file system URI every TaskManager reaches), or
   *     null for Kafka outputs only
   */
  public static void runLive(
      StreamExecutionEnvironment env,
      EventPlan plan,
      List<VenueZone> zones,
      KafkaSettings kafka,
      String outDir)
      throws IOException {
    KafkaPreflight cluster = KafkaPreflight.check(kafka, KafkaOutputs.topics(plan, kafka));
    DataStream<SourceLine> lines = KafkaPosts.lines(env, plan, kafka, cluster);
    Streams s = build(plan, zones, lines, true);
    // The detector sees every count: its public alerts go to Kafka, its public marks to the tiles.
    SingleOutputStreamOperator<AlertRecord> detector =
        plan.detection().enabled() ? detect(s.counts(), plan, VenueIndex.of(zones)) : null;
    KafkaOutputs.write(s, detector, plan, kafka);
    if (outDir != null && plan.tiles().enabled()) {
      DataStream<VenueMarks> marks =
          detector == null
              ? null
              : detector
                  .getSideOutput(DetectAnomalies.MARKS)
                  .map(new PublicMarks(new MinimumCrowd(plan.privacy().minCrowd())))
                  .name("public marks")
                  .uid("public-marks");
      writeTiles(s, plan, zones, outDir, marks);
    }
  }

  /**
   * Sends the published cells and flows, and the detector's marks when there is a detector (else
   * null), to the tile stage, with the tiles under {@code OUT/tiles}.
   */
  private static void writeTiles(
      Streams s, EventPlan plan, List<VenueZone> zones, String outDir, DataStream<VenueMarks> marks)
      throws IOException {
    String tiles = outDir + "/tiles";
    TileSetInfo info = TileStage.info(plan, zones);
    // The outlines go first: the viewer draws them before any window is published.
    new TileStore(tiles).write("venues.geojson", TileStage.venuesGeoJson(zones));
    // The published flows (each of at least the minimum crowd) go beside each window's tiles.
    TileStage.Flows flows = new TileStage.Flows(s.flows(), s.zoneFlows(), s.flowZones());
    TileStage.attach(s.cells(), plan, info, tiles, marks, flows)
        .sinkTo(new DiscardingSink<>())
        .name("published windows")
        .setParallelism(1);
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
   * files; {@code --plan PLAN [--kafka.NAME VALUE]... [--out DIR]} runs live on Kafka when the plan
   * has a {@code kafka:} section or a {@code --kafka.NAME} argument is given (names as in {@link
   * KafkaSettings#fromMap}; an argument overrides the plan's setting), checkpointed as the plan's
   * {@code checkpoints:} section says, with tiles under {@code DIR/tiles} when an output folder is
   * given. The plan and venue files are read where the job is submitted; the pseudonym key there
   * too (to refuse a run without one) and again by each task, from the same variable or file.
   */
  public static void main(String[] args) throws Exception {
    ParameterTool params = ParameterTool.fromArgs(args);
    EventPlan plan = PlanReader.read(java.nio.file.Path.of(params.getRequired("plan")));
    // No run starts without its pseudonym key. Only the key's source travels with the job: each
    // task loads the key itself, so the secret is never part of the job graph.
    PseudonymKey.load(plan.privacy().key());
    // The plan's kafka: settings, each overridden by a --kafka.NAME argument.
    java.util.Map<String, String> kafka = new java.util.TreeMap<>(plan.live().kafka());
    for (var e : params.toMap().entrySet()) {
      if (e.getKey().startsWith("kafka.")) kafka.put(e.getKey().substring(6), e.getValue());
    }
    if (!kafka.isEmpty() && !params.has("input")) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      Checkpointing.configure(env, plan.live().checkpoints());
      runLive(
          env,
          plan,
          venueZones(plan),
          KafkaSettings.fromMap(kafka, plan.name()),
          params.get("out"));
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
