package org.crowdhex.job;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.crowdhex.density.CellWindow;
import org.crowdhex.flow.FlowWindow;
import org.crowdhex.flow.FlowZones;
import org.crowdhex.flow.ZoneFlowWindow;
import org.crowdhex.job.files.TileStore;
import org.crowdhex.plan.EventPlan;
import org.crowdhex.plan.TileSpec;
import org.crowdhex.tile.ColourRamp;
import org.crowdhex.tile.HeatKernel;
import org.crowdhex.tile.HeatScale;
import org.crowdhex.tileset.TileCount;
import org.crowdhex.tileset.TileReceipt;
import org.crowdhex.tileset.TileSetInfo;
import org.crowdhex.tileset.TileTask;
import org.crowdhex.tileset.VenueMarks;
import org.crowdhex.tileset.WindowCells;
import org.crowdhex.venue.VenueZone;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * The tile stage of the monitor job:
 *
 * <pre>
 * cell windows ──────────────┬─ keyBy(window) assemble  -> one record per window revision
 * detector marks ─┬─ union ──┘   -> fan out to tiles  -> keyBy(window, z, x, y) render PNG + MVT
 * flows ──────────┤              -> publish (one instance) -> alerts.geojson, flows.geojson,
 * zone flows ─────┘                 TileJSON, PMTiles, manifest.json
 * </pre>
 *
 * <p>The detector's marks (each venue's scan scores and open alert per window) become the hex
 * tiles' {@code score} and {@code alert} properties and each window's alerts document; the
 * published flows and zone flows become each window's flows document.
 */
public final class TileStage {
  private TileStage() {}

  /** The heat kernel of a plan: its radius, or 1.5 H3 edges at the plan's resolution. */
  public static HeatKernel kernel(EventPlan plan) {
    if (plan.tiles().kernelMeters() > 0) return new HeatKernel(plan.tiles().kernelMeters());
    try {
      return HeatKernel.forResolution(H3Core.newInstance(), plan.h3Resolution());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the H3 native library", e);
    }
  }

  /** The fixed colour scale of a plan. */
  public static HeatScale scale(TileSpec t) {
    HeatScale.Mapping mapping =
        t.scale().equals("linear") ? HeatScale.Mapping.LINEAR : HeatScale.Mapping.LOG;
    return new HeatScale(t.scaleMax(), mapping, ColourRamp.fromId(t.ramp()));
  }

  /** What every window of the run shares: scale, zooms, the venues' bounds and a centre. */
  public static TileSetInfo info(EventPlan plan, List<VenueZone> zones) {
    Envelope env = new Envelope();
    for (VenueZone z : zones) env.expandToInclude(z.zone().getEnvelopeInternal());
    int centreZoom = Math.max(plan.tiles().minZoom(), Math.min(plan.tiles().maxZoom(), 13));
    return new TileSetInfo(
        plan.name(),
        plan.timeZone().getId(),
        plan.tiles().minZoom(),
        plan.tiles().maxZoom(),
        new double[] {
          round(env.getMinX()), round(env.getMinY()), round(env.getMaxX()), round(env.getMaxY())
        },
        new double[] {round(env.centre().x), round(env.centre().y), centreZoom},
        scale(plan.tiles()),
        kernel(plan).radiusMetres(),
        plan.tiles().pmtiles());
  }

  /** The venue zones as GeoJSON, for the viewer's outlines. */
  public static String venuesGeoJson(List<VenueZone> zones) {
    GeoJsonWriter writer = new GeoJsonWriter(6);
    writer.setEncodeCRS(false);
    StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (int i = 0; i < zones.size(); i++) {
      VenueZone z = zones.get(i);
      if (i > 0) sb.append(",\n");
      sb.append("{\"type\":\"Feature\",\"properties\":{\"id\":")
          .append(quote(z.venue().id()))
          .append(",\"name\":")
          .append(quote(z.venue().name()))
          .append(",\"kind\":")
          .append(quote(z.venue().kind().code()))
          .append("},\"geometry\":")
          .append(writer.write(z.zone()))
          .append('}');
    }
    return sb.append("\n]}\n").toString();
  }

  /**
   * The published flows of a run, for the tile stage.
   *
   * @param edges flows between zones that passed the minimum crowd
   * @param zones inflow and outflow per zone, each figure through the minimum crowd
   * @param where the zones, for the ends of the flow lines
   */
  public record Flows(
      DataStream<FlowWindow> edges, DataStream<ZoneFlowWindow> zones, FlowZones where) {}

