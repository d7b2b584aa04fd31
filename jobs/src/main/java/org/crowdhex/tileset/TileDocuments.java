package org.crowdhex.tileset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.crowdhex.tile.HeatScale;
import org.crowdhex.vectortile.HexTileEncoder;

/**
 * The JSON documents of a tile store: a TileJSON 3.0 per window and layer (heat PNG, hex MVT), and
 * the {@code manifest.json} listing the published windows. When the run detects anomalies, each
 * window's entry and TileJSON also name its alerts document ({@value #ALERTS}, written by {@link
 * org.crowdhex.alert.OpenAlert#featureCollection}); when the tile stage is given the flows, each
 * window's flows document ({@value #FLOWS}) too. All URLs are relative to the document that holds
 * them, so a store can be moved or served from any prefix.
 *
 * @see <a href="https://github.com/mapbox/tilejson-spec/tree/master/3.0.0">TileJSON 3.0.0</a>
 */
public final class TileDocuments {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The name of the heat tiles' layer in the manifest and TileJSON. */
  public static final String HEAT = "heat";

  /** The name of the hex tiles' layer; its MVT layer is {@link HexTileEncoder#LAYER}. */
  public static final String HEX = "hex";

  private TileDocuments() {}

  /** The name of each window's alerts document, in the window's folder. */
  public static final String ALERTS = "alerts.geojson";

  /**
   * The name of each window's flows document, in the window's folder: the window's published flows
   * between zones and each zone's inflow and outflow.
   */
  public static final String FLOWS = "flows.geojson";

  /**
   * One published window as the manifest lists it.
   *
   * @param alerts whether the window has an alerts document ({@value #ALERTS})
   * @param openAlerts alerts open at the window's end
   * @param flows whether the window has a flows document ({@value #FLOWS})
   */
  public record Entry(
      String id,
      long windowStart,
      long windowEnd,
      int revision,
      int cells,
      int tiles,
      double maxDensity,
      boolean alerts,
      int openAlerts,
      boolean flows) {
    /** A window without a flows document. */
    public Entry(
        String id,
        long windowStart,
        long windowEnd,
        int revision,
        int cells,
        int tiles,
        double maxDensity,
        boolean alerts,
        int openAlerts) {
      this(
          id,
          windowStart,
          windowEnd,
          revision,
          cells,
          tiles,
          maxDensity,
          alerts,
          openAlerts,
          false);
    }

    /** A window of a run that does not detect anomalies: no alerts document. */
    public Entry(
        String id,
        long windowStart,
        long windowEnd,
        int revision,
        int cells,
        int tiles,
        double maxDensity) {
      this(id, windowStart, windowEnd, revision, cells, tiles, maxDensity, false, 0, false);
    }
  }

  /** The TileJSON of one window's heat (PNG) or hex (MVT) tiles, relative to the window folder. */
  public static String tileJson(TileSetInfo info, Entry window, String layer) {
    ObjectNode t = JSON.createObjectNode();
    t.put("tilejson", "3.0.0");
    t.put("name", info.name() + " · " + layer + " · " + window.id());
    t.put(
        "description",
        layer.equals(HEAT)
            ? "Kernel density of " + info.scale().units() + ", window " + window.id()
            : "H3 cells with posts, distinct authors, density, anomaly score and open alert,"
                + " window "
                + window.id());
    t.put("version", "1.0.0");
    t.put("scheme", "xyz");
    t.putArray("tiles").add(layer.equals(HEAT) ? "{z}/{x}/{y}.png" : "{z}/{x}/{y}.mvt");
    t.put("minzoom", info.minZoom());
    t.put("maxzoom", info.maxZoom());
    ArrayNode b = t.putArray("bounds");
    for (double v : info.bounds()) b.add(v);
    ArrayNode c = t.putArray("center");
    c.add(info.center()[0]).add(info.center()[1]).add((int) info.center()[2]);
    t.put("attribution", "crowdhex · geotagged posts aggregated per H3 cell");
    if (layer.equals(HEX)) {
      t.putArray("vector_layers").add(HexTileEncoder.vectorLayer(info.minZoom(), info.maxZoom()));
    } else {
      t.set("scale", scale(info.scale()));
    }
    ObjectNode w = t.putObject("window");
    window(w, window);
    if (window.alerts()) w.put("alerts", ALERTS); // beside this document
    if (window.flows()) w.put("flows", FLOWS);
    return write(t);
  }

  /** The manifest of a store: the run's common facts and the published windows in time order. */
  public static String manifest(TileSetInfo info, Collection<Entry> windows, Instant updated) {
    ObjectNode m = JSON.createObjectNode();
    m.put("version", 1);
    m.put("name", info.name());
    m.put("time_zone", info.timeZone());
    m.put("units", info.scale().units());
    m.set("scale", scale(info.scale()));
    m.put("kernel_m", Math.round(info.kernelMeters() * 10) / 10.0);
    ArrayNode b = m.putArray("bounds");
    for (double v : info.bounds()) b.add(v);
    ArrayNode c = m.putArray("center");
    c.add(info.center()[0]).add(info.center()[1]).add((int) info.center()[2]);
    m.put("minzoom", info.minZoom());
    m.put("maxzoom", info.maxZoom());
    m.put("venues", "venues.geojson");
    m.put("mvt_layer", HexTileEncoder.LAYER);
    m.put("updated", updated.toString());
    ArrayNode list = m.putArray("windows");
    List<Entry> sorted =
        windows.stream()
            .sorted(Comparator.comparingLong(Entry::windowStart).thenComparingInt(Entry::revision))
            .toList();
    for (Entry w : sorted) {
      ObjectNode e = list.addObject();
      window(e, w);
      e.put("tilejson", w.id() + "/" + HEAT + ".json");
      e.put("hex_tilejson", w.id() + "/" + HEX + ".json");
      e.put("png", w.id() + "/{z}/{x}/{y}.png");
      e.put("mvt", w.id() + "/{z}/{x}/{y}.mvt");
      if (w.alerts()) e.put("alerts", w.id() + "/" + ALERTS);
      if (w.flows()) e.put("flows", w.id() + "/" + FLOWS);
      if (info.pmtiles()) {
        e.put("pmtiles", w.id() + "/" + HEAT + ".pmtiles");
        e.put("hex_pmtiles", w.id() + "/" + HEX + ".pmtiles");
      }
    }
    return write(m);
  }

  private static void window(ObjectNode e, Entry w) {
    e.put("id", w.id());
    e.put("start", Instant.ofEpochMilli(w.windowStart()).toString());
    e.put("end", Instant.ofEpochMilli(w.windowEnd()).toString());
    e.put("revision", w.revision());
    e.put("cells", w.cells());
    e.put("tiles", w.tiles());
    e.put("max_density", Math.round(w.maxDensity() * 10) / 10.0);
    if (w.alerts()) e.put("open_alerts", w.openAlerts());
  }

  private static ObjectNode scale(HeatScale s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("kind", s.mapping().id());
    o.put("max", s.maxDensity());
    o.put("ramp", s.ramp().id());
    o.put("units", s.units());
    ArrayNode stops = o.putArray("stops");
    for (HeatScale.LegendStop stop : s.legend()) {
      ObjectNode st = stops.addObject();
      st.put("value", stop.density()); // already rounded to two significant digits
      st.put("color", stop.colour());
      st.put("opacity", Math.round(stop.opacity() * 1000) / 1000.0);
    }
    return o;
  }

  private static String write(ObjectNode n) {
    try {
      return JSON.writeValueAsString(n) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
