package org.crowdhex.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.crowdhex.job.files.TileStore;
import org.crowdhex.pmtiles.PmtilesWriter;
import org.crowdhex.tileset.TileCount;
import org.crowdhex.tileset.TileDocuments;
import org.crowdhex.tileset.TileReceipt;
import org.crowdhex.tileset.TileSetInfo;

/**
 * Lists a window in the manifest once every one of its tiles is stored: it counts the receipts of
 * the renderers against the number of tasks the window fanned out to, then writes the window's
 * alerts document (when the run detects anomalies), its flows document (when the stage is given the
 * flows), its TileJSON (and PMTiles archives when asked), and last rewrites {@code manifest.json}.
 * A reader of the manifest therefore never meets a half-written window. One instance (a single key)
 * sees every window; its state is the published list, so a restart from a checkpoint carries on
 * from it.
 */
final class PublishWindows extends KeyedCoProcessFunction<Integer, TileCount, TileReceipt, String> {
  private final TileSetInfo info;
  private final TileStore store;
  private transient MapState<String, TileCount> expected;
  private transient MapState<String, Integer> received;
  private transient MapState<String, Integer> stored;
  private transient MapState<String, TileDocuments.Entry> published;
  private transient LongCounter windows;

  PublishWindows(TileSetInfo info, TileStore store) {
    this.info = info;
    this.store = store;
  }

  @Override
  public void open(OpenContext context) {
    var rc = getRuntimeContext();
    expected = rc.getMapState(new MapStateDescriptor<>("expected", String.class, TileCount.class));
    received = rc.getMapState(new MapStateDescriptor<>("received", String.class, Integer.class));
    stored = rc.getMapState(new MapStateDescriptor<>("stored", String.class, Integer.class));
    published =
        rc.getMapState(
            new MapStateDescriptor<>("published", String.class, TileDocuments.Entry.class));
    windows = rc.getLongCounter(RunCounters.TILE_WINDOWS);
  }

  @Override
  public void processElement1(TileCount count, Context ctx, Collector<String> out)
      throws Exception {
    expected.put(count.window(), count);
    publishIfComplete(count.window(), out);
  }

  @Override
  public void processElement2(TileReceipt receipt, Context ctx, Collector<String> out)
      throws Exception {
    String w = receipt.window();
    received.put(w, orZero(received.get(w)) + 1);
    stored.put(w, orZero(stored.get(w)) + receipt.stored());
    publishIfComplete(w, out);
  }

  private void publishIfComplete(String window, Collector<String> out) throws Exception {
    TileCount count = expected.get(window);
    if (count == null || orZero(received.get(window)) < count.tasks()) return;
    TileDocuments.Entry entry =
        new TileDocuments.Entry(
            window,
            count.windowStart(),
            count.windowEnd(),
            count.revision(),
            count.cells(),
            orZero(stored.get(window)),
            count.maxDensity(),
            count.alerts() != null,
            count.openAlerts(),
            count.flows() != null);
    if (count.alerts() != null) {
      store.write(window + "/" + TileDocuments.ALERTS, count.alerts());
    }
    if (count.flows() != null) {
      store.write(window + "/" + TileDocuments.FLOWS, count.flows());
    }
    store.write(window + "/heat.json", TileDocuments.tileJson(info, entry, TileDocuments.HEAT));
    store.write(window + "/hex.json", TileDocuments.tileJson(info, entry, TileDocuments.HEX));
    if (info.pmtiles()) writeArchives(window, entry);
    published.put(window, entry);
    List<TileDocuments.Entry> all = new ArrayList<>();
    for (TileDocuments.Entry e : published.values()) all.add(e);
    // Time of publication would make reruns differ; the newest window's end says as much.
    Instant updated =
        Instant.ofEpochMilli(
            all.stream().mapToLong(TileDocuments.Entry::windowEnd).max().orElse(0));
    store.write("manifest.json", TileDocuments.manifest(info, all, updated));
    expected.remove(window);
    received.remove(window);
    stored.remove(window);
    windows.add(1L);
    out.collect(window);
  }

  private void writeArchives(String window, TileDocuments.Entry entry) throws Exception {
    PmtilesWriter heat = PmtilesWriter.forPng();
    PmtilesWriter hex = PmtilesWriter.forVectorTiles();
    for (String rel : store.list(window)) {
      String[] p = rel.split("/");
      if (p.length != 4) continue; // window/z/x/y.ext
      int z = Integer.parseInt(p[1]);
      int x = Integer.parseInt(p[2]);
      String file = p[3];
      if (file.endsWith(".png")) {
        heat.addTile(z, x, Integer.parseInt(file.substring(0, file.length() - 4)), store.read(rel));
      } else if (file.endsWith(".mvt")) {
        hex.addTile(z, x, Integer.parseInt(file.substring(0, file.length() - 4)), store.read(rel));
      }
    }
    double[] b = info.bounds();
    double[] c = info.center();
    for (PmtilesWriter w : List.of(heat, hex)) {
      w.bounds(b[0], b[1], b[2], b[3]).center(c[0], c[1], (int) c[2]);
      w.zooms(info.minZoom(), info.maxZoom());
    }
    heat.metadata(TileDocuments.tileJson(info, entry, TileDocuments.HEAT));
    hex.metadata(TileDocuments.tileJson(info, entry, TileDocuments.HEX));
    if (heat.size() > 0) store.write(window + "/heat.pmtiles", heat.toBytes());
    if (hex.size() > 0) store.write(window + "/hex.pmtiles", hex.toBytes());
  }

  private static int orZero(Integer v) {
    return v == null ? 0 : v;
  }
}