  /**
   * Attaches the tile stage to the cell windows of a run that does not detect anomalies: every
   * score is 0 and no window has an alerts document.
   *
   * @param tilesDir the tile folder (local path or file system URI)
   */
  public static DataStream<String> attach(
      DataStream<CellWindow> cells, EventPlan plan, TileSetInfo info, String tilesDir) {
    return attach(cells, plan, info, tilesDir, null);
  }

  /**
   * Attaches the tile stage to the cell windows and the detector's marks.
   *
   * @param tilesDir the tile folder (local path or file system URI)
   * @param marks the detector's marks per venue and window, sent before the watermark passes the
   *     window's end (as {@code DetectAnomalies} does); null when the run does not detect anomalies
   */
  public static DataStream<String> attach(
      DataStream<CellWindow> cells,
      EventPlan plan,
      TileSetInfo info,
      String tilesDir,
      DataStream<VenueMarks> marks) {
    return attach(cells, plan, info, tilesDir, marks, null);
  }

  /**
   * Attaches the tile stage to the cell windows, the detector's marks and the published flows.
   *
   * @param tilesDir the tile folder (local path or file system URI)
   * @param marks the detector's marks per venue and window, sent before the watermark passes the
   *     window's end (as {@code DetectAnomalies} does); null when the run does not detect anomalies
   * @param flows the published flows, whose windows are the cells' windows; null for no flows
   *     documents
   */
  public static DataStream<String> attach(
      DataStream<CellWindow> cells,
      EventPlan plan,
      TileSetInfo info,
      String tilesDir,
      DataStream<VenueMarks> marks,
      Flows flows) {
    TileStore store = new TileStore(tilesDir);
    HeatKernel kernel = kernel(plan);
    boolean detects = marks != null;
    if (marks == null) {
      // No marks, but a stream all the same, following the cells' event time.
      marks =
          cells
              .flatMap(new NoMarks(), TypeInformation.of(VenueMarks.class))
              .name("no marks")
              .uid("no-marks")
              .setParallelism(cells.getParallelism());
    }

    TypeInformation<WindowExtra> extraType = TypeInformation.of(WindowExtra.class);
    DataStream<WindowExtra> extras =
        marks
            .map(WindowExtra::of, extraType)
            .name("marks for tiles")
            .uid("tile-marks")
            .setParallelism(marks.getParallelism());
    if (flows != null) {
      extras =
          extras.union(
              flows
                  .edges()
                  .map(WindowExtra::of, extraType)
                  .name("flows for tiles")
                  .uid("tile-flows")
                  .setParallelism(flows.edges().getParallelism()),
              flows
                  .zones()
                  .map(WindowExtra::of, extraType)
                  .name("zone flows for tiles")
                  .uid("tile-zone-flows")
                  .setParallelism(flows.zones().getParallelism()));
    }

    DataStream<WindowCells> windows =
        cells
            .connect(extras)
            .keyBy(
                CellWindow::windowStart, WindowExtra::windowStart, TypeInformation.of(Long.class))
            .process(
                new AssembleWindows(
                    plan.window().size().toMillis(),
                    plan.window().allowedLateness().toMillis(),
                    detects,
                    flows == null ? null : flows.where()))
            .name("assemble windows")
            .uid("assemble-windows");

    SingleOutputStreamOperator<TileTask> tasks =
        windows
            .process(new FanOutTiles(kernel, info.minZoom(), info.maxZoom()))
            .name("fan out to tiles")
            .uid("fan-out-tiles");
    DataStream<TileCount> counts = tasks.getSideOutput(FanOutTiles.COUNTS);

    KeySelector<TileTask, String> byTile = t -> t.window() + "/" + t.tile();
    DataStream<TileReceipt> receipts =
        tasks
            .keyBy(byTile)
            .process(new RenderTiles(kernel, info.scale(), store))
            .name("render tiles")
            .uid("render-tiles");

    return counts
        .connect(receipts)
        .keyBy(c -> 0, r -> 0, TypeInformation.of(Integer.class))
        .process(new PublishWindows(info, store))
        .name("publish windows")
        .uid("publish-windows")
        .setParallelism(1)
        .setMaxParallelism(1);
  }

  /** Sends nothing: the marks of a run without detection. */
  private static final class NoMarks implements FlatMapFunction<CellWindow, VenueMarks> {
    @Override
    public void flatMap(CellWindow cell, Collector<VenueMarks> out) {}
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  private static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
